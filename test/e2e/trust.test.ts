/**
 * A score a user can trust, through the built binary: a starter file is not healthy,
 * every finding reaches the handouts, a survey too small or too late says so, and a
 * baseline from elsewhere is refused.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { marked } from 'marked';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Report } from '../../src/model/report.js';
import { findingText, openChecks } from '../../src/render/labels.js';
import { escapeMarkdown } from '../../src/text/markdown-text.js';
import { escapeXml } from '../../src/text/xml-text.js';
import { expectNoStackTrace, pes, ROOT } from '../helpers/cli.js';
import { readExample } from '../helpers/report.js';
import { builtinRubric } from '../helpers/rubric.js';

const STRUGGLING = 'examples/struggling-alliance.yaml';
const MATURE = 'examples/mature-coalition.yaml';
const RESPONSES = 'examples/responses/mature-coalition';

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'pes-trust-'));
}

const PRACTICES = (await builtinRubric()).practices.length;
const json = (args: string[]) => JSON.parse(pes([...args, '--format', 'json']).stdout) as Report;

describe('pes init, then pes assess', () => {
  it('does not call the starter file healthy: nothing is described, the placeholder is named, and a gate fails', () => {
    const dir = scratch();
    expect(pes(['init', 'x.yaml', '--as-of', '2026-06-30'], { cwd: dir }).status).toBe(0);
    const table = pes(['assess', 'x.yaml', '--format', 'table', '--width', '100'], { cwd: dir });
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^Overall -\/100 {2}not described/m);
    expect(table.stdout).toContain(`evidence for 0 of ${PRACTICES} practices, 0% of the weight`);
    expect(table.stdout).toMatch(/line 13: partnership\.purpose: "TODO: /);
    expect(table.stdout).not.toMatch(/strong|No practice needs urgent work/);
    const report = JSON.parse(pes(['assess', 'x.yaml', '--format', 'json'], { cwd: dir }).stdout) as Report;
    expect(report.overall).toMatchObject({ band: 'not_described', score: null, described: 0 });
    expect(report.practices.filter((practice) => practice.band === 'not_described')).toHaveLength(report.practices.length);
    expect(pes(['validate', 'x.yaml'], { cwd: dir }).stdout).toMatch(/valid \(.*\); 1 placeholder to fill in \(line 13\)/);
    const gate = pes(['assess', 'x.yaml', '--format', 'json', '--fail-under', '50'], { cwd: dir });
    expect(gate.status).toBe(1);
    expect(gate.stderr).toBe('gate failed: overall score unknown (no practice has evidence) is below the minimum of 50; set by --fail-under 50\n');
  });
});

describe('gates on a file that describes little', () => {
  it('fails --fail-on gap for every practice without evidence, and JUnit counts them as failures', () => {
    const gate = pes(['assess', 'examples/new-network.yaml', '--format', 'junit', '--fail-on', 'gap']);
    expect(gate.status).toBe(1);
    const report = json(['assess', 'examples/new-network.yaml']);
    const undescribed = report.practices.filter((practice) => practice.band === 'not_described');
    expect(undescribed.length).toBeGreaterThan(0);
    for (const practice of undescribed) expect(gate.stderr).toContain(`#${practice.number} ${practice.title} is not described (no evidence, no points); set by --fail-on gap`);
    const failing = report.practices.filter((practice) => practice.band === 'gap' || practice.band === 'not_described').length;
    expect(gate.stdout).toMatch(new RegExp(`<testsuites [^>]*tests="${report.practices.length}" failures="${failing}" errors="0" skipped="0"`));
  });
});

describe('every finding, in every handout', () => {
  const report = json(['assess', STRUGGLING]);
  const open = report.practices.flatMap((practice) => openChecks(practice).map((check) => ({ practice, check })));

  it('the struggling example has open checks in most practices, two of them in practice 1', () => {
    expect(open.length).toBeGreaterThan(report.practices.length);
    expect(openChecks(report.practices[0]!).map((check) => check.check)).toEqual(['dateRecency', 'purposeIsConcise']);
  });

  it('Markdown lists every check not met or partly met, with its line for the coordinator', () => {
    const markdown = pes(['assess', STRUGGLING, '--format', 'markdown', '--audience', 'coordinator']).stdout;
    // As a reader sees it: the rubric's quoted fields are code spans, so compare the rendered text.
    const text = (marked.parse(markdown, { async: false }) as string)
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    const missing = open.filter(({ check }) => !text.includes(findingText(check).replace(/`/g, '')));
    expect(missing.map(({ practice, check }) => `#${practice.number} ${check.check}`)).toEqual([]);
  });

  it('HTML lists every check not met or partly met, with its line for the coordinator', () => {
    // The partners' handout (the HTML default) says the same findings without lines: test/e2e/handout.test.ts.
    const html = pes(['assess', STRUGGLING, '--format', 'html', '--audience', 'coordinator']).stdout;
    const missing = open.filter(({ check }) => !html.includes(escapeXml(findingText(check))));
    expect(missing.map(({ practice, check }) => `#${practice.number} ${check.check}`)).toEqual([]);
  });

  it('CSV has one row per check, with its status, line, finding and fix', () => {
    const rows = parseCsv(pes(['assess', STRUGGLING, '--format', 'csv']).stdout, { columns: true }) as Record<string, string>[];
    const checkRows = rows.filter((row) => row.record === 'check');
    expect(checkRows).toHaveLength(report.practices.reduce((sum, practice) => sum + practice.evidence.checks.length, 0));
    // Every open check's finding and line are in its row.
    for (const { practice, check } of open) {
      const row = checkRows.find((entry) => Number(entry.practice) === practice.number && entry.check === check.check && entry.finding === check.message);
      expect(row, `#${practice.number} ${check.check}`).toMatchObject({ status: check.status, line: String(check.location.line) });
    }
  });

  it('the terminal wraps findings to 80 columns instead of cutting them, and keeps every line number', () => {
    const table = pes(['assess', STRUGGLING, '--format', 'table', '--width', '80']).stdout;
    for (const line of table.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    // Read the findings across the table's wrapped lines and borders.
    const text = table.replace(/[│\s]+/g, ' ');
    const missing = open.filter(({ check }) => !text.includes(findingText(check).replace(/\s+/g, ' ')));
    expect(missing.map(({ practice, check }) => `#${practice.number} ${check.check}`)).toEqual([]);
  });

  it('names every unmatched in-kind offer in the human formats', () => {
    const inKind = report.practices[3]!.evidence.checks.find((check) => check.check === 'inKindMatchedToNeeds')!;
    expect(inKind.status).not.toBe('met');
    const offers = ["Licences for Kestrel's material-tracking software from Kestrel Outdoor", 'Volunteer accountants (120 hours a year) from Brightline Advisory'];
    for (const format of ['markdown', 'html', 'csv']) {
      const output = pes(['assess', STRUGGLING, '--format', format]).stdout.replace(/&#39;|&apos;/g, "'");
      for (const offer of offers) expect(output, format).toContain(format === 'markdown' ? escapeMarkdown(offer) : offer);
    }
  });
});

describe('pes assess --practice', () => {
  it('shows one practice by number or id: every check with its finding, line, basis and fix', () => {
    const byNumber = pes(['assess', STRUGGLING, '--practice', '15', '--width', '100']);
    expect(byNumber.status).toBe(0);
    expect(byNumber.stdout).toMatch(/^#15 Deciding the degree of integration\n/);
    const text = byNumber.stdout.replace(/\s+/g, ' ');
    expect(text).toContain('at most 40 while its critical check integrationAssumptionsAligned is not met');
    expect(text).toContain('1. ✗ not met · critical · 0 of 100 points');
    expect(text).toMatch(/Found: declared cooperative; 8 of 10 partners assume otherwise .*\(line 73; also 81,/);
    expect(text).toContain('2. ◐ partly met · 50 of 100 points');
    expect(text).toContain('Basis: The unexamined-assumptions story');
    expect(text).toContain('Fix: Ask each active partner separately');
    expect(pes(['assess', STRUGGLING, '--practice', 'degree-of-integration', '--width', '100']).stdout).toBe(byNumber.stdout);
    expect(JSON.parse(pes(['assess', STRUGGLING, '--practice', '15', '--format', 'json']).stdout)).toMatchObject({ number: 15, band: 'gap' });
  });

  it('refuses a practice the rubric does not have, and a format it cannot print', () => {
    expect(pes(['assess', STRUGGLING, '--practice', '99'])).toMatchObject({ status: 2, stderr: `pes: --practice: no practice "99" in pes-27 (numbers 1-${PRACTICES})\n` });
    expect(pes(['assess', STRUGGLING, '--practice', 'degree-of-integraton']).stderr).toContain('did you mean "degree-of-integration"?');
    expect(pes(['assess', STRUGGLING, '--practice', '15', '--format', 'html'])).toMatchObject({ status: 2 });
  });
});

describe('survey honesty', () => {
  it('refuses a responses folder with no response files, naming the subfolders that hold some', () => {
    const result = pes(['assess', MATURE, '--responses', 'examples/responses']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `examples/responses: no response files (*.yaml) in this folder; ${RESPONSES} holds ${readdirSync(join(ROOT, RESPONSES)).length}: name it with --responses\n`,
    );
    expect(pes(['assess', MATURE, '--responses', scratch()]).stderr).toMatch(/no response files \(\*\.yaml\) in this folder\n$/);
  });

  it('leaves out answers dated after the as-of date, says so on stderr and in the report, and counts them when asked', () => {
    const dir = scratch();
    cpSync(join(ROOT, RESPONSES), dir, { recursive: true });
    const late = readdirSync(dir).sort().slice(0, 3);
    for (const name of late) writeFileSync(join(dir, name), readFileSync(join(dir, name), 'utf8').replace(/^date: .*$/m, 'date: 2026-08-01'));
    const result = pes(['assess', MATURE, '--responses', dir, '--format', 'json']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('pes: 3 responses dated after 2026-06-30 left out, as evidence after the as-of date is (--include-late-responses counts them)\n');
    const report = JSON.parse(result.stdout) as Report;
    expect(report.survey).toMatchObject({ respondents: 13, late: { count: 3, included: false } });
    const markdown = pes(['assess', MATURE, '--responses', dir, '--format', 'markdown']).stdout;
    expect(markdown).toContain('3 responses dated after 2026-06-30 were left out');
    const included = pes(['assess', MATURE, '--responses', dir, '--format', 'json', '--include-late-responses']);
    expect(included.stderr).toBe('');
    expect(JSON.parse(included.stdout)).toMatchObject({ survey: { respondents: 16, late: { count: 3, included: true } } });
  });

  it('gives no signal on too few answers, and cautions every format about a small survey', () => {
    const dir = scratch();
    for (const name of readdirSync(join(ROOT, RESPONSES)).sort().slice(0, 4)) cpSync(join(ROOT, RESPONSES, name), join(dir, name));
    const report = json(['assess', MATURE, '--responses', dir]);
    expect(report.survey).toMatchObject({ respondents: 4, smallSample: true, minAnswers: 5 });
    expect(report.disagreements).toEqual([]);
    expect(report.practices.every((practice) => practice.labels.length === 0)).toBe(true);
    expect(report.practices.filter((practice) => practice.tooFewAnswers).length).toBeGreaterThan(20);
    const caution = 'Only 4 people answered the survey';
    for (const format of ['table', 'markdown', 'html', 'csv', 'sarif', 'junit', 'github']) {
      expect(pes(['assess', MATURE, '--responses', dir, '--format', format, '--width', '120']).stdout, format).toContain(caution);
    }
    const table = pes(['assess', MATURE, '--responses', dir, '--format', 'table', '--width', '120']).stdout;
    expect(table).toMatch(/│ too few answers to +│\n│ +│ .* │ tell +│/);
  });
});

describe('--baseline', () => {
  it('refuses a report about another partnership, in one line, exit 2', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'cedar.json'), pes(['assess', MATURE, '--format', 'json']).stdout);
    const result = pes(['assess', STRUGGLING, '--baseline', join(dir, 'cedar.json')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `${join(dir, 'cedar.json')}:1:1 this baseline is a report about "Cedar Valley Food Security Coalition", not "Clearwater Textile Alliance"; compare reports of one partnership\n`,
    );
    expectNoStackTrace(result.stderr);
  });

  it('refuses a report made with another rubric, and accepts another version of the same one, saying so', () => {
    const dir = scratch();
    const rubric = readFileSync(join(ROOT, 'rubrics/pes-27.yaml'), 'utf8');
    writeFileSync(join(dir, 'other.yaml'), rubric.replace('id: pes-27', 'id: our-rubric'));
    writeFileSync(join(dir, 'newer.yaml'), rubric.replace('version: 1.0.0', 'version: 1.1.0'));
    writeFileSync(join(dir, 'other.json'), pes(['assess', MATURE, '--rubric', join(dir, 'other.yaml'), '--format', 'json']).stdout);
    writeFileSync(join(dir, 'newer.json'), pes(['assess', MATURE, '--rubric', join(dir, 'newer.yaml'), '--format', 'json']).stdout);
    const other = pes(['assess', MATURE, '--baseline', join(dir, 'other.json')]);
    expect(other).toMatchObject({ status: 2, stderr: `${join(dir, 'other.json')}:1:1 this baseline was made with the rubric our-rubric, not pes-27; its scores measure other things\n` });
    const newer = pes(['assess', MATURE, '--baseline', join(dir, 'newer.json'), '--format', 'table', '--width', '120']);
    expect(newer.status).toBe(0);
    expect(newer.stdout).toContain('The baseline was made with pes-27 1.1.0: some changes may come from the rubric, not the partnership.');
  });

  it('refuses a report of an older format and says how to make a new one', () => {
    const dir = scratch();
    const old = JSON.parse(pes(['assess', MATURE, '--format', 'json', '--as-of', '2025-06-30']).stdout) as Record<string, unknown>;
    writeFileSync(join(dir, 'old.json'), JSON.stringify({ ...old, schemaVersion: 1 }));
    const result = pes(['assess', MATURE, '--baseline', join(dir, 'old.json')]);
    expect(result.status).toBe(2);
    // Located on the schemaVersion the report carries: line 1 of this one-line JSON, at its value.
    const prefix = `${join(dir, 'old.json')}:1:`;
    expect(result.stderr.startsWith(prefix)).toBe(true);
    expect(result.stderr.slice(prefix.length)).toMatch(/^\d+ a report of format 1, which this pes \(format \d+\) cannot compare with; /);
    expect(result.stderr).toContain(`make it again with \`pes assess ${MATURE} --as-of 2025-06-30 --format json --output ${join(dir, 'old.json')} --force\`\n`);
  });

  it('counts a practice no longer described as a fall to 0, which --fail-on-regression catches', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'before.json'), pes(['assess', MATURE, '--format', 'json']).stdout);
    // The same file without its communications section: describing less.
    const less = readExample(MATURE);
    delete less.communications;
    writeFileSync(join(dir, 'less.yaml'), stringify(less));
    const result = pes(['assess', join(dir, 'less.yaml'), '--baseline', join(dir, 'before.json'), '--fail-on-regression', '--format', 'json']);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    const stories = report.baseline!.practices.find((practice) => practice.number === 6)!;
    expect(stories).toMatchObject({ before: 100, after: 0, delta: -100 });
    expect(result.stderr).toContain('gate failed: #6 Strategic partnership communications fell from 100 to 0 since 2026-06-30');
    expect(report.narrative).toContain('"Partnership communications" (down 100 points)');
  });

  it('shows the change per practice and per principle in the terminal, and names the practices that fell', () => {
    // A later assessment from the file alone as the baseline (the shipped 2026 audit also counts the workshop survey).
    const dir = scratch();
    const later = join(dir, 'later.json');
    writeFileSync(later, pes(['assess', MATURE, '--as-of', '2026-06-30', '--format', 'json']).stdout);
    const result = pes(['assess', MATURE, '--as-of', '2025-06-30', '--baseline', later, '--format', 'table', '--width', '120']);
    expect(result.status).toBe(0);
    const report = json(['assess', MATURE, '--as-of', '2025-06-30', '--baseline', later]);
    const fall = Math.round(report.baseline!.overall.delta!);
    expect(fall).toBeLessThan(0);
    expect(result.stdout).toMatch(new RegExp(`^Overall ${Math.round(report.overall.score!)}/100 {2}${report.overall.band} {2}↓−${-fall} since 2026-06-30`, 'm'));
    expect(result.stdout).toMatch(/│ Change │/);
    expect(result.stdout).toMatch(/│ +6 │ Partnership communications +│ +0 │ gap +│ +↓−100 │/);
    expect(result.stdout).toMatch(/^ {2}2 Momentum +[█░]+ +\d+ ↓−\d+ +developing/m);
    const fell = report.baseline!.practices.filter((practice) => practice.delta !== null && Math.round(practice.delta) < 0).length;
    expect(fell).toBeGreaterThan(1);
    expect(report.narrative).toMatch(new RegExp(`${fell} practices fell: "Partnership communications" \\(down 100 points\\), .* and "Fewest critical metrics" \\(down 20 points\\)\\.`));
  });
});
