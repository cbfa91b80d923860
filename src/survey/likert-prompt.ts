/**
 * The agreement prompt: one statement, the five-point scale and "don't know",
 * answered with a single key (1-5, 0) or arrows and Enter; `b` or Backspace goes
 * back one question. Progress shows as `12/27` and a bar.
 */
import { createPrompt, isBackspaceKey, isDownKey, isEnterKey, isUpKey, makeTheme, useKeypress, usePrefix, useState, type Theme } from '@inquirer/core';
import type { Answer } from '../model/responses.js';
import { DONT_KNOW } from '../model/vocabulary.js';
import { BACK, type LikertAnswer } from './prompter.js';

export interface LikertConfig {
  /** Heading line: principle and progress. */
  heading: string;
  statement: string;
  position: number;
  total: number;
  scale: readonly string[];
  dontKnow: string;
  previous?: Answer;
  canGoBack: boolean;
}

const BAR_WIDTH = 20;

export const likertPrompt = createPrompt<LikertAnswer, LikertConfig>((config, done) => {
  const theme = makeTheme<Theme>({});
  const options: Answer[] = [1, 2, 3, 4, 5, DONT_KNOW];
  const startAt = config.previous === undefined ? 2 : options.indexOf(config.previous);
  const [cursor, setCursor] = useState(startAt);
  const [chosen, setChosen] = useState<LikertAnswer | undefined>(undefined);
  const status = chosen === undefined ? 'idle' : 'done';
  const prefix = usePrefix({ status, theme });

  const finish = (answer: LikertAnswer) => {
    setChosen(answer);
    done(answer);
  };

  useKeypress((key, rl) => {
    if (status === 'done') return;
    const typed = rl.line.trim();
    rl.clearLine(0);
    if (/^[1-5]$/.test(typed) || /^[1-5]$/.test(key.name)) finish(Number(typed || key.name) as Answer);
    else if (typed === '0' || key.name === '0') finish(DONT_KNOW);
    else if ((key.name === 'b' || key.name === 'left' || isBackspaceKey(key)) && config.canGoBack) finish(BACK);
    else if (isUpKey(key)) setCursor((cursor + options.length - 1) % options.length);
    else if (isDownKey(key)) setCursor((cursor + 1) % options.length);
    else if (isEnterKey(key)) finish(options[cursor]!);
  });

  const label = (answer: Answer) => (answer === DONT_KNOW ? `0  ${config.dontKnow}` : `${answer}  ${config.scale[answer - 1]}`);
  const progress = `${config.position}/${config.total}`;
  // The bar shows what is already answered, so it starts empty and fills with the last answer.
  const filled = Math.round(((config.position - 1) / config.total) * BAR_WIDTH);
  const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);

  if (status === 'done') {
    const shown = chosen === BACK ? 'back to the previous statement' : label(chosen as Answer);
    return `${prefix} ${theme.style.message(`[${progress}] ${config.statement}`, status)} ${theme.style.answer(shown)}`;
  }
  const lines = [
    `${prefix} ${theme.style.message(`${config.heading}`, status)}  ${progress} ${bar}`,
    `  ${theme.style.highlight(config.statement)}`,
    '',
    ...options.map((answer, index) => (index === cursor ? theme.style.highlight(`❯ ${label(answer)}`) : `  ${label(answer)}`)),
    '',
    theme.style.help(`1-5 or 0 to answer · ↑↓ and Enter${config.canGoBack ? ' · b to go back' : ''} · Ctrl-C to stop (answers are saved)`),
  ];
  return lines.join('\n');
});
