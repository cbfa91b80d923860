/**
 * The file system, as the CLI reads it: inputs with clear errors, a size limit and
 * their encoding checked; paths as reports show them; file-system errors in words.
 * Writing is in write-output.ts.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { decodeText } from '../load/decode-text.js';
import { isUserError, UserError } from '../load/located-error.js';
import { DEFAULT_MAX_INPUT_MB } from '../model/defaults.js';
import { noteInputRead } from './compiler-tiers.js';


/**
 * Reads an input file as UTF-8 text. Only regular files are read: a FIFO would wait for
 * a writer forever and /dev/zero never ends, so anything else is refused with what it
 * is. The file is opened first and examined through its descriptor (so what was checked
 * is what is read), without blocking, and never read past the size limit, even if it
 * grows meanwhile.
 */
export function readTextInput(file: string, maxMegabytes = DEFAULT_MAX_INPUT_MB): string {
  const decoded = decodeText(readInputBytes(file, maxMegabytes));
  if (!decoded.ok) throw new UserError({ file, ...(decoded.position ? { position: decoded.position } : {}), message: decoded.message });
  return decoded.text;
}

/** An input file's bytes, with the same checks as readTextInput, for inputs that are not always UTF-8 text (a forms export). */
export function readInputBytes(file: string, maxMegabytes = DEFAULT_MAX_INPUT_MB): Buffer {
  if (file === '') throw new UserError({ file: 'pes', message: 'a file name is empty' });
  const limit = maxMegabytes * 1024 * 1024;
  let descriptor: number;
  try {
    descriptor = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    throw new UserError({ file, message: describeFsError(error, 'cannot read the file') });
  }
  try {
    const stat = fstatSync(descriptor);
    if (stat.isDirectory()) throw new UserError({ file, message: 'is a folder, not a file' });
    if (!stat.isFile()) throw new UserError({ file, message: `is ${kindOf(stat)}, not a regular file; pes reads only files (save the content to a file first)` });
    if (stat.size > limit) throw new UserError({ file, message: overLimit(stat.size, maxMegabytes) });
    const bytes = Buffer.allocUnsafe(Math.min(stat.size, limit) + 1);
    let length = 0;
    for (;;) {
      const read = readSync(descriptor, bytes, length, bytes.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > limit) throw new UserError({ file, message: overLimit(length, maxMegabytes) });
      if (length === bytes.length) break;
    }
    noteInputRead(length);
    return bytes.subarray(0, length);
  } catch (error) {
    if (isUserError(error)) throw error;
    throw new UserError({ file, message: describeFsError(error, 'cannot read the file') });
  } finally {
    closeSync(descriptor);
  }
}

function overLimit(bytes: number, maxMegabytes: number): string {
  return `refused: the file is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the ${maxMegabytes} MB limit (raise it with --max-input-mb)`;
}

/** What a file that is not a regular file is, in words. */
export function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a device';
  if (stat.isBlockDevice()) return 'a disk (block device)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isDirectory()) return 'a folder';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** How a path appears in reports: relative to the working directory, with forward slashes, so output is the same on every machine. */
export function displayPath(file: string): string {
  const relativePath = relative(process.cwd(), resolve(file));
  // Outside the working directory (or on another drive) the path is shown whole; `..notes.yaml` is inside.
  const outside = relativePath === '..' || relativePath.startsWith(`..${sep}`) || isAbsolute(relativePath);
  return (outside ? resolve(file) : relativePath).split(sep).join('/');
}

/**
 * displayPath for many files at once: each folder's shown path is worked out once and
 * the file's name added to it, as a responses folder of thousands of files needs.
 */
export function displayPaths(): (file: string) => string {
  const folders = new Map<string, string>();
  return (file) => {
    const folder = dirname(file);
    let shown = folders.get(folder);
    if (shown === undefined) folders.set(folder, (shown = displayPath(folder)));
    return posix.join(shown, basename(file));
  };
}

/**
 * The file's real path (links resolved), or its absolute path when it does not exist.
 * The system's own realpath: the JavaScript one applies `..` to the text before it
 * follows any link, so for `link/../p.yaml` it names another file than opening it does.
 */
export function realPath(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return resolve(file);
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
    case 'EDQUOT':
      return `${what}: the disk quota is used up`;
    case 'EFBIG':
      return `${what}: over the largest file size allowed here`;
    case 'EROFS':
      return `${what}: the file system is read-only`;
    case 'ENOTDIR':
      return `${what}: a part of the path is a file, not a folder`;
    case 'ELOOP':
      return `${what}: too many symbolic links`;
    case 'ENAMETOOLONG':
      return `${what}: the name is too long`;
    case 'ENXIO':
      return `${what}: nothing is listening on it (a socket, or a device that is not there)`;
    case 'EIO':
      return `${what}: the device reported an input/output error`;
    default:
      return `${what}: ${(error as Error | undefined)?.message ?? String(error)}`;
  }
}

/** Lines in a text, a last line without its newline included: what a finding on the whole file spans. */
export function lineCount(text: string): number {
  const breaks = text.match(/\r\n|\r|\n/g)?.length ?? 0;
  return Math.max(1, breaks + (text === '' || /[\r\n]$/.test(text) ? 0 : 1));
}
