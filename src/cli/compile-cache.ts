/**
 * Loads the built bundles (dist/*.cjs) with a compile cache, the one Node 22 offers
 * as `module.enableCompileCache()`, done for Node 20 through its public `vm.Script`
 * cached data. A third of a short run's own time went to V8 parsing and compiling
 * the code it was about to run (measured with callgrind; see docs/performance.md);
 * with the cache, `assess --format json` on the 37 KB example starts about 18 ms
 * sooner. Nothing of Node's is patched: the bundles pes itself requires go through
 * `load`, everything else through `require` as before.
 *
 * The first run of each bundle compiles the whole of it (`--no-lazy` for that one
 * compile), so that the cache holds every function, not only those the first run
 * happened to call, and writes it, synced and renamed into place, to
 * `$XDG_CACHE_HOME/partnership-health` (or `~/.cache/partnership-health`, or
 * `PES_COMPILE_CACHE`; `PES_COMPILE_CACHE=0` turns it off). Later runs read it. V8
 * checks that a cache was made by the same V8 with the same flags and refuses it
 * otherwise; it cannot tell two sources of the same length apart, so the cache folder
 * is named after a hash of this build's bundles and each cache file starts with the
 * size, modification and change times and inode of the bundle it was made from.
 * V8 11 does not check the code it is handed either: damage deep in a cache makes it
 * abort the process, on every run. So the header also holds a CRC-32 of the cached
 * code (zlib's: under a millisecond, as the streams zlib needs are loaded for stdout
 * anyway), and pes uses only a folder that is its user's own and no one else's to
 * write (not a link, mode 0700), reached through folders and links no one else may
 * change, and only regular files of that user.
 * Anything that goes wrong with the cache (no home, a read-only disk, a file
 * refused) means compiling as if it were not there: the cache can make a run faster,
 * never different.
 *
 * This file is built as dist/compile-cache.cjs, outside the bundles it loads, so
 * that every bundle shares one `loaded` table through Node's own module cache.
 */
import { closeSync, fstatSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, realpathSync, renameSync, rmSync, unlinkSync, writeSync, constants, type BigIntStats } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';
import { flagsSetByPes } from './compiler-tiers.js';

/** A hash of this build's bundles, set by scripts/build.mjs. */
declare const __PES_BUILD_ID__: string;

/** Cache folders kept besides the current one, newest first: other installs or Node versions in use. */
const OTHER_FOLDERS_KEPT = 3;
/** A cache folder's name: build id, V8 version, processor. */
const FOLDER_NAME = /^[0-9a-f]{16}-v8-[\w.-]+$/;
/**
 * What a cache file starts with, then the bundle's size, modification time, change
 * time and inode, and a CRC-32 of the cached code after the header. The build id
 * hashes the bundles, not this file: a change to the header's layout must change
 * MAGIC too, or an older layout would be read as the new one.
 */
const MAGIC = Buffer.from('pesV8c2\n');
/** Where each field of the header starts. */
export const HEADER_AT = { size: MAGIC.length, modified: MAGIC.length + 8, changed: MAGIC.length + 16, inode: MAGIC.length + 24, checksum: MAGIC.length + 32 };
export const HEADER_BYTES = HEADER_AT.checksum + 8;

/** The sticky bit: in such a folder only an entry's owner may rename or remove it. */
const STICKY = 0o1000;

const loaded = new Map<string, { exports: unknown }>();
/** This run's cache folder once checked; undefined when there is none or it cannot be trusted. */
let folder: string | undefined | null = null;

/** Where this build's cache lives, or undefined when there is none. */
export function cacheFolder(env: NodeJS.ProcessEnv, home: string, buildId: string, v8Version: string, arch: string): string | undefined {
  const chosen = env['PES_COMPILE_CACHE'];
  // A relative folder would mean a cache in every folder pes is run from: none instead.
  if (chosen === '0' || chosen === 'off' || (chosen && !isAbsolute(chosen))) return undefined;
  const xdg = env['XDG_CACHE_HOME'];
  // The XDG specification says a relative XDG_CACHE_HOME is to be ignored.
  const root = chosen || (xdg && isAbsolute(xdg) ? join(xdg, 'partnership-health') : home ? join(home, '.cache', 'partnership-health') : '');
  return root ? join(root, `${buildId}-v8-${v8Version}-${arch}`) : undefined;
}

/** The cache file of one bundle under the flags pes has set so far (V8 refuses a cache made under other flags). */
export function cacheFileName(bundle: string, flags: string): string {
  const tag = flags.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '');
  return `${bundle}${tag ? `@${tag}` : ''}.v8cache`;
}

