/**
 * `pes survey import`: a forms export (one row per respondent, under the header rows of
 * whichever tool wrote it) becomes response files. Every cell that cannot be read is
 * reported with its line and column; nothing is written unless every row reads, or the
 * user asks to skip the bad ones.
 *
 * A response's id is a fingerprint of the respondent, not of the file or the row: the
 * tool's own response id where it writes one, or else the time and the answers. The same
 * export imported twice, or a renamed copy of it, gives the same ids, so nobody is
 * counted twice.
 */
import { closestMatch } from '../load/closest-match.js';
import { isUserError, type LocatedError } from '../load/located-error.js';
import type { Partner, Partnership } from '../model/partnership.js';
import type { Answer, SurveyResponse } from '../model/responses.js';
import { PROFILE_QUESTIONS, type ProfileKey } from '../model/profile.js';
import { DONT_KNOW, RESPONDENT_SECTORS, ROLE_LABELS, ROLES, type Role } from '../model/vocabulary.js';
import type { Rubric } from '../model/rubric.js';
import { sha256 } from '../text/sha256.js';
import { inOrder, readDateCell, readings, type DateOrder, type ReadDate } from './import-dates.js';
import { detectLayout, LAYOUT_ROWS, TOOL_NAMES, type Layout, type Tool } from './import-layout.js';
import { readCsvSheet, type Separator, type Sheet, type SheetRow } from './import-sheet.js';
import { commentStem } from './questions.js';
import { newResponse } from './response-file.js';

export type { Separator } from './import-sheet.js';

type ProfileField = ProfileKey;
type ColumnMeaning =
  | { kind: 'practice'; id: string }
  | { kind: 'profile'; field: ProfileField }
  | { kind: 'comment'; principle: string }
  | { kind: 'tool' }
  | { kind: 'ignored' };

/** What an import found, without the responses themselves (they go to the caller's sink one by one). */
export interface ImportSummary {
  /** Rows that became responses. */
  imported: number;
  errors: LocatedError[];
  ignoredColumns: string[];
  skippedRows: number;
  /** The file as a whole could not be read (refused, not CSV, no usable header, dates it cannot tell): nothing is imported. */
  unreadable: boolean;
  /** The tool whose layout the header has. */
  tool?: Tool;
}

export interface ImportResult extends ImportSummary {
  responses: SurveyResponse[];
  /** Lines (1-based) of the rows each response came from. */
  lines: number[];
  /** The cell separator a CSV file uses. */
  separator?: Separator;
}

export interface ImportOptions {
  file: string;
  partnership: Partnership;
  /** --date: every response is dated this day, whatever the export's own columns say. */
  date?: string;
  /** --date-format: how the export writes a date whose day and month are both numbers. */
  dateOrder?: DateOrder;
  /** --keep-names: read the respondents' names; without it no name is stored. */
  keepNames?: boolean;
}

// Questions with choices are recognised first: "Which sector is your organisation in?" is the
// sector, not an organisation. Then free text in the table's order, so "Name of your organisation"
// is an organisation, not a person's name; then the form's own timestamp.
const PROFILE_HEADERS: [ProfileField, RegExp][] = [
  ...[...PROFILE_QUESTIONS.filter((question) => question.choices), ...PROFILE_QUESTIONS.filter((question) => !question.choices)].map(
    (question): [ProfileField, RegExp] => [question.key, question.header],
  ),
];

const DONT_KNOW_WORDS = new Set(["don't know", 'dont know', 'do not know', 'dk', 'n/a', 'na', 'not applicable', '?', '0', "don't know / not applicable"]);

/** What forms tools and people write where a name was not given; never stored as a name. */
const NO_NAME = new Set(['anonymous', 'anon', 'n/a', 'na', 'none', '-', 'prefer not to say', 'not given']);

const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[a-z]{2,}/gi;
const HAS_EMAIL = new RegExp(EMAIL.source, 'i');

const SECTOR_WORDS: Record<string, (typeof RESPONDENT_SECTORS)[number]> = {
  business: 'private',
  company: 'private',
  corporate: 'private',
  industry: 'private',
  government: 'public',
  'public sector': 'public',
  ngo: 'civil_society',
  nonprofit: 'civil_society',
  'non-profit': 'civil_society',
  charity: 'civil_society',
  'civil society': 'civil_society',
  university: 'academic',
  research: 'academic',
  foundation: 'funder',
  donor: 'funder',
  philanthropy: 'funder',
};

