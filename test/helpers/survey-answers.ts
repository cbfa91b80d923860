/**
 * Answering the survey in a terminal session as a respondent would. The number of
 * statements and where each principle's comment box comes are read from the rubric,
 * never written into the tests.
 */
import { questionnaire } from '../../src/survey/questions.js';
import { builtinRubric } from './rubric.js';
import type { TerminalSession } from './terminal.js';

const questions = questionnaire(await builtinRubric());

/** Statements in the survey. */
export const STATEMENTS = questions.length;

/** Positions (1-based) after which a principle's comment box appears. */
export const CLOSES_PRINCIPLE = new Set(questions.filter((question) => question.closesPrinciple).map((question) => question.index + 1));

/** The progress mark of statement `position` on screen ("  3/27 "). */
export function showing(position: number): RegExp {
  return new RegExp(`  ${position}/${STATEMENTS} `);
}

/** The profile questions, each left at its default with Enter. */
export async function answerProfile(session: TerminalSession): Promise<void> {
  for (const question of [/Which organisation/, /Which sector/, /What is your role/, /Your name/]) {
    await session.waitFor(question);
    session.send('Enter');
  }
}

/** Answers statement `position` with `key`, and the comment box after it, if any, with `comment` (or nothing). */
export async function answerStatement(session: TerminalSession, position: number, key: string, comment?: string): Promise<void> {
  await session.waitFor(showing(position));
  session.send(key);
  if (CLOSES_PRINCIPLE.has(position)) {
    // The active prompt starts with "?": an earlier, answered comment box starts with "✔".
    await session.waitFor(/^\? Anything to add about/m);
    if (comment !== undefined) session.type(comment);
    session.send('Enter');
  }
}
