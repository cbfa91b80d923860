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

export function csvRow(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}
