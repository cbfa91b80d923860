/**
 * `pes trend --format html`: the line chart over the band zones, the principle table,
 * each practice's score and band per assessment (grouped by principle), and the survey
 * means over time. One self-contained page, like the report.
 */
import type { PerceptionSeries, Trend } from '../assess/trend.js';
import { deltaText } from './changes.js';
import { htmlPage } from './html-page.js';
import { BAND_LABEL, scoreText } from './labels.js';
import { lineChart } from './svg/line-chart.js';
import { meanDeltaText, meanText, PERCEPTION_NOTE, trendCautions } from './trend-text.js';
import { escapeXml as h } from '../text/xml-text.js';

const STYLE = [
  ' svg.trend { width: 100%; height: auto; max-width: 900px; display: block; } svg .tick, svg .legend { font-size: 12px; fill: var(--ink); }',
  ' .wide { overflow-x: auto; } table.history td.cell { white-space: nowrap; } table.history tr.group th { text-transform: none; letter-spacing: 0; font-size: 13px; color: var(--ink); background: var(--tint); }',
  ' .badge.bg-not_described, .badge.bg-not_applicable { background: #888; }',
].join('');

export function trendHtml(trend: Trend): string {
  const dates = trend.points.map((point) => point.asOf);
  const dateHeads = dates.map((date) => `<th class="num">${h(date)}</th>`).join('');
  const chart = lineChart(
    dates,
    [trend.overall, ...trend.principles].map((entry) => ({
      label: entry.number === null ? 'Overall' : `${entry.number} ${entry.short}`,
      title: entry.number === null ? 'Overall' : `${entry.number} ${entry.title}`,
      scores: entry.scores,
      emphasis: entry.number === null,
    })),
    `Partnership health of ${trend.partnership} over time, over the band zones`,
    trend.bands,
  );
  const principleRows = [trend.overall, ...trend.principles].map(
    (entry) =>
      `<tr><td>${entry.number === null ? `<strong>${h(entry.title)}</strong>` : `${entry.number}. ${h(entry.title)}`}</td>` +
      `${entry.scores.map((score) => `<td class="num">${scoreText(score)}</td>`).join('')}<td class="num">${h(deltaText(entry.sinceFirst))}</td></tr>`,
  );

  const practiceGroups = trend.principles.map((principle) => {
    const members = trend.practices.filter((practice) => practice.principle === principle.id);
    if (members.length === 0) return '';
    const rows = members.map((practice) => {
      const cells = practice.scores.map((score, index) => {
        const band = practice.bands[index] ?? null;
        const text = score === null ? BAND_LABEL[band ?? 'not_described'] : `${scoreText(score)} ${BAND_LABEL[band ?? 'not_described']}`;
        return band === null ? '<td class="cell num">-</td>' : `<td class="cell num"><span class="badge bg-${band}">${h(text)}</span></td>`;
      });
      return (
        `<tr><td class="num">${practice.number}</td><td>${h(practice.title)}</td>${cells.join('')}` +
        `<td class="num">${h(deltaText(practice.sinceFirst))}</td><td class="num">${h(deltaText(practice.sincePrevious))}</td></tr>`
      );
    });
    return `<tbody><tr class="group"><th colspan="${dates.length + 4}">${principle.number}. ${h(principle.title)}</th></tr>${rows.join('')}</tbody>`;
  });

  const perception = trend.perception ? perceptionSection(trend, [trend.perception.overall, ...trend.perception.principles], dateHeads) : [];
  const cautions = trendCautions(trend).map((caution) => `<p class="caution">${h(caution)}</p>`);

  return htmlPage({
    title: `${trend.partnership}: partnership health over time`,
    extraStyle: STYLE,
    body: [
      `<h1>${h(trend.partnership)}</h1>`,
      `<p class="meta">Partnership health over ${trend.points.length} assessments, ${h(dates[0]!)} to ${h(dates.at(-1)!)}. ` +
        `Bands: strong from ${trend.bands.strong}, developing from ${trend.bands.developing}, gap below.</p>`,
      ...cautions,
      chart,
      '<h2>Principles</h2>',
      `<div class="wide"><table class="principles"><thead><tr><th></th>${dateHeads}<th class="num">Since first</th></tr></thead><tbody>`,
      ...principleRows,
      '</tbody></table></div>',
      `<h2>All ${trend.practices.length} practices</h2>`,
      `<div class="wide"><table class="history"><thead><tr><th class="num">#</th><th>Practice</th>${dateHeads}<th class="num">Since first</th><th class="num">Since previous</th></tr></thead>`,
      ...practiceGroups,
      '</table></div>',
      ...perception,
      `<footer>${trend.points.map((point) => `${h(point.asOf)}: ${h(point.file)}`).join(' · ')}</footer>`,
    ],
  });
}

function perceptionSection(trend: Trend, rows: readonly PerceptionSeries[], dateHeads: string): string[] {
  const respondents = trend.points.map((point) => `<td class="num">${point.respondents === null ? '-' : point.respondents}</td>`).join('');
  const body = rows.map((entry) => {
    const label = entry.number === null ? `<strong>${h(entry.title)}</strong>` : `${entry.number}. ${h(entry.title)}`;
    const cells = entry.means.map((mean, index) => `<td class="num">${mean === null ? '-' : `${meanText(mean)} <span class="muted">(${entry.answers[index]})</span>`}</td>`);
    return `<tr><td>${label}</td>${cells.join('')}<td class="num">${h(meanDeltaText(entry.sinceFirst))}</td></tr>`;
  });
  return [
    '<h2>What people said</h2>',
    `<div class="wide"><table class="perception"><thead><tr><th></th>${dateHeads}<th class="num">Change</th></tr></thead><tbody>`,
    `<tr><td>Respondents</td>${respondents}<td></td></tr>`,
    ...body,
    '</tbody></table></div>',
    `<p class="muted">${h(PERCEPTION_NOTE)}</p>`,
  ];
}
