/**
 * The file system, as the CLI uses it: reading inputs with clear errors and a size
 * limit, and writing outputs atomically (temp file + rename) without ever
 * clobbering an input or a file the tool did not create unless told to.
 */
import { closeSync, fsyncSync, openSync, promises as fsPromises, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { isUserError, UserError } from '../load/located-error.js';
import { DEFAULT_MAX_INPUT_MB } from '../model/defaults.js';


export function readTextInput(file: string, maxMegabytes = DEFAULT_MAX_INPUT_MB): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new UserError({ file, message: 'is a directory, not a file' });
    size = stat.size;
  } catch (error) {
    if (isUserError(error)) throw error;
    throw new UserError({ file, message: describeFsError(error, 'cannot read the file') });
  }
  if (size > maxMegabytes * 1024 * 1024) {
    throw new UserError({
      file,
      message: `refused: the file is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${maxMegabytes} MB limit (raise it with --max-input-mb)`,
    });
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UserError({ file, message: describeFsError(error, 'cannot read the file') });
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** How a path appears in reports: relative to the working directory, with forward slashes, so output is the same on every machine. */
export function displayPath(file: string): string {
  const relativePath = relative(process.cwd(), resolve(file));
  const shown = relativePath.startsWith('..') ? resolve(file) : relativePath;
  return shown.split(sep).join('/');
}

export interface WriteOptions {
  /** Overwrite a file that already exists. */
  force?: boolean;
  /** Files this command reads: never overwritten, whatever --force says. */
  inputs?: readonly string[];
}

let temporaryCounter = 0;

export function writeFileAtomic(target: string, content: string, options: WriteOptions = {}): void {
  const targetReal = realPathOrSelf(target);
  for (const input of options.inputs ?? []) {
    if (realPathOrSelf(input) === targetReal) throw new UserError({ file: target, message: 'refused: the output would overwrite an input file' });
  }
  if (!options.force && exists(target)) {
    throw new UserError({ file: target, message: 'refused: the file exists (use --force to overwrite it)' });
  }
  const temporary = temporaryFileFor(target);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(temporary, 'wx', 0o644);
    writeSync(descriptor, content);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    renameSync(temporary, target);
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    rmSync(temporary, { force: true });
    throw new UserError({ file: target, message: describeFsError(error, 'cannot write the file') });
  }
}

/** pid + counter names are unique per process; opening with 'wx' refuses any leftover of the same name. */
function temporaryFileFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${++temporaryCounter}.tmp`);
}

/**
 * writeFileAtomic for a server: the same temp file, fsync and rename, without
 * holding up every other request while the disk syncs. It replaces the target
 * unconditionally, so it is only for files the caller owns (the workshop's responses).
 */
export async function replaceFileAtomic(target: string, content: string): Promise<void> {
  const temporary = temporaryFileFor(target);
  let handle: Awaited<ReturnType<typeof fsPromises.open>> | undefined;
  try {
    handle = await fsPromises.open(temporary, 'wx', 0o644);
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fsPromises.rename(temporary, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fsPromises.rm(temporary, { force: true });
    throw new UserError({ file: target, message: describeFsError(error, 'cannot write the file') });
  }
}

const TEMPORARY_NAME = /^\..+\.(\d+)\.\d+\.tmp$/;

/**
 * A process killed between writing its temp file and renaming it leaves the temp
 * file behind. Those whose writer is no longer running are removed; a live
 * writer's file is left alone.
 */
export function removeAbandonedTemporaries(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const writer = TEMPORARY_NAME.exec(name)?.[1];
    if (writer !== undefined && !isRunning(Number(writer))) rmSync(join(dir, name), { force: true });
  }
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

function realPathOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}

export function describeFsError(error: unknown, what: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `${what}: no such file or directory`;
    case 'EACCES':
    case 'EPERM':
      return `${what}: permission denied`;
    case 'EISDIR':
      return `${what}: is a directory`;
    case 'ENOSPC':
      return `${what}: no space left on the device`;
    default:
      return `${what}: ${(error as Error | undefined)?.message ?? String(error)}`;
  }
}
