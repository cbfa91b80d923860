import { describe, expect, it } from 'vitest';
import { formatLocatedError } from '../../src/load/located-error.js';
import { responseSchema } from '../../src/model/responses.js';
import { columnName, importCsv, type ImportOptions } from '../../src/survey/import.js';
import { surveyTemplateCsv } from '../../src/survey/template.js';
import { parse } from 'csv-parse/sync';
import { partner, partnership } from '../helpers/partnership.js';
import { builtinRubric } from '../helpers/rubric.js';

const rubric = await builtinRubric();
const data = partnership({
  partnership: { name: 'Cedar Valley Coalition' },
  partners: [partner('acme', { name: 'Acme Foods', sector: 'private' }), partner('cvfb', { name: 'Cedar Valley Food Bank', sector: 'civil_society' })],
});
const options: ImportOptions & { maxRows: number } = { file: 'export.csv', partnership: data, maxRows: 100_000 };
// Exports without a date column are dated by --date, as the CLI requires.
const dated = { ...options, date: '2026-06-30' };

const run = (csv: string) => importCsv(csv, rubric, /timestamp|date/i.test(csv.split('\n')[0]!) ? options : dated);
const messages = (csv: string) => run(csv).errors.map(formatLocatedError);

/**
 * A forms export as a spreadsheet writes it: a BOM, CRLF row ends (a bare LF inside a multi-line cell), a Timestamp, profile questions,
 * statements as headers (quoted where they hold a comma), a practice id, "P12", a comment box and an email.
 * Columns: A Timestamp, B Email address, C organisation, D sector, E role, F practice 1 (statement),
 * G practice 2 (statement), H P3, I comment on "Clarity of purpose", J practice 4 (by id), K P12.
 */
const EXPORT = [
  '\uFEFFTimestamp,Email address,Which organisation are you with?,Which sector is your organisation in?,What is your role in the partnership?,' +
    '"We could each explain our partnership\'s purpose in half a minute, without notes.",' +
    'We regularly receive short stories about our impact that we can pass on to our own networks.,' +
    'P3,"Anything to add about ""Clarity of purpose""? (optional)",fundraising-partner-raising,P12',
  // Line 2: a known partner by name, sector left blank, the survey's role label.
  '2026/03/14 10:22:05 AM GMT+1,ana@example.org,Acme Foods,,Staff of a partner organisation,Strongly agree,Agree,4 - Agree,,3,Don\'t know',
  // Lines 3-4: one respondent whose comment spans two lines; P12 left blank.
  '2026/03/15 09:00:00 AM GMT+1,,Riverside Clinic,NGO,Leadership,5,Neither agree nor disagree,N/A,"Purpose is clear,\nbut we rarely say it.",2,',
  // Line 5: P2 and the comment left blank.
  '2026/03/16 05:45:12 PM GMT+1,,City Council,Government,Backbone / coordination team,Disagree,,Strongly disagree,,1,2',
  '',
].join('\r\n');

