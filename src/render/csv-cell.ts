/**
 * CSV cells per RFC 4180, safe to open in a spreadsheet. Every text cell is quoted, so
 * a spreadsheet whose list separator is ";" (most of Europe) cannot split
 * `Acme;=cmd|...` into a second cell that starts a formula. A cell that begins with
 * = + - @ (or a tab, a carriage return, or their full-width forms, after any spaces)
 * would still run as a formula, so it is prefixed with an apostrophe, the convention
 * spreadsheets display as plain text. Control and bidirectional characters are shown
 * as visible escapes (a line break inside a cell is kept: quoting holds it).
 */
import { terminalSafe } from './sanitize.js';

const FORMULA_START = /^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const lines = value.split(/\r\n|\n/).map(terminalSafe).join('\n');
  const neutral = FORMULA_START.test(value) ? `'${lines}` : lines;
  return `"${neutral.replace(/"/g, '""')}"`;
}

type Cells = readonly (string | number | null | undefined)[];

export function csvRow(cells: Cells): string {
  return cells.map(csvCell).join(',');
}

/** A whole CSV file: CRLF line ends, as RFC 4180 and spreadsheets expect, and one after the last row. */
export function csvDocument(rows: readonly Cells[]): string {
  return `${rows.map(csvRow).join('\r\n')}\r\n`;
}
