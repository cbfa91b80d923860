/**
 * What CI sees: validation problems in every machine format, the annotation cap, the
 * severity map, SARIF's links, and where a failing gate was set.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseJunit, type TestSuites } from 'junit2json';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { practiceDocUrl } from '../../src/model/practice-docs.js';
import { expectNoStackTrace, pes, ROOT } from '../helpers/cli.js';

const STRUGGLING = 'examples/struggling-alliance.yaml';
const MATURE = 'examples/mature-coalition.yaml';
const RESPONSES = 'examples/responses/mature-coalition';
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { homepage: string; version: string };

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'pes-ci-output-'));
}

/** A partnership file with two schema problems, and one that is not YAML at all. */
function brokenFiles(dir: string): { schema: string; syntax: string } {
  const good = readFileSync(join(ROOT, 'examples/new-network.yaml'), 'utf8');
  writeFileSync(join(dir, 'schema.yaml'), good.replace(/^as_of: .*$/m, 'as_of: sometime').replace(/^(\s+tier: )\w+/m, '$1platinum'));
  writeFileSync(join(dir, 'syntax.yaml'), 'partnership:\n  name: "Unclosed\npartners: [\n');
  return { schema: 'schema.yaml', syntax: 'syntax.yaml' };
}

const sarifSchema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateSarif = ajv.compile(sarifSchema);

function expectValidSarif(text: string): SarifLog {
  const log = JSON.parse(text) as SarifLog;
  expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
  return log;
}

interface SarifLog {
  runs: {
    tool: { driver: { informationUri: string; rules: { id: string; helpUri: string }[] } };
    results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number; endLine?: number } } }[] }[];
  }[];
}

