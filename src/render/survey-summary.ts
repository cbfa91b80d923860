/** The short personal summary a respondent sees at the end of the survey. */
import type { PersonalSummary } from '../model/perception.js';
import { terminalSafe } from '../text/sanitize.js';
import { bar } from './labels.js';
import { perceptionScore } from '../model/statistics.js';
import { styler, type TerminalOptions } from './terminal-style.js';

export function renderPersonalSummary(summary: PersonalSummary, file: string, options: TerminalOptions): string {
  const chalk = styler(options);
  const width = Math.max(...summary.principles.map((principle) => principle.title.length));
  const lines = [
    '',
    chalk.bold('Thank you. Your answers, by principle (1 = strongly disagree, 5 = strongly agree):'),
    ...summary.principles.map(({ title, mean }) => {
      const score = mean === null ? null : perceptionScore(mean);
      return `  ${terminalSafe(title).padEnd(width)}  ${bar(score, 10)} ${mean === null ? '  -' : mean.toFixed(1).padStart(3)}`;
    }),
    '',
    chalk.dim(`${summary.answered} statements rated, ${summary.dontKnow} "don't know". Saved in ${file}.`),
  ];
  return lines.join('\n');
}
