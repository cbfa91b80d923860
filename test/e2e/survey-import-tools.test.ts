/**
 * The exports of the forms tools partnerships use, imported with nothing done by hand
 * (test/fixtures/forms/, written by make-fixtures.mjs from the tools' documented layouts),
 * then read back by `pes assess --responses`.
 */
import { parse } from 'csv-parse/sync';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoStackTrace, expectOneLineError, pes, ROOT } from '../helpers/cli.js';
import { builtinRubric, completeResponseFiles } from '../helpers/rubric.js';

const rubric = await builtinRubric();

const MATURE = join(ROOT, 'examples/mature-coalition.yaml');
const FIXTURES = join(ROOT, 'test/fixtures/forms');
const scratch = () => mkdtempSync(join(tmpdir(), 'pes-forms-'));

const EXPORTS = [
  ['Google Forms CSV', 'google-forms.csv', 'Google Forms'],
  ['Google Sheets download, UK locale', 'google-sheets-uk.csv', 'Google Forms'],
  ['Microsoft Forms workbook', 'microsoft-forms.xlsx', 'Microsoft Forms'],
  ['Microsoft Forms saved as CSV by Excel', 'microsoft-forms-saved-as.csv', 'Microsoft Forms'],
  ['SurveyMonkey CSV', 'surveymonkey.csv', 'SurveyMonkey'],
  ['Qualtrics CSV', 'qualtrics.csv', 'Qualtrics'],
] as const;

/** The statements the exports ask (they all ask the same), read from the Google Forms header. */
const ASKED = new Set((parse(readFileSync(join(FIXTURES, 'google-forms.csv'), 'utf8'), { to: 1 }) as string[][])[0]!.map((column) => column.replace(/\s+/g, ' ')));
const EXPORT_ASKS_EVERY_STATEMENT = rubric.practices.every((practice) => ASKED.has(practice.statement.replace(/\s+/g, ' ')));

interface Report {
  survey: { respondents: number; complete: number } | null;
}

/** Every response file of a folder, without its id, in a stable order. */
function contents(dir: string): string[] {
  return readdirSync(dir)
    .map((name) => readFileSync(join(dir, name), 'utf8').replace(/^ {2}id: .*\n/m, ''))
    .sort();
}

