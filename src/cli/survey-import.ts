/** `pes survey import`: a forms export (CSV) turned into response files. */
import { mkdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { formatLocatedError, UserError } from '../load/located-error.js';
import { loadPartnership } from '../load/partnership.js';
import { isIsoDate, todayIso } from '../model/dates.js';
import { importCsv } from '../survey/import.js';
import { serializeResponse } from '../survey/response-writer.js';
import { terminalSafe } from '../render/sanitize.js';
import { displayPath, readTextInput, writeFileAtomic } from './io.js';
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
  const idPrefix = basename(csvFile, extname(csvFile)).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'import';
  const result = importCsv(text, rubric, { file: displayPath(csvFile), idPrefix, date, partnership: loaded.loaded.partnership, maxRows: options.maxRows });
  if (result.unreadable) throw new UserError(result.errors);
  if (result.errors.length > 0 && !options.skipBadRows) {
    throw new UserError([
      ...result.errors,
      { file: displayPath(csvFile), message: `nothing imported: fix the ${result.errors.length} problem(s) above, or pass --skip-bad-rows to import the ${result.responses.length} rows that read` },
    ]);
  }
  mkdirSync(options.dir, { recursive: true });
  for (const response of result.responses) {
    writeFileAtomic(join(options.dir, `${response.respondent.id}.yaml`), serializeResponse(response, rubric), { force: options.force });
  }
  const ignored = result.ignoredColumns.length > 0 ? `; ignored columns: ${terminalSafe(result.ignoredColumns.join(', '))}` : '';
  writeStdout(`imported ${result.responses.length} respondents into ${options.dir}${ignored}\n`);
  if (result.errors.length > 0) {
    // The user chose to skip bad rows: say which, but the import itself succeeded.
    const lines = [...result.errors, { file: displayPath(csvFile), message: `${result.skippedRows} row(s) skipped` }].map((entry) => terminalSafe(formatLocatedError(entry)));
    process.stderr.write(`${lines.join('\n')}\n`);
  }
}
