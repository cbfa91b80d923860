import { describe, expect, it } from 'vitest';
import { formatLocatedError } from '../../src/load/located-error.js';
import { readCsvSheet } from '../../src/survey/import-sheet.js';
import { importCsv, importSheet, type ImportOptions } from '../../src/survey/import.js';
import type { SurveyResponse } from '../../src/model/responses.js';
import { partner, partnership } from '../helpers/partnership.js';
import { builtinRubric } from '../helpers/rubric.js';

const rubric = await builtinRubric();
const data = partnership({ partners: [partner('acme', { name: 'Acme Foods', sector: 'private' })] });
const options: ImportOptions & { maxRows: number } = { file: 'export.csv', partnership: data, maxRows: 1000 };
const run = (csv: string, extra: Partial<ImportOptions> = {}) => importCsv(csv, rubric, { ...options, ...extra });
const fromBytes = (bytes: Buffer) => {
  const read = readCsvSheet('export.csv', bytes, 1000);
  if (!read.ok) throw new Error(read.error.message);
  const responses: SurveyResponse[] = [];
  const summary = importSheet(read.sheet, rubric, options, (response) => responses.push(response));
  return { ...summary, responses, sheet: read.sheet };
};

const GOOGLE = ['Timestamp,Which organisation are you with?,P1,P2', '2026/06/12 10:14:03 AM GMT+1,Acme Foods,Agree,Strongly agree', '2026/06/13 9:05:00 PM GMT+1,Other Org,2,3', ''].join('\r\n');

describe('the files spreadsheets write', () => {
  const reference = run(GOOGLE).responses;

  it('reads commas, semicolons and tabs, UTF-8 with and without a BOM, and UTF-16 with its BOM', () => {
    const semicolons = GOOGLE.replace(/,/g, ';');
    const tabs = GOOGLE.replace(/,/g, '\t');
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabs, 'utf16le')]);
    const utf16be = Buffer.from(utf16le).swap16();
    for (const bytes of [Buffer.from(GOOGLE), Buffer.from(`\uFEFF${GOOGLE}`), Buffer.from(semicolons), Buffer.from(tabs), utf16le, utf16be]) {
      const imported = fromBytes(bytes);
      expect(imported.errors).toEqual([]);
      expect(imported.responses).toEqual(reference);
    }
    expect(fromBytes(utf16le).sheet.encoding).toBe('UTF-16 (little-endian)');
    expect(fromBytes(utf16be).sheet.encoding).toBe('UTF-16 (big-endian)');
    expect(fromBytes(Buffer.from(semicolons)).sheet.separator).toBe(';');
  });

  it('reads a file whose lines end in a bare CR, as old Mac spreadsheets save them', () => {
    expect(run(GOOGLE.replace(/\r\n/g, '\r')).responses).toEqual(reference);
  });
});

describe('dates from the tool\'s own columns', () => {
  const datesOf = (csv: string, extra: Partial<ImportOptions> = {}) => run(csv, extra).responses.map((response) => response.date);

  it('reads the formats the tools write', () => {
    expect(datesOf(GOOGLE)).toEqual(['2026-06-12', '2026-06-13']);
    expect(datesOf('End Date,P1\n2026-06-12 23:59:59,4\n')).toEqual(['2026-06-12']);
    expect(datesOf('Completion time,P1\n2026-06-12T10:14:03,4\n12 Jun 2026 10:14,4\n"June 13, 2026 9:05 AM",4\n46186,4\n')).toEqual(['2026-06-12', '2026-06-12', '2026-06-13', '2026-06-13']);
  });

  it('reads day and month numbers in the one order every date of the file fits', () => {
    // 13/06 is only a day-first date, so 05/06 is the 5th of June.
    expect(datesOf('Timestamp,P1\n05/06/2026 10:00:00,4\n13/06/2026 10:00:00,4\n')).toEqual(['2026-06-05', '2026-06-13']);
    // 06/13 is only month first, so 06/05 is the 5th of June too.
    expect(datesOf('Timestamp,P1\n6/5/2026 10:00,4\n6/13/2026 10:00,4\n')).toEqual(['2026-06-05', '2026-06-13']);
  });

  it('refuses to guess when both orders fit every date, in one line naming the file and row, and takes --date-format', () => {
    const csv = 'Timestamp,P1\n05/06/2026 10:00:00,4\n06/06/2026 10:00:00,4\n';
    const refused = run(csv);
    expect(refused.unreadable).toBe(true);
    expect(refused.errors.map(formatLocatedError)).toEqual([
      'export.csv:2:1 the date "05/06/2026 10:00:00" reads as 2026-06-05 (day first) or 2026-05-06 (month first), and no date in the file tells which: pass --date-format DMY or --date-format MDY',
    ]);
    expect(datesOf(csv, { dateOrder: 'DMY' })).toEqual(['2026-06-05', '2026-06-06']);
    expect(datesOf(csv, { dateOrder: 'MDY' })).toEqual(['2026-05-06', '2026-06-06']);
    expect(run('Timestamp,P1\n13/06/2026,4\n', { dateOrder: 'MDY' }).errors.map(formatLocatedError)).toEqual(['export.csv:2:1 column A (Timestamp): cannot read "13/06/2026" as a date with --date-format MDY']);
  });

  it('refuses a file that writes dates both ways', () => {
    expect(run('Timestamp,P1\n13/06/2026,4\n06/14/2026,4\n').errors.map(formatLocatedError)).toEqual([
      'export.csv:3:1 dates are written day first on line 2 ("13/06/2026") and month first here ("06/14/2026"); fix the export, or pass --date-format DMY or MDY to read one order',
    ]);
  });

  it('takes --date over the export\'s own dates, and refuses a row without a date, or a file without a date column, when there is none', () => {
    expect(datesOf('Timestamp,P1\n05/06/2026,4\nnot a date,4\n', { date: '2026-06-30' })).toEqual(['2026-06-30', '2026-06-30']);
    expect(run('Timestamp,P1\n2026-06-12,4\n,5\n').errors.map(formatLocatedError)).toEqual(['export.csv:3:1 column A (Timestamp): no date in this row; pass --date YYYY-MM-DD to date every response']);
    expect(run('P1,P2\n4,5\n').errors.map(formatLocatedError)).toEqual([
      'export.csv: the export has no date column (such as Timestamp, Completion time, RecordedDate or End Date): pass --date YYYY-MM-DD, the day the answers were given',
    ]);
  });
});

