/**
 * `pes trend` in every format: the score history overall, per principle and per practice,
 * oldest assessment first, and survey perception where the reports carried a survey.
 */
import type { PerceptionSeries, PracticeHistory, Trend, TrendSeries } from '../assess/trend.js';
import type { Format } from './formats.js';
import { arrow, deltaText } from './changes.js';
import { csvDocument } from '../text/csv-cell.js';
import { BAND_LABEL, BAND_MARK, scoreText } from './labels.js';
import { escapeMarkdown as md } from '../text/markdown-text.js';
import { terminalSafe } from '../text/sanitize.js';
import { paintBand, styler, type TerminalOptions } from './terminal-style.js';
import { trendHtml } from './trend-html.js';
import { meanDeltaText, meanText, PERCEPTION_NOTE, trendCautions } from './trend-text.js';
import { visibleLength } from './wrap.js';

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

function series(trend: Trend): TrendSeries[] {
  return [trend.overall, ...trend.principles];
}

function perceptionRows(trend: Trend): PerceptionSeries[] {
  return trend.perception ? [trend.perception.overall, ...trend.perception.principles] : [];
}

/** "3.8 (421)": a mean with the answers it pools, or "-". */
function perceptionCell(entry: PerceptionSeries, index: number): string {
  const mean = entry.means[index] ?? null;
  return mean === null ? '-' : `${meanText(mean)} (${entry.answers[index]})`;
}

function trendTable(trend: Trend, options: TerminalOptions): string {
  const chalk = styler(options);
  const safe = terminalSafe;
  const dates = trend.points.map((point) => safe(point.asOf));
  const nameOf = (entry: { number: number | null; title: string }) => (entry.number === null ? entry.title : `${entry.number} ${safe(entry.title)}`);
  // The titles' length plus room for the number: the same columns as before practices and perception were added.
  const width = Math.max(...series(trend).map((entry) => entry.title.length)) + 4;
  const lines = [chalk.bold(`${safe(trend.partnership)}: partnership health over time`), ''];
  lines.push(`${''.padEnd(width)}${dates.map((date) => date.padStart(13)).join('')}${'change'.padStart(9)}`);
  for (const entry of series(trend)) {
    const cells = entry.scores.map((score, index) => {
      const previous = index > 0 ? entry.scores[index - 1] : null;
      const mark = previous === null || previous === undefined || score === null ? ' ' : arrow(score - previous);
      return `${scoreText(score)} ${mark}`.padStart(13);
    });
    const name = nameOf(entry);
    const label = entry.number === null ? chalk.bold(name) : name;
    lines.push(`${label}${' '.repeat(Math.max(0, width - name.length))}${cells.join('')}${deltaText(entry.sinceFirst).padStart(9)}`.trimEnd());
  }

  // Practices: score and band per assessment, so a practice that crossed a band boundary shows it in words.
  const practiceName = (practice: PracticeHistory) => `${String(practice.number).padStart(2)} ${safe(practice.short)}`;
  const practiceWidth = Math.max(...trend.practices.map((practice) => practiceName(practice).length)) + 2;
  const cellWidth = Math.max(...trend.practices.flatMap((practice) => practice.bands.map((band) => (band === null ? 1 : `100 ${BAND_LABEL[band]} ↑`.length)))) + 3;
  lines.push('', chalk.bold('Practices'), '');
  lines.push(`${''.padEnd(practiceWidth)}${dates.map((date) => date.padStart(cellWidth)).join('')}${'since first'.padStart(13)}${'since previous'.padStart(16)}`);
  for (const practice of trend.practices) {
    const cells = practice.scores.map((score, index) => {
      const band = practice.bands[index] ?? null;
      const previous = index > 0 ? practice.scores[index - 1] ?? null : null;
      const mark = previous === null || score === null ? ' ' : arrow(score - previous);
      const text = band === null ? '-' : `${score === null ? '' : `${scoreText(score)} `}${paintBand(chalk, band)} ${mark}`;
      return `${' '.repeat(Math.max(0, cellWidth - visibleLength(text)))}${text}`;
    });
    lines.push(`${practiceName(practice).padEnd(practiceWidth)}${cells.join('')}${deltaText(practice.sinceFirst).padStart(13)}${deltaText(practice.sincePrevious).padStart(16)}`);
  }

  if (trend.perception) {
    lines.push('', chalk.bold('What people said'), '');
    lines.push(`${''.padEnd(width)}${dates.map((date) => date.padStart(13)).join('')}${'change'.padStart(9)}`);
    lines.push(`${'Respondents'.padEnd(width)}${trend.points.map((point) => (point.respondents === null ? '-' : String(point.respondents)).padStart(13)).join('')}`);
    for (const entry of perceptionRows(trend)) {
      const name = nameOf(entry);
      const label = entry.number === null ? chalk.bold(name) : name;
      lines.push(`${label}${' '.repeat(Math.max(0, width - name.length))}${entry.means.map((_, index) => perceptionCell(entry, index).padStart(13)).join('')}${meanDeltaText(entry.sinceFirst).padStart(9)}`.trimEnd());
    }
    lines.push(chalk.dim(PERCEPTION_NOTE));
  }

  lines.push('');
  lines.push(chalk.dim(safe(trend.points.map((point) => `${point.asOf}: ${point.file}`).join(' · '))));
  for (const caution of trendCautions(trend)) lines.push(chalk.yellow(caution));
  return `${lines.join('\n')}\n`;
}

