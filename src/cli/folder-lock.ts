/**
 * One writer per folder: a lock file created exclusively, holding the owner's pid.
 * A lock whose process is gone (killed with SIGKILL, a crash, a reboot) is stale
 * and taken over; a live one is refused with a clear message.
 */
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { UserError } from '../load/located-error.js';
import { displayPath } from './io.js';
import { isRunning } from './write-output.js';

export interface FolderLock {
  release(): void;
}

interface Owner {
  pid: number;
  host: string;
  since: string;
}

/** `what` names the holder in the refusal, e.g. "pes workshop". */
export function lockFolder(lockFile: string, folder: string, what: string): FolderLock {
  const owner: Owner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  // Written beside the lock, then linked into place: a lock file never exists without its owner in it.
  const mine = `${lockFile}.${process.pid}.tmp`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(mine, JSON.stringify(owner), { mode: 0o600 });
      linkSync(mine, lockFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new UserError({ file: displayPath(lockFile), message: `cannot lock the folder: ${(error as Error).message}` });
      const holder = readOwner(lockFile);
      if (holder && (holder.host !== hostname() || isRunning(holder.pid))) {
        throw new UserError({
          file: displayPath(folder),
          message: `another ${what} is using this folder (pid ${holder.pid} on ${holder.host}, since ${holder.since}); stop it first or choose another --dir. If none is running, delete ${displayPath(lockFile)}`,
        });
      }
      // Stale: its writer is gone.
      rmSync(lockFile, { force: true });
      continue;
    } finally {
      rmSync(mine, { force: true });
    }
    return {
      release: () => {
        // Only our own lock: a lock taken over after ours went stale is someone else's.
        if (readOwner(lockFile)?.pid === process.pid) rmSync(lockFile, { force: true });
      },
    };
  }
  throw new UserError({ file: displayPath(folder), message: `cannot lock the folder: another ${what} keeps taking it` });
}

function readOwner(lockFile: string): Owner | null {
  try {
    const owner = JSON.parse(readFileSync(lockFile, 'utf8')) as Partial<Owner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? { pid: owner.pid, host: owner.host, since: String(owner.since) } : null;
  } catch {
    // Damaged or gone: nobody holds it.
    return null;
  }
}