const ID_PREFIX: Record<Tool, string> = {
  'google-forms': 'gforms',
  'microsoft-forms': 'msforms',
  surveymonkey: 'surveymonkey',
  qualtrics: 'qualtrics',
  csv: 'import',
};

/** A CSV export, from its text, with every response in memory: the tests' and the fuzzers' way in. */
export function importCsv(text: string, rubric: Rubric, options: ImportOptions & { maxRows: number }): ImportResult {
  const read = readCsvSheet(options.file, Buffer.from(text, 'utf8'), options.maxRows);
  if (!read.ok) return { ...failed([read.error]), responses: [], lines: [] };
  const responses: SurveyResponse[] = [];
  const lines: number[] = [];
  const summary = importSheet(read.sheet, rubric, options, (response, line) => {
    responses.push(response);
    lines.push(line);
  });
  return { ...summary, responses, lines, ...(read.sheet.separator ? { separator: read.sheet.separator } : {}) };
}

/**
 * Reads the export in two passes over its rows: the first finds the layout, checks the
 * header and reads every date (their order is decided for the whole file), the second makes
 * the responses and hands each to `onResponse` as it is made, so no more than one row's
 * cells and response are held at a time. When the summary has errors, the responses given
 * so far are not to be written (unless the user asked to skip bad rows).
 */
export function importSheet(sheet: Sheet, rubric: Rubric, options: ImportOptions, onResponse: (response: SurveyResponse, line: number) => void): ImportSummary {
  const rows = importRows(sheet, rubric, options);
  for (let next = rows.next(); ; next = rows.next()) {
    if (next.done) return next.value;
    onResponse(next.value.response, next.value.line);
  }
}

