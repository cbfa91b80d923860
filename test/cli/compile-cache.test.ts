import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFileName, cacheFolder } from '../../src/cli/compile-cache.js';
import { pes } from '../helpers/cli.js';

const EXAMPLE = 'examples/mature-coalition.yaml';
const ASSESS = ['assess', EXAMPLE, '--format', 'json'];

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'pes-compile-cache-'));
}

/** Every file under `root`, with its path relative to it. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}

describe('where the compile cache lives', () => {
  const id = 'b1d';
  it('is a folder per build, V8 version and processor under the user cache folder', () => {
    expect(cacheFolder({ XDG_CACHE_HOME: '/x' }, '/home/u', id, '11.3.244.8', 'x64')).toBe('/x/partnership-health/b1d-v8-11.3.244.8-x64');
    expect(cacheFolder({}, '/home/u', id, '11.3', 'arm64')).toBe('/home/u/.cache/partnership-health/b1d-v8-11.3-arm64');
    expect(cacheFolder({ PES_COMPILE_CACHE: '/c', XDG_CACHE_HOME: '/x' }, '/home/u', id, '11.3', 'x64')).toBe('/c/b1d-v8-11.3-x64');
  });

  it('is nowhere when turned off or when there is no home', () => {
    expect(cacheFolder({ PES_COMPILE_CACHE: '0' }, '/home/u', id, '11.3', 'x64')).toBeUndefined();
    expect(cacheFolder({ PES_COMPILE_CACHE: 'off' }, '/home/u', id, '11.3', 'x64')).toBeUndefined();
    expect(cacheFolder({}, '', id, '11.3', 'x64')).toBeUndefined();
  });

  it('keeps one file per bundle and per set of flags pes has changed, since V8 refuses a cache made under other flags', () => {
    expect(cacheFileName('pes.cjs', '')).toBe('pes.cjs.v8cache');
    expect(cacheFileName('lazy-render-json.cjs', '--no-turbofan --no-maglev')).toBe('lazy-render-json.cjs@no_turbofan_no_maglev.v8cache');
    expect(cacheFileName('x.cjs', '--no-turbofan --no-maglev')).not.toBe(cacheFileName('x.cjs', '--no-turbofan --no-maglev --turbofan'));
  });
});

describe('the compile cache makes a run faster, never different', () => {
  const uncached = pes(ASSESS, { env: { PES_COMPILE_CACHE: '0' } });

  it('writes private, whole caches on the first run and gives the same bytes on every run', () => {
    expect(uncached.status).toBe(0);
    const cache = scratch();
    const first = pes(ASSESS, { env: { PES_COMPILE_CACHE: cache } });
    const files = filesUnder(cache);
    const second = pes(ASSESS, { env: { PES_COMPILE_CACHE: cache } });
    for (const run of [first, second]) expect(run).toEqual(uncached);
    expect(files.some((file) => file.endsWith('/pes.cjs.v8cache'))).toBe(true);
    expect(files.some((file) => /\/cmd-assess\.cjs.*\.v8cache$/.test(file))).toBe(true);
    expect(files.filter((file) => !file.endsWith('.v8cache'))).toEqual([]);
    expect(filesUnder(cache)).toEqual(files);
    const folder = join(cache, files[0]!.split('/')[0]!);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    for (const file of files) expect(statSync(join(cache, file)).mode & 0o777).toBe(0o600);
  });

  it('replaces a damaged cache instead of running it', () => {
    const cache = scratch();
    pes(ASSESS, { env: { PES_COMPILE_CACHE: cache } });
    const damaged = Buffer.from('not a V8 code cache');
    for (const file of filesUnder(cache)) writeFileSync(join(cache, file), damaged);
    expect(pes(ASSESS, { env: { PES_COMPILE_CACHE: cache } })).toEqual(uncached);
    for (const file of filesUnder(cache)) expect(readFileSync(join(cache, file)).equals(damaged)).toBe(false);
  });

  it('runs as if there were no cache when its folder cannot be made, and says nothing about it', () => {
    const blocked = join(scratch(), 'a-file');
    writeFileSync(blocked, '');
    expect(pes(ASSESS, { env: { PES_COMPILE_CACHE: blocked } })).toEqual(uncached);
    expect(pes(['validate', EXAMPLE], { env: { PES_COMPILE_CACHE: blocked } })).toMatchObject({ status: 0, stderr: '' });
  });

  it('removes the caches of other builds once unused for two weeks, and nothing else', () => {
    const cache = scratch();
    const month = (Date.now() - 30 * 24 * 3600 * 1000) / 1000;
    for (const name of ['old-v8-1.0-x64', 'recent-v8-1.0-x64', 'someone-elses']) mkdirSync(join(cache, name));
    for (const name of ['old-v8-1.0-x64', 'someone-elses']) utimesSync(join(cache, name), month, month);
    pes(['--version'], { env: { PES_COMPILE_CACHE: cache } });
    const left = readdirSync(cache).sort();
    expect(left).toContain('recent-v8-1.0-x64');
    expect(left).toContain('someone-elses');
    expect(left).not.toContain('old-v8-1.0-x64');
    expect(left).toHaveLength(3);
  });
});
