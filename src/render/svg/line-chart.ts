/**
 * An inline SVG line chart of scores (0-100) over assessment dates, one line per series,
 * over the rubric's band zones. Lines that run together stay apart to the eye: each has
 * its own colour, dash pattern and marker shape, and its name is written at its end
 * (labels pushed apart where the ends meet, with a leader line back to the point), so
 * nobody has to match colours against a legend.
 */
import type { Report } from '../../model/report.js';
import { escapeXml as h } from '../../text/xml-text.js';
import { BAND_INK, BAND_ZONE } from './band-zones.js';
import { clip, fixed } from './format.js';

export interface LineSeries {
  label: string;
  /** Spoken in the series' tooltip and text alternative; the label when not given. */
  title?: string;
  scores: readonly (number | null)[];
  emphasis?: boolean;
}

const WIDTH = 760;
const HEIGHT = 380;
const PLOT = { left: 100, right: 250, top: 16, bottom: 40 };
/** Room between the axis and the first and last date, so markers never sit on the frame. */
const INSET = 28;
/** Labels at the ends of the lines need this much height each. */
const LABEL_GAP = 16;
const LABEL_CHARACTERS = 26;
// Distinct, colour-blind-friendly hues (Okabe-Ito), one per principle; the overall line is ink.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#999999'];
const DASHES = ['', '8 4', '2 3', '10 3 2 3', '5 5', '1 4', '12 4 4 4'];
const MARKERS: ((x: number, y: number, colour: string) => string)[] = [
  (x, y, c) => `<circle class="marker" cx="${fixed(x)}" cy="${fixed(y)}" r="4" fill="${c}" stroke="#fff" stroke-width="1"/>`,
  (x, y, c) => `<rect class="marker" x="${fixed(x - 3.8)}" y="${fixed(y - 3.8)}" width="7.6" height="7.6" fill="${c}" stroke="#fff" stroke-width="1"/>`,
  (x, y, c) => `<path class="marker" d="M${fixed(x)},${fixed(y - 5)}L${fixed(x + 4.6)},${fixed(y + 3.5)}L${fixed(x - 4.6)},${fixed(y + 3.5)}Z" fill="${c}" stroke="#fff" stroke-width="1"/>`,
  (x, y, c) => `<path class="marker" d="M${fixed(x)},${fixed(y - 5)}L${fixed(x + 5)},${fixed(y)}L${fixed(x)},${fixed(y + 5)}L${fixed(x - 5)},${fixed(y)}Z" fill="${c}" stroke="#fff" stroke-width="1"/>`,
  (x, y, c) => `<path class="marker" d="M${fixed(x)},${fixed(y + 5)}L${fixed(x + 4.6)},${fixed(y - 3.5)}L${fixed(x - 4.6)},${fixed(y - 3.5)}Z" fill="${c}" stroke="#fff" stroke-width="1"/>`,
  (x, y, c) => `<path class="marker" d="M${fixed(x - 4)},${fixed(y - 4)}L${fixed(x + 4)},${fixed(y + 4)}M${fixed(x + 4)},${fixed(y - 4)}L${fixed(x - 4)},${fixed(y + 4)}" stroke="${c}" stroke-width="2.4" fill="none"/>`,
  (x, y, c) => `<circle class="marker" cx="${fixed(x)}" cy="${fixed(y)}" r="4" fill="#fff" stroke="${c}" stroke-width="2"/>`,
];

interface Style {
  colour: string;
  dash: string;
  width: number;
  marker: (x: number, y: number) => string;
}

function styleOf(entry: LineSeries, index: number): Style {
  if (entry.emphasis) {
    return { colour: '#1d1d1f', dash: '', width: 3.2, marker: (x, y) => `<circle class="marker" cx="${fixed(x)}" cy="${fixed(y)}" r="5" fill="#1d1d1f" stroke="#fff" stroke-width="1.2"/>` };
  }
  const colour = PALETTE[index % PALETTE.length]!;
  const marker = MARKERS[index % MARKERS.length]!;
  return { colour, dash: DASHES[index % DASHES.length]!, width: 2, marker: (x, y) => marker(x, y, colour) };
}