describe('importing a forms export', () => {
  const result = run(EXPORT);

  it('reads every row, with no errors', () => {
    expect(result.errors).toEqual([]);
    expect(result.skippedRows).toBe(0);
    expect(result.responses).toHaveLength(3);
    // The two-line comment moves the next row down: lines 2, 3 (to 4), 5.
    expect(result.lines).toEqual([2, 3, 5]);
  });

  it('names each response by a fingerprint of the respondent, not by the file or the row', () => {
    const ids = result.responses.map((response) => response.respondent.id);
    expect(ids).toEqual([expect.stringMatching(/^gforms-[0-9a-f]{16}$/), expect.stringMatching(/^gforms-[0-9a-f]{16}$/), expect.stringMatching(/^gforms-[0-9a-f]{16}$/)]);
    expect(new Set(ids).size).toBe(3);
    // Another name, the rows in another order: the same respondents, the same ids.
    const [header, first, second, third, fourth, fifth] = EXPORT.split('\r\n');
    const reordered = importCsv([header, fifth, second, third, fourth, first, ''].join('\r\n'), rubric, { ...options, file: 'export (1).csv' });
    expect(reordered.responses.map((response) => response.respondent.id).sort()).toEqual([...ids].sort());
  });

  it('tells apart two rows of one file that say the same, and gives them the same ids on every import', () => {
    const twins = 'P1,P2\n4,5\n4,5\n';
    const ids = run(twins).responses.map((response) => response.respondent.id);
    expect(new Set(ids).size).toBe(2);
    expect(run(twins).responses.map((response) => response.respondent.id)).toEqual(ids);
  });

  it('counts a CRLF inside a quoted cell as one line break, like any editor', () => {
    // The same export with the comment's line break typed on Windows (CRLF, as browsers submit a text box).
    const windows = run(EXPORT.replace('Purpose is clear,\nbut', 'Purpose is clear,\r\nbut'));
    // Line ends are stored uniformly as \n, whatever the export used.
    expect(windows.responses[1]!.comments).toEqual({ purpose: 'Purpose is clear,\nbut we rarely say it.' });
    expect(windows.lines).toEqual([2, 3, 5]);
    expect(windows.responses.map((response) => response.respondent.id)).toEqual(result.responses.map((response) => response.respondent.id));
    // And an error after such a cell points at the row's own line (5), not one further down.
    const broken = run(EXPORT.replace('Purpose is clear,\nbut', 'Purpose is clear,\r\nbut').replace('Government', 'Govt'));
    expect(broken.errors.map((error) => error.position)).toEqual([{ line: 5, col: 4 }]);
  });

  it('reads scale labels, numbers, "4 - Agree", "Don\'t know" and "N/A", leaving blank cells unanswered', () => {
    expect(result.responses.map((response) => response.answers)).toEqual([
      {
        'align-on-purpose': 5,
        'consistent-communication': 4,
        'ruthless-prioritization': 4,
        'fundraising-partner-raising': 3,
        'brand-identity': 'dont_know',
      },
      {
        'align-on-purpose': 5,
        'consistent-communication': 3,
        'ruthless-prioritization': 'dont_know',
        'fundraising-partner-raising': 2,
      },
      {
        'align-on-purpose': 2,
        'ruthless-prioritization': 1,
        'fundraising-partner-raising': 1,
        'brand-identity': 2,
      },
    ]);
    // Only 5 of the rubric's statements are in this export: none is complete.
    expect(result.responses.map((response) => response.complete)).toEqual([false, false, false]);
  });

  it('maps the profile: a partner by name (with its sector), sector words and role labels', () => {
    expect(result.responses.map(({ respondent: { id, ...profile } }) => profile)).toEqual([
      { organisation: 'acme', sector: 'private', role: 'partner_staff' },
      { organisation: 'Riverside Clinic', sector: 'civil_society', role: 'leadership' },
      { organisation: 'City Council', sector: 'public', role: 'backbone' },
    ]);
  });

  it('takes the date from the Timestamp column (the BOM notwithstanding)', () => {
    expect(result.responses.map((response) => response.date)).toEqual(['2026-03-14', '2026-03-15', '2026-03-16']);
  });

  it('keeps the comment, line break and all, under its principle', () => {
    expect(result.responses[1]!.comments).toEqual({ purpose: 'Purpose is clear,\nbut we rarely say it.' });
    expect(result.responses[0]!.comments).toBeUndefined();
  });

  it('never copies an address from the email column into a response', () => {
    // Google Forms' own "Email address" column: known, so not listed as a question left out.
    expect(result.ignoredColumns).toEqual([]);
    expect(JSON.stringify(result.responses)).not.toContain('ana@example.org');
  });

  it('writes valid response files for the partnership and rubric, marked as imported', () => {
    for (const response of result.responses) {
      expect(responseSchema.safeParse(response).success).toBe(true);
      expect(response).toMatchObject({ pes_response: 1, rubric: 'pes-27', partnership: 'Cedar Valley Coalition', source: 'pes survey import' });
    }
  });

  it('marks a response complete when every statement is answered ("don\'t know" counts), and uses the default date without a Timestamp', () => {
    const header = rubric.practices.map((practice) => `P${practice.number}`).join(',');
    const all = rubric.practices.map(() => 'Agree');
    const oneDontKnow = ['Don\'t know', ...all.slice(1)];
    const oneBlank = ['', ...all.slice(1)];
    const imported = run([header, all.join(','), oneDontKnow.join(','), oneBlank.join(','), ''].join('\n'));
    expect(imported.errors).toEqual([]);
    expect(imported.responses.map((response) => response.complete)).toEqual([true, true, false]);
    const n = rubric.practices.length;
    expect(imported.responses.map((response) => Object.keys(response.answers).length)).toEqual([n, n, n - 1]);
    expect(imported.responses[0]!.date).toBe('2026-06-30');
  });

  it('matches an organisation by partner id or by name in any case; a stated sector wins over the partner\'s', () => {
    const imported = run(['Organisation,Sector,P1', 'CEDAR VALLEY FOOD BANK,,4', 'acme,,4', 'Acme Foods,Public sector,4', ''].join('\n'));
    expect(imported.errors).toEqual([]);
    expect(imported.responses.map(({ respondent }) => [respondent.organisation, respondent.sector])).toEqual([
      ['cvfb', 'civil_society'],
      ['acme', 'private'],
      ['acme', 'public'],
    ]);
  });

  it('reads "Name of your organisation" as the organisation, not as the respondent\'s name', () => {
    const imported = run('Name of your organisation,P1\nAcme Foods,4\n');
    expect(imported.errors).toEqual([]);
    expect(imported.responses[0]!.respondent).toEqual({ id: expect.stringMatching(/^import-/), organisation: 'acme', sector: 'private' });
  });

  it('reads the headers of its own questionnaire template', () => {
    // A forms tool built from `pes survey template` exports the question texts as headers.
    const rows = parse(surveyTemplateCsv(rubric)) as string[][];
    const questions = rows.slice(1);
    const header = questions.map(([, , question]) => question!);
    const answers = questions.map(([id]) => (id === 'organisation' ? 'Acme Foods' : id === 'sector' ? 'Private' : id === 'role' ? 'Backbone' : id!.startsWith('comment:') ? '' : '4'));
    const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
    const imported = run([header.map(quote).join(','), answers.map(quote).join(','), ''].join('\n'));
    expect(imported.errors).toEqual([]);
    expect(imported.ignoredColumns).toEqual([]);
    expect(imported.responses[0]!.complete).toBe(true);
    expect(imported.responses[0]!.respondent).toEqual({ id: expect.stringMatching(/^import-/), organisation: 'acme', sector: 'private', role: 'backbone' });
  });
});

