/** `pes rubric [PRACTICE]`. */
import { UserError } from '../load/located-error.js';
import { closestMatch } from '../load/closest-match.js';
import { renderPractice, renderRubricList } from '../render/rubric.js';
import { resolveRubric } from './rubric-source.js';
import { colorEnabled, terminalWidth, writeStdout } from './terminal.js';

export interface RubricOptions {
  rubric?: string;
  color?: boolean;
}

export async function showRubric(which: string | undefined, options: RubricOptions): Promise<void> {
  const { rubric } = await resolveRubric(options.rubric);
  const terminal = { color: colorEnabled(options.color), width: terminalWidth() };
  if (which === undefined) {
    writeStdout(`${renderRubricList(rubric, terminal)}\n`);
    return;
  }
  const practice = rubric.practices.find((p) => String(p.number) === which || p.id === which);
  if (!practice) {
    const suggestion = closestMatch(which, rubric.practices.map((p) => p.id));
    const numbers = `${rubric.practices[0]?.number}-${rubric.practices.at(-1)?.number}`;
    throw new UserError({ file: 'pes', message: `no practice "${which}" in ${rubric.id} (numbers ${numbers}${suggestion ? `; did you mean "${suggestion}"?` : ''})` });
  }
  writeStdout(`${renderPractice(rubric, practice, terminal)}\n`);
}
