/**
 * Which forms tool wrote an export, told from its first rows, and what each column is
 * to that tool. Each tool lays its header out its own way:
 *
 * - Google Forms (and a Google Sheets download of its responses): one header row,
 *   `Timestamp` first, then the questions as asked.
 * - Microsoft Forms: one header row, `ID, Start time, Completion time, Email, Name`, then
 *   the questions (a Likert question gives one column per statement).
 * - SurveyMonkey: two header rows: the questions (a matrix question's title once, over its
 *   first column), then `Response`, `Open-Ended Response` or the matrix row or option text.
 * - Qualtrics: three header rows: its question ids (`Q1`, `Q3_2`), the question texts, and
 *   `{"ImportId":"QID1"}`. Only the texts are matched: `Q1` is Qualtrics' question number,
 *   not a practice number.
 * - Anything else: one header row of question texts, practice ids or numbers (`P12`).
 *
 * The tool's own columns (response id, dates, names, emails, the rest of its bookkeeping)
 * are named here; what the questions mean is for import.ts.
 */
import type { SheetRow } from './import-sheet.js';

export type Tool = 'google-forms' | 'microsoft-forms' | 'surveymonkey' | 'qualtrics' | 'csv';

export const TOOL_NAMES: Record<Tool, string> = {
  'google-forms': 'Google Forms',
  'microsoft-forms': 'Microsoft Forms',
  surveymonkey: 'SurveyMonkey',
  qualtrics: 'Qualtrics',
  csv: 'a one-row header',
};

/** A column the tool fills itself. `date` columns are tried in `rank` order, the first non-empty one giving the day. */
export type ToolColumn =
  | { kind: 'response-id' }
  | { kind: 'date'; rank: number }
  | { kind: 'name'; part: 'full' | 'first' | 'last' }
  | { kind: 'email' }
  | { kind: 'bookkeeping' };

export interface Layout {
  tool: Tool;
  /** Rows before the first respondent. */
  headerRows: number;
  /** For each column, the text its question is recognised by. */
  questions: string[];
  /** For each column, how the header reads in a message. */
  labels: string[];
  /** For each column, what it is to the tool, if the tool fills it. */
  toolColumns: (ToolColumn | undefined)[];
}

type Known = [RegExp, ToolColumn];

const id = (): ToolColumn => ({ kind: 'response-id' });
const date = (rank: number): ToolColumn => ({ kind: 'date', rank });
const keep = (): ToolColumn => ({ kind: 'bookkeeping' });
const email = (): ToolColumn => ({ kind: 'email' });

// Headers each tool writes for itself, by the name it gives them (Qualtrics: the first row).
const KNOWN: Record<Tool, Known[]> = {
  'google-forms': [
    [/^timestamp$/i, date(0)],
    [/^e-?mail address$/i, email()],
    [/^score$/i, keep()],
  ],
  'microsoft-forms': [
    [/^id$/i, id()],
    [/^completion time$/i, date(0)],
    [/^start time$/i, date(1)],
    [/^last modified time$/i, keep()],
    [/^e-?mail$/i, email()],
    [/^name$/i, { kind: 'name', part: 'full' }],
    [/^(total points|quiz feedback|points - .*|feedback - .*)$/i, keep()],
  ],
  surveymonkey: [
    [/^respondent id$/i, id()],
    [/^(end date|date submitted|date modified)$/i, date(0)],
    [/^(start date|date created)$/i, date(1)],
    [/^e-?mail address$/i, email()],
    [/^first name$/i, { kind: 'name', part: 'first' }],
    [/^last name$/i, { kind: 'name', part: 'last' }],
    [/^(collector id|ip address|custom data \d+|custom value)$/i, keep()],
  ],
  qualtrics: [
    [/^responseid$/i, id()],
    [/^recordeddate$/i, date(0)],
    [/^enddate$/i, date(1)],
    [/^startdate$/i, date(2)],
    [/^recipientemail$/i, email()],
    [/^recipientfirstname$/i, { kind: 'name', part: 'first' }],
    [/^recipientlastname$/i, { kind: 'name', part: 'last' }],
    [/^(status|ipaddress|progress|duration \(in seconds\)|finished|externalreference|locationlatitude|locationlongitude|distributionchannel|userlanguage|q_recaptchascore|q_relevantid.*|q_ballotboxstuffing)$/i, keep()],
  ],
  csv: [
    [/^(timestamp|submitted|submitted at|submission date|date submitted|completed|completion time|end date|date)$/i, date(0)],
    [/^(start time|start date)$/i, date(1)],
    [/^(response id|respondent id)$/i, id()],
    [/e-?mail/i, email()],
  ],
};

/** Up to this many rows are looked at to tell the layout. */
export const LAYOUT_ROWS = 3;

export function detectLayout(rows: readonly SheetRow[]): Layout {
  const [first = [], second = [], third = []] = rows.slice(0, LAYOUT_ROWS).map((row) => row.cells.map((cell) => cell.trim()));
  if (third.some((cell) => /^\{\s*"ImportId"\s*:/.test(cell))) {
    return fromHeader('qualtrics', 3, first, second.map((text, column) => text || first[column] || ''));
  }
  if (first.some((cell) => /^respondent id$/i.test(cell))) {
    // The second row is SurveyMonkey's answer row; a user may have deleted it.
    const secondIsHeader = second.some((cell) => /^(response|open-ended response)$/i.test(cell)) || (second[0] === '' && second.length > 1 && first[0] !== '');
    if (!secondIsHeader) return fromHeader('surveymonkey', 1, first, first);
    let title = '';
    const questions: string[] = [];
    const labels: string[] = [];
    first.forEach((cell, column) => {
      // A matrix question's title stands over its first column only; the columns after it are its rows.
      if (cell !== '') title = cell;
      const sub = second[column] ?? '';
      const answerRow = sub === '' || /^(response|open-ended response)$/i.test(sub);
      questions.push(answerRow ? (cell !== '' ? cell : '') : sub);
      labels.push(answerRow ? title : `${title} / ${sub}`);
    });
    return { ...fromHeader('surveymonkey', 2, first, questions), labels };
  }
  if (/^id$/i.test(first[0] ?? '') && first.some((cell) => /^completion time$/i.test(cell))) return fromHeader('microsoft-forms', 1, first, first);
  if (first.some((cell) => /^timestamp$/i.test(cell))) return fromHeader('google-forms', 1, first, first);
  return fromHeader('csv', 1, first, first);
}

function fromHeader(tool: Tool, headerRows: number, names: readonly string[], questions: readonly string[]): Layout {
  const known = KNOWN[tool];
  return {
    tool,
    headerRows,
    questions: [...questions],
    labels: [...questions],
    toolColumns: names.map((name) => known.find(([pattern]) => pattern.test(name))?.[1]),
  };
}
