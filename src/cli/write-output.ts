/**
 * Writing outputs so that nothing is lost. A file is written whole to a temporary file
 * beside it, every byte checked, flushed to the disk (fsync), and only then renamed over
 * the target: a reader never sees half a report, and a failure (a full disk, a quota,
 * a killed process) leaves the old file exactly as it was. Several files are written
 * all or nothing. An input of the run is never a target, whatever --force says; a
 * device or a named pipe is written as a stream, never replaced; a symbolic link is
 * written through, so the link stays a link.
 */
import { closeSync, constants, existsSync, fchmodSync, linkSync, fstatSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readlinkSync, realpathSync, renameSync, rmdirSync, rmSync, statSync, writeSync, promises as fsPromises, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isUserError, UserError, type LocatedError } from '../load/located-error.js';
import { describeFsError, kindOf, realPath } from './io.js';
import { writeStdout } from './terminal.js';

export interface WriteOptions {
  /** Replace files that exist. */
  force?: boolean;
  /** Every file this run reads: never written, whatever --force says. */
  inputs?: readonly string[];
}

export interface Output {
  file: string;
  content: string;
  /**
   * Whether an existing file may be replaced, given --force. Without it any regular
   * file may be (the user said --force); a survey import allows only its own responses.
   */
  mayReplace?: (file: string) => string | undefined;
}

/** Where the bytes go: a new or replaced regular file (atomically), or a stream. */
type Destination =
  | { kind: 'file'; file: string; path: string; mode?: number }
  | { kind: 'stream'; file: string; path: string }
  | { kind: 'descriptor'; file: string; descriptor: number };

export function writeFileAtomic(target: string, content: string, options: WriteOptions = {}): void {
  writeOutputs([{ file: target, content }], options);
}

/**
 * Writes every output or none. All targets are checked before any byte is written; the
 * files are then staged (written and flushed beside their targets) and renamed into place
 * only when every one of them is complete. Streams (devices, pipes) come last, since
 * they cannot be taken back.
 */
export function writeOutputs(outputs: readonly Output[], options: WriteOptions = {}): void {
  const inputs = identities(options.inputs ?? []);
  const errors: LocatedError[] = [];
  const destinations: { destination: Destination; content: string }[] = [];
  const seen = new Set<string>();
  const checkedFolders = new Set<string>();
  for (const output of outputs) {
    try {
      const destination = destinationOf(output, options, inputs, checkedFolders);
      const key = destination.kind === 'descriptor' ? `fd:${destination.descriptor}` : resolve(destination.path);
      if (seen.has(key)) throw new UserError({ file: output.file, message: 'refused: two outputs of this run would go to this one file' });
      seen.add(key);
      destinations.push({ destination, content: output.content });
    } catch (error) {
      if (!isUserError(error)) throw error;
      errors.push(...error.errors);
    }
  }
  if (errors.length > 0) throw new UserError(errors);

  const staged: { temporary: string; destination: Destination & { kind: 'file' } }[] = [];
  const files = destinations.filter(({ destination }) => destination.kind === 'file').length;
  // Many files (a large survey import) are flushed together once they are all written: one
  // flush of the file system instead of one per file, which cost minutes for 100,000 files.
  const together = files >= FLUSH_TOGETHER;
  try {
    for (const { destination, content } of destinations) {
      if (destination.kind === 'file') staged.push({ temporary: stage(destination, content, !together), destination });
    }
    if (together) flushAll(staged.map(({ temporary, destination }) => ({ temporary, file: destination.file })));
  } catch (error) {
    for (const { temporary } of staged) rmSync(temporary, { force: true });
    throw error;
  }
  commit(staged);
  for (const { destination, content } of destinations) {
    if (destination.kind === 'stream') writeStream(destination, content);
    if (destination.kind === 'descriptor') writeDescriptor(destination, content);
  }
}

/**
 * Outputs added one at a time and put in place together, for a caller with more files than
 * it should hold at once (a survey import of 100,000 respondents). Each output is checked
 * and staged (written beside its target) as it is added; commit() flushes them all to the
 * disk with one flush and puts them in place, all or none; abort() takes the staged files
 * back. Once an output is refused, the rest are still checked (every problem is reported)
 * but no longer staged. Regular files only: a stream cannot be staged.
 */
