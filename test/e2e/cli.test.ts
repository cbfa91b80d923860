import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, expectNoStackTrace, pes, ROOT } from '../helpers/cli.js';
import { builtinRubric } from '../helpers/rubric.js';

const SMALL = 'test/fixtures/partnerships/small.yaml';
const PRACTICES = (await builtinRubric()).practices.length;
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'pes-e2e-'));
}

describe('pes, as a user runs it', () => {
  it('prints its version and help, exit 0', () => {
    expect(pes(['--version'])).toMatchObject({ status: 0, stdout: `${version}\n` });
    const help = pes(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['validate', 'assess', 'rubric', 'schema', 'init']) expect(help.stdout).toContain(command);
    expect(pes(['assess', '--help']).stdout).toContain('--as-of <date>');
  });

  it('answers an unknown command or option with one line and exit 2', () => {
    const unknown = pes(['asess']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'asess'");
    expect(unknown.stderr).toContain('assess');
    const badOption = pes(['assess', SMALL, '--formt', 'json']);
    expect(badOption.status).toBe(2);
    expect(badOption.stderr.trim().split('\n')[0]).toMatch(/unknown option '--formt'/);
    expectNoStackTrace(badOption.stderr);
  });

  describe('validate', () => {
    it('accepts a valid file with a one-line summary', () => {
      expect(pes(['validate', SMALL])).toMatchObject({ status: 0, stdout: `${SMALL}: valid (2 partners, 1 teams, 0 metrics, 0 decisions)\n` });
    });

    it('reports a wrong type at its line and column, exit 2', () => {
      const result = pes(['validate', 'test/fixtures/partnerships/wrong-type.yaml']);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe('test/fixtures/partnerships/wrong-type.yaml:10:11 partners[0].cash: expected a number, got "lots"\n');
      expect(result.stdout).toBe('');
    });

    it('reports a missing file in one line, exit 2', () => {
      const result = pes(['validate', 'nowhere.yaml']);
      expect(result).toMatchObject({ status: 2, stderr: 'nowhere.yaml: cannot read the file: no such file or directory\n' });
    });

    it('checks several files and reports every problem', () => {
      const result = pes(['validate', SMALL, 'test/fixtures/partnerships/wrong-type.yaml', 'nowhere.yaml']);
      expect(result.status).toBe(2);
      expect(result.stdout).toContain(`${SMALL}: valid`);
      expect(result.stderr.trim().split('\n')).toHaveLength(2);
    });

    it('refuses a file over the size limit before parsing it', () => {
      const dir = scratch();
      writeFileSync(join(dir, 'big.yaml'), `partnership: { name: Big }\n# ${'x'.repeat(2 * 1024 * 1024)}\n`);
      const result = pes(['validate', 'big.yaml', '--max-input-mb', '1'], { cwd: dir });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^big\.yaml: refused: the file is 2\.0 MB, over the 1 MB limit/);
    });
  });

  describe('assess', () => {
    it('prints the terminal report: header, six principles, every practice, recommendations', () => {
      const result = pes(['assess', SMALL, '--format', 'table', '--width', '120']);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^Small Test Partnership\nPartnership health as of 2026-06-30/);
      expect(result.stdout).toMatch(/Overall \d+\/100 {2}(strong|developing|gap)/);
      // At 120 columns the principles go by their short names, so that each fits on one line with its coverage.
      for (const principle of ['Purpose', 'Target population']) expect(result.stdout).toMatch(new RegExp(`^  \\d ${principle} .* evidence for \\d+ of \\d+ practices`, 'm'));
      for (let practice = 1; practice <= PRACTICES; practice++) expect(result.stdout).toMatch(new RegExp(`│ +${practice} │`));
      expect(result.stdout).toContain('Top ');
      expect(result.stdout).toContain('Not described in the file');
      // NO_COLOR is set by the helper: no escape sequences.
      expect(result.stdout).not.toContain('\u001b[');
    });

    it('colours the report when asked', () => {
      expect(pes(['assess', SMALL, '--format', 'table'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
      expect(pes(['assess', SMALL, '--format', 'table', '--color'], { env: { NO_COLOR: undefined } }).stdout).toContain('\u001b[');
    });

    it('finds the turnover and integration-mismatch cases in the small fixture', () => {
      const report = JSON.parse(pes(['assess', SMALL, '--format', 'json']).stdout) as {
        practices: { number: number; band: string; finding: string; location: { line: number } }[];
      };
      const teams = report.practices[10]!;
      expect(teams.finding).toBe('1 of 1 teams due a (re)launch: Reading buddies (100% turnover since 2024-02-01)');
      expect(teams.band).toBe('gap');
      const integration = report.practices[14]!;
      expect(integration.finding).toBe('declared cooperative; 1 of 2 partners assume otherwise (50%): Acme Books (parallel play)');
      expect(integration.location.line).toBe(20);
    });

    it('writes JSON that is byte-identical across runs', () => {
      const first = pes(['assess', SMALL, '--format', 'json']);
      const second = pes(['assess', SMALL, '--format', 'json']);
      expect(first.status).toBe(0);
      expect(first.stdout).toBe(second.stdout);
      const report = JSON.parse(first.stdout) as { schemaVersion: number; asOf: string; practices: unknown[]; inputs: { digest: string } };
      expect(report).toMatchObject({ schemaVersion: 2, asOf: '2026-06-30' });
      expect(report.practices).toHaveLength(PRACTICES);
      expect(report.inputs.digest).toMatch(/^[0-9a-f]{64}$/);
    });

    it('takes the date from --as-of over the file, and changes the findings with it', () => {
      const later = JSON.parse(pes(['assess', SMALL, '--format', 'json', '--as-of', '2028-01-01']).stdout) as { asOf: string };
      expect(later.asOf).toBe('2028-01-01');
      const bad = pes(['assess', SMALL, '--as-of', '2026-13-01']);
      expect(bad).toMatchObject({ status: 2, stderr: 'pes: --as-of expects a date written YYYY-MM-DD (or "today"), got "2026-13-01"\n' });
    });

    it('asks for an as_of date instead of silently using the clock', () => {
      const result = pes(['assess', 'test/fixtures/partnerships/no-as-of.yaml']);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^test\/fixtures\/partnerships\/no-as-of\.yaml:1:1 no as_of date: add `as_of: YYYY-MM-DD`/);
    });

    it('looks for ./partnership.yaml by default and says how to make one', () => {
      const result = pes(['assess'], { cwd: scratch() });
      expect(result).toMatchObject({
        status: 2,
        stderr: 'partnership.yaml: cannot read the file: no such file or directory (create one with `pes init`, or name a file)\n',
      });
    });

    it('writes --output atomically and never over its input or an existing file', () => {
      const dir = scratch();
      writeFileSync(join(dir, 'p.yaml'), readFileSync(join(ROOT, SMALL)));
      expect(pes(['assess', 'p.yaml', '--format', 'json', '--output', 'report.json'], { cwd: dir }).status).toBe(0);
      expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toMatchObject({ schemaVersion: 2 });
      expect(pes(['assess', 'p.yaml', '--output', 'report.json'], { cwd: dir })).toMatchObject({
        status: 2,
        stderr: 'report.json: refused: the file exists (use --force to overwrite it)\n',
      });
      expect(pes(['assess', 'p.yaml', '--output', 'report.json', '--force'], { cwd: dir }).status).toBe(0);
      expect(pes(['assess', 'p.yaml', '--output', './p.yaml', '--force'], { cwd: dir })).toMatchObject({
        status: 2,
        stderr: './p.yaml: refused: the output would overwrite an input file\n',
      });
      expect(readFileSync(join(dir, 'p.yaml'), 'utf8')).toBe(readFileSync(join(ROOT, SMALL), 'utf8'));
    });

    it('runs a custom rubric, and rejects a broken one with a located error', () => {
      const dir = scratch();
      const rubric = readFileSync(join(ROOT, 'rubrics/pes-27.yaml'), 'utf8');
      writeFileSync(join(dir, 'strict.yaml'), rubric.replace('turnover_threshold: 0.15', 'turnover_threshold: 0.5'));
      writeFileSync(join(dir, 'broken.yaml'), rubric.replace('turnover_threshold: 0.15', 'turnover_threshold: high'));
      const small = join(ROOT, SMALL);
      expect(pes(['assess', small, '--rubric', 'strict.yaml', '--format', 'json'], { cwd: dir }).stdout).toContain('"file": "strict.yaml"');
      const broken = pes(['assess', small, '--rubric', 'broken.yaml'], { cwd: dir });
      expect(broken.status).toBe(2);
      expect(broken.stderr).toMatch(/^broken\.yaml:\d+:\d+ practices\[10\]\.checks\[0\]\.params\.turnover_threshold: invalid parameter/);
      expectNoStackTrace(broken.stderr);
    });
  });

  describe('standard output', () => {
    const withResponses = ['assess', 'examples/mature-coalition.yaml', '--responses', 'examples/responses/mature-coalition', '--format', 'json'];

    it('a reader that stops early (pes assess | head) ends the run quietly, exit 0', async () => {
      const child = spawn(process.execPath, [BIN, ...withResponses], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const status = await new Promise((resolve) => child.on('close', resolve));
      expect(stderr).toBe('');
      expect(status).toBe(0);
    });

    it('a slow reader on a non-blocking pipe still gets every byte of a report larger than the pipe buffer', () => {
      const dir = scratch();
      expect(pes([...withResponses, '--output', join(dir, 'report.json')]).status).toBe(0);
      const expected = readFileSync(join(dir, 'report.json'), 'utf8');
      expect(expected.length).toBeGreaterThan(65_536);
      // A pipe left non-blocking makes plain writes fail with EAGAIN once it is full; the preload leaves it so.
      const nonBlocking = join(ROOT, 'test/helpers/nonblocking-stdout.cjs');
      const command = `${process.execPath} --require ${nonBlocking} ${BIN} ${withResponses.join(' ')} | (sleep 0.5; cat) > ${join(dir, 'piped.json')}`;
      execFileSync('bash', ['-o', 'pipefail', '-c', command], { cwd: ROOT });
      expect(readFileSync(join(dir, 'piped.json'), 'utf8')).toBe(expected);
    });
  });

  describe('rubric, schema and init', () => {
    it('lists the practices and shows one with its checks and advice', () => {
      const list = pes(['rubric']);
      expect(list.status).toBe(0);
      expect(list.stdout).toContain('11  Formally launch and relaunch teams');
      const one = pes(['rubric', '15']);
      expect(one.stdout).toMatch(/^#15 Deciding the degree of integration/);
      for (const heading of ['Basis in the field guide', 'What good looks like', 'Survey statement', 'Evidence checks', 'When it is strong', 'Question for the room']) {
        expect(one.stdout).toContain(heading);
      }
      // Every check carries its basis and its fix, and the defining one is marked.
      expect(one.stdout.match(/Basis: /g)).toHaveLength(2);
      expect(one.stdout.match(/If not met: /g)).toHaveLength(2);
      expect(one.stdout).toContain('1. critical: The partnership declares its degree of integration');
      expect(pes(['rubric', 'degree-of-integration']).stdout).toBe(one.stdout);
      expect(pes(['rubric', '99'])).toMatchObject({ status: 2, stderr: `pes: no practice "99" in pes-27 (numbers 1-${PRACTICES})\n` });
    });

    it('prints the JSON Schemas, identical to the committed copies', () => {
      for (const which of ['partnership', 'report']) {
        const printed = pes(['schema', which]).stdout;
        expect(printed).toBe(readFileSync(join(ROOT, `schema/${which}.schema.json`), 'utf8'));
      }
    });

    it('writes a starter that validates, and will not overwrite it without --force', () => {
      const dir = scratch();
      const first = pes(['init', '--name', 'Harbour Network', '--as-of', '2026-01-01'], { cwd: dir });
      expect(first.status).toBe(0);
      const text = readFileSync(join(dir, 'partnership.yaml'), 'utf8');
      expect(text).toContain('name: "Harbour Network"');
      expect(text).toMatch(/^# yaml-language-server: \$schema=.*schema\/partnership\.schema\.json\n/);
      expect(pes(['validate', 'partnership.yaml'], { cwd: dir }).status).toBe(0);
      expect(pes(['assess'], { cwd: dir }).status).toBe(0);
      expect(pes(['init'], { cwd: dir })).toMatchObject({ status: 2, stderr: 'partnership.yaml: refused: the file exists (use --force to overwrite it)\n' });
      expect(pes(['init', '--force', '--as-of', '2026-02-02'], { cwd: dir }).status).toBe(0);
      expect(readFileSync(join(dir, 'partnership.yaml'), 'utf8')).toContain('as_of: 2026-02-02');
    });
  });
});
