/**
 * One self-contained HTML file a consultant can hand out: no scripts, fonts or
 * external styles (a Content-Security-Policy forbids them). Page one holds the score,
 * the story, the radar of evidence against perception and the top actions; then a card
 * per practice at a glance, how people answered and how groups answered, and every
 * practice with its open findings. It reads on a phone (nothing wider than the screen)
 * and prints on A4 without splitting a practice.
 *
 * The partner audience (docs/handout.md) reads plain words: no YAML paths, no line
 * numbers, no priority figures; the coordinator audience keeps them. Both come from the
 * same report object. All user-written text goes through escapeXml.
 */
import type { Audience } from '../model/formats.js';
import { practiceDocUrl } from '../model/practice-docs.js';
import type { Band, Report } from '../model/report.js';
import { change, practiceCards } from './html-practices.js';
import { htmlPage } from './html-page.js';
import { withCodeSpans } from '../text/code-spans.js';
import { BAND_LABEL, coverageText, findingStatus, LABEL_NAMES, openChecks, reportCautions, scoreText, spreadText, surveyCell, TOO_FEW_ANSWERS, weightPercent } from './labels.js';
import type { RenderOptions } from './options.js';
import { findingFor, plainField } from './plain-words.js';
import { answerDistribution } from './svg/answer-distribution.js';
import { groupHeatmap } from './svg/group-heatmap.js';
import { perceptionRadar } from './svg/perception-radar.js';
import { principleChange } from './changes.js';
import { escapeXml as h } from '../text/xml-text.js';

/** The report does not carry the rubric's answer words, so the legend names the ends of the 1-5 scale only, as the group charts do. */
const SCALE_WORDS = { scale: ['strongly disagree', '', '', '', 'strongly agree'], dontKnow: "don't know" };

export function renderHtml(report: Report, options: Pick<RenderOptions, 'audience'> = { audience: 'partners' }): string {
  const { audience } = options;
  const sections = [
    pageOne(report, audience),
    practiceCards(report),
    survey(report),
    practiceDetails(report, audience),
    comments(report),
    strengthsAndGaps(report, audience),
    footer(report, audience),
  ];
  return htmlPage({
    title: `Partnership health: ${report.partnership.name}`,
    generator: `${report.tool.name} ${report.tool.version}`,
    mainAttributes: ` data-overall-band="${report.overall.band}" data-audience="${audience}"`,
    body: sections.filter(Boolean),
  });
}

/** Rubric prose (advice, the narrative): escaped; its `key` spans shown as code for the coordinator and as plain names for partners. */
function prose(text: string, audience: Audience): string {
  return withCodeSpans(text, h, (literal) => (audience === 'coordinator' ? `<code>${h(literal)}</code>` : `<em class="field">${h(plainField(literal))}</em>`));
}

export function badge(band: Band): string {
  return `<span class="badge bg-${band}">${h(BAND_LABEL[band])}</span>`;
}

function pageOne(report: Report, audience: Audience): string {
  const { overall } = report;
  const baseline = report.baseline ? ` · ${change(report.baseline.overall.delta)} since ${h(report.baseline.asOf)}` : '';
  const surveyLine = report.survey
    ? `<p class="muted">Evidence in the file ${scoreText(overall.evidenceScore)} · survey ${overall.perception?.mean?.toFixed(1) ?? '-'} of 5 from ${report.survey.respondents} people · together ${scoreText(overall.score)}</p>`
    : '';
  return [
    '<section class="page-one">',
    '<header>',
    `<h1>${h(report.partnership.name)}</h1>`,
    `<p class="meta">Partnership health as of ${h(report.asOf)} · rubric ${h(report.rubric.id)} ${h(report.rubric.version)}${baseline}</p>`,
    '<div class="headline">',
    `<div class="overall bg-${overall.band}"><span class="score">${scoreText(overall.score)}</span><span>/100</span><span class="band">${h(BAND_LABEL[overall.band])}${overall.provisional ? ' (provisional)' : ''}</span></div>`,
    `<div><p class="coverage">${h(coverageText(overall))}</p>${surveyLine}</div>`,
    '</div>',
    ...reportCautions(report, audience).map((caution) => `<p class="caution">${h(caution)}</p>`),
    `<p class="narrative">${prose(report.narrative, audience)}</p>`,
    '</header>',
    summary(report),
    recommendations(report, audience),
    '</section>',
  ].join('\n');
}