export function lineChart(dates: readonly string[], series: readonly LineSeries[], title: string, bands: Report['scoring']['bands']): string {
  const plotRight = WIDTH - PLOT.right;
  const plotBottom = HEIGHT - PLOT.bottom;
  const plotHeight = plotBottom - PLOT.top;
  const inner = plotRight - PLOT.left - 2 * INSET;
  const x = (index: number) => PLOT.left + INSET + (dates.length === 1 ? inner / 2 : (inner * index) / (dates.length - 1));
  const y = (score: number) => PLOT.top + plotHeight * (1 - Math.max(0, Math.min(100, score)) / 100);

  const zones = (
    [
      ['strong', bands.strong, 100],
      ['developing', bands.developing, bands.strong],
      ['gap', 0, bands.developing],
    ] as const
  ).map(([band, from, to]) => {
    const top = y(to);
    const height = y(from) - top;
    // The zone's name in the margin, centred on it, where no line can cross it; a zone too thin to hold it goes unnamed (the ticks still mark it).
    const name = height >= 14 ? `<text class="zone-name" x="${PLOT.left - 34}" y="${fixed(top + height / 2 + 4)}" text-anchor="end" font-size="11" font-style="italic" fill="${BAND_INK[band]}">${band}</text>` : '';
    return `<rect class="zone zone-${band}" x="${PLOT.left}" y="${fixed(top)}" width="${plotRight - PLOT.left}" height="${fixed(height)}" fill="${BAND_ZONE[band]}"/>${name}`;
  });
  const levels = [0, bands.developing, bands.strong, 100].filter((level, index, all) => all.indexOf(level) === index);
  const grid = levels.map(
    (level) =>
      `<line class="grid" x1="${PLOT.left}" x2="${plotRight}" y1="${fixed(y(level))}" y2="${fixed(y(level))}" stroke="#c9ccd1" stroke-width="0.8"/>` +
      `<text class="tick" x="${PLOT.left - 6}" y="${fixed(y(level) + 4)}" text-anchor="end">${level}</text>`,
  );
  const ticks = dates.map((date, index) => `<text class="tick" x="${fixed(x(index))}" y="${plotBottom + 20}" text-anchor="middle">${h(date)}</text>`);

  let principleIndex = 0;
  const styles = series.map((entry) => styleOf(entry, entry.emphasis ? 0 : principleIndex++));
  const lines = series.map((entry, index) => {
    const style = styles[index]!;
    const points = entry.scores.map((score, at) => (score === null ? null : { x: x(at), y: y(score) }));
    const path = points.map((point, at) => (point ? `${at === 0 || points[at - 1] === null ? 'M' : 'L'}${fixed(point.x)},${fixed(point.y)}` : '')).join('');
    const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
    const spoken = `${entry.title ?? entry.label}: ${entry.scores.map((score, at) => `${dates[at]} ${score === null ? 'no score' : Math.round(score)}`).join(', ')}`;
    const markers = points.map((point) => (point ? style.marker(point.x, point.y) : '')).join('');
    return `<g class="series"><title>${h(spoken)}</title>${path ? `<path d="${path}" fill="none" stroke="${style.colour}" stroke-width="${style.width}"${dash} stroke-linejoin="round"/>` : ''}${markers}</g>`;
  });

  const labels = endLabels(series, y, plotBottom).map(({ index, end, labelY }) => {
    const entry = series[index]!;
    const style = styles[index]!;
    const labelX = plotRight + 14;
    const last = end === null ? null : entry.scores[end]!;
    const text = `${clip(entry.label, LABEL_CHARACTERS)} ${last === null ? '(no score)' : Math.round(last)}`;
    const leader =
      end === null ? '' : `<line class="leader" x1="${fixed(x(end) + 7)}" y1="${fixed(y(last!))}" x2="${labelX - 2}" y2="${fixed(labelY)}" stroke="${style.colour}" stroke-width="0.8" opacity="0.7"/>`;
    const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
    return (
      `<g class="end-label"><title>${h(entry.title ?? entry.label)}</title>${leader}` +
      `<line x1="${labelX}" x2="${labelX + 22}" y1="${fixed(labelY)}" y2="${fixed(labelY)}" stroke="${style.colour}" stroke-width="${style.width}"${dash}/>` +
      style.marker(labelX + 11, labelY) +
      `<text class="legend" x="${labelX + 28}" y="${fixed(labelY + 4)}"${entry.emphasis ? ' font-weight="700"' : ''}>${h(text)}</text></g>`
    );
  });

  return [
    `<svg class="trend" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="trend-title" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`,
    `<title id="trend-title">${h(title)}</title>`,
    ...zones,
    ...grid,
    ...ticks,
    ...lines,
    ...labels,
    '</svg>',
  ].join('');
}

/**
 * Where each line's name goes: level with its last point, then pushed apart (top to bottom, at least
 * LABEL_GAP between neighbours) and, if that ran past the bottom, pushed back up from there. Ties keep
 * the series order, so the same inputs always give the same picture.
 */
function endLabels(series: readonly LineSeries[], y: (score: number) => number, bottom: number) {
  const wanted = series.map((entry, index) => {
    let end: number | null = null;
    entry.scores.forEach((score, at) => {
      if (score !== null) end = at;
    });
    return { index, end: end as number | null, labelY: end === null ? bottom : y(entry.scores[end]!) };
  });
  const order = [...wanted].sort((a, b) => a.labelY - b.labelY || a.index - b.index);
  for (let i = 1; i < order.length; i++) order[i]!.labelY = Math.max(order[i]!.labelY, order[i - 1]!.labelY + LABEL_GAP);
  const overflow = order.length > 0 ? order.at(-1)!.labelY - bottom : 0;
  if (overflow > 0) {
    order.at(-1)!.labelY = bottom;
    for (let i = order.length - 2; i >= 0; i--) order[i]!.labelY = Math.min(order[i]!.labelY, order[i + 1]!.labelY - LABEL_GAP);
  }
  return wanted;
}
