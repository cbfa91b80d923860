import { parse } from 'csv-parse/sync';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { todayIso } from '../../src/model/dates.js';
import { questionnaire } from '../../src/survey/questions.js';
import { expectNoStackTrace, pes, ROOT } from '../helpers/cli.js';
import { answerStatement, CLOSES_PRINCIPLE, showing, STATEMENTS } from '../helpers/survey-answers.js';
import { TerminalSession } from '../helpers/terminal.js';
import { builtinRubric } from '../helpers/rubric.js';

const rubric = await builtinRubric();

const MATURE = join(ROOT, 'examples/mature-coalition.yaml');
const FORMS = join(ROOT, 'examples/forms/mature-coalition-workshop-2026.csv');
const RESPONSES = join(ROOT, 'examples/responses/mature-coalition');

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'pes-survey-'));
}

interface Report {
  survey: { respondents: number; late: { count: number; included: boolean } } | null;
  practices: { number: number; labels: string[]; perception: { n: number; mean: number } | null; advice: string[] }[];
  strengths: { practice: number }[];
  disagreements: { practice: number; widestGroupGap: { high: { group: string }; low: { group: string } } | null }[];
  discussion: { practice: number; reason: string; question: string }[];
}

describe('pes survey without a terminal', () => {
  it('refuses with a pointer to the template and import commands, exit 2', () => {
    const result = pes(['survey', MATURE]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^pes: the survey needs an interactive terminal/);
    expect(result.stderr).toContain('pes survey template --format csv');
    expect(result.stderr).toContain('pes survey import FILE.csv');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints the questionnaire for a forms tool and for paper', () => {
    const csv = parse(pes(['survey', 'template', '--format', 'csv']).stdout) as string[][];
    expect(csv[0]).toEqual(['question_id', 'section', 'question', 'type', 'options']);
    // With the partnership, its active partners are the organisation dropdown's options, one per line.
    const withPartners = parse(pes(['survey', 'template', '--format', 'csv', '--partnership', MATURE]).stdout) as string[][];
    expect(withPartners[1]![3]).toBe('dropdown');
    expect(withPartners[1]![4]!.split('\n')).toContain('Cedar Valley Food Bank');
    expect(csv.filter((row) => row[3] === 'scale')).toHaveLength(rubric.practices.length);
    expect(csv.filter((row) => row[0]!.startsWith('comment:'))).toHaveLength(rubric.principles.length);
    const markdown = pes(['survey', 'template', '--format', 'markdown']).stdout;
    expect(markdown.match(/^## \d\. /gm)).toHaveLength(rubric.principles.length);
    expect(markdown.match(/^\| \d+ \| /gm)).toHaveLength(rubric.practices.length);
  });

  it('imports a forms export, recognises every respondent on a second run, and reads it back', () => {
    const dir = scratch();
    const first = pes(['survey', 'import', FORMS, '--partnership', MATURE, '--dir', 'responses'], { cwd: dir });
    expect(first.status).toBe(0);
    expect(first.stdout).toBe('imported 16 respondents into responses: 16 new, 0 already there (Google Forms layout); ignored columns: Email address (optional)\n');
    expect(readdirSync(join(dir, 'responses'))).toHaveLength(16);
    const again = pes(['survey', 'import', FORMS, '--partnership', MATURE, '--dir', 'responses'], { cwd: dir });
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('imported 16 respondents into responses: 0 new, 16 already there (Google Forms layout); ignored columns: Email address (optional)\n');
    expect(readdirSync(join(dir, 'responses'))).toHaveLength(16);
    // The shipped responses are exactly this import; whether a response is complete is a claim about
    // the rubric it is read with, so it is expected from the shipped answers against this rubric.
    for (const name of readdirSync(RESPONSES)) {
      const shipped = readFileSync(join(RESPONSES, name), 'utf8');
      const answers = (parseYaml(shipped) as { answers: Record<string, unknown> }).answers;
      const complete = rubric.practices.every((practice) => answers[practice.id] !== undefined);
      expect(readFileSync(join(dir, 'responses', name), 'utf8')).toBe(shipped.replace(/^complete: .*$/m, `complete: ${complete}`));
    }
  });

  it('reports every unreadable cell of a bad export with its line and column, and imports nothing', () => {
    const dir = scratch();
    const lines = readFileSync(FORMS, 'utf8').split('\r\n');
    lines[3] = lines[3]!.replace('Private,partner staff', 'Privat,partner staff').replace(/,Agree,/, ',Agree strongly?,');
    writeFileSync(join(dir, 'bad.csv'), lines.join('\r\n'));
    const result = pes(['survey', 'import', 'bad.csv', '--partnership', MATURE], { cwd: dir });
    expect(result.status).toBe(2);
    const errors = result.stderr.trim().split('\n');
    expect(errors[0]).toMatch(/^bad\.csv:4:3 column C \(Which sector is your organisation in\?\): unknown sector "Privat"; did you mean "private"\?$/);
    expect(errors[1]).toMatch(/^bad\.csv:4:\d+ column [A-Z]+ \(.*\): cannot read "Agree strongly\?" as an answer/);
    expect(errors.at(-1)).toBe('bad.csv: nothing imported: fix the 2 problem(s) above, or pass --skip-bad-rows to import the 15 rows that read');
    expectNoStackTrace(result.stderr);
    const skipped = pes(['survey', 'import', 'bad.csv', '--partnership', MATURE, '--skip-bad-rows'], { cwd: dir });
    expect(skipped.status).toBe(0);
    expect(readdirSync(join(dir, 'responses'))).toHaveLength(15);
  });
});

describe('pes assess with survey responses', () => {
  it('names the practice where sectors disagree and the one that exists only on paper', () => {
    const table = pes(['assess', MATURE, '--responses', RESPONSES, '--format', 'table', '--width', '140']);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('Where people disagree');
    expect(table.stdout).toMatch(/#15 Deciding the degree of integration: answers 1-5, sd 1\.31; civil society 4\.5 vs private 1\.5 \(by sector\)/);
    expect(table.stdout).toMatch(/│ 18 │ Effective meetings .*│ paper only/);

    const report = JSON.parse(pes(['assess', MATURE, '--responses', RESPONSES, '--format', 'json']).stdout) as Report;
    expect(report.survey?.respondents).toBe(16);
    expect(report.practices[14]!.labels).toEqual(['divergent']);
    expect(report.practices[17]!.labels).toEqual(['paper_only']);
    // Advice written for the signal, never the band's: no fix that would add process to a practice people do not live.
    expect(report.practices[17]!.advice).toEqual([expect.stringMatching(/^The file shows this in place, yet people rate it 2\.4 of 5/)]);
    expect(report.strengths.map((strength) => strength.practice)).not.toContain(18);
    expect(report.strengths.map((strength) => strength.practice)).not.toContain(15);
    expect(report.disagreements.map((entry) => entry.practice)).toEqual([15]);
    expect(report.discussion.slice(0, 2).map((entry) => [entry.practice, entry.reason])).toEqual([[15, 'divergent'], [18, 'paper_only']]);
  });

  it('prints the discussion guide with the question for the room', () => {
    const result = pes(['assess', MATURE, '--responses', RESPONSES, '--discussion']);
    expect(result.stdout).toMatch(/^Discussion guide: Cedar Valley Food Security Coalition/);
    expect(result.stdout).toContain('1. #15 Deciding the degree of integration  (people disagree)');
    expect(result.stdout).toContain('Ask the room:');
  });

  it('never shows a group smaller than the minimum, and never a respondent\'s name', () => {
    const dir = scratch();
    cpSync(RESPONSES, join(dir, 'responses'), { recursive: true });
    const named = join(dir, 'responses', readdirSync(join(dir, 'responses'))[0]!);
    writeFileSync(named, readFileSync(named, 'utf8').replace('  role: ', '  name: Wilhelmina Quist\n  role: '));
    const json = pes(['assess', MATURE, '--responses', join(dir, 'responses'), '--format', 'json', '--min-group-size', '5']).stdout;
    expect(json).not.toContain('Wilhelmina');
    const report = JSON.parse(json) as { survey: { dimensions: { shown: { respondents: number }[] }[] } };
    for (const dimension of report.survey.dimensions) for (const group of dimension.shown) expect(group.respondents).toBeGreaterThanOrEqual(5);
  });

  it('refuses a response file that is not one, pointing at it', () => {
    const dir = scratch();
    cpSync(RESPONSES, join(dir, 'responses'), { recursive: true });
    writeFileSync(join(dir, 'responses', 'notes.yaml'), 'meeting: notes\n');
    const result = pes(['assess', MATURE, '--responses', join(dir, 'responses')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/notes\.yaml:1:1 not a pes survey response \(no `pes_response:` marker\); refusing to read or overwrite it/);
  });
});

describe('pes survey in a real terminal', { timeout: 120_000 }, () => {
  let terminal: TerminalSession | undefined;
  afterEach(() => terminal?.close());

  async function answerProfile(session: TerminalSession): Promise<void> {
    await session.waitFor(/Which organisation are you with\?/);
    session.send('Enter');
    await session.waitFor(/Which sector is your organisation in\?/);
    session.send('Enter');
    await session.waitFor(/What is your role in the partnership\?/);
    session.send('Down', 'Enter');
    await session.waitFor(/Your name/);
    session.send('Enter');
  }

  /** Answers statements from..to (1-based) with the given keys, waiting for each to appear; the first comment box gets a comment. */
  async function answerStatements(session: TerminalSession, from: number, keys: string[]): Promise<void> {
    const firstComment = Math.min(...CLOSES_PRINCIPLE);
    for (let i = 0; i < keys.length; i++) {
      const position = from + i;
      await answerStatement(session, position, keys[i]!, position === firstComment ? 'Clear purpose, rarely revisited' : undefined);
    }
  }

  it('takes a respondent through the whole survey and the answers change the report', async () => {
    const dir = scratch();
    terminal = TerminalSession.start(['survey', MATURE, '--dir', 'responses'], { cwd: dir });
    await answerProfile(terminal);
    const keys = Array.from({ length: STATEMENTS }, (_, i) => String((i % 5) + 1));
    keys[STATEMENTS - 1] = '0';
    await answerStatements(terminal, 1, keys);
    expect(await terminal.exited()).toEqual({ exitCode: 0, signal: 0 });
    expect(terminal.screen()).toContain('Thank you. Your answers, by principle');

    const [file] = readdirSync(join(dir, 'responses'));
    const response = parseYaml(readFileSync(join(dir, 'responses', file!), 'utf8')) as { complete: boolean; answers: Record<string, unknown>; comments: Record<string, string> };
    expect(response.complete).toBe(true);
    expect(Object.values(response.answers)).toEqual(keys.map((key) => (key === '0' ? 'dont_know' : Number(key))));
    expect(response.comments).toEqual({ purpose: 'Clear purpose, rarely revisited' });

    // The response is dated today, after the example's as-of date: counted only when asked for.
    const args = ['assess', MATURE, '--responses', join(dir, 'responses'), '--format', 'json'];
    const late = todayIso() > '2026-06-30';
    const report = JSON.parse(pes(late ? [...args, '--include-late-responses'] : args).stdout) as Report;
    expect(report.survey?.late).toEqual({ count: late ? 1 : 0, included: late });
    expect(report.practices[0]!.perception).toMatchObject({ n: 1, mean: 1 });
    expect(report.practices[4]!.perception).toMatchObject({ n: 1, mean: 5 });
    // The last statement was answered "don't know": no figure for its practice.
    expect(report.practices.find((practice) => practice.number === questionnaire(rubric).at(-1)!.practice.number)!.perception).toMatchObject({ n: 0, mean: null });
  });

  it('loses nothing when the process is killed mid-survey, and resumes where it stopped', async () => {
    const dir = scratch();
    terminal = TerminalSession.start(['survey', MATURE, '--dir', 'responses'], { cwd: dir });
    await answerProfile(terminal);
    await answerStatements(terminal, 1, ['4', '4', '2', '5', '3', '1', '2']);
    await terminal.waitFor(showing(8));
    process.kill(terminal.pid, 'SIGKILL');
    expect(await terminal.exited()).toMatchObject({ signal: 9 });
    terminal.close();

    terminal = TerminalSession.start(['survey', MATURE, '--dir', 'responses', '--resume'], { cwd: dir });
    await terminal.waitFor(new RegExp(`Welcome back: 7 of ${STATEMENTS} statements already answered\\.`));
    await answerStatements(terminal, 8, Array(STATEMENTS - 7).fill('3') as string[]);
    expect(await terminal.exited()).toEqual({ exitCode: 0, signal: 0 });
    const files = readdirSync(join(dir, 'responses'));
    expect(files).toHaveLength(1);
    const response = parseYaml(readFileSync(join(dir, 'responses', files[0]!), 'utf8')) as { complete: boolean; answers: Record<string, unknown> };
    expect(response.complete).toBe(true);
    expect(Object.values(response.answers)).toEqual([4, 4, 2, 5, 3, 1, 2, ...Array(STATEMENTS - 7).fill(3)]);
  });

  it('says how to resume after Ctrl-C, exit 130', async () => {
    const dir = scratch();
    terminal = TerminalSession.start(['survey', MATURE, '--dir', 'responses'], { cwd: dir });
    await answerProfile(terminal);
    await answerStatements(terminal, 1, ['5']);
    await terminal.waitFor(showing(2));
    terminal.send('C-c');
    expect(await terminal.exited()).toEqual({ exitCode: 130, signal: 0 });
    const screen = terminal.screen();
    expect(screen).toMatch(/Stopped\. Answers so far are saved in responses\/r-[0-9a-f]{8}\.yaml; continue with: pes survey/);
    expectNoStackTrace(screen);
  });
});
