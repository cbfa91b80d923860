/** `pes survey import`: a forms export (CSV or .xlsx) turned into response files. */
import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { formatLocatedError, UserError } from '../load/located-error.js';
import { loadPartnership } from '../load/partnership.js';
import { isIsoDate } from '../model/dates.js';
import type { Rubric } from '../model/rubric.js';
import type { DateOrder } from '../survey/import-dates.js';
import { TOOL_NAMES } from '../survey/import-layout.js';
import { readCsvSheet, type SheetRead } from '../survey/import-sheet.js';
import { importRows, type ImportSummary } from '../survey/import.js';
import { parseResponse } from '../survey/response-file.js';
import { serializeResponse } from '../survey/response-writer.js';
import { terminalSafe } from '../text/sanitize.js';
import { displayPath, readInputBytes, readTextInput, realPath } from './io.js';
import { writeBatchInto } from './write-output.js';
import { resolveRubric } from './rubric-source.js';
import { writeStdout } from './terminal.js';

export interface ImportOptions {
  partnership: string;
  dir: string;
  date?: string;
  dateFormat?: DateOrder;
  keepNames?: boolean;
  rubric?: string;
  skipBadRows?: boolean;
  force?: boolean;
  maxInputMb: number;
  maxRows: number;
}

export async function surveyImport(exportFile: string, options: ImportOptions): Promise<void> {
  const partnershipText = readTextInput(options.partnership, options.maxInputMb);
  const loaded = await loadPartnership(displayPath(options.partnership), partnershipText);
  if (!loaded.ok) throw new UserError(loaded.errors);
  const { rubric } = await resolveRubric(options.rubric, options.maxInputMb);
  if (options.date !== undefined && !isIsoDate(options.date)) throw new UserError({ file: 'pes', message: `--date expects a date written YYYY-MM-DD, got "${options.date}"` });
  const shown = displayPath(exportFile);
  const read = await readSheet(exportFile, shown, options);
  if (!read.ok) throw new UserError(read.error);
  const importOptions = {
    file: shown,
    partnership: loaded.loaded.partnership,
    ...(options.date !== undefined ? { date: options.date } : {}),
    ...(options.dateFormat !== undefined ? { dateOrder: options.dateFormat } : {}),
    keepNames: options.keepNames === true,
  };
  const inputs = [options.partnership, exportFile, ...(options.rubric !== undefined ? [options.rubric] : [])];
  // A respondent already imported (from this export, or a copy of it under another name)
  // has a file of the same id and the same content: it is counted, not written again.
  const existing = filesIn(options.dir);
  let alreadyThere = 0;
  let written = 0;
  const changed: { file: string; content: string }[] = [];
  // Each response is staged as it is made and all are put in place at the end, all or none:
  // a failed import leaves the folder as it was.
  const result = await writeBatchInto(options.dir, '--dir', { force: options.force, inputs }, async (batch) => {
    const rows = importRows(read.sheet, rubric, importOptions);
    let summary: ImportSummary;
    for (;;) {
      const next = rows.next();
      if (next.done) {
        summary = next.value;
        break;
      }
      const { response } = next.value;
      const name = `${response.respondent.id}.yaml`;
      const file = join(options.dir, name);
      const content = serializeResponse(response, rubric);
      if (existing.has(name)) {
        if (sameContent(file, content, options.maxInputMb)) alreadyThere++;
        else changed.push({ file, content });
        continue;
      }
      written++;
      batch.add({ file, content });
    }
    if (summary.unreadable) throw new UserError(summary.errors);
    if (summary.errors.length > 0 && !options.skipBadRows) {
      throw new UserError([
        ...summary.errors,
        { file: shown, message: `nothing imported: fix the ${summary.errors.length} problem(s) above, or pass --skip-bad-rows to import the ${summary.imported} rows that read` },
      ]);
    }
    // An earlier import's file with other answers (edited in the forms tool since): replaced only with --force, and only if an import wrote it.
    const ownResponses = await importedBy(changed.map(({ file }) => file), rubric, options.maxInputMb);
    const mayReplace = (file: string) => (ownResponses.has(file) ? undefined : 'it is not a response written by an earlier import (--force replaces only those)');
    for (const output of changed) batch.add({ ...output, mayReplace });
    return summary;
  });

  const replaced = changed.length;
  const counts = `${written} new, ${alreadyThere} already there${replaced > 0 ? `, ${replaced} replaced` : ''}`;
  const how = [`${TOOL_NAMES[result.tool ?? 'csv']} layout`];
  if (read.sheet.encoding) how.push(read.sheet.encoding);
  if (read.sheet.separator === ';') how.push("cells separated by ';'");
  if (read.sheet.separator === '\t') how.push('cells separated by tabs');
  const ignored = result.ignoredColumns.length > 0 ? `; ignored columns: ${terminalSafe(result.ignoredColumns.join(', '))}` : '';
  writeStdout(`imported ${result.imported} respondents into ${terminalSafe(options.dir)}: ${counts} (${how.join(', ')})${ignored}\n`);
  if (result.errors.length > 0) {
    // The user chose to skip bad rows: say which, but the import itself succeeded.
    const lines = [...result.errors, { file: shown, message: `${result.skippedRows} row(s) skipped` }].map((entry) => terminalSafe(formatLocatedError(entry)));
    process.stderr.write(`${lines.join('\n')}\n`);
  }
}

/** A workbook by its name or by its first bytes (an .xlsx is a zip file); anything else is read as CSV. */
async function readSheet(file: string, shown: string, options: ImportOptions): Promise<SheetRead> {
  const bytes = readInputBytes(file, options.maxInputMb);
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (zip || extname(file).toLowerCase() === '.xlsx') {
    const { readXlsxSheet } = await import('../survey/import-xlsx.js');
    return readXlsxSheet(shown, bytes, options.maxRows);
  }
  if (extname(file).toLowerCase() === '.xls') {
    return { ok: false, error: { file: shown, message: 'an old Excel workbook (.xls) is not read: save it as ".xlsx" or "CSV UTF-8"' } };
  }
  return readCsvSheet(shown, bytes, options.maxRows);
}

function filesIn(dir: string): Set<string> {
  try {
    return new Set(readdirSync(dir));
  } catch {
    return new Set();
  }
}

function sameContent(file: string, content: string, maxInputMb: number): boolean {
  try {
    return readTextInput(file, maxInputMb) === content;
  } catch {
    return false;
  }
}

/** Of these existing files, those that an import wrote (and so --force may replace). */
async function importedBy(files: readonly string[], rubric: Rubric, maxInputMb: number): Promise<Set<string>> {
  const own = new Set<string>();
  for (const file of files) {
    let text: string;
    try {
      text = readTextInput(file, maxInputMb);
    } catch {
      continue;
    }
    const loaded = await parseResponse(file, text, rubric);
    if (loaded.ok && loaded.response.source === 'pes survey import' && `${loaded.response.respondent.id}.yaml` === file.split(/[\\/]/).at(-1)) own.add(realPath(file));
  }
  return own;
}
