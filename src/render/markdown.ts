/**
 * Markdown for a pull-request comment or a wiki page: the story first, then the
 * principles with their coverage, the top recommendations, disagreements, every
 * practice, and every open finding of every practice. Every piece of user-written text
 * goes through escapeMarkdown.
 */
import type { Report } from '../model/report.js';
import { deltaText, practiceChange, principleChange } from './changes.js';
import { withCodeSpans } from '../text/code-spans.js';
import {
  BAND_LABEL,
  bar,
  coverageText,
  findingStatus,
  findingText,
  openChecks,
  scoreText,
  signalText,
  spreadText,
  STATUS_MARK,
  reportCautions,
  surveyCell,
  weightPercent,
} from './labels.js';
import { escapeMarkdown as md } from '../text/markdown-text.js';
import { terminalSafe } from '../text/sanitize.js';

/**
 * A code span as Markdown shows it. Its text may come from a file too (a name written with
 * backticks), so control and bidi characters are made visible there as everywhere else.
 * Code spans appear in prose and lists only, never in a table cell, where a pipe would end the cell.
 */
function codeSpan(literal: string): string {
  return `\`${terminalSafe(literal.replace(/[\r\n]+/g, ' '))}\``;
}

/** Rubric prose: escaped, with its `key` spans kept as code spans. */
function prose(text: string): string {
  return withCodeSpans(text, md, codeSpan);
}

