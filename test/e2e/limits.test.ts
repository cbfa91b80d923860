/**
 * Resource limits: files built to exhaust time or memory are refused, or read within
 * bounds, with one clear line. The child runs with a 200 MB heap cap
 * (--max-old-space-size), so a case that needed more would crash the test rather
 * than pass; bench/run.mjs measures the exact time and memory of each case.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, expectNoStackTrace, ROOT } from '../helpers/cli.js';
import { hostileCases } from '../helpers/hostile-cases.js';

const dir = mkdtempSync(join(tmpdir(), 'pes-limits-'));

function pesCapped(args: string[]) {
  const result = spawnSync(process.execPath, ['--max-old-space-size=200', BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  if (result.error) throw new Error(`pes ${args.join(' ')} did not answer within 60 s`);
  expectNoStackTrace(result.stderr);
  return result;
}

describe('hostile sizes and shapes', () => {
  for (const hostile of hostileCases(dir)) {
    it(hostile.name, () => {
      const result = pesCapped(hostile.args);
      expect(result.status, result.stderr).toBe(hostile.exit);
      if (hostile.message) expect(result.stderr.trim().split('\n')[0]).toMatch(hostile.message);
      expect(result.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(hostile.maxLines ?? 2);
    }, 30_000);
  }

  it('refuses a 100 MB file before reading it', () => {
    const file = join(dir, 'huge.yaml');
    const descriptor = openSync(file, 'w');
    // A sparse file: 100 MB as far as stat is concerned, nothing on disk.
    ftruncateSync(descriptor, 100 * 1024 * 1024);
    closeSync(descriptor);
    const result = pesCapped(['validate', file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/refused: the file is 100\.0 MB, over the 32 MB limit \(raise it with --max-input-mb\)/);
  });

  it('makes the size limit a setting', () => {
    const file = join(dir, 'two-mb.yaml');
    writeFileSync(file, `partnership:\n  name: Big\n# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    expect(pesCapped(['validate', file, '--max-input-mb', '1']).status).toBe(2);
    expect(pesCapped(['validate', file, '--max-input-mb', '3']).status).toBe(0);
  });
});
