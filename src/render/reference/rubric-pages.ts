/**
 * docs/rubric/: one page per practice at the path practiceDocPath gives (the address SARIF's helpUri
 * and the reports link to), and an index. Generated from the loaded rubric, placeholders filled, and
 * from each check's own description, so a threshold changed in the rubric changes its page.
 */
import { describeCheck, describeNeeds } from '../../assess/messages.js';
import { fillTemplate } from '../../checks/check.js';
import { CHECKS } from '../../checks/index.js';
import { practiceDocPath } from '../../model/practice-docs.js';
import type { CheckUse, Practice, Principle, Rubric, SignalLabel } from '../../model/rubric.js';
import { GENERATED_NOTE, markdownCell, markdownProse } from './markdown.js';

export interface RubricPage {
  /** Relative to the repository root: docs/rubric/07-target-population.md. */
  path: string;
  text: string;
}

const SIGNAL_NAMES: Record<SignalLabel, string> = { paper_only: 'Paper only', divergent: 'Divergent', hidden_strength: 'Hidden strength' };

/** The index and every practice's page. `source` names the rubric file the pages come from. */
export function renderRubricPages(rubric: Rubric, source: string): RubricPage[] {
  const pages = rubric.practices.map((practice, index) => ({
    path: practiceDocPath(practice),
    text: renderPracticePage(rubric, practice, source, rubric.practices[index - 1], rubric.practices[index + 1]),
  }));
  return [{ path: 'docs/rubric/README.md', text: renderRubricIndex(rubric, source) }, ...pages];
}

function fileName(practice: Practice): string {
  return practiceDocPath(practice).slice('docs/rubric/'.length);
}

function principleOf(rubric: Rubric, practice: Practice): Principle {
  return rubric.principles.find((principle) => principle.id === practice.principle)!;
}

function principleAnchor(principle: Principle): string {
  return `${principle.number}-${principle.title.toLowerCase().replace(/[^\w -]/g, '').replace(/ /g, '-')}`;
}

