/**
 * The projector's results: the report `pes assess --responses DIR` builds, through
 * the same two calls (aggregateResponses, then buildReport), drawn as the charts and
 * lists the room looks at. Every text goes through the HTML escaper here, on the
 * server; the page only swaps these fragments in.
 */
import { buildReport, type ReportInputs } from '../assess/report.js';
import type { LoadedPartnership } from '../load/partnership.js';
import type { IsoDate } from '../model/dates.js';
import type { Report } from '../model/report.js';
import type { SurveyResponse } from '../model/responses.js';
import type { Rubric } from '../model/rubric.js';
import { withCodeSpans } from '../text/code-spans.js';
import { BAND_LABEL, scoreText } from '../render/labels.js';
import { answerDistribution } from '../render/svg/answer-distribution.js';
import { groupGaps } from '../render/svg/group-gaps.js';
import { perceptionRadar } from '../render/svg/perception-radar.js';
import { escapeXml as h } from '../text/xml-text.js';
import { aggregateResponses } from '../survey/aggregate.js';
import { groupNamer } from '../survey/group-names.js';
import type { ProjectorResults } from './protocol.js';

export interface ReportContext {
  rubric: Rubric;
  loaded: LoadedPartnership;
  asOf: IsoDate;
  minGroupSize: number;
  /** Practices the config's `suppress` takes out, as `pes assess` reads it. */
  notApplicable: ReadonlyMap<string, string>;
  inputs: ReportInputs;
  tool: { name: string; version: string };
}

/** The assess report of these responses. Comments stay out, as they do in `pes assess` unless asked for: a room is small enough to guess who wrote what. */
export function workshopReport(context: ReportContext, responses: readonly SurveyResponse[]): Report {
  const { rubric, loaded } = context;
  return buildReport({
    rubric,
    partnership: loaded.partnership,
    locate: loaded.source.locate,
    placeholders: loaded.placeholders,
    asOf: context.asOf,
    inputs: context.inputs,
    tool: context.tool,
    survey: aggregateResponses(rubric, responses, context.minGroupSize, groupNamer(loaded.partnership), false),
    notApplicable: context.notApplicable,
  });
}

/** The report and the projector's drawing of it. */
export interface Built {
  report: Report;
  results: ProjectorResults;
}

export function buildResults(context: ReportContext, responses: readonly SurveyResponse[]): Built {
  const report = workshopReport(context, responses);
  return { report, results: projectorResults(report, context.rubric) };
}

const REASONS: Record<Report['discussion'][number]['reason'], string> = {
  paper_only: 'On paper, not in practice',
  divergent: 'People disagree',
  low_perception: 'Rated low',
};

export function projectorResults(report: Report, rubric: Rubric): ProjectorResults {
  const name = report.partnership.name;
  return {
    headline: headline(report),
    radar: perceptionRadar(report.principles, report.scoring.bands, `Evidence and experience by principle: ${name}`),
    distribution: answerDistribution(report, { scale: rubric.survey.scale, dontKnow: rubric.survey.dont_know }, `How people answered each statement: ${name}`),
    groups: `${groupGaps(report, `Where groups disagree: ${name}`)}${groupsShown(report)}`,
    signals: signals(report),
    discussion: discussion(report),
    steps: report.discussion.map((item, index) => step(item, index, report.discussion.length)),
  };
}

function headline(report: Report): string {
  const { overall, survey } = report;
  const perception = overall.perception?.mean;
  return [
    `<div class="headline">`,
    `<div class="overall bg-${overall.band}"><span class="score">${scoreText(overall.score)}</span><span class="of">/100</span><span class="band">${h(BAND_LABEL[overall.band])}${overall.provisional ? ' (provisional)' : ''}</span></div>`,
    `<dl class="figures">`,
    `<div><dt>Evidence</dt><dd>${scoreText(overall.evidenceScore)}</dd></div>`,
    `<div><dt>Survey</dt><dd>${perception == null ? '-' : `${perception.toFixed(1)}<small> of 5</small>`}</dd></div>`,
    `<div><dt>Respondents</dt><dd>${survey?.respondents ?? 0}<small> (${survey?.complete ?? 0} complete)</small></dd></div>`,
    `</dl>`,
    `</div>`,
    // The narrative quotes rubric advice, whose `key` spans are file keys: shown as code, as the HTML report does.
    `<p class="narrative">${withCodeSpans(report.narrative, h, (literal) => `<code>${h(literal)}</code>`)}</p>`,
  ].join('');
}

/** Which groups the breakdowns show, and how many people were pooled or withheld: the suppression, stated. */
function groupsShown(report: Report): string {
  if (!report.survey) return '';
  const lines = report.survey.dimensions.map((dimension) => {
    const groups = dimension.shown.map((group) => `${group.group} (${group.respondents})`).join(', ');
    const shown = groups === '' ? `not shown: no two groups of at least ${report.survey!.minGroupSize} people` : groups;
    const withheld = dimension.withheld > 0 && groups !== '' ? `; ${dimension.withheld} in smaller groups are pooled` : '';
    return `<li><strong>By ${h(dimension.dimension)}:</strong> ${h(shown)}${h(withheld)}</li>`;
  });
  return `<ul class="dimensions">${lines.join('')}</ul><p class="muted">A group is shown only with at least ${report.survey.minGroupSize} people, as in pes assess.</p>`;
}

function signals(report: Report): string {
  const paperOnly = report.practices.filter((practice) => practice.labels.includes('paper_only'));
  const hidden = report.practices.filter((practice) => practice.labels.includes('hidden_strength'));
  const item = (practice: Report['practices'][number]) =>
    `<li data-practice="${practice.number}"><strong>#${practice.number} ${h(practice.title)}</strong><span class="muted">evidence ${scoreText(practice.evidence.score)}${practice.evidence.score === null ? ' (not described)' : '/100'} · people ${practice.perception?.mean?.toFixed(1) ?? '-'} of 5</span></li>`;
  const list = (entries: Report['practices'], none: string) => (entries.length > 0 ? `<ul class="signals">${entries.map(item).join('')}</ul>` : `<p class="muted">${h(none)}</p>`);
  return [
    '<div class="signal-columns">',
    '<div><h3>Paper only</h3><p class="muted">In the file, but people do not experience it.</p>',
    list(paperOnly, 'None: where the file shows a practice in place, people experience it too.'),
    '</div>',
    '<div><h3>Hidden strengths</h3><p class="muted">People experience it, but the file shows nothing.</p>',
    list(hidden, 'None: nothing people rate highly is missing from the file.'),
    '</div>',
    '</div>',
  ].join('');
}

function discussion(report: Report): string {
  if (report.discussion.length === 0) return '<p class="muted">No answers to discuss yet.</p>';
  const items = report.discussion.map(
    (item) =>
      `<li data-practice="${item.practice}"><strong>#${item.practice} ${h(item.title)}</strong> <span class="reason">${h(REASONS[item.reason])}</span><br>` +
      `<span class="muted">${h(item.detail)}</span><br>Ask the room: <em>${h(item.question)}</em></li>`,
  );
  return `<ol class="guide">${items.join('')}</ol>`;
}

function step(item: Report['discussion'][number], index: number, total: number): string {
  return [
    `<p class="step-count">Question ${index + 1} of ${total} · ${h(REASONS[item.reason])}</p>`,
    `<h2>#${item.practice} ${h(item.title)}</h2>`,
    `<p class="step-detail">${h(item.detail)}</p>`,
    `<p class="step-question">${h(item.question)}</p>`,
  ].join('');
}
