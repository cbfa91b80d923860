/**
 * `pes survey import`: a forms export (CSV: a header row of question texts or
 * practice ids, one row per respondent) becomes response files. Every cell that
 * cannot be read is reported with its line and column; nothing is written unless
 * every row reads, or the user asks to skip the bad ones.
 */
import { parse } from 'csv-parse/sync';
import { closestMatch } from '../load/closest-match.js';
import type { LocatedError } from '../load/located-error.js';
import type { Partnership } from '../model/partnership.js';
import type { Answer, SurveyResponse } from '../model/responses.js';
import { PROFILE_QUESTIONS, type ProfileKey } from '../model/profile.js';
import { DONT_KNOW, RESPONDENT_SECTORS, ROLE_LABELS, ROLES, type Role } from '../model/vocabulary.js';
import type { Rubric } from '../model/rubric.js';
import { isIsoDate } from '../model/dates.js';
import { commentStem } from './questions.js';
import { newResponse } from './response-file.js';

type ProfileField = ProfileKey | 'date';
type ColumnMeaning = { kind: 'practice'; id: string } | { kind: 'profile'; field: ProfileField } | { kind: 'comment'; principle: string } | { kind: 'ignored' };

export interface ImportResult {
  responses: SurveyResponse[];
  /** Lines (1-based) of the rows each response came from. */
  lines: number[];
  errors: LocatedError[];
  ignoredColumns: string[];
  skippedRows: number;
  /** The file as a whole could not be read (refused, not CSV, no usable header): no row was looked at. */
  unreadable: boolean;
  /** The cell separator the file uses. */
  separator?: Separator;
}

export type Separator = ',' | ';' | '\t';

export interface ImportOptions {
  file: string;
  idPrefix: string;
  date: string;
  partnership: Partnership;
  /** More data rows than this are refused before parsing (a setting: --max-rows). */
  maxRows: number;
}

// Questions with choices are recognised first: "Which sector is your organisation in?" is the
// sector, not an organisation. Then free text in the table's order, so "Name of your organisation"
// is an organisation, not a person's name; then the form's own timestamp.
const PROFILE_HEADERS: [ProfileField, RegExp][] = [
  ...[...PROFILE_QUESTIONS.filter((question) => question.choices), ...PROFILE_QUESTIONS.filter((question) => !question.choices)].map(
    (question): [ProfileField, RegExp] => [question.key, question.header],
  ),
  ['date', /^(timestamp|date|submitted|submission date|completed)/i],
];

const DONT_KNOW_WORDS = new Set(["don't know", 'dont know', 'do not know', 'dk', 'n/a', 'na', 'not applicable', '?', '0', "don't know / not applicable"]);

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

export function importCsv(text: string, rubric: Rubric, options: ImportOptions): ImportResult {
  const errors: LocatedError[] = [];
  // Line ends are made uniform first: the parser counts a CRLF inside a quoted cell as two lines.
  const normalised = text.replace(/\r\n?/g, '\n');
  let lineCount = 0;
  for (let at = normalised.indexOf('\n'); at >= 0; at = normalised.indexOf('\n', at + 1)) lineCount++;
  if (lineCount - 1 > options.maxRows) {
    const message = `refused: about ${lineCount - 1} rows, over the limit of ${options.maxRows} respondents (raise it with --max-rows)`;
    return { responses: [], lines: [], errors: [{ file: options.file, message }], ignoredColumns: [], skippedRows: 0, unreadable: true };
  }
  const separator = separatorOf(normalised);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(normalised, { bom: true, delimiter: separator, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    const unclosed = unclosedQuoteLine(normalised);
    const line = unclosed ?? (error as { lines?: number }).lines ?? 1;
    const message = unclosed !== undefined ? 'CSV: a quoted cell opens on this line and is never closed' : `CSV: ${(error as Error).message.replace(/ at line \d+\.?$/, '')}`;
    return { responses: [], lines: [], errors: [{ file: options.file, position: { line, col: 1 }, message }], ignoredColumns: [], skippedRows: 0, unreadable: true };
  }
  const startLine = (entry: { record: string[]; info: { lines: number } }) => entry.info.lines - (entry.record.join('').match(/\n/g)?.length ?? 0);
  const header = records[0];
  if (!header) return { responses: [], lines: [], errors: [{ file: options.file, message: 'CSV: the file is empty' }], ignoredColumns: [], skippedRows: 0, unreadable: true };

  const meanings = header.record.map((cell) => columnMeaning(cell, rubric));
  const answerOf = answerReader(rubric);
  const seen = new Map<string, number>();
  meanings.forEach((meaning, column) => {
    const key = meaning.kind === 'practice' ? meaning.id : meaning.kind === 'profile' ? meaning.field : meaning.kind === 'comment' ? `comment:${meaning.principle}` : undefined;
    if (key === undefined) return;
    if (seen.has(key)) {
      errors.push({ file: options.file, position: { line: 1, col: column + 1 }, message: `column ${columnName(column)} repeats column ${columnName(seen.get(key)!)} ("${key}")` });
    }
    seen.set(key, column);
  });
  if (![...meanings].some((meaning) => meaning.kind === 'practice')) {
    errors.push({ file: options.file, position: { line: 1, col: 1 }, message: 'no column matches a survey statement or practice id; is the first row the header?' });
  }
  if (errors.length > 0) return { responses: [], lines: [], errors, ignoredColumns: [], skippedRows: 0, unreadable: true };

  const responses: SurveyResponse[] = [];
  const lines: number[] = [];
  let skippedRows = 0;
  for (const entry of records.slice(1)) {
    // Spreadsheets leave rows of empty cells at the end of an export; they are not respondents.
    if (entry.record.every((cell) => cell.trim() === '')) continue;
    const line = startLine(entry);
    const rowErrors: LocatedError[] = [];
    const at = (column: number, message: string) =>
      rowErrors.push({ file: options.file, position: { line, col: column + 1 }, message: `column ${columnName(column)} (${shorten(header.record[column] ?? '')}): ${message}` });
    if (entry.record.length > header.record.length && entry.record.slice(header.record.length).some((cell) => cell.trim() !== '')) {
      at(header.record.length, `the row has ${entry.record.length} cells but the header only ${header.record.length}`);
    }
    const id = `${options.idPrefix}-row${String(line).padStart(3, '0')}`;
    const response = newResponse(rubric, options.partnership.partnership.name, id, options.date, 'pes survey import');
    meanings.forEach((meaning, column) => {
      const cell = (entry.record[column] ?? '').trim();
      if (cell === '' || meaning.kind === 'ignored') return;
      if (meaning.kind === 'practice') {
        const answer = answerOf(cell);
        if (answer === undefined) at(column, `cannot read "${shorten(cell)}" as an answer (expected 1-5, a scale label, or "${rubric.survey.dont_know}")`);
        else response.answers[meaning.id] = answer;
      } else if (meaning.kind === 'comment') {
        response.comments = { ...response.comments, [meaning.principle]: cell };
      } else {
        const problem = applyProfile(response, meaning.field, cell, options.partnership);
        if (problem) at(column, problem);
      }
    });
    const missing = rubric.practices.filter((practice) => response.answers[practice.id] === undefined).length;
    response.complete = missing === 0;
    if (Object.keys(response.answers).length === 0 && rowErrors.length === 0) {
      rowErrors.push({ file: options.file, position: { line, col: 1 }, message: 'the row has no answers' });
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      skippedRows++;
      continue;
    }
    responses.push(response);
    lines.push(line);
  }
  const ignoredColumns = header.record.filter((_, column) => meanings[column]!.kind === 'ignored' && header.record[column]!.trim() !== '');
  return { responses, lines, errors, ignoredColumns, skippedRows, unreadable: false, separator };
}

/**
 * The cell separator, from the header row: ",", or ";" as spreadsheets write CSV where
 * the decimal mark is a comma (most of Europe), or a tab. The one that splits the header
 * into the most cells, outside quotes, wins; a tie keeps ",".
 */
function separatorOf(text: string): Separator {
  const counts: Record<Separator, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (char === '\n' && !quoted) break;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char]++;
  }
  return counts[';'] > counts[','] && counts[';'] >= counts['\t'] ? ';' : counts['\t'] > counts[','] ? '\t' : ',';
}