function summary(report: Report): string {
  const name = report.partnership.name;
  const before = report.baseline ? report.principles.map((principle) => report.baseline!.principles.find((entry) => entry.id === principle.id)?.before ?? null) : undefined;
  const radar = perceptionRadar(report.principles, report.scoring.bands, `Principle scores of ${name}: evidence in the file${report.survey ? ' and what people say' : ''}`, {
    perception: report.survey !== null,
    ...(before ? { before: { values: before, name: `Score on ${report.baseline!.asOf}` } } : {}),
  });
  const fullCoverage = report.overall.coverage === 1 && report.overall.described === report.overall.total;
  const rows = report.principles.map(
    (principle) =>
      `<li class="principle"><span class="num">${principle.number}</span><span class="name">${h(principle.title)}${principle.provisional ? ' <span class="muted">(provisional)</span>' : ''}</span>` +
      `<span class="score">${scoreText(principle.score)}</span>${badge(principle.band)}` +
      `${report.baseline ? `<span class="change">${change(principleChange(report, principle.id))}</span>` : ''}` +
      // Full coverage is already said once for the whole file, above; a principle only says so when it falls short.
      `${principle.coverage < 1 || principle.described < principle.total || !fullCoverage ? `<span class="coverage">${h(coverageText(principle))}</span>` : ''}</li>`,
  );
  return ['<section class="summary">', `<div class="radar">${radar}</div>`, '<ul class="principles">', ...rows, '</ul>', '</section>'].join('\n');
}

function recommendations(report: Report, audience: Audience): string {
  if (report.recommendations.length === 0) return '';
  const items = report.recommendations.map((recommendation) => {
    const practice = report.practices.find((p) => p.number === recommendation.practice)!;
    const priority = audience === 'coordinator' ? ` · priority ${recommendation.priority}` : '';
    const line = audience === 'coordinator' ? ` (line ${practice.location.line})` : '';
    return (
      `<li><strong>#${practice.number} ${h(practice.title)}</strong> ${badge(practice.band)} <span class="muted">${scoreText(practice.score)}/100${priority}</span>` +
      `<br><span class="finding">${h(practice.finding)}${line}</span>` +
      `<ul class="advice">${recommendation.advice.map((step) => `<li>${prose(step, audience)}</li>`).join('')}</ul></li>`
    );
  });
  return ['<section class="actions">', `<h2>Top ${report.recommendations.length} actions</h2>`, '<ol class="recommendations">', ...items, '</ol>', '</section>'].join('\n');
}

