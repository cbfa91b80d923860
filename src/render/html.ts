/**
 * One self-contained HTML file a consultant can hand out: no scripts, fonts or
 * external styles (a Content-Security-Policy forbids them), a radar chart of the
 * principles, score bars with their coverage, the practice table with every open
 * finding, and the recommendations, printable.
 * All user-written text goes through escapeXml.
 */
import type { Band, Report } from '../model/report.js';
import { arrow, deltaText, practiceChange, principleChange } from './changes.js';
import { withCodeSpans } from '../text/code-spans.js';
import { htmlPage } from './html-page.js';
import {
  BAND_LABEL,
  coverageText,
  findingStatus,
  findingText,
  LABEL_NAMES,
  openChecks,
  scoreText,
  spreadText,
  reportCautions,
  surveyCell,
  TOO_FEW_ANSWERS,
  weightPercent,
} from './labels.js';
import { radarChart } from './svg/radar.js';
import { escapeXml as h } from '../text/xml-text.js';


const BAND_COLOUR: Record<Band, string> = {
  strong: 'var(--strong)',
  developing: 'var(--developing)',
  gap: 'var(--gap)',
  not_described: '#999',
  not_applicable: '#999',
};

export function renderHtml(report: Report): string {
  const { overall } = report;
  const title = `Partnership health: ${report.partnership.name}`;
  const sections = [
    header(report),
    summary(report),
    recommendations(report),
    disagreements(report),
    discussion(report),
    practiceTable(report),
    comments(report),
    strengthsAndGaps(report),
    footer(report),
  ];
  return htmlPage({
    title,
    generator: `${report.tool.name} ${report.tool.version}`,
    mainAttributes: ` data-overall-band="${overall.band}"`,
    body: sections.filter(Boolean),
  });
}

/** Rubric prose: escaped, with its `key` spans shown as code. */
function prose(text: string): string {
  return withCodeSpans(text, h, (literal) => `<code>${h(literal)}</code>`);
}

function badge(band: Band): string {
  return `<span class="badge bg-${band}">${h(BAND_LABEL[band])}</span>`;
}

function scoreBar(score: number | null, band: Band): string {
  const width = score === null ? 0 : Math.max(0, Math.min(100, score));
  return `<span class="bar" aria-hidden="true"><span style="width:${width.toFixed(1)}%;background:${BAND_COLOUR[band]}"></span></span>`;
}

function change(delta: number | null): string {
  if (delta === null) return '';
  const direction = delta > 0.5 ? 'up' : delta < -0.5 ? 'down' : '';
  return `<span class="${direction}">${arrow(delta)} ${h(deltaText(delta))}</span>`;
}

function header(report: Report): string {
  const { overall } = report;
  const baseline = report.baseline ? ` · ${change(report.baseline.overall.delta)} since ${h(report.baseline.asOf)}` : '';
  const cautions = reportCautions(report);
  return [
    '<header>',
    `<h1>${h(report.partnership.name)}</h1>`,
    `<p class="meta">Partnership health as of ${h(report.asOf)} · rubric ${h(report.rubric.id)} ${h(report.rubric.version)}${baseline}</p>`,
    '<div class="headline">',
    `<div class="overall bg-${overall.band}"><span class="score">${scoreText(overall.score)}</span><span>/100</span><span class="band">${h(BAND_LABEL[overall.band])}${overall.provisional ? ' (provisional)' : ''}</span></div>`,
    `<p class="coverage">${h(coverageText(overall))}</p>`,
    report.survey
      ? `<p class="muted">Evidence ${scoreText(overall.evidenceScore)} · survey ${overall.perception?.mean?.toFixed(1) ?? '-'} of 5 from ${report.survey.respondents} respondents · combined ${scoreText(overall.score)}</p>`
      : '',
    '</div>',
    ...cautions.map((caution) => `<p class="caution">${h(caution)}</p>`),
    `<p class="narrative">${prose(report.narrative)}</p>`,
    '</header>',
  ].join('\n');
}

