import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openHtmlFile } from '../helpers/browser.js';
import { FORMATS, OUTPUT_FORMATS } from '../../src/render/formats.js';
import { expectNoStackTrace, pes, ROOT } from '../helpers/cli.js';
import { builtinRubric } from '../helpers/rubric.js';

const STRUGGLING = 'examples/struggling-alliance.yaml';
const MATURE = 'examples/mature-coalition.yaml';
const RESPONSES = 'examples/responses/mature-coalition';
const HOSTILE = 'test/fixtures/partnerships/hostile.yaml';
const PRACTICES = (await builtinRubric()).practices.length;

/** The report pes gives as JSON: the figures other formats and messages must agree with. */
function jsonReport(args: readonly string[]): { overall: { score: number }; practices: { band: string }[] } {
  return JSON.parse(pes([...args, '--format', 'json']).stdout) as { overall: { score: number }; practices: { band: string }[] };
}

const { cases } = JSON.parse(readFileSync(join(ROOT, 'test/golden/cases.json'), 'utf8')) as { cases: { name: string; args: string[] }[] };

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'pes-reports-'));
}

describe('golden outputs (regenerate on purpose with `npm run golden`, then review the diff)', () => {
  it.each(cases)('$name', ({ name, args }) => {
    const result = pes(args);
    expect(result.stderr).toBe('');
    const expected = readFileSync(join(ROOT, 'test/golden', name), 'utf8');
    if (result.stdout !== expected) {
      // Show the first differing line: a golden change must be deliberate.
      const got = result.stdout.split('\n');
      const want = expected.split('\n');
      const line = got.findIndex((text, index) => text !== want[index]);
      throw new Error(`test/golden/${name} differs at line ${line + 1}:\n  golden: ${want[line]}\n  now:    ${got[line]}\nRun \`npm run golden\` if the change is intended, and review the diff.`);
    }
  });
});