/** importSheet as a generator: each response as it is made, then the summary. */
export function* importRows(sheet: Sheet, rubric: Rubric, options: ImportOptions): Generator<{ response: SurveyResponse; line: number }, ImportSummary> {
  const { file } = options;
  const head: SheetRow[] = [];
  try {
    for (const row of sheet.rows) {
      head.push(row);
      if (head.length === LAYOUT_ROWS) break;
    }
  } catch (error) {
    if (isUserError(error)) return failed([...error.errors]);
    throw error;
  }
  if (head.length === 0) return failed([{ file, message: 'the file is empty' }]);
  const layout = detectLayout(head);
  const meanings = layout.questions.map((question, column) => (layout.toolColumns[column] ? { kind: 'tool' as const } : columnMeaning(question, rubric)));
  const headerErrors = checkHeader(head, layout, meanings, file, rubric.practices.length);
  if (headerErrors.length > 0) return failed(headerErrors, layout.tool);

  // Spreadsheets leave rows of empty cells at the end of an export; they are not respondents.
  const dataRows = function* (): Generator<SheetRow> {
    let index = 0;
    for (const row of sheet.rows) {
      if (index++ < layout.headerRows) continue;
      if (row.cells.some((cell) => cell.trim() !== '')) yield row;
    }
  };
  let dating: Dating | { error: LocatedError };
  try {
    dating = dateReader(dataRows(), layout, options);
  } catch (error) {
    if (isUserError(error)) return failed([...error.errors], layout.tool);
    throw error;
  }
  if ('error' in dating) return failed([dating.error], layout.tool);

  const answerOf = answerReader(rubric);
  const partners = partnerIndex(options.partnership.partners ?? []);
  const columnCount = layout.questions.length;
  const errors: LocatedError[] = [];
  const fingerprints = new Map<string, number>();
  let skippedRows = 0;
  let imported = 0;
  // A syntax error late in the file, when no date pass read that far (--date): nothing is imported.
  const rowsAgain = dataRows();
  for (;;) {
    let next: IteratorResult<SheetRow>;
    try {
      next = rowsAgain.next();
    } catch (error) {
      if (isUserError(error)) return failed([...error.errors], layout.tool);
      throw error;
    }
    if (next.done) break;
    const row = next.value;
    const { line, cells } = row;
    const rowErrors: LocatedError[] = [];
    const at = (column: number, message: string) =>
      rowErrors.push({ file, position: { line, col: column + 1 }, message: `column ${columnName(column)} (${shorten(layout.labels[column] ?? '')}): ${message}` });
    if (cells.length > columnCount && cells.slice(columnCount).some((cell) => cell.trim() !== '')) {
      at(columnCount, `the row has ${cells.length} cells but the header only ${columnCount}`);
    }
    const response = newResponse(rubric, options.partnership.partnership.name, 'pending', '1970-01-01', 'pes survey import');
    const names: { full?: string; first?: string; last?: string } = {};
    let responseId = '';
    for (let column = 0; column < meanings.length; column++) {
      const meaning = meanings[column]!;
      const cell = (cells[column] ?? '').trim();
      if (cell === '' || meaning.kind === 'ignored') continue;
      if (meaning.kind === 'practice') {
        const answer = answerOf(cell);
        if (answer === undefined) at(column, `cannot read "${shorten(cell)}" as an answer (expected 1-5, a scale label, or "${rubric.survey.dont_know}")`);
        else response.answers[meaning.id] = answer;
      } else if (meaning.kind === 'comment') {
        // An address typed into a comment box is not kept: response files hold no emails.
        const comment = cell.replace(EMAIL, '[email removed]');
        response.comments = { ...response.comments, [meaning.principle]: comment };
      } else if (meaning.kind === 'tool') {
        const toolColumn = layout.toolColumns[column]!;
        if (toolColumn.kind === 'response-id') responseId = cell;
        else if (toolColumn.kind === 'name') names[toolColumn.part] = cell;
      } else if (meaning.field === 'name') {
        names.full = cell;
      } else {
        const problem = applyProfile(response, meaning.field, cell, partners);
        if (problem) at(column, problem);
      }
    }
    const dated = dating.dateOf(row);
    if ('error' in dated) rowErrors.push(dated.error);
    else response.date = dated.date;
    if (options.keepNames) {
      const name = personName(names);
      if (name !== undefined) response.respondent.name = name;
    }
    response.complete = rubric.practices.every((practice) => response.answers[practice.id] !== undefined);
    if (Object.keys(response.answers).length === 0 && rowErrors.length === 0) {
      rowErrors.push({ file, position: { line, col: 1 }, message: 'the row has no answers' });
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      skippedRows++;
      continue;
    }
    response.respondent.id = respondentId(layout.tool, responseId, 'error' in dated ? '' : dated.moment, response, fingerprints);
    imported++;
    yield { response, line };
  }
  const ignoredColumns = layout.labels.filter((label, column) => meanings[column]!.kind === 'ignored' && label.trim() !== '');
  return { imported, errors, ignoredColumns, skippedRows, unreadable: false, tool: layout.tool };
}

function failed(errors: LocatedError[], tool?: Tool): ImportSummary {
  return { imported: 0, errors, ignoredColumns: [], skippedRows: 0, unreadable: true, ...(tool ? { tool } : {}) };
}

/** Two columns for one thing, or no statement at all: the header is not one that can be imported. */
function checkHeader(rows: readonly SheetRow[], layout: Layout, meanings: readonly ColumnMeaning[], file: string, practiceCount: number): LocatedError[] {
  const errors: LocatedError[] = [];
  const headerLine = rows[layout.headerRows - 1]?.line ?? 1;
  const seen = new Map<string, number>();
  meanings.forEach((meaning, column) => {
    const key = meaning.kind === 'practice' ? meaning.id : meaning.kind === 'profile' ? meaning.field : meaning.kind === 'comment' ? `comment:${meaning.principle}` : undefined;
    if (key === undefined) return;
    if (seen.has(key)) errors.push({ file, position: { line: headerLine, col: column + 1 }, message: `column ${columnName(column)} repeats column ${columnName(seen.get(key)!)} ("${key}")` });
    seen.set(key, column);
  });
  if (!meanings.some((meaning) => meaning.kind === 'practice')) {
    const looked = rows.slice(0, LAYOUT_ROWS).map((row) => `row ${row.line} (${row.cells.slice(0, 3).map((cell) => `"${shorten(cell)}"`).join(', ')}${row.cells.length > 3 ? ', ...' : ''})`);
    const as = layout.tool === 'csv' ? TOOL_NAMES.csv : `a ${TOOL_NAMES[layout.tool]} export`;
    errors.push({
      file,
      position: { line: 1, col: 1 },
      message: `no column names a survey statement or practice id. Read as ${as}, looking at ${looked.join(', ')}; recognised layouts: Google Forms or Sheets, Microsoft Forms, SurveyMonkey (2 header rows), Qualtrics (3 header rows), or one header row of statements, practice ids or P1-P${practiceCount}`,
    });
  }
  return errors;
}