export class OutputBatch {
  private readonly inputs: Identities;
  private readonly seen = new Set<string>();
  private readonly checkedFolders = new Set<string>();
  private staged: { temporary: string; destination: Destination & { kind: 'file' } }[] = [];
  private readonly errors: LocatedError[] = [];

  constructor(private readonly options: WriteOptions = {}) {
    this.inputs = identities(options.inputs ?? []);
  }

  add(output: Output): void {
    try {
      const destination = destinationOf(output, this.options, this.inputs, this.checkedFolders);
      if (destination.kind !== 'file') throw new UserError({ file: output.file, message: 'refused: it is not a regular file' });
      const key = resolve(destination.path);
      if (this.seen.has(key)) throw new UserError({ file: output.file, message: 'refused: two outputs of this run would go to this one file' });
      this.seen.add(key);
      if (this.errors.length === 0) this.staged.push({ temporary: stage(destination, output.content, false), destination });
    } catch (error) {
      if (!isUserError(error)) {
        this.abort();
        throw error;
      }
      this.errors.push(...error.errors);
    }
  }

  /** Puts every staged file in place, or throws every problem found and leaves nothing. */
  commit(): void {
    if (this.errors.length > 0) {
      this.abort();
      throw new UserError(this.errors);
    }
    try {
      flushAll(this.staged.map(({ temporary, destination }) => ({ temporary, file: destination.file })));
    } catch (error) {
      this.abort();
      throw error;
    }
    const staged = this.staged;
    this.staged = [];
    commit(staged);
  }

  abort(): void {
    for (const { temporary } of this.staged) rmSync(temporary, { force: true });
    this.staged = [];
  }
}

/** /dev/stdout, /dev/fd/3, /proc/self/fd/1: a descriptor this process already holds. */
const DESCRIPTOR_PATH = /^\/(?:dev\/(?:std(in|out|err)|fd\/(\d+))|proc\/(?:self|thread-self)\/fd\/(\d+))$/;

/** The descriptor path a file names, directly or through symbolic links (`out -> /dev/stdout`). */
function descriptorPathOf(file: string): RegExpExecArray | null {
  let current = resolve(file);
  for (let hop = 0; hop < 40; hop++) {
    const named = DESCRIPTOR_PATH.exec(current);
    if (named) return named;
    let target: string;
    try {
      target = readlinkSync(current);
    } catch {
      return null;
    }
    current = resolve(dirname(current), target);
  }
  return null;
}

function destinationOf(output: Output, options: WriteOptions, inputs: Identities, checkedFolders: Set<string>): Destination {
  const file = output.file;
  if (file === '') throw new UserError({ file: 'pes', message: 'an output file name is empty' });
  let link: Stats | undefined;
  try {
    link = lstatSync(file, { throwIfNoEntry: false });
  } catch (error) {
    throw new UserError({ file, message: describeFsError(error, 'cannot write the file') });
  }
  // A name that does not exist is no link: it names a descriptor only as written (/dev/fd/9).
  const named = link === undefined ? DESCRIPTOR_PATH.exec(resolve(file)) : descriptorPathOf(file);
  if (named) {
    if (named[1] === 'in') throw new UserError({ file, message: 'refused: that is standard input' });
    const descriptor = named[1] !== undefined ? ['in', 'out', 'err'].indexOf(named[1]) : Number(named[2] ?? named[3]);
    refuseInput(file, safeFstat(descriptor, file), inputs);
    return { kind: 'descriptor', file, descriptor };
  }
  if (link === undefined) {
    // One check per folder: an import writes thousands of files into one.
    const folder = dirname(resolve(file));
    if (!checkedFolders.has(folder)) {
      checkFolder(file);
      checkedFolders.add(folder);
    }
    return { kind: 'file', file, path: file };
  }
  let path = file;
  let stat = link;
  if (link.isSymbolicLink()) {
    try {
      path = realpathSync.native(file);
      stat = statSync(path);
    } catch {
      throw new UserError({ file, message: 'refused: a symbolic link to nothing (pes writes through a link only to a file that exists)' });
    }
  }
  refuseInput(file, stat, inputs);
  if (stat.isDirectory()) throw new UserError({ file, message: 'cannot write the file: it is a folder' });
  if (stat.isCharacterDevice() || stat.isFIFO()) return { kind: 'stream', file, path };
  if (!stat.isFile()) throw new UserError({ file, message: `refused: it is ${kindOf(stat)}` });
  if (!options.force) throw new UserError({ file, message: 'refused: the file exists (use --force to overwrite it)' });
  const objection = output.mayReplace?.(realPath(path));
  if (objection !== undefined) throw new UserError({ file, message: `refused: ${objection}` });
  return { kind: 'file', file, path, mode: stat.mode & 0o777 };
}

