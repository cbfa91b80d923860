/**
 * One survey at a time per response file. Two `pes survey --resume` in one folder (two
 * laptops on a shared drive, a second terminal) would otherwise take the same file and
 * overwrite each other's answers. The lock is a file beside the response holding the
 * survey's process id; a lock whose process is gone (a killed survey) is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../load/located-error.js';
import { describeFsError } from './io.js';
import { isRunning } from './write-output.js';

export function lockFileOf(responseFile: string): string {
  return join(dirname(responseFile), `.${basename(responseFile)}.lock`);
}

/** The process id holding the lock of this response, if that process is still running. */
export function lockHolder(responseFile: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(lockFileOf(responseFile), 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid) ? pid : undefined;
}

/**
 * Takes the lock, or returns the id of the live process that holds it. The lock is
 * released by the returned function, and in any case when this process exits.
 */
export function lockResponse(responseFile: string): { release: () => void } | { heldBy: number } {
  const lock = lockFileOf(responseFile);
  for (let attempt = 0; attempt < 3; attempt++) {
    let descriptor: number;
    try {
      descriptor = openSync(lock, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new UserError({ file: responseFile, message: describeFsError(error, 'cannot write the file') });
      const holder = lockHolder(responseFile);
      if (holder !== undefined) return { heldBy: holder };
      // Its survey is gone: the lock is stale.
      rmSync(lock, { force: true });
      continue;
    }
    writeSync(descriptor, `${process.pid}\n`);
    closeSync(descriptor);
    const release = () => {
      process.removeListener('exit', release);
      if (readLockPid(lock) === process.pid) rmSync(lock, { force: true });
    };
    process.on('exit', release);
    return { release };
  }
  throw new Error(`could not take the lock ${lock}`);
}

function readLockPid(lock: string): number | undefined {
  try {
    return Number(readFileSync(lock, 'utf8').trim());
  } catch {
    return undefined;
  }
}

const LOCK_NAME = /^\..+\.lock$/;

/** Locks left by killed surveys are removed when the next survey starts in the folder. */
export function removeStaleLocks(dir: string, names: readonly string[]): void {
  for (const name of names) {
    if (!LOCK_NAME.test(name)) continue;
    const responseFile = join(dir, name.slice(1, -'.lock'.length));
    if (lockHolder(responseFile) === undefined && readLockPid(join(dir, name)) !== process.pid) rmSync(join(dir, name), { force: true });
  }
}