interface Dating {
  dateOf(row: SheetRow): { date: string; moment: string } | { error: LocatedError };
}

/**
 * The day each row was answered. --date dates every row; otherwise the tool's own date
 * columns do, in its order of preference. Dates whose day and month are both numbers are
 * read in one order for the whole file: the order --date-format names, or the only one
 * under which every date of the file is a real day. When both orders fit every date and
 * some date reads differently under them, the file is refused rather than guessed.
 */
function dateReader(rows: Iterable<SheetRow>, layout: Layout, options: ImportOptions): Dating | { error: LocatedError } {
  const { file } = options;
  const dateColumns = layout.toolColumns
    .map((toolColumn, column) => (toolColumn?.kind === 'date' ? { column, rank: toolColumn.rank } : undefined))
    .filter((entry) => entry !== undefined)
    .sort((a, b) => a.rank - b.rank)
    .map((entry) => entry.column);
  const cellOf = (row: SheetRow) => {
    for (const column of dateColumns) {
      const cell = (row.cells[column] ?? '').trim();
      if (cell !== '') return { column, cell };
    }
    return undefined;
  };
  const override = options.date;
  if (override !== undefined) return { dateOf: (row) => ({ date: override, moment: cellOf(row)?.cell ?? '' }) };
  if (dateColumns.length === 0) {
    return { error: { file, message: `the export has no date column (such as Timestamp, Completion time, RecordedDate or End Date): pass --date YYYY-MM-DD, the day the answers were given` } };
  }

  // By line: the second pass reads the rows anew.
  const read = new Map<number, { column: number; cell: string; date: ReadDate }>();
  for (const row of rows) {
    const found = cellOf(row);
    if (found) read.set(row.line, { ...found, date: readDateCell(found.cell) });
  }
  let order = options.dateOrder;
  if (order === undefined) {
    const evidence: Partial<Record<DateOrder, { line: number; cell: string }>> = {};
    let ambiguous: { line: number; column: number; cell: string; date: ReadDate & { kind: 'numeric' } } | undefined;
    for (const [line, { column, cell, date }] of read) {
      if (date.kind !== 'numeric') continue;
      const fits = readings(date);
      if (fits.length === 1) evidence[fits[0]!] ??= { line, cell };
      else if (fits.length === 2 && date.first !== date.second) ambiguous ??= { line, column, cell, date };
    }
    if (evidence.DMY && evidence.MDY) {
      const { DMY: dayFirst, MDY: monthFirst } = evidence;
      return {
        error: {
          file,
          position: { line: monthFirst.line, col: 1 },
          message: `dates are written day first on line ${dayFirst.line} ("${dayFirst.cell}") and month first here ("${monthFirst.cell}"); fix the export, or pass --date-format DMY or MDY to read one order`,
        },
      };
    }
    order = evidence.DMY ? 'DMY' : evidence.MDY ? 'MDY' : undefined;
    if (order === undefined && ambiguous) {
      const { date } = ambiguous;
      const dayFirst = inOrder(date, 'DMY');
      const monthFirst = inOrder(date, 'MDY');
      return {
        error: {
          file,
          position: { line: ambiguous.line, col: ambiguous.column + 1 },
          message: `the date "${ambiguous.cell}" reads as ${spoken(dayFirst)} (day first) or ${spoken(monthFirst)} (month first), and no date in the file tells which: pass --date-format DMY or --date-format MDY`,
        },
      };
    }
  }
  return {
    dateOf(row) {
      const found = read.get(row.line);
      const first = dateColumns[0]!;
      if (!found) {
        return { error: { file, position: { line: row.line, col: first + 1 }, message: `column ${columnName(first)} (${shorten(layout.labels[first] ?? '')}): no date in this row; pass --date YYYY-MM-DD to date every response` } };
      }
      const date = found.date.kind === 'numeric' ? inOrder(found.date, order ?? 'DMY') : found.date;
      if (date.kind !== 'date') {
        const how = found.date.kind === 'numeric' && options.dateOrder ? ` with --date-format ${options.dateOrder}` : '';
        return { error: { file, position: { line: row.line, col: found.column + 1 }, message: `column ${columnName(found.column)} (${shorten(layout.labels[found.column] ?? '')}): cannot read "${shorten(found.cell)}" as a date${how}` } };
      }
      return { date: date.iso, moment: date.minute };
    },
  };
}

