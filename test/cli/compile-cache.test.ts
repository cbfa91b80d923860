import { chmodSync, lchownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cacheFileName, cacheFolder, HEADER_AT, HEADER_BYTES, othersMayChange } from '../../src/cli/compile-cache.js';
import { pes, ROOT } from '../helpers/cli.js';

const EXAMPLE = 'examples/mature-coalition.yaml';
const ASSESS = ['assess', EXAMPLE, '--format', 'json'];

/** `pes assess` on the example, with its compile cache in `cache`. */
function assessWith(cache: string) {
  return pes(ASSESS, { env: { PES_COMPILE_CACHE: cache } });
}

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

  it('is nowhere when turned off, when there is no home, or when the folder chosen is relative', () => {
    expect(cacheFolder({ PES_COMPILE_CACHE: '0' }, '/home/u', id, '11.3', 'x64')).toBeUndefined();
    // A cache in whatever folder pes happens to run from would be made again in each.
    expect(cacheFolder({ PES_COMPILE_CACHE: '.cache' }, '/home/u', id, '11.3', 'x64')).toBeUndefined();
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
  const uncached = assessWith('0');

  it('writes private, whole caches on the first run and gives the same bytes on every run', () => {
    expect(uncached.status).toBe(0);
    const cache = scratch();
    const first = assessWith(cache);
    const files = filesUnder(cache);
    const second = assessWith(cache);
    for (const run of [first, second]) expect(run).toEqual(uncached);
    expect(files.some((file) => file.endsWith('/pes.cjs.v8cache'))).toBe(true);
    expect(files.some((file) => /\/cmd-assess\.cjs.*\.v8cache$/.test(file))).toBe(true);
    expect(files.filter((file) => !file.endsWith('.v8cache'))).toEqual([]);
    expect(filesUnder(cache)).toEqual(files);
    // The second run used the caches the first wrote: a rewrite would have renamed a new file into place.
    const identity = (file: string) => `${statSync(join(cache, file)).ino}:${statSync(join(cache, file)).mtimeMs}`;
    const before = files.map(identity);
    assessWith(cache);
    expect(files.map(identity)).toEqual(before);
    const folder = join(cache, files[0]!.split('/')[0]!);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    for (const file of files) expect(statSync(join(cache, file)).mode & 0o777).toBe(0o600);
  });

  it('replaces a damaged cache instead of running it: too short, or whole header and damaged code', () => {
    const cache = scratch();
    assessWith(cache);
    const good = new Map(filesUnder(cache).map((file) => [file, readFileSync(join(cache, file))]));
    const filled = (whole: Buffer) => Buffer.concat([whole.subarray(0, HEADER_BYTES), Buffer.alloc(whole.length - HEADER_BYTES, 0x5a)]);
    const damage = [
      () => Buffer.from('not a V8 code cache'),
      // pes's header as it was: its checksum no longer matches the code.
      filled,
      // pes's header with the checksum made to match, so V8 is the one to refuse the code.
      (whole: Buffer) => {
        const forged = filled(whole);
        forged.writeUInt32LE(crc32(forged.subarray(HEADER_BYTES)), HEADER_AT.checksum);
        return forged;
      },
    ];
    for (const damaged of damage) {
      for (const [file, whole] of good) writeFileSync(join(cache, file), damaged(whole));
      expect(assessWith(cache)).toEqual(uncached);
      for (const [file, whole] of good) expect(readFileSync(join(cache, file)).equals(damaged(whole))).toBe(false);
    }
  });

  it('replaces a cache damaged deep in its code, which V8 would run and abort on', () => {
    // V8 11 checks a cache's own header but not the code after it: this damage, with both
    // headers intact, makes it abort the whole process (exit 133) when pes does not catch it.
    const cache = scratch();
    assessWith(cache);
    const damaged = new Map<string, Buffer>();
    for (const file of filesUnder(cache)) {
      const whole = readFileSync(join(cache, file));
      for (let at = HEADER_BYTES + 200; at < whole.length; at += 97) whole[at] = whole[at]! ^ 0xff;
      writeFileSync(join(cache, file), whole);
      damaged.set(file, whole);
    }
    expect(assessWith(cache)).toEqual(uncached);
    for (const [file, whole] of damaged) expect(readFileSync(join(cache, file)).equals(whole)).toBe(false);
    expect(assessWith(cache)).toEqual(uncached);
  });

  it('compiles anew a cache made from another file of the bundle, though V8 would take it', () => {
    const cache = scratch();
    assessWith(cache);
    const stale = new Map<string, Buffer>();
    for (const file of filesUnder(cache)) {
      const whole = readFileSync(join(cache, file));
      // The inode of some other file: V8's own checks still pass.
      whole.writeBigUInt64LE(whole.readBigUInt64LE(HEADER_AT.inode) ^ 1n, HEADER_AT.inode);
      writeFileSync(join(cache, file), whole);
      stale.set(file, whole);
    }
    expect(assessWith(cache)).toEqual(uncached);
    for (const [file, whole] of stale) expect(readFileSync(join(cache, file)).subarray(0, HEADER_BYTES).equals(whole.subarray(0, HEADER_BYTES))).toBe(false);
  });

  it('runs a bundle rewritten to the same length as it now is, not as it was cached', () => {
    // V8 tells sources apart by length alone, so only pes's header stands between an edit and old code.
    const cache = scratch();
    const bundles = scratch();
    const run = () =>
      spawnSync(process.execPath, ['-e', `process.stdout.write(String(require(${JSON.stringify(join(ROOT, 'dist/compile-cache.cjs'))}).load(${JSON.stringify(bundles)}, 'answer.cjs')))`], {
        env: { ...process.env, PES_COMPILE_CACHE: cache },
        encoding: 'utf8',
      });
    writeFileSync(join(bundles, 'answer.cjs'), 'module.exports = 1;\n');
    expect(run().stdout).toBe('1');
    expect(filesUnder(cache).some((file) => file.endsWith('/answer.cjs.v8cache'))).toBe(true);
    expect(run().stdout).toBe('1');
    writeFileSync(join(bundles, 'answer.cjs'), 'module.exports = 2;\n');
    expect(run().stdout).toBe('2');
    // Rewritten in place with its old modification time put back, as some copy tools do:
    // the same inode, size and mtime, and only the change time tells.
    // (touch -r copies the times to the nanosecond, which utimes, in seconds, cannot.)
    const answer = join(bundles, 'answer.cjs');
    const before = statSync(answer, { bigint: true });
    expect(spawnSync('touch', ['-r', answer, join(bundles, 'times')]).status).toBe(0);
    writeFileSync(answer, 'module.exports = 3;\n');
    expect(spawnSync('touch', ['-r', join(bundles, 'times'), answer]).status).toBe(0);
    expect(statSync(answer, { bigint: true })).toMatchObject({ ino: before.ino, size: before.size, mtimeNs: before.mtimeNs });
    expect(run().stdout).toBe('3');
    // Dated before 1970, a time with its sign bit set, and cached all the same.
    utimesSync(answer, new Date('1960-01-01'), new Date('1960-01-01'));
    expect(run().stdout).toBe('3');
    const cached = join(cache, filesUnder(cache).find((file) => file.endsWith('/answer.cjs.v8cache'))!);
    expect(readFileSync(cached).readBigInt64LE(HEADER_AT.modified)).toBe(statSync(answer, { bigint: true }).mtimeNs);
    expect(statSync(answer, { bigint: true }).mtimeNs).toBeLessThan(0n);
    const written = statSync(cached).ino;
    expect(run().stdout).toBe('3');
    expect(statSync(cached).ino).toBe(written);
  });

  it('runs as if there were no cache when its folder cannot be made, and says nothing about it', () => {
    const blocked = join(scratch(), 'a-file');
    writeFileSync(blocked, '');
    expect(assessWith(blocked)).toEqual(uncached);
    expect(pes(['validate', EXAMPLE], { env: { PES_COMPILE_CACHE: blocked } })).toMatchObject({ status: 0, stderr: '' });
  });

  it('keeps the caches of the three builds used last besides its own, and touches nothing it did not make', () => {
    const cache = scratch();
    const builds = ['0000000000000001', '0000000000000002', '0000000000000003', '0000000000000004', '0000000000000005'].map((id) => `${id}-v8-1.0-node.1-x64`);
    builds.forEach((name, age) => {
      mkdirSync(join(cache, name));
      const when = (Date.now() - (age + 1) * 24 * 3600 * 1000) / 1000;
      utimesSync(join(cache, name), when, when);
    });
    for (const name of ['notes-v8-x', 'someone-elses']) mkdirSync(join(cache, name));
    writeFileSync(join(cache, 'fffffffffffffff0-v8-a-file'), '');
    pes(['--version'], { env: { PES_COMPILE_CACHE: cache } });
    const left = readdirSync(cache);
    for (const name of [...builds.slice(0, 3), 'notes-v8-x', 'someone-elses', 'fffffffffffffff0-v8-a-file']) expect(left).toContain(name);
    for (const name of builds.slice(3)) expect(left).not.toContain(name);
    expect(left).toHaveLength(7);
  });

  it('uses no cache in a folder whose parent others may write to, unless it is sticky', () => {
    const cache = scratch();
    chmodSync(cache, 0o777);
    expect(assessWith(cache)).toEqual(uncached);
    // Not even a folder made there, which someone else could have taken over.
    expect(readdirSync(cache)).toEqual([]);
    chmodSync(cache, 0o1777);
    expect(assessWith(cache)).toEqual(uncached);
    expect(filesUnder(cache).length).toBeGreaterThan(0);
  });

  it('uses no cache under any folder others may write to, however far up', () => {
    const above = scratch();
    const cache = join(above, 'mine', 'cache');
    mkdirSync(cache, { recursive: true });
    chmodSync(above, 0o757);
    expect(assessWith(cache)).toEqual(uncached);
    expect(filesUnder(cache)).toEqual([]);
    chmodSync(above, 0o755);
    expect(assessWith(cache)).toEqual(uncached);
    expect(filesUnder(cache).length).toBeGreaterThan(0);
  });

  it("goes through a link on the way only when it is the user's or root's", () => {
    const above = scratch();
    mkdirSync(join(above, 'real'));
    symlinkSync(join(above, 'real'), join(above, 'link'));
    const cache = join(above, 'link', 'cache');
    expect(assessWith(cache)).toEqual(uncached);
    expect(filesUnder(join(above, 'real')).length).toBeGreaterThan(0);
    // A link of someone else's, in a sticky folder as /tmp is, is theirs to point elsewhere.
    // Only root can give a link away; the test runs as root in CI.
    if (process.getuid?.() !== 0) return;
    lchownSync(join(above, 'link'), 2000, 2000);
    rmSync(join(above, 'real', 'cache'), { recursive: true });
    expect(assessWith(cache)).toEqual(uncached);
    expect(readdirSync(join(above, 'real'))).toEqual([]);
  });

  it('uses no cache in a folder others may write to', () => {
    const cache = scratch();
    pes(['--version'], { env: { PES_COMPILE_CACHE: cache } });
    const [folder] = readdirSync(cache);
    chmodSync(join(cache, folder!), 0o777);
    for (const file of readdirSync(join(cache, folder!))) writeFileSync(join(cache, folder!, file), 'planted');
    expect(assessWith(cache)).toEqual(uncached);
    expect(readdirSync(join(cache, folder!)).map((file) => readFileSync(join(cache, folder!, file), 'utf8'))).toEqual(['planted']);
  });
});

describe('who else may change a folder on the way to the cache', () => {
  const me = 1000;
  const folder = (mode: number, uid = me) => ({ mode: 0o40000 | mode, uid });
  it('is no one for a folder of the user or of root that only they may write to', () => {
    expect(othersMayChange(folder(0o755), me)).toBe(false);
    expect(othersMayChange(folder(0o755, 0), me)).toBe(false);
  });

  it('is its owner, when that is someone else', () => {
    expect(othersMayChange(folder(0o700, 1001), me)).toBe(true);
    expect(othersMayChange(folder(0o1777, 1001), me)).toBe(true);
  });

  it('is anyone, when everyone may write to it, unless it is sticky as /tmp is', () => {
    expect(othersMayChange(folder(0o757), me)).toBe(true);
    expect(othersMayChange(folder(0o1777, 0), me)).toBe(false);
  });

  it('may be anyone, when its group may write to it: with an access control list, those bits are its mask', () => {
    expect(othersMayChange(folder(0o775), me)).toBe(true);
    expect(othersMayChange(folder(0o1775), me)).toBe(false);
  });
});