describe('a file that does not validate, in each machine format', () => {
  const dir = scratch();
  const { schema, syntax } = brokenFiles(dir);
  const table = pes(['validate', schema, syntax], { cwd: dir });
  // The plain lines are the reference: every machine format carries the same problems at the same places.
  const expected = table.stderr
    .trimEnd()
    .split('\n')
    .map((line) => /^([^:]+):(\d+):(\d+) (.*)$/.exec(line)!)
    .map(([, file, line, column, message]) => ({ file: file!, line: Number(line), column: Number(column), message: message! }));

  it('table keeps the FILE:LINE:COL lines on standard error, exit 2', () => {
    expect(table.status).toBe(2);
    expect(table.stdout).toBe('');
    expect(expected.map((problem) => problem.file)).toEqual(['schema.yaml', 'schema.yaml', 'syntax.yaml']);
    expectNoStackTrace(table.stderr);
  });

  it('json lists every file and every problem with its line and column', () => {
    const result = pes(['validate', schema, syntax, '--format', 'json'], { cwd: dir });
    expect(result.status).toBe(2);
    const json = JSON.parse(result.stdout) as { valid: boolean; files: { file: string; valid: boolean }[]; problems: unknown[] };
    expect(json.valid).toBe(false);
    expect(json.files).toEqual([
      { file: schema, valid: false, lines: expect.any(Number) },
      { file: syntax, valid: false, lines: 3 },
    ]);
    expect(json.problems).toEqual(expected);
    expect(result.stderr).toBe('pes: 3 problems in schema.yaml, syntax.yaml (written as json on standard output)\n');
  });

  it('github puts an error annotation on each problem\'s line', () => {
    const result = pes(['validate', schema, syntax, '--format', 'github'], { cwd: dir });
    expect(result.status).toBe(2);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toEqual(
      expected.map(({ file, line, column, message }) => `::error file=${file},line=${line},col=${column},title=Partnership file%3A does not validate::${message}`),
    );
  });

  it('sarif passes the official SARIF 2.1.0 schema, a result per problem on its region', () => {
    const result = pes(['validate', schema, syntax, '--format', 'sarif'], { cwd: dir });
    expect(result.status).toBe(2);
    const run = expectValidSarif(result.stdout).runs[0]!;
    expect(run.tool.driver.informationUri).toBe(PACKAGE.homepage);
    expect(run.results.map((entry) => ({ file: entry.locations[0]!.physicalLocation.artifactLocation.uri, line: entry.locations[0]!.physicalLocation.region!.startLine, column: entry.locations[0]!.physicalLocation.region!.startColumn, message: entry.message.text, level: entry.level }))).toEqual(
      expected.map((problem) => ({ ...problem, level: 'error' })),
    );
  });

  it('junit parses with a JUnit parser: a suite per file, a failing case per problem', async () => {
    const result = pes(['validate', schema, syntax, '--format', 'junit'], { cwd: dir });
    expect(result.status).toBe(2);
    const parsed = (await parseJunit(result.stdout)) as TestSuites;
    expect(parsed).toMatchObject({ tests: 3, failures: 3, errors: 0 });
    const cases = parsed.testsuite!.flatMap((suite) => suite.testcase!.map((testcase) => ({ suite: suite.name, name: testcase.name, failure: testcase.failure?.[0]?.message })));
    expect(cases).toEqual(expected.map(({ file, line, column, message }) => ({ suite: file, name: `${file}:${line}:${column}`, failure: message })));
  });

  it('--output writes the format its extension names, and the terminal still gets the lines', () => {
    const result = pes(['validate', schema, syntax, '--output', 'problems.sarif'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(table.stderr);
    expect(expectValidSarif(readFileSync(join(dir, 'problems.sarif'), 'utf8')).runs[0]!.results).toHaveLength(3);
    expect(pes(['validate', schema, '--output', 'problems.sarif'], { cwd: dir })).toMatchObject({ status: 2, stderr: 'problems.sarif: refused: the file exists (use --force to overwrite it)\n' });
    expect(pes(['validate', schema, '--output', 'problems.html'], { cwd: dir })).toMatchObject({ status: 2, stderr: 'pes: --output: validate writes json, github, sarif or junit (the file name does not say which)\n' });
    const assess = pes(['assess', schema, '--output', 'assess.junit.xml'], { cwd: dir });
    expect(assess).toMatchObject({ status: 2, stdout: '' });
    expect(readFileSync(join(dir, 'assess.junit.xml'), 'utf8')).toMatch(/^<\?xml [^]*<testsuites name="pes assess: 2 problems" tests="2" failures="2"/);
  });

  it('pes assess on such a file writes the problems in the format asked for, and every machine format into --output-dir', async () => {
    const github = pes(['assess', syntax, '--format', 'github'], { cwd: dir });
    expect(github.status).toBe(2);
    expect(github.stdout).toBe(`::error file=syntax.yaml,line=${expected[2]!.line},col=${expected[2]!.column},title=Partnership file%3A does not validate::${expected[2]!.message}\n`);
    const all = pes(['assess', schema, '--format', 'sarif,junit,github,json,markdown,html', '--output-dir', 'out'], { cwd: dir });
    expect(all.status).toBe(2);
    expect(all.stderr).toBe(`${table.stderr.split('\n').slice(0, 2).join('\n')}\n`);
    const written = (extension: string) => readFileSync(join(dir, 'out', `schema.${extension}`), 'utf8');
    expect(expectValidSarif(written('sarif')).runs[0]!.results).toHaveLength(2);
    expect(((await parseJunit(written('xml'))) as TestSuites).failures).toBe(2);
    expect(written('github.txt').trimEnd().split('\n')).toHaveLength(2);
    expect((JSON.parse(written('json')) as { command: string; problems: unknown[] })).toMatchObject({ command: 'assess', problems: expected.slice(0, 2) });
    // Markdown and HTML are for people: they are not written, and the terminal has the lines.
    expect(() => written('md')).toThrow();
    expect(() => written('html')).toThrow();
  });

  it('a usage error stays a plain line, whatever the format', () => {
    expect(pes(['assess', MATURE, '--format', 'sarif', '--fail-on-regression'])).toMatchObject({ status: 2, stdout: '', stderr: 'pes: --fail-on-regression needs --baseline PREVIOUS.json to compare with\n' });
    expect(pes(['validate', schema, '--format', 'html'], { cwd: dir }).status).toBe(2);
  });
});

describe('GitHub annotations stay within the per-step limits', () => {
  const lines = pes(['assess', STRUGGLING, '--format', 'github']).stdout.trimEnd().split('\n');
  const commands = lines.filter((line) => line.startsWith('::'));
  const count = (level: string) => commands.filter((line) => line.startsWith(`::${level} `)).length;
  const findings = pes(['assess', STRUGGLING, '--format', 'sarif']).stdout;
  const results = (JSON.parse(findings) as SarifLog).runs[0]!.results;

  it('writes at most 10 of each level, one summary naming what was left out, and the rest as log lines', () => {
    expect(results.length).toBeGreaterThan(30);
    expect(count('error')).toBe(10);
    expect(count('warning')).toBeLessThanOrEqual(10);
    expect(count('notice')).toBeLessThanOrEqual(10);
    const summary = commands.filter((line) => line.includes('title=Partnership health%3A annotations left out::'));
    expect(summary).toHaveLength(1);
    const errors = results.filter((entry) => entry.level === 'error').length;
    expect(summary[0]).toContain(`::${errors - 10} left out of the annotations, which keep to 10 of each level per step (GitHub shows 10): ${errors - 10} errors (#`);
    // Nothing disappears: every finding is an annotation or a plain line in the log.
    const plain = lines.filter((line) => !line.startsWith('::'));
    expect(plain).toHaveLength(errors - 10);
    for (const line of plain) expect(line).toMatch(/^examples\/struggling-alliance\.yaml:\d+:\d+ error: #\d+ /);
    // The practices the summary names are the ones left out.
    const named = /\(([^)]*)\); each is listed/.exec(summary[0]!)![1]!.replace(/ and \d+ more$/, '').split(', ');
    for (const ref of named) expect(plain.some((line) => line.includes(` error: ${ref} `))).toBe(true);
  });

  it('keeps the most urgent practices as annotations: the first recommendation is never left out', () => {
    const report = JSON.parse(pes(['assess', STRUGGLING, '--format', 'json']).stdout) as { recommendations: { practice: number }[] };
    const first = report.recommendations[0]!.practice;
    expect(commands.some((line) => line.includes(`title=#${first} `))).toBe(true);
  });

  it('--max-annotations sets the cap', () => {
    const capped = pes(['assess', STRUGGLING, '--format', 'github', '--max-annotations', '3']).stdout.trimEnd().split('\n');
    const levels = ['error', 'warning', 'notice'].map((level) => capped.filter((line) => line.startsWith(`::${level} `)).length);
    // Notices: the overall score and the summary.
    expect(levels).toEqual([3, 3, 2]);
    expect(capped.filter((line) => !line.startsWith('::')).length + 3 + 3).toBe(results.length);
    expect(pes(['assess', STRUGGLING, '--format', 'github', '--max-annotations', '0']).status).toBe(2);
  });
});

describe('severity per band and per survey signal', () => {
  function withConfig(config: string): string {
    const dir = scratch();
    writeFileSync(join(dir, 'p.yaml'), readFileSync(join(ROOT, MATURE)));
    writeFileSync(join(dir, '.pesrc.yaml'), config);
    return dir;
  }
  const responses = join(ROOT, RESPONSES);

  it('by default: survey signals (paper only, divergent) are notices on the file, with no line', () => {
    const lines = pes(['assess', MATURE, '--responses', RESPONSES, '--format', 'github']).stdout.split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^::notice file=examples\/mature-coalition\.yaml,title=#18 Effective and productive meetings::paper only: the file shows this practice as strong, but respondents rate it low \(\d+ answers, mean 2\.4 of 5\)/));
    expect(lines).toContainEqual(expect.stringMatching(/^::notice file=examples\/mature-coalition\.yaml,title=#15 [^:]+::divergent: respondents disagree, answers 1-5, sd 1\.31; civil society 4\.5 vs private 1\.5 \(by sector\); talk it through/));
    const sarif = JSON.parse(pes(['assess', MATURE, '--responses', RESPONSES, '--format', 'sarif']).stdout) as SarifLog;
    const signal = sarif.runs[0]!.results.find((entry) => entry.message.text.startsWith('paper only'))!;
    expect(signal.level).toBe('note');
    const lineCount = readFileSync(join(ROOT, MATURE), 'utf8').trimEnd().split('\n').length;
    expect(signal.locations[0]!.physicalLocation.region).toEqual({ startLine: 1, endLine: lineCount });
  });

  it('.pesrc.yaml severity changes GitHub levels, SARIF levels and JUnit failures together', async () => {
    const dir = withConfig('severity:\n  gap: warning\n  developing: none\n  strong: none\n  paper_only: error\n  divergent: none\n');
    const github = pes(['assess', 'p.yaml', '--responses', responses, '--format', 'github'], { cwd: dir }).stdout.split('\n');
    expect(github.filter((line) => line.startsWith('::error '))).toEqual([expect.stringMatching(/^::error file=p\.yaml,title=#18 [^:]+::paper only: /)]);
    expect(github.some((line) => line.includes('::divergent'))).toBe(false);
    const sarif = JSON.parse(pes(['assess', 'p.yaml', '--responses', responses, '--format', 'sarif'], { cwd: dir }).stdout) as SarifLog;
    const levels = new Set(sarif.runs[0]!.results.map((entry) => entry.level));
    expect([...levels].sort()).toEqual(['error', 'warning']);
    const junit = (await parseJunit(pes(['assess', 'p.yaml', '--responses', responses, '--format', 'junit'], { cwd: dir }).stdout)) as TestSuites;
    // The one gap practice is now a warning; the paper-only practice is the one failure.
    expect(junit.failures).toBe(1);
    const failed = junit.testsuite!.flatMap((suite) => suite.testcase!).filter((testcase) => testcase.failure);
    expect(failed.map((testcase) => testcase.name)).toEqual(['#18 Effective and productive meetings']);
  });

  it('an unknown level or key in severity is refused on its line', () => {
    const level = pes(['assess', 'p.yaml'], { cwd: withConfig('gates:\n  fail_on: gap\nseverity:\n  gap: fatal\n') });
    expect(level.status).toBe(2);
    expect(level.stderr).toBe('.pesrc.yaml:4:8 severity.gap: expected one of error, warning, notice, none, got "fatal"\n');
    const key = pes(['assess', 'p.yaml'], { cwd: withConfig('severity:\n  papers_only: notice\n') });
    expect(key.status).toBe(2);
    expect(key.stderr).toMatch(/^\.pesrc\.yaml:2:3 severity\.papers_only: /);
    expect(key.stderr).toContain('paper_only');
  });
});

describe('SARIF links', () => {
  it('names the tool\'s homepage and each practice\'s documentation page', () => {
    const run = (JSON.parse(pes(['assess', STRUGGLING, '--format', 'sarif']).stdout) as SarifLog).runs[0]!;
    expect(run.tool.driver.informationUri).toBe(PACKAGE.homepage);
    expect(run.tool.driver.rules[6]!.helpUri).toBe(practiceDocUrl({ number: 7, id: 'roi-narratives' }, PACKAGE.version));
    for (const rule of run.tool.driver.rules) expect(rule.helpUri).toMatch(new RegExp(`^${PACKAGE.homepage.replace(/#.*$/, '')}/blob/v${PACKAGE.version}/docs/rubric/\\d{2}-[a-z-]+\\.md$`));
  });

  it('the SARIF Multitool finds no error and no warning in reports and validation problems', () => {
    const dir = scratch();
    const { schema, syntax } = brokenFiles(dir);
    const logs = {
      'struggling.sarif': pes(['assess', join(ROOT, STRUGGLING), '--format', 'sarif'], { cwd: ROOT }).stdout,
      'survey.sarif': pes(['assess', MATURE, '--responses', RESPONSES, '--format', 'sarif']).stdout,
      'problems.sarif': pes(['validate', schema, syntax, '--format', 'sarif'], { cwd: dir }).stdout,
      'valid.sarif': pes(['validate', MATURE, '--format', 'sarif']).stdout,
    };
    for (const [name, text] of Object.entries(logs)) writeFileSync(join(dir, name), text);
    const multitool = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
    const result = spawnSync(multitool, ['validate', ...Object.keys(logs), '--output', 'multitool.sarif'], { cwd: dir, encoding: 'utf8', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const found = (JSON.parse(readFileSync(join(dir, 'multitool.sarif'), 'utf8')) as { runs: { results?: { ruleId: string; level?: string; message: { text?: string } }[] }[] }).runs.flatMap((run) => run.results ?? []);
    expect(found.filter((entry) => entry.level === 'error' || entry.level === 'warning' || entry.level === undefined).map((entry) => entry.ruleId)).toEqual([]);
  }, 120_000);
});

describe('a failing gate names where it was set', () => {
  it('the flag, or the config file, line and column', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'p.yaml'), readFileSync(join(ROOT, MATURE)));
    writeFileSync(join(dir, '.pesrc.yaml'), '# gates for CI\ngates:\n  fail_under: 95\n  fail_on: gap\n');
    const fromConfig = pes(['assess', 'p.yaml', '--format', 'json'], { cwd: dir });
    expect(fromConfig.status).toBe(1);
    expect(fromConfig.stderr.split('\n')).toEqual([
      'gate failed: overall score 92 is below the minimum of 95; set by .pesrc.yaml:3:3 fail_under: 95',
      "gate failed: #7 ROI narratives of the return on people's time and money is gap (25); set by .pesrc.yaml:4:3 fail_on: gap",
      '',
    ]);
    const fromFlag = pes(['assess', 'p.yaml', '--format', 'json', '--fail-on', 'gap', '--fail-under', '95'], { cwd: dir });
    expect(fromFlag.stderr).toContain('; set by --fail-under 95\n');
    expect(fromFlag.stderr).toContain('; set by --fail-on gap\n');
  });
});
