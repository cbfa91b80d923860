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
 * otherwise; it cannot tell two builds of the same length apart, so the cache folder
 * is named after a hash of this build's bundles. Anything that goes wrong with the
 * cache (no home, a read-only disk, a damaged file) means compiling as if it were
 * not there: the cache can make a run faster, never different.
 *
 * This file is built as dist/compile-cache.cjs, outside the bundles it loads, so
 * that every bundle shares one `loaded` table through Node's own module cache.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { flagsSetByPes } from './compiler-tiers.js';

/** A hash of this build's bundles, set by scripts/build.mjs. */
declare const __PES_BUILD_ID__: string;

/** Cache folders of other builds are removed once unused for this long. */
const STALE_AFTER_MS = 14 * 24 * 60 * 60 * 1000;

const loaded = new Map<string, { exports: unknown }>();
let folder: string | undefined | null = null;

/** Where this build's cache lives, or undefined when there is none. */
export function cacheFolder(env: NodeJS.ProcessEnv, home: string, buildId: string, v8Version: string, arch: string): string | undefined {
  const chosen = env['PES_COMPILE_CACHE'];
  if (chosen === '0' || chosen === 'off') return undefined;
  const root = chosen || (env['XDG_CACHE_HOME'] ? join(env['XDG_CACHE_HOME'], 'partnership-health') : home ? join(home, '.cache', 'partnership-health') : '');
  return root ? join(root, `${buildId}-v8-${v8Version}-${arch}`) : undefined;
}

/** The cache file of one bundle under the flags pes has set so far (V8 refuses a cache made under other flags). */
export function cacheFileName(bundle: string, flags: string): string {
  const tag = flags.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '');
  return `${bundle}${tag ? `@${tag}` : ''}.v8cache`;
}

function thisBuildsFolder(): string | undefined {
  if (folder === null) {
    let home = '';
    try {
      home = homedir();
    } catch {
      // no home folder: no cache
    }
    folder = cacheFolder(process.env, home, __PES_BUILD_ID__, process.versions.v8, process.arch);
  }
  return folder;
}

/** The bundle `name` in the folder `from`, run once per process, as `require` would. */
export function load(from: string, name: string): unknown {
  const filename = join(from, name);
  const done = loaded.get(filename);
  if (done) return done.exports;
  const source = Module.wrap(readFileSync(filename, 'utf8'));
  const cacheFile = cacheFileFor(name);
  const cachedData = cacheFile ? readIfThere(cacheFile) : undefined;
  let script = cachedData ? new Script(source, { filename, cachedData }) : undefined;
  if (!script || script.cachedDataRejected) {
    script = compileWhole(source, filename);
    if (cacheFile) writeCache(cacheFile, script.createCachedData());
  }
  const module = { exports: {} };
  loaded.set(filename, module);
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(filename), module, filename, from);
  return module.exports;
}

function cacheFileFor(bundle: string): string | undefined {
  const where = thisBuildsFolder();
  return where && join(where, cacheFileName(bundle, flagsSetByPes()));
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Every function compiled now, so that the cache holds all of them; unless whoever runs pes chose laziness themselves. */
function compileWhole(source: string, filename: string): Script {
  if (/--(no-)?lazy\b/.test(process.execArgv.join(' ').replaceAll('_', '-'))) return new Script(source, { filename });
  const { setFlagsFromString } = process.getBuiltinModule('node:v8');
  setFlagsFromString('--no-lazy');
  try {
    return new Script(source, { filename });
  } finally {
    // Back to V8's default, so the flags, and with them the caches V8 accepts, are as before.
    setFlagsFromString('--lazy');
  }
}

/** Written beside, synced and renamed into place, so a reader sees a whole cache or none; failures are only a slower next run. */
function writeCache(file: string, data: Buffer): void {
  const where = dirname(file);
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    if (mkdirSync(where, { recursive: true, mode: 0o700 }) !== undefined) removeStaleFolders(dirname(where), basename(where));

    const descriptor = openSync(temporary, 'wx', 0o600);
    try {
      for (let written = 0; written < data.length; ) written += writeSync(descriptor, data, written);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, file);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // never made
    }
  }
}

/** Caches of earlier builds, once nothing has written to them for STALE_AFTER_MS. */
function removeStaleFolders(root: string, current: string): void {
  const now = Date.now();
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry === current || !/-v8-/.test(entry)) continue;
    const path = join(root, entry);
    try {
      if (now - statSync(path).mtimeMs > STALE_AFTER_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // gone already, or not ours to remove
    }
  }
}