function spoken(date: ReadDate): string {
  return date.kind === 'date' ? date.iso : 'no real day';
}

/**
 * The response id: the tool's response id (with the time, since Microsoft Forms numbers
 * the responses of each form from 1), or else the time and everything the row says. Two
 * rows of one file with the same fingerprint (two people who typed the same answers into
 * a form without a timestamp) are told apart by their order in the file.
 */
function respondentId(tool: Tool, responseId: string, moment: string, response: SurveyResponse, seen: Map<string, number>): string {
  const { respondent, answers, comments } = response;
  let base = `${tool}\u0000${moment}\u0000`;
  if (responseId !== '') base += `id\u0000${responseId}`;
  else {
    base += `answers\u0000${respondent.organisation ?? ''}\u0000${respondent.sector ?? ''}\u0000${respondent.role ?? ''}`;
    for (const id in answers) base += `\u0000${id}=${answers[id]}`;
    if (comments) for (const id in comments) base += `\u0000${id}:${comments[id]}`;
  }
  const occurrence = (seen.get(base) ?? 0) + 1;
  seen.set(base, occurrence);
  return `${ID_PREFIX[tool]}-${sha256(occurrence === 1 ? base : `${base}\u0000${occurrence}`).slice(0, 16)}`;
}

function personName(names: { full?: string; first?: string; last?: string }): string | undefined {
  const usable = (text: string | undefined) => (text !== undefined && !NO_NAME.has(normalise(text)) && !HAS_EMAIL.test(text) ? text : undefined);
  const full = usable(names.full);
  const parts = [usable(names.first), usable(names.last)].filter((part) => part !== undefined);
  return full ?? (parts.length > 0 ? parts.join(' ') : undefined);
}

function columnMeaning(header: string, rubric: Rubric): ColumnMeaning {
  const text = normalise(header);
  if (text === '') return { kind: 'ignored' };
  const trimmed = header.trim();
  const byId = rubric.practices.find((practice) => practice.id === trimmed);
  if (byId) return { kind: 'practice', id: byId.id };
  const byStatement = rubric.practices.find((practice) => {
    const statement = normalise(practice.statement);
    return text === statement || text.includes(statement);
  });
  if (byStatement) return { kind: 'practice', id: byStatement.id };
  // A bare number as the header: "12", "P12", "Practice 12". Not "Q12": forms tools number
  // their own questions that way, profile questions included.
  const numbered = /^(?:p|practice\s*)?(\d{1,2})$/i.exec(trimmed);
  const byNumber = numbered ? rubric.practices.find((practice) => practice.number === Number(numbered[1])) : undefined;
  if (byNumber) return { kind: 'practice', id: byNumber.id };
  const comment = /^comment:([a-z0-9-]+)$/.exec(trimmed);
  if (comment && rubric.principles.some((principle) => principle.id === comment[1])) return { kind: 'comment', principle: comment[1]! };
  const principle = rubric.principles.find((candidate) => text.includes(normalise(commentStem(candidate))));
  if (principle) return { kind: 'comment', principle: principle.id };
  if (/e-?mail/i.test(trimmed)) return { kind: 'ignored' };
  for (const [field, pattern] of PROFILE_HEADERS) {
    if (pattern.test(trimmed)) return { kind: 'profile', field };
  }
  return { kind: 'ignored' };
}