function summary(report: Report): string {
  const axes = report.principles.map((principle) => ({
    label: `${principle.number} ${principle.short}`,
    score: principle.score,
    before: report.baseline ? (report.baseline.principles.find((entry) => entry.id === principle.id)?.before ?? null) : undefined,
  }));
  const rows = report.principles.map(
    (principle) =>
      `<tr><td class="num">${principle.number}</td><td>${h(principle.title)}<br><span class="coverage">${h(coverageText(principle))}</span></td>` +
      `<td>${scoreBar(principle.score, principle.band)}</td><td class="num">${scoreText(principle.score)}</td>` +
      `<td>${badge(principle.band)}${principle.provisional ? '<br><span class="muted">provisional</span>' : ''}</td>` +
      `${report.baseline ? `<td class="num">${change(principleChange(report, principle.id))}</td>` : ''}</tr>`,
  );
  return [
    '<section class="summary">',
    `<div>${radarChart(axes, `Principle scores of ${report.partnership.name}${report.baseline ? ` (dashed: ${report.baseline.asOf})` : ''}`)}</div>`,
    '<div><table class="principles"><thead><tr><th class="num">#</th><th>Principle</th><th></th><th class="num">Score</th><th>Band</th>' +
      `${report.baseline ? '<th class="num">Change</th>' : ''}</tr></thead><tbody>`,
    ...rows,
    '</tbody></table></div>',
    '</section>',
  ].join('\n');
}

function recommendations(report: Report): string {
  if (report.recommendations.length === 0) return '';
  const items = report.recommendations.map((recommendation) => {
    const practice = report.practices.find((p) => p.number === recommendation.practice)!;
    return (
      `<li><strong>#${practice.number} ${h(practice.title)}</strong> ${badge(practice.band)} <span class="muted">${scoreText(practice.score)}/100 · priority ${recommendation.priority}</span>` +
      `<br><span class="finding">Finding: ${h(practice.finding)} (line ${practice.location.line})</span>` +
      `<ul class="advice">${recommendation.advice.map((step) => `<li>${prose(step)}</li>`).join('')}</ul></li>`
    );
  });
  return ['<section>', `<h2>Top ${report.recommendations.length} recommendations</h2>`, '<ol class="recommendations">', ...items, '</ol>', '</section>'].join('\n');
}

function disagreements(report: Report): string {
  if (report.disagreements.length === 0) return '';
  const items = report.disagreements.map((entry) => `<li><strong>#${entry.practice} ${h(entry.title)}</strong>: ${h(spreadText(entry, 'standard deviation'))}</li>`);
  return ['<section>', '<h2>Where people disagree</h2>', '<ul>', ...items, '</ul>', '</section>'].join('\n');
}

function discussion(report: Report): string {
  if (report.discussion.length === 0) return '';
  const items = report.discussion.map(
    (item) => `<li><strong>#${item.practice} ${h(item.title)}</strong>: ${h(item.detail)}<br>Ask the room: <em>${h(item.question)}</em></li>`,
  );
  return ['<section>', '<h2>Discussion guide</h2>', '<ol>', ...items, '</ol>', '</section>'].join('\n');
}

function practiceTable(report: Report): string {
  const survey = report.survey !== null;
  const baseline = report.baseline !== null;
  const head =
    '<tr><th class="num">#</th><th>Practice</th><th class="hide-narrow"></th><th class="num">Score</th><th>Band</th><th class="num">Evidence</th>' +
    `${survey ? '<th class="num">Survey</th><th>Signal</th>' : ''}${baseline ? '<th class="num">Change</th>' : ''}<th>Open findings</th></tr>`;
  const rows = report.practices.map((practice) => {
    const signals = practice.tooFewAnswers
      ? `<span class="muted">${h(TOO_FEW_ANSWERS)}</span>`
      : practice.labels.map((label) => `<span class="signal">${h(LABEL_NAMES[label])}</span>`).join('');
    return (
      `<tr id="practice-${practice.number}"><td class="num">${practice.number}</td><td>${h(practice.title)}</td><td class="hide-narrow">${scoreBar(practice.score, practice.band)}</td>` +
      `<td class="num">${scoreText(practice.score)}</td><td>${badge(practice.band)}</td>` +
      `<td class="num">${practice.notApplicable ? '-' : weightPercent(practice.coverage)}</td>` +
      `${survey ? `<td class="num">${h(surveyCell(practice.perception))}</td><td>${signals}</td>` : ''}` +
      `${baseline ? `<td class="num">${change(practiceChange(report, practice.number))}</td>` : ''}` +
      `<td>${findingsCell(practice)}</td></tr>`
    );
  });
  return [
    '<section>',
    `<h2>All ${report.practices.length} practices</h2>`,
    '<p class="muted">Evidence: the share of each practice\'s check weight the file describes; what it does not describe counts as 0. Every check not met or partly met is listed, critical ones first, with its line in the file.</p>',
    `<table class="practices"><thead>${head}</thead><tbody>`,
    ...rows,
    '</tbody></table>',
    '</section>',
  ].join('\n');
}

