/** An inline SVG line chart of scores (0-100) over assessment dates, one line per series. */
import { escapeXml } from '../../text/xml-text.js';

export interface LineSeries {
  label: string;
  scores: readonly (number | null)[];
  emphasis?: boolean;
}

const WIDTH = 720;
const HEIGHT = 320;
const PLOT = { left: 48, right: 200, top: 16, bottom: 40 };
// Distinct, colour-blind-friendly hues (Okabe-Ito), one per principle.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#999999'];

export function lineChart(dates: readonly string[], series: readonly LineSeries[], title: string): string {
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const x = (index: number) => PLOT.left + (dates.length === 1 ? plotWidth / 2 : (plotWidth * index) / (dates.length - 1));
  const y = (score: number) => PLOT.top + plotHeight * (1 - score / 100);
  const grid = [0, 25, 50, 75, 100].map(
    (level) =>
      `<line class="grid" x1="${PLOT.left}" x2="${PLOT.left + plotWidth}" y1="${y(level).toFixed(1)}" y2="${y(level).toFixed(1)}"/>` +
      `<text class="tick" x="${PLOT.left - 8}" y="${(y(level) + 4).toFixed(1)}" text-anchor="end">${level}</text>`,
  );
  const ticks = dates.map((date, index) => `<text class="tick" x="${x(index).toFixed(1)}" y="${HEIGHT - PLOT.bottom + 20}" text-anchor="middle">${escapeXml(date)}</text>`);
  let colour = 0;
  const lines = series.map((entry) => {
    const stroke = entry.emphasis ? '#1d1d1f' : PALETTE[colour++ % PALETTE.length]!;
    const points = entry.scores.map((score, index) => (score === null ? null : { x: x(index), y: y(score) }));
    const path = points
      .map((point, index) => (point ? `${index === 0 || points[index - 1] === null ? 'M' : 'L'}${point.x.toFixed(1)},${point.y.toFixed(1)}` : ''))
      .join('');
    const dots = points.map((point) => (point ? `<circle cx="${point.x.toFixed(1)}" cy="${point.y.toFixed(1)}" r="3" fill="${stroke}"/>` : '')).join('');
    return `<g class="series"><path d="${path}" fill="none" stroke="${stroke}" stroke-width="${entry.emphasis ? 3 : 1.8}"/>${dots}</g>`;
  });
  colour = 0;
  const legend = series.map((entry, index) => {
    const stroke = entry.emphasis ? '#1d1d1f' : PALETTE[colour++ % PALETTE.length]!;
    const top = PLOT.top + 6 + index * 20;
    return (
      `<line x1="${WIDTH - PLOT.right + 16}" x2="${WIDTH - PLOT.right + 36}" y1="${top}" y2="${top}" stroke="${stroke}" stroke-width="${entry.emphasis ? 3 : 2}"/>` +
      `<text class="legend" x="${WIDTH - PLOT.right + 42}" y="${top + 4}">${escapeXml(entry.label)}</text>`
    );
  });
  return [
    `<svg class="trend" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="trend-title" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="trend-title">${escapeXml(title)}</title>`,
    ...grid,
    ...ticks,
    ...lines,
    ...legend,
    '</svg>',
  ].join('');
}
