/** `pes assess --discussion`: the practices a workshop should talk about first, with the question for each. */
import type { Report } from '../model/report.js';
import { terminalSafe } from '../text/sanitize.js';
import { styler, type TerminalOptions } from './terminal-style.js';
import { wrap } from './wrap.js';

const REASONS: Record<Report['discussion'][number]['reason'], string> = {
  paper_only: 'on paper, not in practice',
  divergent: 'people disagree',
  low_perception: 'rated low',
};

export function renderDiscussion(report: Report, options: TerminalOptions): string {
  const chalk = styler(options);
  const width = Math.min(options.width, 100);
  if (report.survey === null) {
    return 'No survey responses: the discussion guide comes from what people answered. Add --responses DIR.';
  }
  const lines = [
    chalk.bold(`Discussion guide: ${terminalSafe(report.partnership.name)}`),
    chalk.dim(`${report.survey.respondents} respondents · as of ${report.asOf} · talk about these first`),
    '',
  ];
  report.discussion.forEach((item, index) => {
    lines.push(chalk.bold(`${index + 1}. #${item.practice} ${terminalSafe(item.title)}`) + chalk.dim(`  (${REASONS[item.reason]})`));
    lines.push(wrap(terminalSafe(item.detail), width, '   '));
    lines.push(wrap(`Ask the room: ${terminalSafe(item.question)}`, width, '   '));
    lines.push('');
  });
  return lines.join('\n').trimEnd();
}
