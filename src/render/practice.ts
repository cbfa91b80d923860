/** `pes assess FILE --practice N`: one practice in full, every check with its finding, line, basis and fix. */
import type { PracticeResult, Report } from '../model/report.js';
import { practiceChange } from './changes.js';
import { BAND_LABEL, coverageText, lineList, scoreText, signalText, STATUS_LABEL, STATUS_MARK, surveyCell, weightPercent } from './labels.js';
import { terminalSafe } from '../text/sanitize.js';
import { paintBand, styler, type TerminalOptions } from './terminal-style.js';
import { wrap } from './wrap.js';

export function renderPracticeDetail(report: Report, practice: PracticeResult, options: TerminalOptions): string {
  const chalk = styler(options);
  const safe = terminalSafe;
  const width = Math.min(options.width, 110);
  const principle = report.principles.find((entry) => entry.id === practice.principle)!;
  const lines = [
    chalk.bold(`#${practice.number} ${safe(practice.title)}`),
    chalk.dim(wrap(`${safe(report.partnership.name)} as of ${report.asOf} · principle ${principle.number}: ${safe(principle.title)} · weight ${practice.weight} · id ${practice.id}`, width)),
    '',
  ];
  const evidence = practice.evidence;
  const cap = evidence.cap ? `; at most ${evidence.cap.limit} while its critical check ${evidence.cap.check} is ${STATUS_LABEL[evidence.cap.status]}` : '';
  const change = practiceChange(report, practice.number);
  lines.push(
    wrap(
      `Score ${chalk.bold(`${scoreText(practice.score)}/100`)}  ${paintBand(chalk, practice.band)}` +
        `${change === null ? '' : `  ${change > 0 ? '+' : ''}${Math.round(change)} since ${report.baseline!.asOf}`}` +
        chalk.dim(`  (evidence ${scoreText(evidence.score)}${cap}; the file describes ${weightPercent(practice.coverage)} of its check weight)`),
      width,
    ),
  );
  if (practice.perception) {
    const signal = signalText(practice);
    lines.push(wrap(`Survey ${surveyCell(practice.perception)} from ${practice.perception.n} answers${signal ? ` · ${signal}` : ''}`, width));
  }
  if (practice.notApplicable) lines.push(wrap(`Not pursued: ${safe(practice.notApplicable.reason)}`, width));
  lines.push(chalk.dim(wrap(`Principle ${principle.number} is ${scoreText(principle.score)}/100, ${BAND_LABEL[principle.band]}, ${coverageText(principle)}.`, width)));
  lines.push('', chalk.bold('Basis in the field guide'), wrap(safe(practice.basis), width, '  '), '');

  lines.push(chalk.bold('Checks'));
  practice.evidence.checks.forEach((check, index) => {
    const tags = [STATUS_LABEL[check.status], ...(check.critical ? ['critical'] : []), `${check.points} of ${report.scoring.points.met} points`, ...(check.weight !== 1 ? [`weight ${check.weight}`] : [])];
    lines.push(paintStatus(chalk, check.status, `${index + 1}. ${STATUS_MARK[check.status]} ${tags.join(' · ')}`));
    lines.push(wrap(`Tests: ${safe(check.description)}`, width, '     ', '       '));
    lines.push(wrap(`Found: ${safe(check.message)} (line ${lineList(check)})`, width, '     ', '       '));
    lines.push(chalk.dim(wrap(`Basis: ${safe(check.basis)}`, width, '     ', '       ')));
    if (check.status !== 'met') lines.push(wrap(`Fix: ${safe(check.fix)}`, width, '     ', '       '));
  });
  lines.push('', chalk.bold('What to do'));
  for (const step of practice.advice) lines.push(wrap(`- ${safe(step)}`, width, '  ', '    '));
  return lines.join('\n');
}

function paintStatus(chalk: ReturnType<typeof styler>, status: PracticeResult['evidence']['checks'][number]['status'], text: string): string {
  if (status === 'met') return chalk.green(text);
  if (status === 'partly') return chalk.yellow(text);
  return status === 'not_met' ? chalk.red(text) : chalk.dim(text);
}