function survey(report: Report): string {
  if (!report.survey) return '';
  const name = report.partnership.name;
  const parts = ['<section class="survey">', '<h2>How people answered</h2>'];
  parts.push(
    '<p class="muted">One bar per statement: disagreement to the left of the centre line, agreement to the right, the neutral middle split across it. A bar that leans one way is agreement in the room; weight on both sides is a split.</p>',
    `<div class="chart">${answerDistribution(report, SCALE_WORDS, `How people answered each statement: ${name}`)}</div>`,
  );
  if (report.disagreements.length > 0) {
    parts.push('<h3>Where people disagree</h3>', '<ul class="compact">');
    for (const entry of report.disagreements) parts.push(`<li><strong>#${entry.practice} ${h(entry.title)}</strong>: ${h(spreadText(entry, 'standard deviation'))}</li>`);
    parts.push('</ul>');
  }
  parts.push(
    '<h3>By group</h3>',
    `<div class="chart heatmap">${groupHeatmap(report, `Mean answer by group and practice: ${name}`)}</div>`,
  );
  if (report.discussion.length > 0) {
    parts.push('<h3>Discussion guide</h3>', '<ol class="compact">');
    for (const item of report.discussion) parts.push(`<li><strong>#${item.practice} ${h(item.title)}</strong>: ${h(item.detail)}. Ask the room: <em>${h(item.question)}</em></li>`);
    parts.push('</ol>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

function practiceDetails(report: Report, audience: Audience): string {
  const items = report.practices.map((practice) => {
    const signals = !practice.perception
      ? ''
      : practice.tooFewAnswers
        ? `<span class="muted">${h(TOO_FEW_ANSWERS)}</span>`
        : practice.labels.map((label) => `<span class="signal">${h(LABEL_NAMES[label])}</span>`).join('');
    const facts = [
      `<span class="score band-${practice.band}">${scoreText(practice.score)}</span>`,
      badge(practice.band),
      // Full evidence is the usual case; only a share short of it is worth a reader's attention.
      practice.notApplicable || practice.coverage === 1 ? '' : `<span class="muted">evidence for ${weightPercent(practice.coverage)}</span>`,
      practice.perception ? `<span class="muted">survey ${h(surveyCell(practice.perception))}</span>` : '',
      report.baseline ? change(report.baseline.practices.find((entry) => entry.number === practice.number)?.delta ?? null) : '',
      signals,
    ].filter(Boolean);
    return (
      `<article class="practice" id="practice-${practice.number}"><h3><a href="${h(practiceDocUrl(practice, report.tool.version))}">#${practice.number} ${h(practice.title)}</a></h3> ` +
      `<span class="facts">${facts.join(' ')}</span>${findings(practice, audience)}</article>`
    );
  });
  const lines = audience === 'coordinator' ? ', with its line in the file' : '';
  return [
    '<section class="details">',
    `<h2>Every practice</h2>`,
    `<p class="muted">Survey: mean answer out of 5 ± how far answers spread. Evidence is named where the file describes only part of a practice (what it leaves out counts as 0). Every check not met or partly met is listed, critical ones first${lines}. Each title links to the page that explains the practice.</p>`,
    '<div class="practices">',
    ...items,
    '</div>',
    '</section>',
  ].join('\n');
}

function findings(practice: Report['practices'][number], audience: Audience): string {
  if (practice.notApplicable) return `<p class="muted">${h(`Not pursued: ${practice.notApplicable.reason}`)}</p>`;
  const open = openChecks(practice);
  if (open.length === 0) return `<p class="muted">${h(practice.finding)}</p>`;
  const items = open.map((check) => `<li class="status-${check.status}"><span class="status">${h(findingStatus(check))}</span> ${h(findingFor(check, audience))}</li>`);
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

function strengthsAndGaps(report: Report, audience: Audience): string {
  const parts: string[] = [];
  if (report.strengths.length > 0) {
    const items = report.strengths.map((strength) => `#${strength.practice} ${h(report.practices.find((p) => p.number === strength.practice)!.short)}`);
    // On paper the cards already show every strong practice: the list is for the screen.
    parts.push('<div class="strengths">', '<h2>Strong: no more investment needed</h2>', `<p>${items.join(' · ')}</p>`, '</div>');
  }
  if (report.notDescribed.length > 0) {
    parts.push('<h2>Not described in the file</h2>', '<p class="muted">No evidence, no points: each counts as 0 until it is added. Add these to assess them:</p>', '<ul>');
    for (const entry of report.notDescribed) parts.push(`<li><strong>#${entry.practice} ${h(entry.title)}</strong>: add ${prose(entry.add.join('; '), audience)}</li>`);
    parts.push('</ul>');
  }
  if (report.placeholders.length > 0) {
    parts.push('<h2>Placeholders</h2>', '<p class="muted">Fill these in: until then they count as not described.</p>', '<ul>');
    for (const placeholder of report.placeholders) {
      const where = audience === 'coordinator' ? `line ${placeholder.line}: <code>${h(placeholder.path.join('.'))}</code>` : h(plainField(placeholder.path.filter((key) => typeof key === 'string').join('.')));
      parts.push(`<li>${where}: ${h(JSON.stringify(placeholder.value))}</li>`);
    }
    parts.push('</ul>');
  }
  const suppressed = report.practices.filter((practice) => practice.notApplicable !== null);
  if (suppressed.length > 0) {
    parts.push('<h2>Deliberately not pursued</h2>', '<p class="muted">Left out of every score and its coverage.</p>', '<ul>');
    for (const practice of suppressed) parts.push(`<li><strong>#${practice.number} ${h(practice.title)}</strong>: ${h(practice.notApplicable!.reason)}</li>`);
    parts.push('</ul>');
  }
  return parts.length > 0 ? ['<section class="rest">', ...parts, '</section>'].join('\n') : '';
}

function footer(report: Report, audience: Audience): string {
  const survey = report.survey ? ` · ${report.survey.respondents} survey respondents; groups smaller than ${report.survey.minGroupSize} are never shown apart` : '';
  const inputs = audience === 'coordinator' ? ` · ${h(report.inputs.partnership.file)} · inputs ${h(report.inputs.digest.slice(0, 12))}` : '';
  return `<footer>${h(report.tool.name)} ${h(report.tool.version)}${inputs}${survey}</footer>`;
}
