/**
 * CSV cells per RFC 4180, safe to open in a spreadsheet: a cell that begins with
 * = + - @ (or a tab or carriage return) would run as a formula, so it is prefixed
 * with an apostrophe, the convention spreadsheets display as plain text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const neutral = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral;
}

type Cells = readonly (string | number | null | undefined)[];

export function csvRow(cells: Cells): string {
  return cells.map(csvCell).join(',');
}

/** A whole CSV file: CRLF line ends, as RFC 4180 and spreadsheets expect, and one after the last row. */
export function csvDocument(rows: readonly Cells[]): string {
  return `${rows.map(csvRow).join('\r\n')}\r\n`;
}