function columnMeaning(cell: string, rubric: Rubric): ColumnMeaning {
  const text = normalise(cell);
  if (text === '') return { kind: 'ignored' };
  const byId = rubric.practices.find((practice) => practice.id === cell.trim());
  if (byId) return { kind: 'practice', id: byId.id };
  const byStatement = rubric.practices.find((practice) => {
    const statement = normalise(practice.statement);
    return text === statement || text.includes(statement);
  });
  if (byStatement) return { kind: 'practice', id: byStatement.id };
  // A bare number as the header: "12", "P12", "Q12", "Practice 12".
  const numbered = /^(?:p|q|practice\s*)?(\d{1,2})$/i.exec(cell.trim());
  const byNumber = numbered ? rubric.practices.find((practice) => practice.number === Number(numbered[1])) : undefined;
  if (byNumber) return { kind: 'practice', id: byNumber.id };
  const comment = /^comment:([a-z0-9-]+)$/.exec(cell.trim());
  if (comment && rubric.principles.some((principle) => principle.id === comment[1])) return { kind: 'comment', principle: comment[1]! };
  const principle = rubric.principles.find((candidate) => text.includes(normalise(commentStem(candidate))));
  if (principle) return { kind: 'comment', principle: principle.id };
  for (const [field, pattern] of PROFILE_HEADERS) {
    if (pattern.test(cell.trim())) return { kind: 'profile', field };
  }
  return { kind: 'ignored' };
}

/** Reads an answer cell; the scale's words are normalised once, not for each of up to millions of cells. */
function answerReader(rubric: Rubric): (cell: string) => Answer | undefined {
  const dontKnow = normalise(rubric.survey.dont_know);
  const scale = rubric.survey.scale.map(normalise);
  return (cell) => readAnswer(normalise(cell), dontKnow, scale);
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

function applyProfile(response: SurveyResponse, field: ProfileField, cell: string, partnership: Partnership): string | undefined {
  const respondent = response.respondent;
  switch (field) {
    case 'organisation': {
      const partner = partnership.partners?.find((candidate) => candidate.id === cell || normalise(candidate.name) === normalise(cell));
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
    case 'name':
      respondent.name = cell;
      return undefined;
    case 'date': {
      const date = /^(\d{4})[-/](\d{2})[-/](\d{2})/.exec(cell);
      const iso = date ? `${date[1]}-${date[2]}-${date[3]}` : undefined;
      if (!iso || !isIsoDate(iso)) return `cannot read "${shorten(cell)}" as a date (expected YYYY-MM-DD at the start)`;
      response.date = iso;
      return undefined;
    }
  }
}

/** The line on which a quoted cell opens and never closes, if any. */
function unclosedQuoteLine(text: string): number | undefined {
  let line = 1;
  let openedOn: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') line++;
    else if (char === '"') {
      if (openedOn === undefined) openedOn = line;
      else if (text[i + 1] === '"') i++;
      else openedOn = undefined;
    }
  }
  return openedOn;
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