function trendMarkdown(trend: Trend): string {
  const dates = trend.points.map((point) => md(point.asOf));
  const lines = [`# ${md(trend.partnership)}: partnership health over time`, ''];
  lines.push(`| | ${dates.join(' | ')} | Change |`);
  lines.push(`|---|${dates.map(() => '---:').join('|')}|---:|`);
  for (const entry of series(trend)) {
    const label = entry.number === null ? `**${md(entry.title)}**` : `${entry.number}. ${md(entry.title)}`;
    lines.push(`| ${label} | ${entry.scores.map(scoreText).join(' | ')} | ${deltaText(entry.sinceFirst)} |`);
  }
  lines.push('');

  lines.push('## Practices', '');
  lines.push(`| # | Practice | ${dates.join(' | ')} | Since first | Since previous |`);
  lines.push(`|---:|---|${dates.map(() => '---').join('|')}|---:|---:|`);
  for (const practice of trend.practices) {
    const cells = practice.scores.map((score, index) => {
      const band = practice.bands[index] ?? null;
      return band === null ? '-' : `${BAND_MARK[band]} ${score === null ? '' : `${scoreText(score)} `}${BAND_LABEL[band]}`;
    });
    lines.push(`| ${practice.number} | ${md(practice.short)} | ${cells.join(' | ')} | ${deltaText(practice.sinceFirst)} | ${deltaText(practice.sincePrevious)} |`);
  }
  lines.push('', `Bands: strong from ${trend.bands.strong}, developing from ${trend.bands.developing}, gap below.`, '');

  if (trend.perception) {
    lines.push('## What people said', '');
    lines.push(`| | ${dates.join(' | ')} | Change |`);
    lines.push(`|---|${dates.map(() => '---:').join('|')}|---:|`);
    lines.push(`| Respondents | ${trend.points.map((point) => (point.respondents === null ? '-' : String(point.respondents))).join(' | ')} | |`);
    for (const entry of perceptionRows(trend)) {
      const label = entry.number === null ? `**${md(entry.title)}**` : `${entry.number}. ${md(entry.title)}`;
      lines.push(`| ${label} | ${entry.means.map((_, index) => perceptionCell(entry, index)).join(' | ')} | ${meanDeltaText(entry.sinceFirst)} |`);
    }
    lines.push('', md(PERCEPTION_NOTE, 'line-start'), '');
  }
  for (const caution of trendCautions(trend)) lines.push(`> ${md(caution, 'line-start')}`, '');
  return `${lines.join('\n')}`;
}

/** One row per assessment and series (overall, principle, practice), long format, so a spreadsheet can pivot it either way. */
function trendCsv(trend: Trend): string {
  const rows: (string | number | null | undefined)[][] = [
    ['as_of', 'file', 'level', 'id', 'number', 'title', 'score', 'band', 'perception_mean', 'perception_answers', 'respondents'],
  ];
  const principlesSaid = new Map(trend.perception?.principles.map((entry) => [entry.id, entry]));
  trend.points.forEach((point, index) => {
    const row = (level: 'overall' | 'principle' | 'practice', entry: TrendSeries) => {
      const said = level === 'overall' ? trend.perception?.overall : level === 'principle' ? principlesSaid.get(entry.id) : undefined;
      rows.push([
        point.asOf,
        point.file,
        level,
        entry.id,
        entry.number,
        entry.title,
        entry.scores[index],
        entry.bands[index],
        said?.means[index],
        said?.answers[index],
        level === 'overall' ? point.respondents : null,
      ]);
    };
    row('overall', trend.overall);
    for (const principle of trend.principles) row('principle', principle);
    for (const practice of trend.practices) row('practice', practice);
  });
  return csvDocument(rows);
}
