/**
 * The default terminal report: header, principles with bars and coverage, the practice
 * table with every open finding under its row, recommendations. Long text wraps to the
 * width given; nothing is cut.
 */
import type { PracticeResult, Report } from '../model/report.js';
import { arrow, deltaText, practiceChange, principleChange } from './changes.js';
import {
  BAND_LABEL,
  bar,
  coverageText,
  findingText,
  openChecks,
  scoreText,
  signalText,
  spreadText,
  STATUS_MARK,
  reportCautions,
  surveyCell,
} from './labels.js';
import { renderBox, type BoxColumn, type BoxRow } from './box.js';
import { terminalSafe } from '../text/sanitize.js';
import { fitOrWrap, visibleLength, wrap, wrapItems } from './wrap.js';
import { paintBand, styler, type TerminalOptions } from './terminal-style.js';

/** From this width on, principles show their full titles and longer bars. */
const WIDE = 110;

export function renderTable(report: Report, options: TerminalOptions): string {
  const chalk = styler(options);
  const safe = terminalSafe;
  const width = options.width;
  const lines: string[] = [];
  const overall = report.overall;
  const baseline = report.baseline;

  lines.push(chalk.bold(safe(report.partnership.name)));
  lines.push(chalk.dim(safe(`Partnership health as of ${report.asOf} · rubric ${report.rubric.id} ${report.rubric.version}`)));
  const change = baseline ? `  ${changeText(baseline.overall.delta)} since ${safe(baseline.asOf)}` : '';
  const headline = `Overall ${chalk.bold(`${scoreText(overall.score)}/100`)}  ${paintBand(chalk, overall.band)}${overall.provisional ? chalk.yellow(' (provisional)') : ''}${change}`;
  const coverage = `(${coverageText(overall)})`;
  lines.push(visibleLength(headline) + 2 + coverage.length <= width ? `${headline}  ${chalk.dim(coverage)}` : `${headline}\n${chalk.dim(wrap(coverage, width))}`);
  if (report.survey) {
    const perception = overall.perception;
    lines.push(
      chalk.dim(
        wrap(
          `Evidence ${scoreText(overall.evidenceScore)} · survey ${perception?.mean?.toFixed(1) ?? '-'} of 5 from ${report.survey.respondents} respondents` +
            ` (${report.survey.complete} complete) · combined ${scoreText(overall.score)}`,
          width,
        ),
      ),
    );
  }
  for (const caution of reportCautions(report)) lines.push(chalk.yellow(wrap(caution, width)));
  lines.push('');

  lines.push(chalk.bold('Principles'));
  lines.push(...principleLines(report, options));
  lines.push('');

  lines.push(chalk.bold('Practices') + chalk.dim(`  (${STATUS_MARK.not_met} not met, ${STATUS_MARK.partly} partly met; the line in the file follows each finding)`));
  lines.push(practiceTable(report, options));
  lines.push('');

  if (report.disagreements.length > 0) {
    lines.push(chalk.bold('Where people disagree'));
    for (const entry of report.disagreements) lines.push(wrap(`#${entry.practice} ${safe(entry.title)}: ${safe(spreadText(entry, 'sd'))}`, width, '  ', '    '));
    lines.push('');
  }

  if (report.recommendations.length > 0) {
    lines.push(chalk.bold(`Top ${report.recommendations.length} recommendations`) + chalk.dim('  (priority = weight × points missing)'));
    for (const recommendation of report.recommendations) {
      const practice = report.practices.find((p) => p.number === recommendation.practice)!;
      const rank = `${recommendation.rank}.`;
      lines.push(
        fitOrWrap(
          `${rank} ${chalk.bold(`#${practice.number} ${safe(practice.title)}`)}  ${paintBand(chalk, practice.band)} ${scoreText(practice.score)}/100, priority ${recommendation.priority}`,
          width,
          ' '.repeat(Math.max(0, 3 - rank.length)),
          '    ',
        ),
      );
      lines.push(fitOrWrap(`${chalk.dim('Finding:')} ${safe(practice.finding)} ${chalk.dim(`(line ${practice.location.line})`)}`, width, '    ', '      '));
      lines.push(`    ${chalk.dim('Do:')}`);
      for (const step of recommendation.advice) lines.push(wrap(`- ${safe(step)}`, width, '      ', '        '));
    }
    lines.push('');
  }

  if (report.survey?.comments?.length) {
    lines.push(chalk.bold('What people wrote') + chalk.dim('  (by principle, alphabetical, without names)'));
    for (const entry of report.survey.comments) {
      lines.push(`  ${safe(entry.title)}`);
      for (const text of entry.texts) lines.push(wrap(`- ${safe(text)}`, width, '    ', '      '));
    }
    lines.push('');
  }

  if (report.strengths.length > 0) {
    lines.push(chalk.bold(`Strong (${report.strengths.length}): keep the habit, no more investment needed`));
    const shortOf = (number: number) => report.practices.find((practice) => practice.number === number)!.short;
    const items = report.strengths.map((strength) => safe(`#${strength.practice} ${shortOf(strength.practice)}`));
    lines.push(wrapItems(items, Math.min(width, 120), '  '));
    lines.push('');
  }

  if (report.notDescribed.length > 0) {
    lines.push(chalk.bold('Not described in the file') + chalk.dim('  (no evidence, no points: each counts as 0 until it is added)'));
    for (const entry of report.notDescribed) lines.push(wrap(`#${entry.practice} ${safe(entry.title)}: add ${safe(entry.add.join('; '))}`, width, '  ', '    '));
    lines.push('');
  }

  if (report.placeholders.length > 0) {
    lines.push(chalk.bold('Placeholders') + chalk.dim('  (fill these in: until then they count as not described)'));
    for (const placeholder of report.placeholders) lines.push(wrap(`line ${placeholder.line}: ${safe(placeholder.path.join('.'))}: ${safe(JSON.stringify(placeholder.value))}`, width, '  ', '    '));
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * One line per principle with its coverage in words beside it, in the widest layout
 * that fits (full titles, then short ones, then shorter bars); when none does, each
 * principle's coverage goes on the line below it instead.
 */
function principleLines(report: Report, options: TerminalOptions): string[] {
  const chalk = styler(options);
  const layout = (fullTitles: boolean, barWidth: number) => {
    const name = (principle: Report['principles'][number]) => terminalSafe(fullTitles ? principle.title : principle.short);
    const nameWidth = Math.max(...report.principles.map((principle) => name(principle).length));
    const bandText = (principle: Report['principles'][number]) => `${BAND_LABEL[principle.band]}${principle.provisional ? ' (provisional)' : ''}`;
    const bandWidth = Math.max(...report.principles.map((principle) => bandText(principle).length));
    const rows = report.principles.map((principle) => {
      const change = report.baseline ? ` ${changeText(principleChange(report, principle.id)).padEnd(5)}` : '';
      const band = paintBand(chalk, principle.band, BAND_LABEL[principle.band]) + (principle.provisional ? chalk.yellow(' (provisional)') : '');
      const pad = ' '.repeat(bandWidth - bandText(principle).length);
      const head = `  ${principle.number} ${name(principle).padEnd(nameWidth)}  ${paintBand(chalk, principle.band, bar(principle.score, barWidth))} ${scoreText(principle.score).padStart(3)}${change}  ${band}${pad}`;
      return { head, coverage: coverageText(principle) };
    });
    return { rows, indent: 6 + nameWidth, fits: rows.every(({ head, coverage }) => visibleLength(head) + 2 + coverage.length <= options.width) };
  };
  const wide = options.width >= WIDE;
  const layouts = [...(wide ? [layout(true, 20)] : []), layout(false, 20), layout(false, 10)];
  const fitting = layouts.find((candidate) => candidate.fits);
  if (fitting) return fitting.rows.map(({ head, coverage }) => `${head}  ${chalk.dim(coverage)}`);
  const { rows, indent } = layout(wide, wide ? 20 : 10);
  return rows.flatMap(({ head, coverage }) => [head.trimEnd(), chalk.dim(wrap(coverage, options.width, ' '.repeat(indent)))]);
}

function changeText(delta: number | null): string {
  return delta === null ? '' : `${arrow(delta)}${deltaText(delta)}`;
}

/**
 * The practices, one row each, with a row under each that has open findings: every
 * check not met or partly met, wrapped to the table's width, its line kept.
 */
function practiceTable(report: Report, options: TerminalOptions): string {
  const chalk = styler(options);
  const survey = report.survey !== null;
  const baseline = report.baseline !== null;
  const fixedWidths = [4, 7, 15, ...(survey ? [10, 20] : []), ...(baseline ? [8] : [])];
  // Every column is framed by one border character, plus one at the far end; the title takes what is left, so the findings get the full width.
  const titleWidth = Math.max(14, options.width - fixedWidths.reduce((sum, value) => sum + value, 0) - (fixedWidths.length + 2));
  const colWidths = [fixedWidths[0]!, titleWidth, ...fixedWidths.slice(1)];
  // The findings row spans every column but the first, and the borders between them.
  const findingWidth = colWidths.slice(1).reduce((sum, value) => sum + value, 0) + (colWidths.length - 2) - 2;
  const head = ['#', 'Practice', 'Score', 'Status', ...(survey ? ['Survey', 'Signal'] : []), ...(baseline ? ['Change'] : [])];
  const aligns: BoxColumn['align'][] = ['right', 'left', 'right', 'left', ...(survey ? (['right', 'left'] as const) : []), ...(baseline ? (['right'] as const) : [])];
  const columns = colWidths.map((width, index) => ({ width, align: aligns[index]! }));
  const rows: BoxRow[] = [];
  for (const practice of report.practices) {
    rows.push({
      cells: [
        String(practice.number),
        wrap(terminalSafe(practice.short), titleWidth - 2),
        scoreText(practice.score),
        paintBand(chalk, practice.band, BAND_LABEL[practice.band]),
        ...(survey ? [surveyCell(practice.perception), wrap(signalText(practice), fixedWidths[4]! - 2)] : []),
        ...(baseline ? [changeText(practiceChange(report, practice.number))] : []),
      ],
    });
    const details = findingLines(practice, findingWidth);
    if (details.length > 0) rows.push({ first: '', span: details.map((line) => chalk.dim(line)).join('\n') });
  }
  return renderBox(columns, head.map((heading) => chalk.bold(heading)), rows);
}

function findingLines(practice: PracticeResult, width: number): string[] {
  if (practice.notApplicable !== null) return [wrap(terminalSafe(`not pursued: ${practice.notApplicable.reason}`), width)];
  return openChecks(practice).map((check) => wrap(terminalSafe(`${STATUS_MARK[check.status]} ${check.critical ? 'critical: ' : ''}${findingText(check)}`), width, '', '  '));
}
