/** The default terminal report: header, principles with bars, the practice table, recommendations. */
import Table from 'cli-table3';
import type { Report } from '../model/report.js';
import { BAND_LABEL, bar, labelList, scoreText, spreadText, surveyCell } from './labels.js';
import { terminalSafe } from './sanitize.js';
import { wrapItems } from './wrap.js';
import { paintBand, styler, type TerminalOptions } from './terminal-style.js';

const BAR_WIDTH = 20;

export function renderTable(report: Report, options: TerminalOptions): string {
  const chalk = styler(options);
  const safe = terminalSafe;
  const lines: string[] = [];
  const overall = report.overall;

  lines.push(chalk.bold(safe(report.partnership.name)));
  lines.push(chalk.dim(safe(`Partnership health as of ${report.asOf} · rubric ${report.rubric.id} ${report.rubric.version}`)));
  lines.push(
    `Overall ${chalk.bold(`${scoreText(overall.score)}/100`)}  ${paintBand(chalk, overall.band)}${overall.provisional ? chalk.yellow(' (provisional)') : ''}  ` +
      chalk.dim(`(evidence for ${overall.described} of ${overall.total} practices)`),
  );
  if (report.survey) {
    const perception = overall.perception;
    lines.push(
      chalk.dim(
        `Evidence ${scoreText(overall.evidenceScore)} · survey ${perception?.mean?.toFixed(1) ?? '-'} of 5 from ${report.survey.respondents} respondents` +
          ` (${report.survey.complete} complete) · combined ${scoreText(overall.score)}`,
      ),
    );
  }
  if (overall.provisional) {
    lines.push(chalk.yellow(`Most practices are not described yet, so the overall band says little; see "Not described" below.`));
  }
  lines.push('');

  lines.push(chalk.bold('Principles'));
  const titleWidth = Math.max(...report.principles.map((principle) => principle.title.length));
  for (const principle of report.principles) {
    const score = scoreText(principle.score).padStart(3);
    lines.push(
      `  ${principle.number} ${safe(principle.title).padEnd(titleWidth)}  ${paintBand(chalk, principle.band, bar(principle.score, BAR_WIDTH))} ${score}  ${paintBand(chalk, principle.band)}`,
    );
  }
  lines.push('');

  lines.push(chalk.bold('Practices'));
  lines.push(practiceTable(report, options));
  lines.push('');

  if (report.disagreements.length > 0) {
    lines.push(chalk.bold('Where people disagree'));
    for (const entry of report.disagreements) lines.push(`  #${entry.practice} ${safe(entry.title)}: ${safe(spreadText(entry, 'sd'))}`);
    lines.push('');
  }

  if (report.recommendations.length > 0) {
    lines.push(chalk.bold(`Top ${report.recommendations.length} recommendations`) + chalk.dim('  (priority = weight × points missing)'));
    for (const recommendation of report.recommendations) {
      const practice = report.practices.find((p) => p.number === recommendation.practice)!;
      lines.push(
        `${String(recommendation.rank).padStart(2)}. ${chalk.bold(`#${practice.number} ${safe(practice.title)}`)}  ` +
          `${paintBand(chalk, practice.band)} ${scoreText(practice.score)}/100, priority ${recommendation.priority}`,
      );
      lines.push(`    ${chalk.dim('Finding:')} ${safe(practice.finding)} ${chalk.dim(`(line ${practice.location.line})`)}`);
      lines.push(`    ${chalk.dim('Do:')} ${safe(recommendation.action)}`);
    }
    lines.push('');
  }

  if (report.survey?.comments?.length) {
    lines.push(chalk.bold('What people wrote') + chalk.dim('  (by principle, alphabetical, without names)'));
    for (const entry of report.survey.comments) {
      lines.push(`  ${safe(entry.title)}`);
      for (const text of entry.texts) lines.push(`    - ${safe(text)}`);
    }
    lines.push('');
  }

  if (report.strengths.length > 0) {
    lines.push(chalk.bold(`Strong (${report.strengths.length}): keep the habit, no more investment needed`));
    const shortOf = (number: number) => report.practices.find((practice) => practice.number === number)!.short;
    const items = report.strengths.map((strength) => safe(`#${strength.practice} ${shortOf(strength.practice)}`));
    lines.push(wrapItems(items, Math.min(options.width, 120), '  '));
    lines.push('');
  }

  if (report.notDescribed.length > 0) {
    lines.push(chalk.bold('Not described in the file') + chalk.dim('  (not scored; add these to assess them)'));
    for (const entry of report.notDescribed) lines.push(`  #${entry.practice} ${safe(entry.title)}: add ${safe(entry.add.join('; '))}`);
    lines.push('');
  }
  return lines.join('\n');
}

function practiceTable(report: Report, options: TerminalOptions): string {
  const chalk = styler(options);
  const survey = report.survey !== null;
  // Fixed columns: #, score, status (and survey, signal); title and finding share what is left of the width.
  const fixed = 4 + 7 + 15 + (survey ? 10 + 20 : 0) + (survey ? 8 : 6);
  const flexible = Math.max(options.width - fixed, 40);
  const titleWidth = Math.max(22, Math.min(33, Math.floor(flexible * 0.4)));
  const findingWidth = flexible - titleWidth;
  const head = ['#', 'Practice', 'Score', 'Status', ...(survey ? ['Survey', 'Signal'] : []), 'Finding'];
  const table = new Table({
    head: head.map((heading) => chalk.bold(heading)),
    colWidths: [4, titleWidth, 7, 15, ...(survey ? [10, 20] : []), findingWidth],
    colAligns: ['right', 'left', 'right', 'left', ...(survey ? (['right', 'left'] as const) : []), 'left'],
    wordWrap: false,
    style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
  });
  for (const practice of report.practices) {
    table.push([
      String(practice.number),
      terminalSafe(practice.short),
      scoreText(practice.score),
      paintBand(chalk, practice.band, BAND_LABEL[practice.band]),
      ...(survey ? [surveyCell(practice.perception), labelList(practice.labels)] : []),
      terminalSafe(practice.finding),
    ]);
  }
  return table.toString();
}
