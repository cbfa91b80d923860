/**
 * `pes survey [FILE]`: the interactive survey, one respondent or a room of them
 * (--workshop), saving every answer as it is given and resuming where it stopped.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../load/located-error.js';
import { loadPartnership } from '../load/partnership.js';
import { todayIso } from '../model/dates.js';
import type { SurveyResponse } from '../model/responses.js';
import type { Rubric } from '../model/rubric.js';
import { renderPersonalSummary } from '../render/survey-summary.js';
import { wrap } from '../render/wrap.js';
import { personalSummary, runSurvey } from '../survey/flow.js';
import { inquirerPrompter } from '../survey/inquirer-prompter.js';
import { newResponse, parseResponse } from '../survey/response-file.js';
import { serializeResponse } from '../survey/response-writer.js';
import { displayPath, exists, readTextInput, removeAbandonedTemporaries, writeFileAtomic } from './io.js';
import { resolveRubric } from './rubric-source.js';
import { colorEnabled, terminalWidth } from './terminal.js';

export interface SurveyOptions {
  dir: string;
  resume?: string | true;
  workshop?: boolean;
  rubric?: string;
  maxInputMb: number;
}

/** Exit code for a survey the respondent stopped with Ctrl-C (128 + SIGINT, as shells report it). */
export const EXIT_INTERRUPTED = 130;
const CLEAR_SCREEN = '\u001b[2J\u001b[3J\u001b[H';

export async function survey(file: string, options: SurveyOptions): Promise<void> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UserError({
      file: 'pes',
      message:
        'the survey needs an interactive terminal. Without one, print the questionnaire with `pes survey template --format csv` (or markdown) and bring answers back with `pes survey import FILE.csv`',
    });
  }
  const text = readTextInput(file, options.maxInputMb);
  const loaded = await loadPartnership(displayPath(file), text);
  if (!loaded.ok) throw new UserError(loaded.errors);
  const { rubric } = await resolveRubric(options.rubric, options.maxInputMb);
  const partnership = loaded.loaded.partnership;
  const today = todayIso();
  const asOf = partnership.as_of ?? today;
  mkdirSync(options.dir, { recursive: true });
  removeAbandonedTemporaries(options.dir);
  const prompter = inquirerPrompter();
  const terminal = { color: colorEnabled(undefined), width: terminalWidth() };

  let resume = options.resume;
  do {
    const target = resume !== undefined ? await resumeTarget(options.dir, resume, rubric) : freshTarget(options.dir, rubric, partnership.partnership.name, today);
    resume = undefined;
    if (options.workshop) process.stdout.write(CLEAR_SCREEN);
    process.stdout.write(`${wrap(rubric.survey.intro, Math.min(terminal.width, 100))}\n\n`);
    const save = (response: SurveyResponse) => writeFileAtomic(target.file, serializeResponse(response, rubric), { force: true });
    try {
      const done = await runSurvey(prompter, { rubric, partnership, response: target.response, save, asOf });
      process.stdout.write(`${renderPersonalSummary(personalSummary(rubric, done), target.file, terminal)}\n`);
    } catch (error) {
      if (isPromptExit(error)) {
        const id = target.response.respondent.id;
        process.stderr.write(`\nStopped. Answers so far are saved in ${target.file}; continue with: pes survey ${file} --dir ${options.dir} --resume ${id}\n`);
        process.exitCode = EXIT_INTERRUPTED;
        return;
      }
      throw error;
    }
    if (options.workshop) {
      try {
        await prompter.input('Next respondent: press Enter (Ctrl-C when the room is done)');
      } catch (error) {
        if (isPromptExit(error)) return;
        throw error;
      }
    }
  } while (options.workshop);
}

interface Target {
  file: string;
  response: SurveyResponse;
}

function freshTarget(dir: string, rubric: Rubric, partnershipName: string, today: string): Target {
  for (;;) {
    const id = `r-${randomBytes(4).toString('hex')}`;
    const file = join(dir, `${id}.yaml`);
    if (!exists(file)) return { file, response: newResponse(rubric, partnershipName, id, today) };
  }
}

/** `--resume` alone takes the most recently saved unfinished response; `--resume ID|FILE` names one. */
async function resumeTarget(dir: string, which: string | true, rubric: Rubric): Promise<Target> {
  if (which === true) {
    // Newest first, read only until the first unfinished one.
    const newestFirst = readdirSync(dir)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => ({ file: join(dir, name), modified: statSync(join(dir, name)).mtimeMs }))
      .sort((a, b) => b.modified - a.modified);
    for (const { file } of newestFirst) {
      const loaded = await parseResponse(file, readTextInput(file), rubric);
      if (loaded.ok && !loaded.response.complete) return { file, response: loaded.response };
    }
    throw new UserError({ file: dir, message: 'no unfinished response to resume' });
  }
  const file = which.endsWith('.yaml') ? which : join(dir, `${which}.yaml`);
  const loaded = await parseResponse(file, readTextInput(file), rubric);
  if (!loaded.ok) throw new UserError(loaded.errors);
  return { file, response: loaded.response };
}

function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError' || error.name === 'CancelPromptError');
}
