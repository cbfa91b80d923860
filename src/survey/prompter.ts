/**
 * The seam between the survey flow and the terminal: the flow asks, a prompter
 * answers. The real one draws inquirer prompts; tests inject scripted answers.
 */
import type { Answer } from '../model/responses.js';
import type { Question } from './questions.js';

export const BACK = 'back';
export type LikertAnswer = Answer | typeof BACK;

export interface Choice<T> {
  value: T;
  name: string;
}

export interface Prompter {
  select<T>(message: string, choices: readonly Choice<T>[], initial?: T): Promise<T>;
  input(message: string, initial?: string): Promise<string>;
  likert(question: Question, scale: readonly string[], dontKnow: string, previous?: Answer): Promise<LikertAnswer>;
  note(text: string): void;
}
