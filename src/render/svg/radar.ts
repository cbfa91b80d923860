/** An inline SVG radar chart of principle scores (0-100), with an optional earlier polygon for comparison. */
import { escapeXml } from '../../text/xml-text.js';

export interface RadarAxis {
  label: string;
  score: number | null;
  before?: number | null;
}

// Wide enough for labels such as "6 Measures and learning" on either side.
const SIZE = { width: 560, height: 340 };
const CENTRE = { x: 280, y: 170 };
const RADIUS = 115;

export function radarChart(axes: readonly RadarAxis[], title: string): string {
  const count = axes.length;
  const point = (index: number, value: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
    const r = (Math.max(0, Math.min(100, value)) / 100) * RADIUS;
    return { x: CENTRE.x + r * Math.cos(angle), y: CENTRE.y + r * Math.sin(angle) };
  };
  const polygon = (values: readonly number[]) => values.map((value, index) => fmt(point(index, value))).join(' ');
  const rings = [25, 50, 75, 100].map((level) => `<polygon class="ring" points="${polygon(axes.map(() => level))}"/>`);
  const spokes = axes.map((_, index) => {
    const end = point(index, 100);
    return `<line class="spoke" x1="${CENTRE.x}" y1="${CENTRE.y}" x2="${end.x.toFixed(1)}" y2="${end.y.toFixed(1)}"/>`;
  });
  const hasBefore = axes.some((axis) => axis.before !== undefined && axis.before !== null);
  const before = hasBefore ? `<polygon class="before" points="${polygon(axes.map((axis) => axis.before ?? 0))}"/>` : '';
  const current = `<polygon class="current" points="${polygon(axes.map((axis) => axis.score ?? 0))}"/>`;
  const dots = axes.map((axis, index) => {
    const p = point(index, axis.score ?? 0);
    return `<circle class="dot" cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="3.5"/>`;
  });
  const labels = axes.map((axis, index) => {
    const p = point(index, 122);
    const anchor = Math.abs(p.x - CENTRE.x) < 5 ? 'middle' : p.x > CENTRE.x ? 'start' : 'end';
    const dy = p.y < CENTRE.y - 5 ? -6 : p.y > CENTRE.y + 5 ? 14 : 4;
    const score = axis.score === null ? 'not described' : String(Math.round(axis.score));
    return (
      `<text class="axis-label" x="${p.x.toFixed(1)}" y="${(p.y + dy).toFixed(1)}" text-anchor="${anchor}">${escapeXml(axis.label)}` +
      `<tspan class="axis-score" x="${p.x.toFixed(1)}" dy="14">${escapeXml(score)}</tspan></text>`
    );
  });
  return [
    `<svg class="radar" viewBox="0 0 ${SIZE.width} ${SIZE.height}" role="img" aria-labelledby="radar-title" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="radar-title">${escapeXml(title)}</title>`,
    ...rings,
    ...spokes,
    before,
    current,
    ...dots,
    ...labels,
    '</svg>',
  ]
    .filter(Boolean)
    .join('');
}

function fmt(p: { x: number; y: number }): string {
  return `${p.x.toFixed(1)},${p.y.toFixed(1)}`;
}