/** Reads an answer cell; the scale's words are normalised once, not for each of up to millions of cells. */
function answerReader(rubric: Rubric): (cell: string) => Answer | undefined {
  const dontKnow = normalise(rubric.survey.dont_know);
  const scale = rubric.survey.scale.map(normalise);
  const known = new Map<string, Answer | undefined>();
  return (cell) => {
    // An export repeats a handful of answer texts thousands of times.
    if (known.has(cell)) return known.get(cell);
    const answer = readAnswer(normalise(cell), dontKnow, scale);
    if (known.size < 10_000) known.set(cell, answer);
    return answer;
  };
}

function readAnswer(text: string, dontKnow: string, scale: readonly string[]): Answer | undefined {
  if (DONT_KNOW_WORDS.has(text) || text === dontKnow) return DONT_KNOW;
  const numeric = /^([1-5])(?:\.0+)?$/.exec(text);
  if (numeric) return Number(numeric[1]) as Answer;
  // "4 Agree", "4 - Agree" (any dash), "Agree (4)" or just the label; a number that contradicts the label is refused.
  const prefixed = /^([1-5])\s*[-\u2013\u2014.:)]?\s+(.+)$/.exec(text);
  const suffixed = /^(.+?)\s*\(([1-5])\)$/.exec(text);
  const label = prefixed ? prefixed[2]! : suffixed ? suffixed[1]! : text;
  const stated = prefixed ? Number(prefixed[1]) : suffixed ? Number(suffixed[2]) : undefined;
  const index = scale.indexOf(label);
  if (index >= 0 && (stated === undefined || stated === index + 1)) return (index + 1) as Answer;
  return undefined;
}

/** Partners by id and by normalised name, built once: a large export is not matched against every partner for every row. */
function partnerIndex(partners: readonly Partner[]): (cell: string) => Partner | undefined {
  const byId = new Map<string, Partner>();
  const byName = new Map<string, Partner>();
  for (const partner of partners) {
    if (!byId.has(partner.id)) byId.set(partner.id, partner);
    const name = normalise(partner.name);
    if (!byName.has(name)) byName.set(name, partner);
  }
  return (cell) => byId.get(cell) ?? byName.get(normalise(cell));
}

function applyProfile(response: SurveyResponse, field: Exclude<ProfileField, 'name'>, cell: string, partnerOf: (cell: string) => Partner | undefined): string | undefined {
  const respondent = response.respondent;
  switch (field) {
    case 'organisation': {
      const partner = partnerOf(cell);
      respondent.organisation = partner?.id ?? cell;
      if (partner && respondent.sector === undefined) respondent.sector = partner.sector;
      return undefined;
    }
    case 'sector': {
      const text = normalise(cell).replace(/_/g, ' ').replace(/ sector$/, '');
      const sector = (RESPONDENT_SECTORS as readonly string[]).find((candidate) => candidate.replace(/_/g, ' ') === text) ?? SECTOR_WORDS[text];
      if (!sector) {
        const suggestion = closestMatch(text, [...RESPONDENT_SECTORS.map((s) => s.replace(/_/g, ' ')), ...Object.keys(SECTOR_WORDS)]);
        return `unknown sector "${shorten(cell)}"${suggestion ? `; did you mean "${suggestion}"?` : ` (expected one of ${RESPONDENT_SECTORS.join(', ')})`}`;
      }
      respondent.sector = sector as SurveyResponse['respondent']['sector'];
      return undefined;
    }
    case 'role': {
      // Accept the id ("partner_staff"), its words ("partner staff"), or the label the survey shows ("Staff of a partner organisation").
      const text = normalise(cell).replace(/[_-]/g, ' ');
      const role = ROLES.find((candidate) => {
        const words = candidate.replace(/_/g, ' ');
        const label = normalise(ROLE_LABELS[candidate]);
        return text === words || text.startsWith(`${words} `) || label === text || (text.length >= 5 && label.startsWith(text));
      });
      if (!role) return `unknown role "${shorten(cell)}" (expected one of ${ROLES.join(', ')})`;
      respondent.role = role as Role;
      return undefined;
    }
  }
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Spreadsheet column letters: 0 -> A, 26 -> AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine;
}