/** The bundle `name` in the folder `from`, run once per process, as `require` would. */
export function load(from: string, name: string): unknown {
  const filename = join(from, name);
  const done = loaded.get(filename);
  if (done) return done.exports;
  const { text, stats } = readBundle(filename);
  const source = Module.wrap(text);
  const cacheFile = cacheFileFor(name);
  const cachedData = cacheFile ? readCache(cacheFile, stats) : undefined;
  let script = cachedData ? new Script(source, { filename, cachedData }) : undefined;
  if (!script || script.cachedDataRejected) {
    if (cacheFile) {
      script = compileWhole(source, filename);
      writeCache(cacheFile, stats, script.createCachedData());
    } else {
      script = new Script(source, { filename });
    }
  }
  const module = { exports: {} };
  loaded.set(filename, module);
  try {
    const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
    wrapper.call(module.exports, module.exports, createRequire(filename), module, filename, from);
  } catch (error) {
    // As require does: a bundle that failed to load is loaded afresh next time.
    loaded.delete(filename);
    throw error;
  }
  return module.exports;
}

function readBundle(filename: string): { text: string; stats: BigIntStats } {
  const descriptor = openSync(filename, 'r');
  try {
    return { stats: fstatSync(descriptor, { bigint: true }), text: readFileSync(descriptor, 'utf8') };
  } finally {
    closeSync(descriptor);
  }
}

function cacheFileFor(bundle: string): string | undefined {
  if (folder === null) folder = trustedFolder();
  return folder && join(folder, cacheFileName(bundle, flagsSetByPes()));
}

/**
 * This build's cache folder, made if need be, when it is a real folder of this user's
 * that no one else may write to. Worker threads go without: V8's flags belong to the
 * whole process, and compileWhole changes one while the main thread runs.
 */
function trustedFolder(): string | undefined {
  // Windows has no owners or mode bits that fs reports truthfully (and no getuid),
  // so the checks below cannot be made there: no cache, on purpose.
  if (!isMainThread || process.platform === 'win32' || process.getuid === undefined) return undefined;
  let home = '';
  try {
    home = homedir();
  } catch {
    // no home folder: no cache
  }
  const where = cacheFolder(process.env, home, __PES_BUILD_ID__, process.versions.v8, process.arch);
  if (!where) return undefined;
  try {
    const uid = process.getuid();
    let stats = lstatIfAny(where);
    const made = stats === undefined;
    if (!stats) {
      // Nothing is made inside a folder someone else may change (root with a user's
      // HOME, say), so that no folder is left there that the user could not use.
      if (!safeWayThrough(nearestExisting(dirname(where)), uid)) return undefined;
      mkdirSync(where, { recursive: true, mode: 0o700 });
      stats = lstatSync(where);
    }
    if (!stats.isDirectory() || stats.uid !== uid || (stats.mode & 0o077) !== 0) return undefined;
    if (!safeWayThrough(dirname(where), uid)) return undefined;
    if (made) removeOldFolders(dirname(where), basename(where), uid);
    return where;
  } catch {
    return undefined;
  }
}