export function renderRubricIndex(rubric: Rubric, source: string): string {
  const { scoring } = rubric;
  const lines = [
    GENERATED_NOTE(source),
    '',
    `# The rubric: ${markdownProse(rubric.title)}`,
    '',
    `Rubric \`${rubric.id}\` version ${markdownProse(rubric.version)}${rubric.source ? `, after *${markdownProse(rubric.source)}*` : ''}: ` +
      `${rubric.principles.length} principles and ${rubric.practices.length} practices. Each practice has a page with what good looks like, ` +
      'its evidence checks with their thresholds and the reason for each, the survey statement, the question for the room and the advice a report gives.',
    '',
    `A practice is strong at ${scoring.bands.strong} or more, developing from ${scoring.bands.developing} to under ${scoring.bands.strong}, and a gap below ${scoring.bands.developing}. ` +
      `Its weight (1 to 3) sets how much it counts in its principle and in the overall score, and its priority (weight × points missing). ` +
      'How the numbers combine is in [Scoring](../scoring.md); how to change them, in [Customising the rubric](../custom-rubric.md).',
    '',
  ];
  for (const principle of rubric.principles) {
    lines.push(`## ${principle.number}. ${markdownProse(principle.title)}`, '', markdownProse(principle.summary), '');
    lines.push('| # | Practice | Weight | Checks | Critical check |', '| --: | --- | --: | --: | --- |');
    for (const practice of rubric.practices.filter((entry) => entry.principle === principle.id)) {
      const critical = practice.checks.filter((use) => use.critical).map((use) => markdownCell(describeCheck(CHECKS.get(use.check)!, use.params)));
      lines.push(`| ${practice.number} | [${markdownCell(practice.title)}](${fileName(practice)}) | ${practice.weight} | ${practice.checks.length} | ${critical.join(' ') || 'none'} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export function renderPracticePage(rubric: Rubric, practice: Practice, source: string, previous?: Practice, next?: Practice): string {
  const principle = principleOf(rubric, practice);
  const { caps, bands } = rubric.scoring;
  const lines = [
    GENERATED_NOTE(source),
    '',
    `# ${practice.number}. ${markdownProse(practice.title)}`,
    '',
    `Principle ${principle.number}, [${markdownProse(principle.title)}](README.md#${principleAnchor(principle)}) · weight ${practice.weight} · ` +
      `id \`${practice.id}\` · rubric \`${rubric.id}\` ${markdownProse(rubric.version)}`,
    '',
    '## What good looks like',
    '',
    markdownProse(practice.good),
    '',
    '## Basis in the field guide',
    '',
    markdownProse(practice.basis),
    '',
    '## Evidence checks',
    '',
    `A critical check is the practice's defining test. When it is not met or not described, the practice scores at most ${caps.critical_not_met}, ` +
      `whatever its other checks say; when it is only partly met, at most ${caps.critical_partly}. A check the file does not describe earns 0 and keeps its weight.`,
    '',
  ];
  practice.checks.forEach((use, index) => lines.push(...checkSection(use, index)));
  lines.push(
    '## Survey statement',
    '',
    `> ${markdownProse(practice.statement)}`,
    '',
    `Each respondent answers from 1 (${markdownProse(rubric.survey.scale[0]!)}) to 5 (${markdownProse(rubric.survey.scale[4]!)}), or "${markdownProse(rubric.survey.dont_know)}".`,
    '',
    '## Advice',
    '',
    'What a report tells the partnership to do depends on where the practice stands:',
    '',
    '| Where it stands | Advice |',
    '| --- | --- |',
    `| Strong (${bands.strong} or more) | ${markdownCell(practice.advice.strong)} Then the fix of any check still open. |`,
    `| Developing (${bands.developing} to under ${bands.strong}) | The fix of each check not met, critical first, then the furthest from met. |`,
    `| Gap (under ${bands.developing}) | The same: the fix of each check not met, critical first. |`,
    ...signalRows(rubric, practice),
    '',
    '## Question for the room',
    '',
    markdownProse(practice.question),
    '',
    '---',
    '',
    [previous ? `Previous: [${previous.number}. ${markdownProse(previous.title)}](${fileName(previous)})` : '', '[All practices](README.md)', next ? `Next: [${next.number}. ${markdownProse(next.title)}](${fileName(next)})` : '']
      .filter(Boolean)
      .join(' · '),
  );
  return `${lines.join('\n').trimEnd()}\n`;
}

function checkSection(use: CheckUse, index: number): string[] {
  const check = CHECKS.get(use.check)!;
  const thresholds = Object.entries(use.params).filter(([, value]) => typeof value === 'number');
  const settings = Object.entries(use.params).filter(([, value]) => typeof value !== 'number');
  const lines = [
    `### ${index + 1}. ${use.critical ? 'Critical: ' : ''}${markdownProse(describeCheck(check, use.params))}`,
    '',
    `Check \`${check.name}\`${use.weight !== 1 ? `, weight ${use.weight}` : ''}. It reads ${markdownProse(describeNeeds(check, use.params))}.`,
    '',
  ];
  if (thresholds.length > 0) {
    lines.push('| Threshold | Value |', '| --- | --: |');
    for (const [name, value] of thresholds) lines.push(`| \`${name}\` | ${String(value)} |`);
    lines.push('');
  }
  if (settings.length > 0) {
    lines.push(`Settings: ${settings.map(([name, value]) => `\`${name}: ${JSON.stringify(value).replace(/`/g, "'")}\``).join(', ')}.`, '');
  }
  lines.push(`**Why:** ${markdownProse(use.basis)}`, '', `**If not met:** ${markdownProse(use.fix)}`, '');
  return lines;
}

/** Where the survey says more than the file, the signal's advice replaces (or, for divergent, leads) the fixes. */
function signalRows(rubric: Rubric, practice: Practice): string[] {
  const needs = practice.checks.map((use) => describeNeeds(CHECKS.get(use.check)!, use.params)).join('; ');
  return (Object.keys(SIGNAL_NAMES) as SignalLabel[]).map((signal) => {
    const template = practice.advice.signals?.[signal] ?? rubric.triangulation.advice[signal];
    const text = fillTemplate(template, { question: practice.question, needs, mean: 'N', spread: 'how far the answers lie apart' });
    const after = signal === 'divergent' ? ' *Then the fixes of the checks not met.*' : ' *Instead of the fixes.*';
    return `| ${SIGNAL_NAMES[signal]} (survey) | ${markdownCell(text)}${after} |`;
  });
}
