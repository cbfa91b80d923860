/** `pes trend` in every format: the score history per principle and overall, oldest assessment first. */
import type { Trend } from '../assess/trend.js';
import type { Format } from '../model/formats.js';
import { arrow, deltaText } from './changes.js';
import { csvDocument } from '../text/csv-cell.js';
import { htmlPage } from './html-page.js';
import { escapeMarkdown as md } from '../text/markdown-text.js';
import { terminalSafe } from '../text/sanitize.js';
import { lineChart } from './svg/line-chart.js';
import { scoreText } from './labels.js';
import { styler, type TerminalOptions } from './terminal-style.js';
import { escapeXml as h } from '../text/xml-text.js';

export const TREND_FORMATS = ['table', 'json', 'markdown', 'html', 'csv'] as const satisfies readonly Format[];
export type TrendFormat = (typeof TREND_FORMATS)[number];

export function renderTrend(trend: Trend, format: TrendFormat, options: TerminalOptions): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(trend, null, 2)}\n`;
    case 'csv':
      return trendCsv(trend);
    case 'markdown':
      return trendMarkdown(trend);
    case 'html':
      return trendHtml(trend);
    case 'table':
      return trendTable(trend, options);
  }
}

function series(trend: Trend) {
  return [trend.overall, ...trend.principles];
}

function change(scores: readonly (number | null)[]): number | null {
  const first = scores.find((score) => score !== null);
  const last = [...scores].reverse().find((score) => score !== null);
  return first === undefined || last === undefined || first === null || last === null ? null : last - first;
}

function trendTable(trend: Trend, options: TerminalOptions): string {
  const chalk = styler(options);
  const width = Math.max(...series(trend).map((entry) => entry.title.length)) + 4;
  const lines = [chalk.bold(`${terminalSafe(trend.partnership)}: partnership health over time`), ''];
  lines.push(`${''.padEnd(width)}${trend.points.map((point) => terminalSafe(point.asOf).padStart(13)).join('')}${'change'.padStart(9)}`);
  for (const entry of series(trend)) {
    const cells = entry.scores.map((score, index) => {
      const previous = index > 0 ? entry.scores[index - 1] : null;
      const mark = previous === null || previous === undefined || score === null ? ' ' : arrow(score - previous);
      return `${scoreText(score)} ${mark}`.padStart(13);
    });
    const label = entry.number === null ? chalk.bold(entry.title) : `${entry.number} ${terminalSafe(entry.title)}`;
    const padding = ' '.repeat(Math.max(0, width - (entry.number === null ? entry.title.length : `${entry.number} ${entry.title}`.length)));
    lines.push(`${label}${padding}${cells.join('')}${deltaText(change(entry.scores)).padStart(9)}`);
  }
  lines.push('');
  lines.push(chalk.dim(terminalSafe(trend.points.map((point) => `${point.asOf}: ${point.file}`).join(' · '))));
  if (trend.mixedRubrics) lines.push(chalk.yellow('The reports used different rubric versions; some changes may come from the rubric, not the partnership.'));
  return `${lines.join('\n')}\n`;
}

function trendMarkdown(trend: Trend): string {
  const lines = [`# ${md(trend.partnership)}: partnership health over time`, ''];
  lines.push(`| | ${trend.points.map((point) => md(point.asOf)).join(' | ')} | Change |`);
  lines.push(`|---|${trend.points.map(() => '---:').join('|')}|---:|`);
  for (const entry of series(trend)) {
    const label = entry.number === null ? `**${md(entry.title)}**` : `${entry.number}. ${md(entry.title)}`;
    lines.push(`| ${label} | ${entry.scores.map(scoreText).join(' | ')} | ${deltaText(change(entry.scores))} |`);
  }
  lines.push('');
  if (trend.mixedRubrics) lines.push('> The reports used different rubric versions; some changes may come from the rubric, not the partnership.', '');
  return `${lines.join('\n')}`;
}

function trendCsv(trend: Trend): string {
  const rows: (string | number | null | undefined)[][] = [['as_of', 'file', 'series', 'principle', 'score']];
  trend.points.forEach((point, index) => {
    for (const entry of series(trend)) rows.push([point.asOf, point.file, entry.id, entry.title, entry.scores[index]]);
  });
  return csvDocument(rows);
}

function trendHtml(trend: Trend): string {
  const dates = trend.points.map((point) => point.asOf);
  const chart = lineChart(
    dates,
    series(trend).map((entry) => ({ label: entry.number === null ? 'Overall' : `${entry.number} ${entry.short}`, scores: entry.scores, emphasis: entry.number === null })),
    `Partnership health of ${trend.partnership} over time`,
  );
  const rows = series(trend).map(
    (entry) =>
      `<tr><td>${entry.number === null ? `<strong>${h(entry.title)}</strong>` : `${entry.number}. ${h(entry.title)}`}</td>` +
      `${entry.scores.map((score) => `<td class="num">${scoreText(score)}</td>`).join('')}<td class="num">${h(deltaText(change(entry.scores)))}</td></tr>`,
  );
  return htmlPage({
    title: `${trend.partnership}: partnership health over time`,
    extraStyle: ' svg.trend { width: 100%; height: auto; } svg .grid { stroke: var(--line); } svg .tick, svg .legend { font-size: 12px; fill: var(--ink); }',
    body: [
      `<h1>${h(trend.partnership)}</h1>`,
      `<p class="meta">Partnership health over ${trend.points.length} assessments, ${h(dates[0]!)} to ${h(dates.at(-1)!)}</p>`,
      chart,
      `<table><thead><tr><th></th>${dates.map((date) => `<th class="num">${h(date)}</th>`).join('')}<th class="num">Change</th></tr></thead><tbody>`,
      ...rows,
      '</tbody></table>',
      trend.mixedRubrics ? '<p class="muted">The reports used different rubric versions; some changes may come from the rubric, not the partnership.</p>' : '',
      `<footer>${trend.points.map((point) => `${h(point.asOf)}: ${h(point.file)}`).join(' · ')}</footer>`,
    ],
  });
}
