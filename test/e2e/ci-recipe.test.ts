import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

interface Workflow {
  jobs: Record<string, { steps: { name?: string; run?: string; uses?: string }[] }>;
}

const workflow = parse(readFileSync(join(ROOT, 'examples/ci/partnership-health.yml'), 'utf8')) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

/** The `pes` command lines exactly as the workflow writes them. */
const pesCommands = steps.flatMap((step) => (step.run ?? '').split('\n').map((line) => line.trim()).filter((line) => line.startsWith('pes ')));

/** A repository like the one the workflow runs in, with `pes` on the PATH. */
function repository(example: string): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'pes-ci-'));
  copyFileSync(join(ROOT, example), join(dir, 'partnership.yaml'));
  copyFileSync(join(ROOT, 'examples/ci/pesrc.example.yaml'), join(dir, '.pesrc.yaml'));
  const bin = join(dir, '.bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'pes'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'pes'), 0o755);
  return { dir, env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1' } };
}

describe('the CI recipe in examples/ci', () => {
  it('validates, assesses into every report the later steps read, and uploads what exists', () => {
    expect(pesCommands).toEqual([
      'pes validate partnership.yaml',
      'pes assess partnership.yaml --format sarif,markdown,junit,github,html --output-dir pes-report --force',
    ]);
    const read = steps.flatMap((step) => [...(step.run ?? '').matchAll(/pes-report\/[\w.]+/g)].map((match) => match[0]));
    const { dir, env } = repository('examples/mature-coalition.yaml');
    const statuses = pesCommands.map((command) => spawnSync('sh', ['-c', command], { cwd: dir, env, encoding: 'utf8' }).status);
    // The mature example has one practice in the gap band, which the example config's `fail_on: gap` catches.
    expect(statuses).toEqual([0, 1]);
    for (const file of read) expect(existsSync(join(dir, file)), file).toBe(true);
    expect(readdirSync(join(dir, 'pes-report')).sort()).toEqual([
      'partnership.github.txt',
      'partnership.html',
      'partnership.md',
      'partnership.sarif',
      'partnership.xml',
    ]);
    expect(readFileSync(join(dir, 'pes-report/partnership.md'), 'utf8')).toContain('## Deliberately not pursued');
  });

  it('stops at a broken partnership file with exit 2 and a located message', () => {
    const { dir, env } = repository('test/fixtures/partnerships/wrong-type.yaml');
    const result = spawnSync('sh', ['-c', pesCommands[0]!], { cwd: dir, env, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('partnership.yaml:10:11 partners[0].cash: expected a number, got "lots"\n');
  });
});
