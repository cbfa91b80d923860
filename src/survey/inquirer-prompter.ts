/**
 * The real prompter: inquirer prompts on the terminal. The only interactive code.
 * Every text it shows may come from a file (a custom rubric's scale and statements,
 * partner names, a resumed response's comments), so all of it is made terminal-safe here.
 */
import { input, select } from '@inquirer/prompts';
import type { Answer } from '../model/responses.js';
import { terminalSafe } from '../text/sanitize.js';
import { likertPrompt } from './likert-prompt.js';
import type { Choice, LikertAnswer, Prompter } from './prompter.js';
import type { Question } from './questions.js';

export function inquirerPrompter(output: NodeJS.WriteStream = process.stdout): Prompter {
  return {
    select<T>(message: string, choices: readonly Choice<T>[], initial?: T): Promise<T> {
      return select({ message: terminalSafe(message), choices: choices.map((choice) => ({ value: choice.value, name: terminalSafe(choice.name) })), default: initial, loop: false, pageSize: 12 });
    },
    input(message: string, initial?: string): Promise<string> {
      // A saved comment holding control characters is not offered as the default: it would be shown raw.
      const offered = initial && terminalSafe(initial) === initial ? initial : undefined;
      return input({ message: terminalSafe(message), default: offered });
    },
    likert(question: Question, scale: readonly string[], dontKnow: string, previous?: Answer): Promise<LikertAnswer> {
      return likertPrompt({
        heading: terminalSafe(`${question.principle.number}. ${question.principle.title}`),
        statement: terminalSafe(question.practice.statement),
        position: question.index + 1,
        total: question.total,
        scale: scale.map(terminalSafe),
        dontKnow: terminalSafe(dontKnow),
        previous,
        canGoBack: question.index > 0,
      });
    },
    note(text: string): void {
      output.write(`${terminalSafe(text)}\n`);
    },
  };
}