describe('privacy', () => {
  const csv = [
    'ID,Start time,Completion time,Email,Name,P1,"Anything to add about ""Clarity of purpose""? (optional)"',
    '1,6/12/2026 10:00,6/12/2026 10:05,ana@acme.example,Ana Ruiz,4,Call me on ana@acme.example or ana.ruiz@home.example.',
    '2,6/13/2026 10:00,6/13/2026 10:05,anonymous,anonymous,5,',
    '3,6/14/2026 10:00,6/14/2026 10:05,,Anon,5,',
    '4,6/15/2026 10:00,6/15/2026 10:05,,n/a,5,',
    '5,6/16/2026 10:00,6/16/2026 10:05,,bo@acme.example,5,',
    '',
  ].join('\n');

  it('stores no name without --keep-names, and never an email, in names or comments', () => {
    const imported = run(csv);
    expect(imported.errors).toEqual([]);
    expect(imported.responses.map((response) => response.respondent.name)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(JSON.stringify(imported.responses)).not.toContain('@');
    expect(imported.responses[0]!.comments).toEqual({ purpose: 'Call me on [email removed] or [email removed].' });
  });

  it('stores a real name with --keep-names, never "anonymous", "Anon", "n/a" or an address', () => {
    const imported = run(csv, { keepNames: true });
    expect(imported.responses.map((response) => response.respondent.name)).toEqual(['Ana Ruiz', undefined, undefined, undefined, undefined]);
    expect(JSON.stringify(imported.responses)).not.toContain('@');
  });
});

describe('tool layouts', () => {
  it('never takes Qualtrics\' Q1, Q2 for practice numbers: its question texts are read', () => {
    const csv = [
      'StartDate,EndDate,RecordedDate,ResponseId,Q1,Q2,Q3_1',
      'Start Date,End Date,Recorded Date,Response ID,Which organisation are you with?,Which sector is your organisation in?,"Clarity of purpose - We could each explain our partnership\'s purpose in half a minute, without notes."',
      '{"ImportId":"startDate"},{"ImportId":"endDate"},{"ImportId":"recordedDate"},{"ImportId":"_recordId"},{"ImportId":"QID1_TEXT"},{"ImportId":"QID2"},{"ImportId":"QID3_1"}',
      '2026-06-12 10:00:00,2026-06-12 10:05:00,2026-06-12 10:05:01,R_abc,Acme Foods,Private,Agree',
      '',
    ].join('\n');
    const imported = run(csv);
    expect(imported.errors).toEqual([]);
    expect(imported.tool).toBe('qualtrics');
    expect(imported.responses).toHaveLength(1);
    expect(imported.responses[0]).toMatchObject({ date: '2026-06-12', respondent: { organisation: 'acme', sector: 'private' }, answers: { 'align-on-purpose': 4 } });
    // The data row is line 4: the three header rows are not respondents.
    expect(imported.lines).toEqual([4]);
  });

  it('reads SurveyMonkey\'s second header row: a matrix\'s rows under its title, and "Response" under a question', () => {
    const csv = [
      'Respondent ID,Collector ID,Start Date,End Date,Which organisation are you with?,How well does this describe us?,',
      ',,,,Response,"We could each explain our partnership\'s purpose in half a minute, without notes.",We regularly receive short stories about our impact that we can pass on to our own networks.',
      '114226547890,431208776,06/15/2026 10:00:00 AM,06/15/2026 10:05:00 AM,Acme Foods,Agree,Disagree',
      '',
    ].join('\n');
    const imported = run(csv);
    expect(imported.errors).toEqual([]);
    expect(imported.tool).toBe('surveymonkey');
    expect(imported.responses[0]).toMatchObject({ date: '2026-06-15', respondent: { organisation: 'acme' }, answers: { 'align-on-purpose': 4, 'consistent-communication': 2 } });
  });

  it('gives the tool\'s response id precedence: the same id and time with other answers is the same respondent', () => {
    const base = 'Respondent ID,End Date,P1\n,,Response\n7,06/15/2026 10:05:00 AM,4\n';
    const edited = base.replace(',4\n', ',5\n');
    expect(run(edited).responses[0]!.respondent.id).toBe(run(base).responses[0]!.respondent.id);
  });
});