export function renderMarkdown(report: Report): string {
  const lines: string[] = [];
  const { overall } = report;
  const baseline = report.baseline;
  lines.push(`# Partnership health: ${md(report.partnership.name)}`, '');
  lines.push(
    `As of ${report.asOf} · rubric ${md(report.rubric.id)} ${md(report.rubric.version)} · overall **${scoreText(overall.score)}/100, ${BAND_LABEL[overall.band]}**` +
      `${overall.provisional ? ' (provisional)' : ''} · ${coverageText(overall)}` +
      (baseline ? ` · ${deltaText(baseline.overall.delta)} since ${md(baseline.asOf)}` : ''),
    '',
  );
  const cautions = reportCautions(report);
  for (const caution of cautions) lines.push(`**Note:** ${md(caution)}`, '');
  // The narrative quotes the rubric's `key` spans; its first words start a line, where "#" or "-" would open a block.
  let start = true;
  const narrativeText = (plain: string) => {
    const escaped = md(plain, start ? 'line-start' : 'inline');
    start = false;
    return escaped;
  };
  lines.push(`> ${withCodeSpans(report.narrative, narrativeText, codeSpan)}`, '');

  lines.push('## Principles', '');
  lines.push(`| # | Principle | Score | Band | | Evidence |${baseline ? ' Change |' : ''}`);
  lines.push(`|---:|---|---:|---|---|---|${baseline ? '---:|' : ''}`);
  for (const principle of report.principles) {
    const change = baseline ? ` ${deltaText(principleChange(report, principle.id))} |` : '';
    const band = `${BAND_LABEL[principle.band]}${principle.provisional ? ' (provisional)' : ''}`;
    lines.push(`| ${principle.number} | ${md(principle.title)} | ${scoreText(principle.score)} | ${band} | \`${bar(principle.score, 10)}\` | ${coverageText(principle)} |${change}`);
  }
  lines.push('');

  if (report.recommendations.length > 0) {
    lines.push('## Top recommendations', '');
    for (const recommendation of report.recommendations) {
      const practice = report.practices.find((p) => p.number === recommendation.practice)!;
      lines.push(`${recommendation.rank}. **#${practice.number} ${md(practice.title)}** (${BAND_LABEL[practice.band]}, ${scoreText(practice.score)}/100, priority ${recommendation.priority})  `);
      lines.push(`   Finding: ${md(practice.finding)} (${md(report.inputs.partnership.file)} line ${practice.location.line})  `);
      lines.push('   Do:', '');
      for (const step of recommendation.advice) lines.push(`   - ${prose(step)}`);
      lines.push('');
    }
  }

  if (report.disagreements.length > 0) {
    lines.push('## Where people disagree', '');
    for (const entry of report.disagreements) lines.push(`- **#${entry.practice} ${md(entry.title)}**: ${md(spreadText(entry, 'standard deviation'))}`);
    lines.push('');
  }

  if (report.discussion.length > 0) {
    lines.push('## Discussion guide', '');
    report.discussion.forEach((item, index) => {
      lines.push(`${index + 1}. **#${item.practice} ${md(item.title)}**: ${md(item.detail)}  `);
      lines.push(`   Ask the room: *${md(item.question)}*`);
    });
    lines.push('');
  }

  const survey = report.survey !== null;
  lines.push(`## All ${report.practices.length} practices`, '');
  lines.push(`| # | Practice | Score | Band | Evidence |${survey ? ' Survey | Signal |' : ''}${baseline ? ' Change |' : ''} Open findings |`);
  lines.push(`|---:|---|---:|---|---:|${survey ? '---:|---|' : ''}${baseline ? '---:|' : ''}---:|`);
  for (const practice of report.practices) {
    const surveyCells = survey ? ` ${surveyCell(practice.perception)} | ${signalText(practice)} |` : '';
    const change = baseline ? ` ${deltaText(practiceChange(report, practice.number))} |` : '';
    const open = openChecks(practice).length;
    const evidence = practice.notApplicable ? '-' : weightPercent(practice.coverage);
    const findings = open === 0 ? '-' : String(open);
    lines.push(`| ${practice.number} | ${md(practice.short)} | ${scoreText(practice.score)} | ${BAND_LABEL[practice.band]} | ${evidence} |${surveyCells}${change} ${findings} |`);
  }
  lines.push('', 'Evidence: the share of the practice\'s check weight the file describes; what it does not describe counts as 0. Open findings are listed below.', '');

  const withFindings = report.practices.filter((practice) => openChecks(practice).length > 0);
  if (withFindings.length > 0) {
    lines.push('## Findings', '', `Every check not met or partly met, critical ones first, with its line in ${md(report.inputs.partnership.file)}.`, '');
    for (const practice of withFindings) {
      lines.push(`### #${practice.number} ${md(practice.title)} (${BAND_LABEL[practice.band]}, ${scoreText(practice.score)}/100)`, '');
      for (const check of openChecks(practice)) lines.push(`- ${STATUS_MARK[check.status]} **${findingStatus(check)}**: ${md(findingText(check))}`);
      lines.push('');
    }
  }

  if (report.survey?.comments?.length) {
    lines.push('## What people wrote', '', 'Comments from the survey, by principle, in alphabetical order and without names.', '');
    for (const entry of report.survey.comments) {
      lines.push(`**${md(entry.title)}**`, '');
      for (const text of entry.texts) lines.push(`- ${md(text)}`);
      lines.push('');
    }
  }

  if (report.strengths.length > 0) {
    lines.push('## Strong: no more investment needed', '');
    lines.push(report.strengths.map((strength) => `#${strength.practice} ${md(report.practices.find((p) => p.number === strength.practice)!.short)}`).join(' · '), '');
  }
  if (report.notDescribed.length > 0) {
    lines.push('## Not described in the file', '', 'No evidence, no points: each counts as 0 until it is added. Add these to assess them:', '');
    for (const entry of report.notDescribed) lines.push(`- **#${entry.practice} ${md(entry.title)}**: add ${prose(entry.add.join('; '))}`);
    lines.push('');
  }
  if (report.placeholders.length > 0) {
    lines.push('## Placeholders', '', 'Fill these in: until then they count as not described.', '');
    for (const placeholder of report.placeholders) lines.push(`- line ${placeholder.line}: ${md(placeholder.path.join('.'))}: ${md(JSON.stringify(placeholder.value))}`);
    lines.push('');
  }
  const suppressed = report.practices.filter((practice) => practice.notApplicable !== null);
  if (suppressed.length > 0) {
    lines.push('## Deliberately not pursued', '', 'Left out of every score and its coverage:', '');
    for (const practice of suppressed) lines.push(`- **#${practice.number} ${md(practice.title)}**: ${md(practice.notApplicable!.reason)}`);
    lines.push('');
  }
  lines.push('---', '');
  lines.push(
    `<sub>${md(report.tool.name)} ${md(report.tool.version)} · ${md(report.inputs.partnership.file)} · inputs ${report.inputs.digest.slice(0, 12)}${report.survey ? ` · ${report.survey.respondents} survey respondents, groups under ${report.survey.minGroupSize} not shown apart` : ''}</sub>`,
    '',
  );
  return lines.join('\n');
}