describe('answers', () => {
  const answerOf = (cell: string) => {
    const imported = run(`P1\n"${cell}"\n`);
    return imported.errors.length > 0 ? 'error' : imported.responses[0]!.answers['align-on-purpose'];
  };

  it('reads numbers and labels, with or without the number, in any case', () => {
    expect(['1', '5', '3.0', 'Strongly disagree', 'strongly AGREE', '2 Disagree', '4 - Agree', '3. Neither agree nor disagree', 'Agree (4)'].map(answerOf)).toEqual([
      1, 5, 3, 1, 5, 2, 4, 3, 4,
    ]);
  });

  it('reads the ways of not knowing', () => {
    expect(['Don\'t know', 'Don\u2019t know', 'N/A', 'not applicable', 'Don\'t know / not applicable'].map(answerOf)).toEqual(
      Array(5).fill('dont_know'),
    );
  });

  it('refuses numbers out of range and labels that contradict their number', () => {
    expect(['6', '-1', '4.5', 'Agree strongly?', '2 - Agree'].map(answerOf)).toEqual(Array(5).fill('error'));
  });

  it('refuses a label whose number in brackets contradicts it, as it refuses "2 - Agree"', () => {
    // "Agree" is 4; "Agree (2)" is as contradictory as "2 - Agree" and should not silently become 4.
    expect(answerOf('Agree (2)')).toBe('error');
  });
});