describe('pes survey import reads each forms tool\'s export', () => {
  const imported = new Map<string, string>();

  for (const [what, file, tool] of EXPORTS) {
    it(`${what}: five respondents, dated from the tool's own column, that pes assess reads`, () => {
      const dir = scratch();
      const result = pes(['survey', 'import', join(FIXTURES, file), '--partnership', MATURE, '--dir', 'responses'], { cwd: dir });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^imported 5 respondents into responses: 5 new, 0 already there \\(${tool} layout\\)`));
      const responses = join(dir, 'responses');
      expect(readdirSync(responses)).toHaveLength(5);
      const dates = readdirSync(responses).map((name) => /^date: (.*)$/m.exec(readFileSync(join(responses, name), 'utf8'))![1]).sort();
      expect(dates).toEqual(['2026-06-12', '2026-06-12', '2026-06-13', '2026-06-15', '2026-06-16']);
      const assessed = pes(['assess', MATURE, '--responses', responses, '--format', 'json']);
      expect(assessed.status).toBe(0);
      const report = JSON.parse(assessed.stdout) as Report;
      expect(report.survey?.respondents).toBe(5);
      // Each of the five answers every statement the export asks: complete, as long as the export asks every statement of the rubric.
      expect(completeResponseFiles(responses, rubric)).toBe(EXPORT_ASKS_EVERY_STATEMENT ? 5 : 0);
      expect(report.survey?.complete).toBe(completeResponseFiles(responses, rubric));
      imported.set(file, dir);
    });
  }

  it('gives the same answers, profiles, dates and comments from every tool', () => {
    const [first, ...others] = EXPORTS.map(([, file]) => imported.get(file));
    if (first === undefined || others.some((dir) => dir === undefined)) throw new Error('an import above failed');
    for (const dir of others) expect(contents(join(dir!, 'responses'))).toEqual(contents(join(first, 'responses')));
    // The Qualtrics export's Q1-Q3 are profile questions: the organisation is a partner's id, not an answer.
    expect(contents(join(imported.get('qualtrics.csv')!, 'responses')).join('\n')).toContain('  organisation: marlow-health\n');
  });
});

describe('importing again', () => {
  it('counts nobody twice: the same export again, or a renamed copy of it, adds no one', () => {
    const dir = scratch();
    copyFileSync(join(FIXTURES, 'google-forms.csv'), join(dir, 'export.csv'));
    copyFileSync(join(FIXTURES, 'google-forms.csv'), join(dir, 'export (1).csv'));
    expect(pes(['survey', 'import', 'export.csv', '--partnership', MATURE], { cwd: dir }).stdout).toMatch(/: 5 new, 0 already there/);
    const again = pes(['survey', 'import', 'export.csv', '--partnership', MATURE], { cwd: dir });
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^imported 5 respondents into responses: 0 new, 5 already there/);
    const copy = pes(['survey', 'import', 'export (1).csv', '--partnership', MATURE], { cwd: dir });
    expect(copy.stdout).toMatch(/: 0 new, 5 already there/);
    expect(readdirSync(join(dir, 'responses'))).toHaveLength(5);
    const report = JSON.parse(pes(['assess', MATURE, '--responses', 'responses', '--format', 'json'], { cwd: dir }).stdout) as Report;
    expect(report.survey?.respondents).toBe(5);
  });

  it('knows a Microsoft Forms respondent by its response id: the workbook, then Excel\'s CSV of it, adds no one', () => {
    const dir = scratch();
    pes(['survey', 'import', join(FIXTURES, 'microsoft-forms.xlsx'), '--partnership', MATURE], { cwd: dir });
    const csv = pes(['survey', 'import', join(FIXTURES, 'microsoft-forms-saved-as.csv'), '--partnership', MATURE], { cwd: dir });
    expect(csv.stdout).toMatch(/: 0 new, 5 already there/);
  });

  it('adds only the new respondents of a later export', () => {
    const dir = scratch();
    const lines = readFileSync(join(FIXTURES, 'google-forms.csv'), 'utf8').split('\r\n');
    writeFileSync(join(dir, 'early.csv'), [...lines.slice(0, 3), ''].join('\r\n'));
    expect(pes(['survey', 'import', 'early.csv', '--partnership', MATURE], { cwd: dir }).stdout).toMatch(/: 2 new, 0 already there/);
    expect(pes(['survey', 'import', join(FIXTURES, 'google-forms.csv'), '--partnership', MATURE], { cwd: dir }).stdout).toMatch(/: 3 new, 2 already there/);
  });
});

describe('privacy', () => {
  it('stores no name unless --keep-names, never "anonymous" or the like, and no email anywhere', () => {
    for (const file of ['microsoft-forms.xlsx', 'surveymonkey.csv', 'qualtrics.csv', 'google-forms.csv']) {
      const dir = scratch();
      expect(pes(['survey', 'import', join(FIXTURES, file), '--partnership', MATURE], { cwd: dir }).status).toBe(0);
      const text = contents(join(dir, 'responses')).join('\n');
      expect(text).not.toMatch(/^ {2}name:/m);
      expect(text).not.toContain('@');
      expect(text).toContain('write to [email removed].');

      const kept = scratch();
      expect(pes(['survey', 'import', join(FIXTURES, file), '--partnership', MATURE, '--keep-names', '--dir', 'responses'], { cwd: kept }).status).toBe(0);
      const names = contents(join(kept, 'responses')).flatMap((response) => /^ {2}name: (.*)$/m.exec(response)?.[1] ?? []);
      // Google Forms asks no name; the others give Dana's and Ola's, and never "anonymous", "Anon" or "n/a".
      expect(names.sort()).toEqual(file === 'google-forms.csv' ? [] : ['Dana Whitfield', 'Ola Mensah']);
      expect(contents(join(kept, 'responses')).join('\n')).not.toContain('@');
    }
  });
});

describe('dates it cannot tell, and exports it cannot read', () => {
  it('refuses a UK-locale download whose dates all read both ways, in one line with the file and row, and takes --date-format or --date', () => {
    const dir = scratch();
    const text = readFileSync(join(FIXTURES, 'google-sheets-uk.csv'), 'utf8').replace(/^(1[3-9])\/06\/2026/gm, '12/06/2026');
    writeFileSync(join(dir, 'uk.csv'), text);
    const refused = pes(['survey', 'import', 'uk.csv', '--partnership', MATURE], { cwd: dir });
    expectOneLineError(refused, /^uk\.csv:2:1 the date "12\/06\/2026 10:14:03" reads as 2026-06-12 \(day first\) or 2026-12-06 \(month first\), and no date in the file tells which: pass --date-format DMY or --date-format MDY$/);
    expect(readdirSync(dir)).toEqual(['uk.csv']);
    expect(pes(['survey', 'import', 'uk.csv', '--partnership', MATURE, '--date-format', 'DMY'], { cwd: dir }).status).toBe(0);
    const overridden = pes(['survey', 'import', 'uk.csv', '--partnership', MATURE, '--date', '2026-06-20', '--dir', 'other'], { cwd: dir });
    expect(overridden.status).toBe(0);
    expect(contents(join(dir, 'other')).every((response) => response.includes('\ndate: 2026-06-20\n'))).toBe(true);
  });

  it('names the rows it looked at when the layout is none it knows, and writes nothing', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'odd.csv'), 'Report,,\r\nGenerated 2026-06-30,,\r\nWho,What,When\r\nAna,Agree,today\r\n');
    const result = pes(['survey', 'import', 'odd.csv', '--partnership', MATURE], { cwd: dir });
    expectOneLineError(result, /^odd\.csv:1:1 no column names a survey statement or practice id\. Read as a one-row header, looking at row 1 \("Report", "", ""\), row 2 \("Generated 2026-06-30", "", ""\), row 3 \("Who", "What", "When"\); recognised layouts: /);
    expectNoStackTrace(result.stderr);
    expect(readdirSync(dir)).toEqual(['odd.csv']);
  });

  it('refuses a file that is not a workbook but is named .xlsx, in one line', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'fake.xlsx'), 'Timestamp,P1\n2026-06-12,4\n');
    expectOneLineError(pes(['survey', 'import', 'fake.xlsx', '--partnership', MATURE], { cwd: dir }), /^fake\.xlsx: cannot read it as an Excel workbook \(\.xlsx\)/);
  });
});