function lstatIfAny(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** `path` or the nearest folder above it that exists. */
function nearestExisting(path: string): string {
  let at = path;
  while (lstatIfAny(at) === undefined && dirname(at) !== at) at = dirname(at);
  return at;
}

/**
 * Whether `folder` and every folder above it, as written and as links resolve them,
 * are ones only `uid` or root may change, and every link on the way is theirs: anyone
 * who may change one of them could swap what lies below it for their own after these
 * checks.
 */
function safeWayThrough(folder: string, uid: number): boolean {
  let linked = false;
  for (const way of folderAndAbove(folder)) {
    const entry = lstatSync(way);
    if (entry.isSymbolicLink()) {
      // Whoever owns a link may point it elsewhere; where it points now is checked below.
      if (entry.uid !== uid && entry.uid !== 0) return false;
      linked = true;
    } else if (othersMayChange(entry, uid)) {
      return false;
    }
  }
  // With no link on the way, the folders as written are the folders as resolved.
  return !linked || folderAndAbove(realpathSync(folder)).every((way) => !othersMayChange(lstatSync(way), uid));
}

/** `path` and the folders above it, up to the root. */
function folderAndAbove(path: string): string[] {
  const ways = [path];
  for (let at = path; dirname(at) !== at; at = dirname(at)) ways.push(dirname(at));
  return ways;
}

/**
 * Whether someone other than `uid` and root may rename or replace what a folder holds.
 * In a sticky folder (as /tmp is) only an entry's owner may. A folder its group may
 * write to counts as open to others even when the group is the user's own: where the
 * folder has an access control list, those bits are the list's mask, and a named
 * user in the list may write there too.
 */
export function othersMayChange(folder: { uid: number; mode: number }, uid: number): boolean {
  if (folder.uid !== uid && folder.uid !== 0) return true;
  if ((folder.mode & STICKY) !== 0) return false;
  return (folder.mode & 0o022) !== 0;
}

/** The cached code for the bundle whose file has `bundle` stats, if this user's regular file holds it. */
function readCache(file: string, bundle: BigIntStats): Buffer | undefined {
  let descriptor: number;
  try {
    // Not through a link, and never waiting on a FIFO someone put in its place.
    descriptor = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile() || stats.uid !== process.getuid!() || stats.size <= HEADER_BYTES) return undefined;
    const data = Buffer.allocUnsafe(stats.size);
    for (let read = 0; read < data.length; ) {
      const count = readSync(descriptor, data, read, data.length - read, read);
      if (count === 0) return undefined;
      read += count;
    }
    const code = data.subarray(HEADER_BYTES);
    return data.subarray(0, HEADER_BYTES).equals(headerFor(bundle, code)) ? code : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Which file of a bundle a cache was made from (a rebuilt or replaced bundle has another
 * inode or times; a rewrite dated back still has a new change time), and the code's checksum.
 */
function headerFor(bundle: BigIntStats, code: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header);
  header.writeBigUInt64LE(bundle.size, HEADER_AT.size);
  // Signed: a file may be dated before 1970.
  header.writeBigInt64LE(bundle.mtimeNs, HEADER_AT.modified);
  header.writeBigInt64LE(bundle.ctimeNs, HEADER_AT.changed);
  header.writeBigUInt64LE(bundle.ino, HEADER_AT.inode);
  // Four bytes of CRC-32 and four of zeros, so the code that follows stays 8-byte aligned.
  header.writeUInt32LE(process.getBuiltinModule('node:zlib').crc32(code), HEADER_AT.checksum);
  return header;
}

/** Every function compiled now, so that the cache holds all of them; unless whoever runs pes chose laziness themselves. */
function compileWhole(source: string, filename: string): Script {
  if (/--(no-)?lazy(?=[\s=]|$)/.test(process.execArgv.join(' ').replaceAll('_', '-'))) return new Script(source, { filename });
  const { setFlagsFromString } = process.getBuiltinModule('node:v8');
  setFlagsFromString('--no-lazy');
  try {
    return new Script(source, { filename });
  } finally {
    // Back to V8's default, so the flags, and with them the caches V8 accepts, are as before.
    setFlagsFromString('--lazy');
  }
}

/**
 * Written beside, synced and renamed into place, so a reader sees a whole cache or
 * none. A failure means a slower next run, and no more cache for this one.
 */
function writeCache(file: string, bundle: BigIntStats, data: Buffer): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const descriptor = openSync(temporary, 'wx', 0o600);
    try {
      const whole = Buffer.concat([headerFor(bundle, data), data]);
      for (let written = 0; written < whole.length; ) written += writeSync(descriptor, whole, written);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, file);
  } catch {
    folder = undefined;
    try {
      unlinkSync(temporary);
    } catch {
      // never made
    }
  }
}

/** When a build's folder is new: the caches of other builds, but for the few written last. Only folders named and owned as ours. */
function removeOldFolders(root: string, current: string, uid: number): void {
  const folders: { path: string; modified: number }[] = [];
  try {
    for (const entry of readdirSync(root)) {
      if (entry === current || !FOLDER_NAME.test(entry)) continue;
      try {
        const stats = lstatSync(join(root, entry));
        // A folder's time is when a cache was last written into it (reading leaves it as it was).
        if (stats.isDirectory() && stats.uid === uid) folders.push({ path: join(root, entry), modified: stats.mtimeMs });
      } catch {
        // gone meanwhile, or not ours to look at
      }
    }
  } catch {
    return;
  }
  folders.sort((a, b) => b.modified - a.modified);
  for (const old of folders.slice(OTHER_FOLDERS_KEPT)) {
    try {
      rmSync(old.path, { recursive: true, force: true });
    } catch {
      // not ours to remove after all, or in use: left for another day
    }
  }
}
