/**
 * Where groups of respondents disagree: for each disputed practice whose groups lie
 * apart, the mean answer of every group of the dimension that splits widest, on the
 * 1-5 scale. The groups are the report's own, so the small-group suppression of
 * `pes assess` applies unchanged: a group the report withholds is never drawn.
 */
import type { Report } from '../../model/report.js';
import { escapeXml as h } from '../../text/xml-text.js';
import { byCodePoint } from '../../model/order.js';
import { clip, fixed } from './format.js';

export type GroupGapInput = Pick<Report, 'practices' | 'disagreements' | 'survey'>;

const WIDTH = 1000;
const AXIS = { left: 300, right: 900 };
const HEADING = 30;
const ROW = 24;
const DOT = '#5e3c99';

export function groupGaps(report: GroupGapInput, title: string): string {
  const split = report.disagreements.filter((entry) => entry.widestGroupGap !== null && entry.widestGroupGap.gap > 0);
  const x = (mean: number) => AXIS.left + ((mean - 1) / 4) * (AXIS.right - AXIS.left);
  const parts: string[] = [];
  let y = 34;
  for (const entry of split) {
    const gap = entry.widestGroupGap!;
    const groups = report.practices.find((practice) => practice.number === entry.practice)?.perception?.groups.filter((group) => group.dimension === gap.dimension) ?? [];
    parts.push(
      `<text x="8" y="${y + 20}" font-size="15" font-weight="700" fill="#1d1d1f">${h(clip(`#${entry.practice} ${entry.title}`, 70))}<title>${h(entry.title)}</title></text>` +
        `<text x="${WIDTH - 8}" y="${y + 20}" text-anchor="end" font-size="13" fill="#5f6368">${h(`by ${gap.dimension}: ${gap.gap.toFixed(1)} apart`)}</text>`,
    );
    y += HEADING;
    const top = y;
    const rows: string[] = [];
    for (const group of [...groups].sort((a, b) => b.mean - a.mean || byCodePoint(a.group, b.group))) {
      const cx = x(group.mean);
      rows.push(
        `<g data-practice="${entry.practice}" data-dimension="${h(group.dimension)}" data-group="${h(group.group)}" data-mean="${group.mean}">` +
          `<text x="${AXIS.left - 14}" y="${y + 16}" text-anchor="end" font-size="13" fill="#1d1d1f">${h(clip(group.group, 36))}<tspan fill="#5f6368" font-size="11">${h(` (${group.n})`)}</tspan><title>${h(group.group)}</title></text>` +
          `<line x1="${AXIS.left}" x2="${fixed(cx)}" y1="${y + 12}" y2="${y + 12}" stroke="#d8d2ea" stroke-width="4"/>` +
          `<circle cx="${fixed(cx)}" cy="${y + 12}" r="7" fill="${DOT}"/>` +
          `<text x="${fixed(cx + 12)}" y="${y + 16}" font-size="13" font-weight="600" fill="#1d1d1f">${group.mean.toFixed(1)}</text></g>`,
      );
      y += ROW;
    }
    // The grid goes first, so that the dots sit on top of it.
    parts.push(scale(top, y, x), ...rows);
    y += 22;
  }
  if (split.length === 0) {
    const message =
      report.survey === null
        ? 'No survey answers yet.'
        : `No two groups differ enough to count as a disagreement, or the groups are too small to show (fewer than ${report.survey.minGroupSize} people).`;
    parts.push(`<text x="${WIDTH / 2}" y="60" text-anchor="middle" font-size="15" fill="#5f6368">${h(message)}</text>`);
    y = 90;
  }
  return [
    `<svg class="group-gaps" viewBox="0 0 ${WIDTH} ${y + 10}" role="img" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`,
    `<title>${h(title)}</title>`,
    ...(split.length > 0
      ? [
          `<text x="${AXIS.left}" y="18" font-size="12" fill="#5f6368">1 strongly disagree</text>`,
          `<text x="${AXIS.right}" y="18" text-anchor="end" font-size="12" fill="#5f6368">5 strongly agree</text>`,
        ]
      : []),
    ...parts,
    '</svg>',
  ].join('');
}

/** Grid lines at each point of the scale behind one practice's groups. */
function scale(top: number, bottom: number, x: (mean: number) => number): string {
  return [1, 2, 3, 4, 5]
    .map(
      (value) =>
        `<line x1="${fixed(x(value))}" x2="${fixed(x(value))}" y1="${top}" y2="${bottom}" stroke="#e3e5e8" stroke-width="1"/>` +
        `<text x="${fixed(x(value))}" y="${bottom + 12}" text-anchor="middle" font-size="10" fill="#9aa0a6">${value}</text>`,
    )
    .join('');
}
