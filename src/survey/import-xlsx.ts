/**
 * An `.xlsx` workbook (Microsoft Forms' "Open in Excel" download) as a grid of text
 * cells. The workbook is read by read-excel-file, a maintained library that unzips and
 * parses the sheet XML; this module only turns its values into the text a CSV of the same
 * sheet would hold. Loaded only for a workbook, so a CSV import never pays for it.
 */
import { readSheet } from 'read-excel-file/node';
import type { SheetRead } from './import-sheet.js';

export async function readXlsxSheet(file: string, bytes: Buffer, maxRows: number): Promise<SheetRead> {
  let data: unknown[][];
  try {
    // The first sheet is the responses in every forms tool's workbook.
    data = (await readSheet(bytes)) as unknown[][];
  } catch (error) {
    const reason = error instanceof Error && error.message !== '' ? `: ${error.message.split('\n')[0]}` : '';
    return { ok: false, error: { file, message: `cannot read it as an Excel workbook (.xlsx)${reason}; open it in a spreadsheet and save it as "CSV UTF-8" or ".xlsx" again` } };
  }
  if (data.length - 3 > maxRows) {
    return { ok: false, error: { file, message: `refused: about ${data.length - 1} rows, over the limit of ${maxRows} respondents (raise it with --max-rows)` } };
  }
  const rows = data.map((row, index) => ({ cells: (row ?? []).map(cellText), line: index + 1 }));
  return { ok: true, sheet: { rows } };
}

/**
 * A date cell becomes `2026-06-12T10:14:03`: the workbook stores the time as written, with
 * no zone, and the library hands it over as that instant in UTC, so its UTC fields are the
 * time as written.
 */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 19);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(9)));
  return String(value);
}
