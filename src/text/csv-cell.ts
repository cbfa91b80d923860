/**
 * CSV cells per RFC 4180, safe to open in a spreadsheet. A cell that begins with
 * = + - @ (or a tab, a carriage return, or their full-width forms, after any spaces)
 * would run as a formula, so it is prefixed with an apostrophe, the convention
 * spreadsheets display as plain text. A spreadsheet may also split the file at another
 * separator than the comma (";" in most of Europe, a tab, a line break), and lenient
 * readers do so even inside quotes, so the same prefix goes after every such separator
 * within a cell: `Acme;=cmd|...` becomes `Acme;'=cmd|...`. Every text cell is quoted.
 * Control and bidirectional characters are shown as visible escapes (a line break inside
 * a cell is kept: quoting holds it).
 */
import { terminalSafe } from './sanitize.js';

const FORMULA_START = /^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/;
const AFTER_SEPARATOR = /([,;\t\n][\s\u3000]*)([=+\-@\uff1d\uff0b\uff0d\uff20])/g;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const lines = value.split(/\r\n|\n/).map(terminalSafe).join('\n');
  const inner = lines.replace(AFTER_SEPARATOR, "$1'$2");
  const neutral = FORMULA_START.test(inner) ? `'${inner}` : inner;
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
