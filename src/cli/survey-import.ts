/** `pes survey import`: a forms export (CSV) turned into response files. */
import { basename, extname, join } from 'node:path';
import { sha256 } from '../text/sha256.js';
import { formatLocatedError, UserError } from '../load/located-error.js';
import { loadPartnership } from '../load/partnership.js';
import { isIsoDate, todayIso } from '../model/dates.js';
import { importCsv } from '../survey/import.js';
import type { Rubric } from '../model/rubric.js';
import { parseResponse } from '../survey/response-file.js';
import { serializeResponse } from '../survey/response-writer.js';
import { terminalSafe } from '../text/sanitize.js';
import { displayPath, exists, readTextInput, realPath } from './io.js';
import { writeOutputsInto } from './write-output.js';
import { resolveRubric } from './rubric-source.js';
import { writeStdout } from './terminal.js';

export interface ImportOptions {
  partnership: string;
  dir: string;
  date?: string;
  rubric?: string;
  skipBadRows?: boolean;
  force?: boolean;
  maxInputMb: number;
  maxRows: number;
}

export async function surveyImport(csvFile: string, options: ImportOptions): Promise<void> {
  const partnershipText = readTextInput(options.partnership, options.maxInputMb);
  const loaded = await loadPartnership(displayPath(options.partnership), partnershipText);
  if (!loaded.ok) throw new UserError(loaded.errors);
  const { rubric } = await resolveRubric(options.rubric, options.maxInputMb);
  const date = options.date ?? todayIso();
  if (!isIsoDate(date)) throw new UserError({ file: 'pes', message: `--date expects a date written YYYY-MM-DD, got "${date}"` });
  const text = readTextInput(csvFile, options.maxInputMb);
  const idPrefix = importIdPrefix(csvFile);
  const result = importCsv(text, rubric, { file: displayPath(csvFile), idPrefix, date, partnership: loaded.loaded.partnership, maxRows: options.maxRows });
  if (result.unreadable) throw new UserError(result.errors);
  if (result.errors.length > 0 && !options.skipBadRows) {
    throw new UserError([
      ...result.errors,
      { file: displayPath(csvFile), message: `nothing imported: fix the ${result.errors.length} problem(s) above, or pass --skip-bad-rows to import the ${result.responses.length} rows that read` },
    ]);
  }
  // Every response is checked and staged before any is written: all of them, or none.
  const ownResponses = await importedBy(options.dir, result.responses.map((response) => response.respondent.id), rubric, options.maxInputMb);
  const outputs = result.responses.map((response) => ({
    file: join(options.dir, `${response.respondent.id}.yaml`),
    content: serializeResponse(response, rubric),
    mayReplace: (file: string) => (ownResponses.has(file) ? undefined : 'it is not a response written by an earlier import of this CSV (--force replaces only those)'),
  }));
  writeOutputsInto(options.dir, '--dir', outputs, { force: options.force, inputs: [options.partnership, csvFile, ...(options.rubric !== undefined ? [options.rubric] : [])] });
  const ignored = result.ignoredColumns.length > 0 ? `; ignored columns: ${terminalSafe(result.ignoredColumns.join(', '))}` : '';
  const separator = result.separator === ';' ? " (cells separated by ';')" : result.separator === '\t' ? ' (cells separated by tabs)' : '';
  writeStdout(`imported ${result.responses.length} respondents into ${terminalSafe(options.dir)}${separator}${ignored}\n`);
  if (result.errors.length > 0) {
    // The user chose to skip bad rows: say which, but the import itself succeeded.
    const lines = [...result.errors, { file: displayPath(csvFile), message: `${result.skippedRows} row(s) skipped` }].map((entry) => terminalSafe(formatLocatedError(entry)));
    process.stderr.write(`${lines.join('\n')}\n`);
  }
}

/**
 * Respondent ids come from the CSV's name: "workshop-2026.csv" gives workshop-2026-row002.
 * When the name is not already such a plain name (other letters, spaces, capitals), a
 * fingerprint of the whole name is added, so "調査.csv" and "アンケート.csv", which have no
 * letter in common with a-z, still get ids of their own.
 */
export function importIdPrefix(csvFile: string): string {
  const name = basename(csvFile, extname(csvFile)).normalize('NFC');
  const plain = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  if (plain === name) return plain;
  return `${plain || 'import'}-${sha256(name).slice(0, 8)}`;
}

/** Of the files these ids would be written to, those that an import wrote (and so --force may replace). */
async function importedBy(dir: string, ids: readonly string[], rubric: Rubric, maxInputMb: number): Promise<Set<string>> {
  const own = new Set<string>();
  for (const id of ids) {
    const file = join(dir, `${id}.yaml`);
    if (!exists(file)) continue;
    let text: string;
    try {
      text = readTextInput(file, maxInputMb);
    } catch {
      continue;
    }
    const loaded = await parseResponse(file, text, rubric);
    if (loaded.ok && loaded.response.source === 'pes survey import' && loaded.response.respondent.id === id) own.add(realPath(file));
  }
  return own;
}