describe('every format', () => {
  it.each(FORMATS)('%s is byte-identical across two runs', (format) => {
    const args = ['assess', MATURE, '--responses', RESPONSES, '--format', format];
    expect(pes(args).stdout).toBe(pes(args).stdout);
  });

  it('--help offers every registered format', () => {
    const help = pes(['assess', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain(`--format <formats> ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS.at(-1)};`);
  });

  it.each(OUTPUT_FORMATS.map(({ name, extension }) => ({ name, extension })))(
    '$name is accepted in .pesrc.yaml, named *.$extension in --output-dir and implied by --output r.$extension',
    ({ name, extension }) => {
      const dir = scratch();
      writeFileSync(join(dir, 'p.yaml'), readFileSync(join(ROOT, STRUGGLING)));
      const flagged = pes(['assess', 'p.yaml', '--no-config', '--format', name], { cwd: dir });
      expect(flagged.status).toBe(0);
      writeFileSync(join(dir, '.pesrc.yaml'), `format: ${name}\n`);
      expect(pes(['assess', 'p.yaml'], { cwd: dir })).toMatchObject({ status: 0, stdout: flagged.stdout });
      expect(pes(['assess', 'p.yaml', '--format', name, '--output-dir', 'out'], { cwd: dir }).status).toBe(0);
      expect(readdirSync(join(dir, 'out'))).toEqual([`p.${extension}`]);
      expect(pes(['assess', 'p.yaml', '--no-config', '--output', `r.${extension}`], { cwd: dir }).status).toBe(0);
      expect(`${readFileSync(join(dir, `r.${extension}`), 'utf8')}`).toBe(flagged.stdout);
    },
  );

  it('writes several formats into --output-dir, and infers the format from --output', () => {
    const dir = scratch();
    const result = pes(['assess', join(ROOT, STRUGGLING), '--format', 'html,sarif,markdown', '--output-dir', 'reports'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(readdirSync(join(dir, 'reports')).sort()).toEqual(['struggling-alliance.html', 'struggling-alliance.md', 'struggling-alliance.sarif']);
    expect(pes(['assess', join(ROOT, STRUGGLING), '--output', 'r.html'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(pes(['assess', join(ROOT, STRUGGLING), '--format', 'html,sarif'])).toMatchObject({ status: 2, stderr: 'pes: several formats need --output-dir DIR to write them into\n' });
  });
});

describe('SARIF', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as object;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);

  it.each([STRUGGLING, MATURE, HOSTILE])('passes the official SARIF 2.1.0 schema for %s', (file) => {
    const log = JSON.parse(pes(['assess', file, '--format', 'sarif']).stdout) as object;
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('has one rule per practice and locates each result on the YAML line it is about', () => {
    const log = JSON.parse(pes(['assess', STRUGGLING, '--format', 'sarif']).stdout) as {
      runs: { tool: { driver: { rules: { id: string; help: { text: string } }[] } }; results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
    };
    const run = log.runs[0]!;
    expect(run.tool.driver.rules).toHaveLength(PRACTICES);
    expect(run.tool.driver.rules[10]!.id).toBe('PES11-launch-relaunch-teams');
    expect(run.tool.driver.rules[10]!.help.text.length).toBeGreaterThan(40);
    const yaml = readFileSync(join(ROOT, STRUGGLING), 'utf8').split('\n');
    const purpose = run.results.find((result) => result.message.text.startsWith('purpose statement'))!;
    expect(purpose.level).toBe('error');
    const location = purpose.locations[0]!.physicalLocation;
    expect(location.artifactLocation.uri).toBe(STRUGGLING);
    expect(yaml[location.region.startLine - 1]).toMatch(/^\s*purpose:/);
    const turnover = run.results.find((result) => result.ruleId === 'PES11-launch-relaunch-teams')!;
    expect(yaml[turnover.locations[0]!.physicalLocation.region.startLine - 1]).toMatch(/^\s*(launched|relaunched):/);
  });
});

describe('CSV', () => {
  it('parses back with a real CSV parser: one row per practice and one per group shown', () => {
    const rows = parse(pes(['assess', MATURE, '--responses', RESPONSES, '--format', 'csv']).stdout, { columns: true }) as Record<string, string>[];
    const practices = rows.filter((row) => row.record === 'practice');
    expect(practices).toHaveLength(PRACTICES);
    expect(practices[17]).toMatchObject({ practice: '18', id: 'effective-meetings', labels: 'paper_only', survey_mean: '2.38' });
    const groups = rows.filter((row) => row.record === 'group' && row.practice === '15' && row.dimension === 'sector');
    expect(groups.map((row) => [row.group, row.group_mean])).toContainEqual(['private', '1.5']);
    for (const row of rows.filter((r) => r.record === 'group')) expect(Number(row.group_n)).toBeGreaterThanOrEqual(3);
  });

  it('neutralises cells that a spreadsheet would run as formulas', () => {
    const dir = scratch();
    // Three respondents from an organisation whose name is a formula, so that it appears as a group.
    const name = '=HYPERLINK("http://evil.example","click")';
    for (const id of ['a', 'b', 'c', 'd']) {
      writeFileSync(
        join(dir, `${id}.yaml`),
        `pes_response: 1\nrubric: pes-27\npartnership: ${JSON.stringify('<script>alert(1)</script> & "Partners" | ok')}\nrespondent: { id: ${id}, organisation: ${id === 'd' ? 'evil' : 'formula'} }\ndate: 2026-06-01\ncomplete: false\nanswers: { align-on-purpose: ${id === 'd' ? 2 : 4} }\n`,
      );
    }
    const csv = pes(['assess', HOSTILE, '--responses', dir, '--format', 'csv', '--min-group-size', '1']).stdout;
    const rows = parse(csv) as string[][];
    const cells = rows.flat();
    expect(cells).toContain(`'${name}`);
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});

describe('JUnit and GitHub annotations', () => {
  it('JUnit: a test case per practice, failures for gaps, escaped text', () => {
    const xml = pes(['assess', HOSTILE, '--format', 'junit']).stdout;
    expect(xml.match(/<testcase /g)).toHaveLength(PRACTICES);
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const bands = jsonReport(['assess', STRUGGLING]).practices.map((practice) => practice.band);
    const gap = bands.filter((band) => band === 'gap').length;
    const developingOrGap = bands.filter((band) => band === 'gap' || band === 'developing').length;
    // The example has both bands (21 gap and 6 developing in pes-27), so the two gates differ.
    expect(gap).toBeGreaterThan(0);
    expect(developingOrGap).toBeGreaterThan(gap);
    const struggling = pes(['assess', STRUGGLING, '--format', 'junit']).stdout;
    expect(struggling).toMatch(new RegExp(`<testsuites [^>]*tests="${PRACTICES}" failures="${gap}"`));
    const developing = pes(['assess', STRUGGLING, '--format', 'junit', '--fail-on', 'developing']).stdout;
    expect(developing).toMatch(new RegExp(`<testsuites [^>]*tests="${PRACTICES}" failures="${developingOrGap}"`));
  });

  it('GitHub: workflow commands on file and line, with the runner\'s escaping', () => {
    // Past GitHub's per-step limit the rest are plain log lines (see ci-output.test.ts); the commands come first.
    const lines = pes(['assess', STRUGGLING, '--format', 'github']).stdout.trim().split('\n').filter((line) => line.startsWith('::'));
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) (file=[^,]+,line=\d+,col=\d+,)?title=[^:]+::.+$/);
    expect(lines[0]).toBe(
      '::error file=examples/struggling-alliance.yaml,line=12,col=12,title=#1 Align and realign on vision%2C mission and purpose::purpose statement: 160 words, about 64 seconds to say; cut it to 75 words',
    );
  });
});

describe('HTML in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => browser?.close());

  const open = (html: string) => openHtmlFile(browser, html);

  it('renders the radar chart, the principles and every practice with no console errors', async () => {
    const { page, problems } = await open(pes(['assess', STRUGGLING, '--format', 'html']).stdout);
    const json = JSON.parse(pes(['assess', STRUGGLING, '--format', 'json']).stdout) as { principles: unknown[]; practices: unknown[]; recommendations: unknown[] };
    expect(await page.locator('svg.perception-radar').count()).toBe(1);
    expect(await page.locator('svg.perception-radar g[data-shape="evidence"]').count()).toBe(1);
    // No survey: no shape for what people say.
    expect(await page.locator('svg.perception-radar g[data-shape="perception"]').count()).toBe(0);
    expect(await page.locator('ul.principles li').count()).toBe(json.principles.length);
    const box = await page.locator('svg.perception-radar').boundingBox();
    expect(box!.width).toBeGreaterThan(250);
    expect(await page.locator('article.practice').count()).toBe(json.practices.length);
    expect(await page.locator('.card-grid li.card').count()).toBe(json.practices.length);
    expect(await page.locator('h1').innerText()).toBe('Clearwater Textile Alliance');
    expect(await page.locator('ol.recommendations > li').count()).toBe(json.recommendations.length);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows hostile names as text: no script runs, nothing is fetched', async () => {
    const html = pes(['assess', HOSTILE, '--format', 'html']).stdout;
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\';');
    const { page, problems } = await open(html);
    expect(await page.locator('h1').innerText()).toBe('<script>alert(1)</script> & "Partners" | ok');
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('body').innerText()).toContain('<img src=x onerror=alert(2)>');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('gates and exit codes', () => {
  it('exits 1 and says which gate tripped and why', () => {
    const under = pes(['assess', STRUGGLING, '--format', 'json', '--fail-under', '50']);
    expect(under.status).toBe(1);
    const underReport = JSON.parse(under.stdout) as { schemaVersion: number; overall: { score: number } };
    expect(underReport.schemaVersion).toBe(2);
    expect(underReport.overall.score).toBeLessThan(50);
    expect(under.stderr).toBe(`gate failed: overall score ${Math.round(underReport.overall.score)} is below the minimum of 50; set by --fail-under 50\n`);
    const band = pes(['assess', MATURE, '--format', 'json', '--fail-on', 'gap']);
    expect(band.status).toBe(1);
    expect(band.stderr).toBe("gate failed: #7 ROI narratives of the return on people's time and money is gap (25); set by --fail-on gap\n");
    expect(pes(['assess', MATURE, '--format', 'json', '--fail-under', '90']).status).toBe(0);
  });

  it('reads gates, per-practice minimums and suppressions from .pesrc.yaml beside the file', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'p.yaml'), readFileSync(join(ROOT, MATURE)));
    writeFileSync(
      join(dir, '.pesrc.yaml'),
      'format: markdown\ngates:\n  practices:\n    launch-relaunch-teams: 60\n    "16": 40\nsuppress:\n  - practice: 7\n    reason: We report return on investment through the county instead.\n',
    );
    const result = pes(['assess', 'p.yaml'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('gate failed: #11 Formally launch and relaunch teams scores 50, below its minimum of 60; set by .pesrc.yaml:4:5 launch-relaunch-teams: 60\n');
    expect(result.stdout).toMatch(/^# Partnership health: /);
    expect(result.stdout).toContain('## Deliberately not pursued');
    expect(result.stdout).toContain('We report return on investment through the county instead.');
    const json = JSON.parse(pes(['assess', 'p.yaml', '--format', 'json'], { cwd: dir }).stdout) as { practices: { band: string; score: number | null }[]; overall: { total: number } };
    expect(json.practices[6]).toMatchObject({ band: 'not_applicable', score: null });
    // Suppressed, practice 7 leaves the total: one fewer than the rubric has.
    expect(json.overall.total).toBe(json.practices.length - 1);
    expect(json.practices).toHaveLength(PRACTICES);
    expect(pes(['assess', 'p.yaml', '--no-config', '--format', 'json'], { cwd: dir }).status).toBe(0);
  });

  it('rejects a config that names a practice the rubric does not have, with its location', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'p.yaml'), readFileSync(join(ROOT, MATURE)));
    writeFileSync(join(dir, '.pesrc.yaml'), 'suppress:\n  - practice: launch-relaunch-team\n    reason: Not for us.\n');
    const result = pes(['assess', 'p.yaml'], { cwd: dir });
    expect(result).toMatchObject({ status: 2, stderr: '.pesrc.yaml:2:15 suppress[0].practice: no practice "launch-relaunch-team" in pes-27; did you mean "launch-relaunch-teams"?\n' });
  });

  it('compares with a baseline and fails on a regression', () => {
    const change = JSON.parse(pes(['assess', MATURE, '--format', 'json', '--baseline', 'examples/audits/cedar-valley-2025.json']).stdout) as {
      baseline: { overall: { delta: number }; regressions: unknown[] };
      narrative: string;
    };
    const before = (JSON.parse(readFileSync(join(ROOT, 'examples/audits/cedar-valley-2025.json'), 'utf8')) as { overall: { score: number } }).overall.score;
    const now = jsonReport(['assess', MATURE]).overall.score;
    expect(now).toBeGreaterThan(before);
    expect(change.baseline.overall.delta).toBeCloseTo(now - before, 5);
    expect(change.narrative).toContain(`Since the assessment of 2025-06-30 the overall score rose by ${Math.round(now - before)} points.`);
    // A later assessment from the file alone (the shipped 2026 audit also counts the workshop survey).
    const later = join(scratch(), 'later.json');
    writeFileSync(later, pes(['assess', MATURE, '--as-of', '2026-06-30', '--format', 'json']).stdout);
    const regression = pes(['assess', MATURE, '--as-of', '2025-06-30', '--format', 'json', '--baseline', later, '--fail-on-regression']);
    expect(regression.status).toBe(1);
    const [high, low] = [JSON.parse(readFileSync(later, 'utf8')) as { overall: { score: number } }, JSON.parse(regression.stdout) as { overall: { score: number } }].map((report) => Math.round(report.overall.score));
    expect(high).toBeGreaterThan(low!);
    expect(regression.stderr).toMatch(new RegExp(`^gate failed: overall score fell from ${high} to ${low} since 2026-06-30; set by --fail-on-regression\n`));
  });

  it('keeps usage and input errors at exit 2', () => {
    expect(pes(['assess', MATURE, '--fail-on-regression'])).toMatchObject({ status: 2, stderr: 'pes: --fail-on-regression needs --baseline PREVIOUS.json to compare with\n' });
    expect(pes(['assess', MATURE, '--fail-under', '120']).status).toBe(2);
    expect(pes(['assess', MATURE, '--fail-on', 'weak']).status).toBe(2);
    const notAReport = pes(['assess', MATURE, '--baseline', MATURE]);
    expect(notAReport.status).toBe(2);
    expect(notAReport.stderr).toMatch(/^examples\/mature-coalition\.yaml:1:1 not a pes JSON report/);
    expectNoStackTrace(notAReport.stderr);
  });
});

describe('pes trend', () => {
  it('prints the history per principle and overall across three annual audits', () => {
    const audits = ['2026', '2024', '2025'].map((year) => `examples/audits/cedar-valley-${year}.json`);
    const result = pes(['trend', ...audits]);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[2]).toMatch(/2024-06-30 +2025-06-30 +2026-06-30 +change$/);
    expect(lines[3]).toMatch(/^Overall +56 +73 ↑ +92 ↑ +\+35$/);
    expect(lines.slice(0, lines.indexOf('Practices')).filter((line) => /^\d /.test(line))).toHaveLength(6);
  });

  it('refuses reports about different partnerships', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'other.json'), pes(['assess', STRUGGLING, '--format', 'json']).stdout);
    const result = pes(['trend', 'examples/audits/cedar-valley-2024.json', join(dir, 'other.json')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^pes: these reports are about different partnerships/);
  });
});
