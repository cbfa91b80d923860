/** The real prompter: inquirer prompts on the terminal. The only interactive code. */
import { input, select } from '@inquirer/prompts';
import type { Answer } from '../model/responses.js';
import { terminalSafe } from '../render/sanitize.js';
import { likertPrompt } from './likert-prompt.js';
import type { Choice, LikertAnswer, Prompter } from './prompter.js';
import type { Question } from './questions.js';

export function inquirerPrompter(output: NodeJS.WriteStream = process.stdout): Prompter {
  return {
    select<T>(message: string, choices: readonly Choice<T>[], initial?: T): Promise<T> {
      return select({ message, choices: choices.map((choice) => ({ value: choice.value, name: choice.name })), default: initial, loop: false, pageSize: 12 });
    },
    input(message: string, initial?: string): Promise<string> {
      return input({ message, default: initial || undefined });
    },
    likert(question: Question, scale: readonly string[], dontKnow: string, previous?: Answer): Promise<LikertAnswer> {
      return likertPrompt({
        heading: terminalSafe(`${question.principle.number}. ${question.principle.title}`),
        statement: terminalSafe(question.practice.statement),
        position: question.index + 1,
        total: question.total,
        scale,
        dontKnow,
        previous,
        canGoBack: question.index > 0,
      });
    },
    note(text: string): void {
      output.write(`${text}\n`);
    },
  };
}