/** A new file needs a folder to go in; say which part is missing rather than "no such file". */
function checkFolder(file: string): void {
  const folder = dirname(resolve(file));
  let stat: Stats;
  try {
    stat = statSync(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError({ file, message: 'cannot write the file: no such file or directory' });
    throw new UserError({ file, message: describeFsError(error, 'cannot write the file') });
  }
  if (!stat.isDirectory()) throw new UserError({ file, message: `cannot write the file: ${dirname(file)} is not a folder` });
}

function safeFstat(descriptor: number, file: string): Stats {
  try {
    return fstatSync(descriptor);
  } catch (error) {
    throw new UserError({ file, message: describeFsError(error, 'cannot write to it') });
  }
}

let temporaryCounter = 0;

/** pid + counter names are unique per process; opening with 'wx' refuses any leftover of the same name. */
function temporaryFileFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${++temporaryCounter}.tmp`);
}

/**
 * The same temp file, checked write, fsync, rename and folder flush as a staged file, for a
 * server that must not hold up every other request while the disk syncs. It replaces the
 * target unconditionally, so it is only for files the caller owns (the workshop's responses).
 */
export async function replaceFileAtomic(target: string, content: string): Promise<void> {
  const temporary = temporaryFileFor(target);
  let handle: Awaited<ReturnType<typeof fsPromises.open>> | undefined;
  try {
    handle = await fsPromises.open(temporary, 'wx', 0o644);
    await handle.writeFile(content);
    await handle.sync();
    const closing = handle;
    handle = undefined;
    await closing.close();
    await fsPromises.rename(temporary, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fsPromises.rm(temporary, { force: true });
    throw new UserError({ file: target, message: describeFsError(error, 'cannot write the file') });
  }
  // The rename is made durable by flushing the folder that holds it, as for every other write.
  const folder = await fsPromises.open(dirname(target), constants.O_RDONLY | constants.O_DIRECTORY).catch(() => undefined);
  await folder?.sync().catch(() => undefined);
  await folder?.close().catch(() => undefined);
}

/** From this many files on, a write flushes them all at once rather than each in turn. */
const FLUSH_TOGETHER = 32;

/**
 * Flushes written files to the disk. Many of them on Linux: one syncfs(2) of each file
 * system they are on (coreutils' `sync -f`); a few, elsewhere, or if that fails: each file
 * in turn, as a single write would be.
 */
function flushAll(written: readonly { temporary: string; file: string }[]): void {
  const folders = [...new Set(written.map(({ temporary }) => dirname(temporary)))];
  if (written.length >= FLUSH_TOGETHER && process.platform === 'linux') {
    // Fetched here, not imported: child_process and the stream modules it pulls in cost every run about 4 ms.
    const flushed = process.getBuiltinModule('node:child_process').spawnSync('sync', ['-f', ...folders], { stdio: 'ignore' });
    if (flushed.status === 0) return;
  }
  for (const { temporary, file } of written) {
    let descriptor: number | undefined;
    try {
      descriptor = openSync(temporary, constants.O_RDONLY);
      fsyncSync(descriptor);
    } catch (error) {
      throw new UserError({ file, message: describeFsError(error, 'cannot write the file') });
    } finally {
      if (descriptor !== undefined) closeQuietly(descriptor);
    }
  }
}

/** Writes the content beside its target, flushed to the disk unless the caller flushes many at once; returns the temporary file's name. */
function stage(destination: Destination & { kind: 'file' }, content: string, flush = true): string {
  const { file, path } = destination;
  const temporary = temporaryFileFor(path);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(temporary, 'wx', 0o644);
    writeAll(descriptor, Buffer.from(content, 'utf8'));
    // A replaced file keeps its permissions.
    if (destination.mode !== undefined) fchmodSync(descriptor, destination.mode);
    if (flush) fsyncSync(descriptor);
    const closing = descriptor;
    descriptor = undefined;
    closeSync(closing);
    return temporary;
  } catch (error) {
    if (descriptor !== undefined) closeQuietly(descriptor);
    rmSync(temporary, { force: true });
    throw new UserError({ file, message: describeFsError(error, 'cannot write the file') });
  }
}

/** writeSync may write less than asked (a disk that fills up mid-write): loop, and let the next call report the error. */
function writeAll(descriptor: number, bytes: Buffer): void {
  let written = 0;
  while (written < bytes.length) {
    const count = writeSync(descriptor, bytes, written, bytes.length - written);
    if (count <= 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    written += count;
  }
}

function commit(staged: readonly { temporary: string; destination: Destination & { kind: 'file' } }[]): void {
  const folders = new Set<string>();
  const created: string[] = [];
  for (const [index, { temporary, destination }] of staged.entries()) {
    try {
      if (destination.mode === undefined) {
        placeNew(temporary, destination);
        created.push(destination.path);
      } else {
        renameSync(temporary, destination.path);
      }
    } catch (error) {
      for (const later of staged.slice(index)) rmSync(later.temporary, { force: true });
      // All or none: the files this write created are taken back (a replaced one cannot be).
      for (const path of created) rmSync(path, { force: true });
      if (isUserError(error)) throw error;
      throw new UserError({ file: destination.file, message: describeFsError(error, 'cannot write the file') });
    }
    folders.add(dirname(destination.path));
  }
  // The rename itself is made durable by flushing the folder that holds it.
  for (const folder of folders) syncFolder(folder);
}

/**
 * A new file is put in place with link(), which, unlike rename(), refuses a name that
 * exists: a file another program made there since the check is never replaced without
 * --force. A file system without hard links gets a plain rename.
 */
function placeNew(temporary: string, destination: Destination & { kind: 'file' }): void {
  try {
    linkSync(temporary, destination.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      rmSync(temporary, { force: true });
      throw new UserError({ file: destination.file, message: 'refused: the file exists (use --force to overwrite it)' });
    }
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'EMLINK') throw error;
    renameSync(temporary, destination.path);
    return;
  }
  rmSync(temporary, { force: true });
}

function syncFolder(folder: string): void {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(folder, constants.O_RDONLY | constants.O_DIRECTORY);
    fsyncSync(descriptor);
  } catch {
    // Some file systems cannot flush a folder; the file itself is already on the disk.
  } finally {
    if (descriptor !== undefined) closeQuietly(descriptor);
  }
}

/** A device or named pipe: written in place, like `> /dev/null` in a shell. */
function writeStream(destination: Destination & { kind: 'stream' }, content: string): void {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(destination.path, constants.O_WRONLY | constants.O_NOCTTY);
    writeAll(descriptor, Buffer.from(content, 'utf8'));
    const closing = descriptor;
    descriptor = undefined;
    closeSync(closing);
  } catch (error) {
    if (descriptor !== undefined) closeQuietly(descriptor);
    throw new UserError({ file: destination.file, message: describeFsError(error, 'cannot write to it') });
  }
}

function writeDescriptor(destination: Destination & { kind: 'descriptor' }, content: string): void {
  if (destination.descriptor === 1) {
    writeStdout(content);
    return;
  }
  try {
    writeAll(destination.descriptor, Buffer.from(content, 'utf8'));
  } catch (error) {
    throw new UserError({ file: destination.file, message: describeFsError(error, 'cannot write to it') });
  }
}

function closeQuietly(descriptor: number): void {
  try {
    closeSync(descriptor);
  } catch {
    // Already failing; the first error is the one to report.
  }
}

type Identities = { paths: Set<string>; inodes: Set<string> };

/**
 * Inputs by real path and by device and inode, so neither a link nor a second name
 * reaches one. A run can have thousands of inputs (a responses folder), so each costs
 * one lstat: a file that is not a link has the real path of its folder, worked out
 * once per folder, and lstat's inode is its own. The file is examined by the name it
 * was read by, never by a path worked out from it: in `link/../p.yaml` the `..` is
 * taken after the link, as reading it did, and path.resolve would take it before
 * (realPath is the system's, for the same reason).
 */
function identities(files: readonly string[]): Identities {
  const paths = new Set<string>();
  const inodes = new Set<string>();
  const realFolders = new Map<string, string>();
  for (const file of files) {
    let stat: Stats;
    try {
      stat = lstatSync(file);
    } catch {
      // An input that is gone cannot be overwritten.
      paths.add(resolve(file));
      continue;
    }
    if (stat.isSymbolicLink()) {
      paths.add(realPath(file));
      try {
        stat = statSync(file);
      } catch {
        continue;
      }
    } else {
      const folder = dirname(file);
      let realFolder = realFolders.get(folder);
      if (realFolder === undefined) realFolders.set(folder, (realFolder = realPath(folder)));
      paths.add(join(realFolder, basename(file)));
    }
    inodes.add(`${stat.dev}:${stat.ino}`);
  }
  return { paths, inodes };
}

function refuseInput(file: string, stat: Stats, inputs: Identities): void {
  if (inputs.paths.has(realPath(file)) || inputs.inodes.has(`${stat.dev}:${stat.ino}`)) {
    throw new UserError({ file, message: 'refused: the output would overwrite an input file' });
  }
}

/**
 * Writes the outputs into `folder`, making it first when it is missing; when the write
 * fails, a folder made here is taken away again, so a refused run leaves nothing behind.
 */
export function writeOutputsInto(folder: string, option: string, outputs: readonly Output[], options: WriteOptions): void {
  const made = !existsSync(folder);
  ensureFolder(folder, option);
  try {
    writeOutputs(outputs, options);
  } catch (error) {
    if (made) removeEmptyFolder(folder);
    throw error;
  }
}

/**
 * Runs `fill` with a batch of outputs in `folder` (made when missing) and commits it; when
 * anything fails the staged files are taken back, and a folder made here is removed again.
 */
export async function writeBatchInto<T>(folder: string, option: string, options: WriteOptions, fill: (batch: OutputBatch) => T | Promise<T>): Promise<T> {
  const made = !existsSync(folder);
  ensureFolder(folder, option);
  const batch = new OutputBatch(options);
  try {
    const result = await fill(batch);
    batch.commit();
    return result;
  } catch (error) {
    batch.abort();
    if (made) removeEmptyFolder(folder);
    throw error;
  }
}

function removeEmptyFolder(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // Not empty (another run wrote into it meanwhile), or already gone: leave it.
  }
}

/**
 * A folder to write into (--output-dir, --dir): made when missing, with a clear line
 * when it cannot be, instead of a crash.
 */
export function ensureFolder(folder: string, option: string): void {
  if (folder === '') throw new UserError({ file: 'pes', message: `${option} needs a folder name` });
  try {
    mkdirFolders(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new UserError({ file: folder, message: `cannot use it as the ${option} folder: it is a file, or inside one` });
    throw new UserError({ file: folder, message: describeFsError(error, `cannot create the ${option} folder`) });
  }
}

/**
 * mkdir -p, one folder at a time: Node's recursive mkdir reports a read-only file system
 * as "no such file or directory"; creating each missing folder in turn gives the real reason.
 */
function mkdirFolders(folder: string): void {
  const missing: string[] = [];
  for (let current = resolve(folder); !existsSync(current); current = dirname(current)) {
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  if (missing.length === 0 && !statSync(folder).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'EEXIST' });
  for (const path of missing) {
    try {
      mkdirSync(path);
    } catch (error) {
      // Made meanwhile by another run: as good as made here.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(path).isDirectory()) throw error;
    }
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
