/**
 * `pes survey [FILE]`: the interactive survey, one respondent or a room of them
 * (--workshop), saving every answer as it is given and resuming where it stopped.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isUserError, UserError } from '../load/located-error.js';
import { loadPartnership } from '../load/partnership.js';
import { todayIso } from '../model/dates.js';
import type { SurveyResponse } from '../model/responses.js';
import type { Rubric } from '../model/rubric.js';
import { terminalSafe } from '../text/sanitize.js';
import { renderPersonalSummary } from '../render/survey-summary.js';
import { wrap } from '../render/wrap.js';
import { personalSummary, runSurvey } from '../survey/flow.js';
import { inquirerPrompter } from '../survey/inquirer-prompter.js';
import { newResponse, parseResponse } from '../survey/response-file.js';
import { serializeResponse } from '../survey/response-writer.js';
import { displayPath, exists, readTextInput } from './io.js';
import { lockResponse, removeStaleLocks } from './response-lock.js';
import { resolveRubric } from './rubric-source.js';
import { colorEnabled, terminalWidth } from './terminal.js';
import { ensureFolder, removeAbandonedTemporaries, writeFileAtomic } from './write-output.js';

export interface SurveyOptions {
  dir: string;
  resume?: string | true;
  workshop?: boolean;
  rubric?: string;
  maxInputMb: number;
}

/** Exit code for a survey the respondent stopped with Ctrl-C (128 + SIGINT, as shells report it). */
export const EXIT_INTERRUPTED = 130;
/** Home, clear the screen, then the scrollback: the next respondent sees nothing of the last one, not even by scrolling up. */
const CLEAR_SCREEN = '\u001b[H\u001b[2J\u001b[3J';

export async function survey(file: string, options: SurveyOptions): Promise<void> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UserError({
      file: 'pes',
      message:
        'the survey needs an interactive terminal. Without one, print the questionnaire with `pes survey template --format csv` (or markdown) and bring answers back with `pes survey import FILE.csv`',
    });
  }
  // A write past a file-size limit (ulimit -f) must fail with EFBIG and be reported like a
  // full disk. Node ignores SIGXFSZ, but the prompt library's exit hook (signal-exit)
  // catches it and, finding no other listener, re-raises it and the survey dies.
  process.on('SIGXFSZ', () => {});
  const text = readTextInput(file, options.maxInputMb);
  const loaded = await loadPartnership(displayPath(file), text);
  if (!loaded.ok) throw new UserError(loaded.errors);
  const { rubric } = await resolveRubric(options.rubric, options.maxInputMb);
  const partnership = loaded.loaded.partnership;
  const partnershipName = partnership.partnership.name;
  const today = todayIso();
  const asOf = partnership.as_of ?? today;
  ensureFolder(options.dir, '--dir');
  removeAbandonedTemporaries(options.dir);
  removeStaleLocks(options.dir, readdirSync(options.dir));
  const inputs = [file, ...(options.rubric !== undefined ? [options.rubric] : [])];
  const prompter = inquirerPrompter();
  const terminal = { color: colorEnabled(undefined), width: terminalWidth() };
  // Names the user typed are shown as text, whatever characters they hold.
  const resumeHint = (id: string) => `pes survey ${terminalSafe(file)} --dir ${terminalSafe(options.dir)} --resume ${id}`;

  let resume = options.resume;
  do {
    const target = resume !== undefined ? await resumeTarget(options.dir, resume, rubric, partnershipName, options.maxInputMb) : freshTarget(options.dir, rubric, partnershipName, today);
    resume = undefined;
    const shownFile = terminalSafe(target.file);
    if (options.workshop) process.stdout.write(CLEAR_SCREEN);
    process.stdout.write(`${wrap(terminalSafe(rubric.survey.intro), Math.min(terminal.width, 100))}\n\n`);
    const save = (response: SurveyResponse) => {
      try {
        writeFileAtomic(target.file, serializeResponse(response, rubric), { force: true, inputs });
      } catch (error) {
        if (!isUserError(error)) throw error;
        // The write failed as a whole: the file on disk still holds every earlier answer.
        const reason = error.errors.map((entry) => entry.message).join('; ');
        const kept = exists(target.file) ? `the answers before this one are kept in ${target.file}` : 'nothing was saved';
        throw new UserError({ file: target.file, message: `the survey stopped: ${reason}; ${kept}. Continue, once that is fixed, with: ${resumeHint(target.response.respondent.id)}` });
      }
    };
    try {
      const done = await runSurvey(prompter, { rubric, partnership, response: target.response, save, asOf });
      process.stdout.write(`${renderPersonalSummary(personalSummary(rubric, done), shownFile, terminal)}\n`);
    } catch (error) {
      if (isPromptExit(error)) {
        process.stderr.write(`\nStopped. Answers so far are saved in ${shownFile}; continue with: ${resumeHint(target.response.respondent.id)}\n`);
        process.exitCode = EXIT_INTERRUPTED;
        return;
      }
      throw error;
    } finally {
      target.release();
    }
    if (options.workshop) {
      try {
        await prompter.input('Next respondent: press Enter (Ctrl-C when the room is done)');
      } catch (error) {
        if (isPromptExit(error)) {
          // The room is done: leave nothing of the last respondent's answers on the screen.
          process.stdout.write(CLEAR_SCREEN);
          return;
        }
        throw error;
      }
    }
  } while (options.workshop);
}