describe('import errors', () => {
  it('reports each unreadable cell at its CSV line (header = 1) and 1-based column, naming the column', () => {
    const csv = [
      'Timestamp,Which sector is your organisation in?,What is your role in the partnership?,"We could each explain our partnership\'s purpose in half a minute, without notes.",P2',
      '2026/03/14,NGO,Leadership,Agree,"Mostly agree,',
      'though not always"',
      '2026/03/15,Goverment,Leadership,Agree strongly?,5',
      '2026/03/16,Public,Staff of a partner organisation,4,4',
      '',
    ].join('\n');
    const imported = run(csv);
    // Line 2 (to 3) has one bad cell in column E; line 4 has two, in columns B and D.
    expect(imported.errors.map(formatLocatedError)).toEqual([
      'export.csv:2:5 column E (P2): cannot read "Mostly agree, though not always" as an answer (expected 1-5, a scale label, or "Don\'t know / not applicable")',
      'export.csv:4:2 column B (Which sector is your organisation in?): unknown sector "Goverment"; did you mean "government"?',
      'export.csv:4:4 column D (We could each explain our partnership...): cannot read "Agree strongly?" as an answer (expected 1-5, a scale label, or "Don\'t know / not applicable")',
    ]);
    // The good row still reads; the CLI decides whether to write it.
    expect(imported.lines).toEqual([5]);
    expect(imported.responses).toHaveLength(1);
    expect(imported.skippedRows).toBe(2);
  });

  it('suggests the sector meant by a near miss', () => {
    expect(messages('Sector,P1\nPubic,4\n')).toEqual(['export.csv:2:1 column A (Sector): unknown sector "Pubic"; did you mean "public"?']);
  });

  it('reports an unknown role and an unreadable date where they are', () => {
    expect(messages('P1,Role,Date\n4,Chief,mid-March\n')).toEqual([
      'export.csv:2:2 column B (Role): unknown role "Chief" (expected one of leadership, partner_staff, backbone, target_population, community_of_interest)',
      'export.csv:2:3 column C (Date): cannot read "mid-March" as a date',
    ]);
  });

  it('reports an unclosed quote at the line where it opens, and imports nothing', () => {
    const imported = run('Timestamp,P1,P2\n2026/03/14,4,5\n2026/03/15,"3,2\n2026/03/16,4,4\n');
    expect(imported.responses).toEqual([]);
    expect(imported.errors).toHaveLength(1);
    expect(imported.errors[0]!.position).toEqual({ line: 3, col: 1 });
    expect(imported.errors[0]!.message).toBe('CSV: a quoted cell opens on this line and is never closed');
  });

  it('refuses a header where no column is a statement or practice id', () => {
    const imported = run('Timestamp,Email,How are you?\n2026/03/14,a@example.org,Fine\n');
    expect(imported.responses).toEqual([]);
    expect(imported.errors.map(formatLocatedError)).toEqual([
      'export.csv:1:1 no column names a survey statement or practice id. Read as a Google Forms export, looking at row 1 ("Timestamp", "Email", "How are you?"), row 2 ("2026/03/14", "a@example.org", "Fine"); recognised layouts: Google Forms or Sheets, Microsoft Forms, SurveyMonkey (2 header rows), Qualtrics (3 header rows), or one header row of statements, practice ids or P1-P27'.replace('P27', `P${rubric.practices.length}`),
    ]);
  });

  it('names the three rows it looked at when no layout fits, the first cells of each', () => {
    const imported = run('Survey results,,\nExported by hand,,\nName,Score,Notes\nAna,4,\n');
    expect(imported.unreadable).toBe(true);
    expect(imported.errors).toHaveLength(1);
    expect(imported.errors[0]!.message).toContain('Read as a one-row header, looking at row 1 ("Survey results", "", ""), row 2 ("Exported by hand", "", ""), row 3 ("Name", "Score", "Notes")');
  });

  it('lists a header that matches no statement among the ignored columns, so a mistyped statement is not lost silently', () => {
    const imported = run('P1,We could each explain the purpose quickly.\n4,5\n');
    expect(imported.errors).toEqual([]);
    expect(imported.ignoredColumns).toEqual(['We could each explain the purpose quickly.']);
    expect(imported.responses[0]!.answers).toEqual({ 'align-on-purpose': 4 });
  });

  it('refuses two columns for the same practice, naming both', () => {
    const csv = 'Timestamp,"We could each explain our partnership\'s purpose in half a minute, without notes.",P2,P1\n2026/03/14,4,4,5\n';
    const imported = run(csv);
    expect(imported.responses).toEqual([]);
    expect(imported.errors.map(formatLocatedError)).toEqual(['export.csv:1:4 column D repeats column B ("align-on-purpose")']);
  });

  it('refuses a row with more cells than the header, and a row with no answers', () => {
    expect(messages('Timestamp,P1\n2026/03/14,4,extra\n2026/03/15,\n')).toEqual([
      'export.csv:2:3 column C (): the row has 3 cells but the header only 2',
      'export.csv:3:1 the row has no answers',
    ]);
  });

  it('names spreadsheet columns A-Z, then AA', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(columnName)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });
});
