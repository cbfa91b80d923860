/** `pes rubric`: the practice list, and one practice in full. */
import { describeCheck, describeNeeds } from '../assess/messages.js';
import { CHECKS } from '../checks/index.js';
import type { Practice, Rubric } from '../model/rubric.js';
import { terminalSafe } from '../text/sanitize.js';
import { styler, type TerminalOptions } from './terminal-style.js';
import { wrap } from './wrap.js';

export function renderRubricList(rubric: Rubric, options: TerminalOptions): string {
  const chalk = styler(options);
  const lines = [chalk.bold(terminalSafe(`${rubric.id} ${rubric.version}: ${rubric.title}`)), ''];
  for (const principle of rubric.principles) {
    lines.push(chalk.bold(`${principle.number}. ${terminalSafe(principle.title)}`));
    for (const practice of rubric.practices.filter((p) => p.principle === principle.id)) {
      const checks = `${practice.checks.length} check${practice.checks.length === 1 ? '' : 's'}`;
      lines.push(`  ${String(practice.number).padStart(2)}  ${terminalSafe(practice.title)} ${chalk.dim(`(weight ${practice.weight}, ${checks})`)}`);
    }
    lines.push('');
  }
  lines.push(chalk.dim('Show one practice with `pes rubric <number>`.'));
  return lines.join('\n');
}

export function renderPractice(rubric: Rubric, practice: Practice, options: TerminalOptions): string {
  const chalk = styler(options);
  const width = Math.min(options.width, 100);
  const principle = rubric.principles.find((p) => p.id === practice.principle);
  const safe = terminalSafe;
  const section = (title: string, body: string) => [chalk.bold(title), body, ''];
  const lines = [
    chalk.bold(`#${practice.number} ${safe(practice.title)}`),
    chalk.dim(`Principle ${principle?.number}: ${safe(principle?.title ?? practice.principle)} · weight ${practice.weight} · id ${practice.id}`),
    '',
    ...section('Basis in the field guide', wrap(safe(practice.basis), width, '  ')),
    ...section('What good looks like', wrap(safe(practice.good), width, '  ')),
    ...section('Survey statement', wrap(`"${safe(practice.statement)}"`, width, '  ')),
    chalk.bold('Evidence checks') + chalk.dim('  (a critical check is the practice\'s defining test: failing it caps the practice)'),
  ];
  practice.checks.forEach((use, index) => {
    const check = CHECKS.get(use.check)!;
    const critical = use.critical ? chalk.bold('critical: ') : '';
    lines.push(wrap(`${index + 1}. ${critical}${safe(describeCheck(check, use.params))}`, width, '  ', '     '));
    lines.push(chalk.dim(wrap(`reads ${safe(describeNeeds(check, use.params))} · check ${check.name}${use.weight !== 1 ? `, weight ${use.weight}` : ''}`, width, '     ')));
    lines.push(wrap(`Basis: ${safe(use.basis)}`, width, '     '));
    lines.push(wrap(`If not met: ${safe(use.fix)}`, width, '     '));
  });
  lines.push('');
  const { caps } = rubric.scoring;
  lines.push(
    ...section(
      'Scoring',
      wrap(
        `A critical check not met or not described caps the practice at ${caps.critical_not_met}; partly met, at ${caps.critical_partly}. ` +
          `A check not described earns 0 but keeps its weight.`,
        width,
        '  ',
      ),
    ),
  );
  lines.push(...section('When it is strong', wrap(safe(practice.advice.strong), width, '  ')));
  for (const [signal, text] of Object.entries(practice.advice.signals ?? {})) lines.push(wrap(`${signal.replace('_', ' ')}: ${safe(text)}`, width, '  '));
  lines.push(...section('Question for the room', wrap(safe(practice.question), width, '  ')));
  return lines.join('\n').trimEnd();
}
