/**
 * Group by practice: the mean answer (1-5) of every group of respondents the report
 * shows apart, one row per practice, one column per group. The groups and their means
 * are the report's own (survey.dimensions and each practice's perception.groups), so
 * the small-group suppression of the survey holds unchanged: a group the report
 * withholds has no column, and a practice whose groups the report leaves out has an
 * empty row marked so. Nothing here counts respondents again.
 */
import type { Report } from '../../model/report.js';
import { escapeXml as h } from '../../text/xml-text.js';
import { ANSWER_COLOURS } from './answer-distribution.js';
import { clip, fixed } from './format.js';

export type HeatmapInput = Pick<Report, 'principles' | 'practices' | 'survey'>;

const LABEL_WIDTH = 250;
const CELL = { width: 58, height: 18 };
const GAP = 12;
const HEADER = 100;
const HEADING = 18;

interface Column {
  dimension: string;
  group: string;
  respondents: number;
  x: number;
}

/** The columns: every group the report shows, dimension by dimension, with a gap between dimensions. */
export function heatmapColumns(survey: Report['survey']): Column[] {
  const columns: Column[] = [];
  let x = LABEL_WIDTH;
  for (const dimension of survey?.dimensions ?? []) {
    if (dimension.shown.length === 0) continue;
    for (const shown of dimension.shown) {
      columns.push({ dimension: dimension.dimension, group: shown.group, respondents: shown.respondents, x });
      x += CELL.width;
    }
    x += GAP;
  }
  return columns;
}

/** The colour of a mean on the 1-5 scale: the answer colour it is nearest to, so the map reads like the answer bars. */
function colourOf(mean: number): { fill: string; ink: string } {
  const index = Math.max(0, Math.min(4, Math.round(mean) - 1));
  return { fill: ANSWER_COLOURS[index]!, ink: index === 0 || index === 4 ? '#ffffff' : '#1d1d1f' };
}

export function groupHeatmap(report: HeatmapInput, title: string): string {
  const columns = heatmapColumns(report.survey);
  const svgOpen = (width: number, height: number) =>
    `<svg class="group-heatmap" viewBox="0 0 ${width} ${height}" role="img" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"><title>${h(title)}</title>`;
  if (columns.length === 0) {
    const message =
      report.survey === null
        ? 'No survey answers yet.'
        : `No group of respondents is large enough to show apart (each needs at least ${report.survey.minGroupSize} people).`;
    return `${svgOpen(1000, 60)}<text x="500" y="36" text-anchor="middle" font-size="15" fill="#5f6368">${h(message)}</text></svg>`;
  }
  // Room on the right for the last group's slanted name.
  const width = columns.at(-1)!.x + CELL.width + 60;
  const parts: string[] = [];
  // Column heads: the dimension once over its groups, each group's name slanted so long names fit.
  let previous = '';
  for (const column of columns) {
    if (column.dimension !== previous) {
      parts.push(`<text x="${column.x}" y="14" font-size="12" font-weight="700" fill="#5f6368">${h(`by ${column.dimension}`)}</text>`);
      previous = column.dimension;
    }
    const cx = column.x + CELL.width / 2;
    parts.push(
      `<text transform="translate(${fixed(cx + 4)} ${HEADER - 6}) rotate(-45)" font-size="12" fill="#1d1d1f" data-group="${h(column.group)}">${h(clip(column.group, 18))}` +
        `<tspan fill="#5f6368" font-size="10">${h(` (${column.respondents})`)}</tspan><title>${h(`${column.group}: ${column.respondents} respondents`)}</title></text>`,
    );
  }
  let y = HEADER;
  for (const principle of report.principles) {
    const members = report.practices.filter((practice) => practice.principle === principle.id);
    if (members.length === 0) continue;
    parts.push(`<text x="4" y="${y + 14}" font-size="12" font-weight="700" fill="#5f6368">${h(`${principle.number} ${principle.short}`)}</text>`);
    y += HEADING;
    for (const practice of members) {
      const groups = practice.perception?.groups ?? [];
      const cells = columns.map((column) => {
        const figure = groups.find((group) => group.dimension === column.dimension && group.group === column.group);
        if (!figure) {
          return `<rect x="${column.x + 1}" y="${y + 1}" width="${CELL.width - 2}" height="${CELL.height - 2}" fill="#f1f3f4"/>`;
        }
        const { fill, ink } = colourOf(figure.mean);
        return (
          `<g data-group="${h(column.group)}" data-mean="${figure.mean.toFixed(1)}"><rect x="${column.x + 1}" y="${y + 1}" width="${CELL.width - 2}" height="${CELL.height - 2}" fill="${fill}"/>` +
          `<text x="${fixed(column.x + CELL.width / 2)}" y="${y + 13}" text-anchor="middle" font-size="11" fill="${ink}">${figure.mean.toFixed(1)}</text>` +
          `<title>${h(`${column.group}, #${practice.number}: ${figure.mean.toFixed(1)} from ${figure.n} answers`)}</title></g>`
        );
      });
      const withheld = groups.length === 0 && (practice.perception?.n ?? 0) > 0;
      parts.push(
        `<g data-practice="${practice.number}"><text x="14" y="${y + 13}" font-size="12" fill="#1d1d1f">${h(clip(`#${practice.number} ${practice.short}`, 34))}<title>${h(practice.title)}</title></text>${cells.join('')}` +
          (withheld ? `<title>${h('Too few answers in some group to show any group apart')}</title>` : '') +
          '</g>',
      );
      y += CELL.height;
    }
  }
  const key = [
    'Mean answer: 1 strongly disagree to 5 strongly agree. Grey: a group had too few answers',
    `to show this practice by group. Groups under ${report.survey!.minGroupSize} people are never shown apart.`,
  ]
    .map((line, index) => `<text x="4" y="${y + 18 + index * 15}" font-size="11" fill="#5f6368">${h(line)}</text>`)
    .join('');
  return `${svgOpen(width, y + 44)}${parts.join('')}${key}</svg>`;
}