function findingsCell(practice: Report['practices'][number]): string {
  if (practice.notApplicable) return h(`not pursued: ${practice.notApplicable.reason}`);
  const open = openChecks(practice);
  if (open.length === 0) return `<span class="muted">${h(practice.finding)}</span>`;
  const items = open.map(
    (check) => `<li class="status-${check.status}"><span class="status">${h(findingStatus(check))}</span> ${h(findingText(check))}</li>`,
  );
  return `<ul class="findings">${items.join('')}</ul>`;
}

function comments(report: Report): string {
  const entries = report.survey?.comments;
  if (!entries?.length) return '';
  const parts = ['<section>', '<h2>What people wrote</h2>', '<p class="muted">Comments from the survey, by principle, in alphabetical order and without names.</p>'];
  for (const entry of entries) parts.push(`<h3>${h(entry.title)}</h3>`, '<ul>', ...entry.texts.map((text) => `<li>${h(text)}</li>`), '</ul>');
  parts.push('</section>');
  return parts.join('\n');
}

function strengthsAndGaps(report: Report): string {
  const parts: string[] = [];
  if (report.strengths.length > 0) {
    const items = report.strengths.map((strength) => `#${strength.practice} ${h(report.practices.find((p) => p.number === strength.practice)!.short)}`);
    parts.push('<h2>Strong: no more investment needed</h2>', `<p>${items.join(' · ')}</p>`);
  }
  if (report.notDescribed.length > 0) {
    parts.push('<h2>Not described in the file</h2>', '<p class="muted">No evidence, no points: each counts as 0 until it is added. Add these to assess them:</p>', '<ul>');
    for (const entry of report.notDescribed) parts.push(`<li><strong>#${entry.practice} ${h(entry.title)}</strong>: add ${prose(entry.add.join('; '))}</li>`);
    parts.push('</ul>');
  }
  if (report.placeholders.length > 0) {
    parts.push('<h2>Placeholders</h2>', '<p class="muted">Fill these in: until then they count as not described.</p>', '<ul>');
    for (const placeholder of report.placeholders) parts.push(`<li>line ${placeholder.line}: <code>${h(placeholder.path.join('.'))}</code>: ${h(JSON.stringify(placeholder.value))}</li>`);
    parts.push('</ul>');
  }
  const suppressed = report.practices.filter((practice) => practice.notApplicable !== null);
  if (suppressed.length > 0) {
    parts.push('<h2>Deliberately not pursued</h2>', '<p class="muted">Left out of every score and its coverage.</p>', '<ul>');
    for (const practice of suppressed) parts.push(`<li><strong>#${practice.number} ${h(practice.title)}</strong>: ${h(practice.notApplicable!.reason)}</li>`);
    parts.push('</ul>');
  }
  return parts.length > 0 ? ['<section>', ...parts, '</section>'].join('\n') : '';
}

function footer(report: Report): string {
  const survey = report.survey ? ` · ${report.survey.respondents} survey respondents; groups smaller than ${report.survey.minGroupSize} are never shown apart` : '';
  return `<footer>${h(report.tool.name)} ${h(report.tool.version)} · ${h(report.inputs.partnership.file)} · inputs ${h(report.inputs.digest.slice(0, 12))}${survey}</footer>`;
}
