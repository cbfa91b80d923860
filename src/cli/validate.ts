/**
 * `pes validate FILE...`: every problem as FILE:LINE:COL message, exit 2; a one-line summary
 * per valid file. With --format json, github, sarif or junit (or an --output whose
 * extension names one) every file and problem is written in that format instead, still exit 2.
 */
import { isUserError, UserError, type LocatedError } from '../load/located-error.js';
import { loadPartnership } from '../load/partnership.js';
import type { CheckedFile } from '../model/problems.js';
import { formatForFile } from '../render/formats.js';
import { validSummary } from '../render/problems/summary.js';
import { terminalSafe } from '../text/sanitize.js';
import { displayPath, lineCount, readTextInput } from './io.js';
import { machineFormats, writeProblems } from './problem-output.js';
import { writeStdout } from './terminal.js';

export interface ValidateOptions {
  maxInputMb: number;
  format?: string;
  output?: string;
  force?: boolean;
  maxAnnotations?: number;
}

export async function validate(files: readonly string[], options: ValidateOptions): Promise<void> {
  const format = options.format ?? (options.output !== undefined ? formatForFile(options.output)?.name : undefined) ?? 'table';
  if (options.output !== undefined && machineFormats([format]).length === 0) {
    throw new UserError({ file: 'pes', message: `--output: validate writes json, github, sarif or junit (${options.format !== undefined ? `--format ${format}` : 'the file name does not say which'})` });
  }
  const errors: LocatedError[] = [];
  const checked: CheckedFile[] = [];
  for (const file of files) {
    const shown = displayPath(file);
    let text: string;
    try {
      text = readTextInput(file, options.maxInputMb);
    } catch (error) {
      if (!isUserError(error)) throw error;
      errors.push(...error.errors);
      checked.push({ file: shown, valid: false });
      continue;
    }
    const result = await loadPartnership(shown, text);
    if (!result.ok) {
      errors.push(...result.errors);
      checked.push({ file: shown, valid: false, lines: lineCount(text) });
      continue;
    }
    const p = result.loaded.partnership;
    const entry: CheckedFile = {
      file: shown,
      valid: true,
      lines: lineCount(text),
      counts: { partners: p.partners?.length ?? 0, teams: p.teams?.length ?? 0, metrics: p.metrics?.length ?? 0, decisions: p.decisions?.length ?? 0 },
      // A placeholder is valid YAML but not a fact: say so here, before an assessment reads it as not described.
      placeholders: result.loaded.placeholders.map(({ line, column, value }) => ({ line, column, value })),
    };
    checked.push(entry);
    if (format === 'table') writeStdout(`${terminalSafe(shown)}: ${validSummary(entry)}\n`);
  }
  await writeProblems('validate', checked, errors, {
    formats: [format],
    output: options.output,
    force: options.force,
    inputs: files,
    maxAnnotations: options.maxAnnotations,
  });
}
