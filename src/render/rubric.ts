/** `pes rubric`: the practice list, and one practice in full. */
import { describeCheck, describeNeeds } from '../assess/messages.js';
import { CHECKS } from '../checks/index.js';
import type { Practice, Rubric } from '../model/rubric.js';
import { terminalSafe } from './sanitize.js';
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
  const section = (title: string, body: string) => [chalk.bold(title), body, ''];
  const lines = [
    chalk.bold(`#${practice.number} ${terminalSafe(practice.title)}`),
    chalk.dim(`Principle ${principle?.number}: ${terminalSafe(principle?.title ?? practice.principle)} · weight ${practice.weight} · id ${practice.id}`),
    '',
    ...section('What good looks like', wrap(terminalSafe(practice.good), width, '  ')),
    ...section('Survey statement', wrap(`"${terminalSafe(practice.statement)}"`, width, '  ')),
    chalk.bold('Evidence checks'),
  ];
  practice.checks.forEach((use, index) => {
    const check = CHECKS.get(use.check)!;
    lines.push(wrap(`${index + 1}. ${terminalSafe(describeCheck(check, use.params))}`, width, '  '));
    lines.push(chalk.dim(wrap(`reads ${terminalSafe(describeNeeds(check, use.params))} · check ${check.name}${use.weight !== 1 ? `, weight ${use.weight}` : ''}`, width, '     ')));
  });
  lines.push('');
  lines.push(chalk.bold('Advice'));
  for (const band of ['gap', 'developing', 'strong'] as const) lines.push(wrap(`${band}: ${terminalSafe(practice.advice[band])}`, width, '  '));
  lines.push('');
  lines.push(...section('Question for the room', wrap(terminalSafe(practice.question), width, '  ')));
  return lines.join('\n').trimEnd();
}