interface Target {
  file: string;
  response: SurveyResponse;
  /** Gives the response file back to other surveys. */
  release: () => void;
}

function freshTarget(dir: string, rubric: Rubric, partnershipName: string, today: string): Target {
  for (;;) {
    const id = `r-${randomBytes(4).toString('hex')}`;
    const file = join(dir, `${id}.yaml`);
    if (exists(file)) continue;
    const lock = lockResponse(file);
    if ('release' in lock) return { file, response: newResponse(rubric, partnershipName, id, today), release: lock.release };
  }
}

/**
 * `--resume` alone takes the most recently saved unfinished response of this partnership
 * that no other survey is answering; `--resume ID|FILE` names one.
 */
async function resumeTarget(dir: string, which: string | true, rubric: Rubric, partnershipName: string, maxInputMb: number): Promise<Target> {
  if (which === true) {
    // Newest first, read only until the first that fits.
    const newestFirst = readdirSync(dir)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => ({ file: join(dir, name), modified: statSync(join(dir, name)).mtimeMs }))
      .sort((a, b) => b.modified - a.modified);
    let busy = 0;
    for (const { file } of newestFirst) {
      const loaded = await parseResponse(file, readTextInput(file, maxInputMb), rubric);
      if (!loaded.ok || loaded.response.complete || loaded.response.partnership !== partnershipName) continue;
      const lock = lockResponse(file);
      if ('heldBy' in lock) {
        busy++;
        continue;
      }
      return { file, response: loaded.response, release: lock.release };
    }
    const others = busy > 0 ? ` (${busy} unfinished ${busy === 1 ? 'response is' : 'responses are'} being answered in another survey right now)` : '';
    throw new UserError({ file: dir, message: `no unfinished response of "${partnershipName}" to resume${others}` });
  }
  const file = which.endsWith('.yaml') ? which : join(dir, `${which}.yaml`);
  const loaded = await parseResponse(file, readTextInput(file, maxInputMb), rubric);
  if (!loaded.ok) throw new UserError(loaded.errors);
  if (loaded.response.partnership !== partnershipName) {
    throw new UserError({ file, position: { line: 1, col: 1 }, message: `these answers are about "${loaded.response.partnership}", not "${partnershipName}"; resume them with that partnership's file` });
  }
  const lock = lockResponse(file);
  if ('heldBy' in lock) throw new UserError({ file, message: `refused: another pes survey (process ${lock.heldBy}) is answering this response right now` });
  return { file, response: loaded.response, release: lock.release };
}

function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError' || error.name === 'CancelPromptError');
}
