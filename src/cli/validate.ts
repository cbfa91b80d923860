/** `pes validate FILE...`: every problem as FILE:LINE:COL message, exit 2; a one-line summary per valid file. */
import { isUserError, UserError, type LocatedError } from '../load/located-error.js';
import { loadPartnership } from '../load/partnership.js';
import { displayPath, readTextInput } from './io.js';
import { terminalSafe } from '../text/sanitize.js';
import { writeStdout } from './terminal.js';

export interface ValidateOptions {
  maxInputMb: number;
}

export async function validate(files: readonly string[], options: ValidateOptions): Promise<void> {
  const errors: LocatedError[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readTextInput(file, options.maxInputMb);
    } catch (error) {
      if (!(isUserError(error))) throw error;
      errors.push(...error.errors);
      continue;
    }
    const result = await loadPartnership(displayPath(file), text);
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    const p = result.loaded.partnership;
    const counts = [
      [p.partners?.length ?? 0, 'partners'],
      [p.teams?.length ?? 0, 'teams'],
      [p.metrics?.length ?? 0, 'metrics'],
      [p.decisions?.length ?? 0, 'decisions'],
    ].map(([count, what]) => `${count} ${what}`);
    // A placeholder is valid YAML but not a fact: say so here, before an assessment reads it as not described.
    const placeholders = result.loaded.placeholders;
    const lines = [...new Set(placeholders.map((placeholder) => placeholder.line))];
    const unfinished = placeholders.length > 0 ? `; ${placeholders.length} placeholder${placeholders.length === 1 ? '' : 's'} to fill in (line${lines.length === 1 ? '' : 's'} ${lines.join(', ')})` : '';
    writeStdout(`${terminalSafe(displayPath(file))}: valid (${counts.join(', ')})${unfinished}\n`);
  }
  if (errors.length > 0) throw new UserError(errors);
}
