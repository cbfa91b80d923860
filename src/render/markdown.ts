/**
 * Markdown for a pull-request comment or a wiki page: the story first, then the
 * principles, the top recommendations, disagreements and all 27 practices. Every
 * piece of user-written text goes through escapeMarkdown.
 */
import type { Report } from '../model/report.js';
import { deltaText, practiceChange, principleChange } from './changes.js';
import { withCodeSpans } from './code-spans.js';
import { BAND_LABEL, bar, labelList, scoreText, spreadText, surveyCell } from './labels.js';
import { escapeMarkdown as md } from './markdown-text.js';

/** Rubric prose: escaped, with its `key` spans kept as code spans. */
function prose(text: string): string {
  return withCodeSpans(text, md, (literal) => `\`${literal.replace(/[\r\n]+/g, ' ')}\``);
}

export function renderMarkdown(report: Report): string {
  const lines: string[] = [];
  const { overall } = report;
  const withBaseline = report.baseline !== null;
  lines.push(`# Partnership health: ${md(report.partnership.name)}`, '');
  lines.push(
    `As of ${report.asOf} · rubric ${md(report.rubric.id)} ${md(report.rubric.version)} · overall **${scoreText(overall.score)}/100, ${BAND_LABEL[overall.band]}**` +
      `${overall.provisional ? ' (provisional)' : ''} · evidence for ${overall.described} of ${overall.total} practices` +
      (report.baseline ? ` · ${deltaText(report.baseline.overall.delta)} since ${md(report.baseline.asOf)}` : ''),
    '',
  );
  lines.push(`> ${md(report.narrative, 'line-start')}`, '');

  lines.push('## Principles', '');
  lines.push(`| # | Principle | Score | Band | |${withBaseline ? ' Change |' : ''}`);
  lines.push(`|---:|---|---:|---|---|${withBaseline ? '---:|' : ''}`);
  for (const principle of report.principles) {
    const change = withBaseline ? ` ${deltaText(principleChange(report, principle.id))} |` : '';
    lines.push(`| ${principle.number} | ${md(principle.title)} | ${scoreText(principle.score)} | ${BAND_LABEL[principle.band]} | \`${bar(principle.score, 10)}\` |${change}`);
  }
  lines.push('');

  if (report.recommendations.length > 0) {
    lines.push('## Top recommendations', '');
    for (const recommendation of report.recommendations) {
      const practice = report.practices.find((p) => p.number === recommendation.practice)!;
      lines.push(`${recommendation.rank}. **#${practice.number} ${md(practice.title)}** (${BAND_LABEL[practice.band]}, ${scoreText(practice.score)}/100, priority ${recommendation.priority})  `);
      lines.push(`   Finding: ${md(practice.finding)} (${md(report.inputs.partnership.file)} line ${practice.location.line})  `);
      lines.push(`   Do: ${prose(recommendation.action)}`);
    }
    lines.push('');
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
  lines.push(`| # | Practice | Score | Band |${survey ? ' Survey | Signal |' : ''}${withBaseline ? ' Change |' : ''} Finding |`);
  lines.push(`|---:|---|---:|---|${survey ? '---:|---|' : ''}${withBaseline ? '---:|' : ''}---|`);
  for (const practice of report.practices) {
    const surveyCells = survey ? ` ${surveyCell(practice.perception)} | ${labelList(practice.labels)} |` : '';
    const change = withBaseline ? ` ${deltaText(practiceChange(report, practice.number))} |` : '';
    lines.push(`| ${practice.number} | ${md(practice.short)} | ${scoreText(practice.score)} | ${BAND_LABEL[practice.band]} |${surveyCells}${change} ${md(practice.finding)} |`);
  }
  lines.push('');

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
    lines.push('## Not described in the file', '', 'Not scored; add these to assess them:', '');
    for (const entry of report.notDescribed) lines.push(`- **#${entry.practice} ${md(entry.title)}**: add ${prose(entry.add.join('; '))}`);
    lines.push('');
  }
  const suppressed = report.practices.filter((practice) => practice.notApplicable !== null);
  if (suppressed.length > 0) {
    lines.push('## Deliberately not pursued', '');
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
