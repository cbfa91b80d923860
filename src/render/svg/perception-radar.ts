/**
 * A radar of two shapes per principle: what the file shows (evidence score) and what
 * people say (survey score), both 0-100, over rings at the rubric's band thresholds.
 * A principle with no evidence or no answers has no point on that shape: the outline
 * breaks there and the label says "not described" or "no answers", because drawing it
 * at the centre would read as a score of 0. The workshop's projector and the HTML report
 * both draw this one radar; the report adds the baseline's shape when it has one, and
 * leaves the survey's shape out when there was no survey.
 */
import type { Report } from '../../model/report.js';
import { escapeXml as h } from '../../text/xml-text.js';
import { BAND_ZONE } from './band-zones.js';
import { fixed } from './format.js';

type Principle = Pick<Report['principles'][number], 'number' | 'short' | 'title' | 'evidenceScore' | 'perception'>;

const WIDTH = 680;
const HEIGHT = 490;
const CENTRE = { x: WIDTH / 2, y: 232 };
const RADIUS = 150;
/** Okabe-Ito blue and orange: told apart by people with any common colour blindness, and by line style too. */
export const EVIDENCE_COLOUR = '#0072B2';
export const PERCEPTION_COLOUR = '#D55E00';
const ZONE = BAND_ZONE;

interface Shape {
  key: 'evidence' | 'perception' | 'before';
  name: string;
  colour: string;
  /** Only the evidence shape is filled: two filled shapes over the band zones turn to mud on a projector. */
  fill: string;
  dash: string;
  values: (number | null)[];
  marker: (x: number, y: number) => string;
}

export interface RadarOptions {
  /** Draw what people say (default true); false for a report without a survey, where every point would be unknown. */
  perception?: boolean;
  /** An earlier score per principle (null: unknown then), drawn dashed in grey. */
  before?: { values: readonly (number | null)[]; name: string };
}

const BEFORE_COLOUR = '#6b7078';

export function perceptionRadar(principles: readonly Principle[], bands: Report['scoring']['bands'], title: string, options: RadarOptions = {}): string {
  const withPerception = options.perception !== false;
  const count = principles.length;
  const angle = (index: number) => -Math.PI / 2 + (2 * Math.PI * index) / count;
  const at = (index: number, value: number) => {
    const r = (Math.max(0, Math.min(100, value)) / 100) * RADIUS;
    return { x: CENTRE.x + r * Math.cos(angle(index)), y: CENTRE.y + r * Math.sin(angle(index)) };
  };
  const ring = (level: number) => principles.map((_, index) => point(at(index, level))).join(' ');

  const zones = [
    `<polygon points="${ring(100)}" fill="${ZONE.strong}"/>`,
    `<polygon points="${ring(bands.strong)}" fill="${ZONE.developing}"/>`,
    `<polygon points="${ring(bands.developing)}" fill="${ZONE.gap}"/>`,
  ];
  const rings = [25, bands.developing, bands.strong, 100]
    .filter((level, index, all) => all.indexOf(level) === index)
    .map((level) => `<polygon points="${ring(level)}" fill="none" stroke="#c9ccd1" stroke-width="${level === 100 ? 1.2 : 0.8}"/>`);
  const spokes = principles.map((_, index) => {
    const end = at(index, 100);
    return `<line x1="${CENTRE.x}" y1="${CENTRE.y}" x2="${fixed(end.x)}" y2="${fixed(end.y)}" stroke="#c9ccd1" stroke-width="0.8"/>`;
  });
  // Ring values on the line halfway between the first two spokes, where no point of a shape can sit.
  const ringLabels = [bands.developing, bands.strong, 100].map((level) => {
    const middle = (angle(0) + angle(1)) / 2;
    const r = (level / 100) * RADIUS * Math.cos(Math.PI / count);
    return `<text x="${fixed(CENTRE.x + r * Math.cos(middle) + 3)}" y="${fixed(CENTRE.y + r * Math.sin(middle) - 3)}" font-size="11" fill="#5f6368">${level}</text>`;
  });

  const shapes: Shape[] = (
    [
    {
      key: 'evidence',
      name: 'Evidence in the file',
      colour: EVIDENCE_COLOUR,
      fill: EVIDENCE_COLOUR,
      dash: '',
      values: principles.map((principle) => principle.evidenceScore),
      marker: (x, y) => `<circle cx="${fixed(x)}" cy="${fixed(y)}" r="4.5" fill="${EVIDENCE_COLOUR}"/>`,
    },
    {
      key: 'perception',
      name: 'What people say',
      colour: PERCEPTION_COLOUR,
      fill: 'none',
      dash: '7 4',
      values: principles.map((principle) => principle.perception?.score ?? null),
      marker: (x, y) => `<rect x="${fixed(x - 4)}" y="${fixed(y - 4)}" width="8" height="8" fill="${PERCEPTION_COLOUR}"/>`,
    },
    ] satisfies Shape[]
  ).filter((shape) => shape.key !== 'perception' || withPerception);
  if (options.before) {
    shapes.unshift({
      key: 'before',
      name: options.before.name,
      colour: BEFORE_COLOUR,
      fill: 'none',
      dash: '3 3',
      values: [...options.before.values],
      marker: (x, y) => `<circle cx="${fixed(x)}" cy="${fixed(y)}" r="2.5" fill="${BEFORE_COLOUR}"/>`,
    });
  }
  const drawn = shapes.map((shape) => drawShape(shape, at));

  const labels = principles.map((principle, index) => {
    const p = at(index, 118);
    const cos = Math.cos(angle(index));
    const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
    const top = Math.sin(angle(index)) < -0.5;
    const y = top ? p.y - 22 : p.y + 2;
    const evidence = principle.evidenceScore === null ? 'not described' : String(Math.round(principle.evidenceScore));
    const perception = principle.perception?.score == null ? 'no answers' : String(Math.round(principle.perception.score));
    return (
      `<text x="${fixed(p.x)}" y="${fixed(y)}" text-anchor="${anchor}" font-size="14" font-weight="600" fill="#1d1d1f">${h(`${principle.number} ${principle.short}`)}<title>${h(principle.title)}</title></text>` +
      `<text x="${fixed(p.x)}" y="${fixed(y + 17)}" text-anchor="${anchor}" font-size="13">` +
      `<tspan fill="${EVIDENCE_COLOUR}" data-shape="evidence">${h(evidence)}</tspan>` +
      (withPerception ? `<tspan fill="#5f6368"> · </tspan><tspan fill="${PERCEPTION_COLOUR}" data-shape="perception">${h(perception)}</tspan>` : '') +
      '</text>'
    );
  });

  const legend = shapes.map((shape, index) => {
    const x = 24 + index * 220;
    const y = HEIGHT - 36;
    return (
      `<line x1="${x}" x2="${x + 34}" y1="${y - 4}" y2="${y - 4}" stroke="${shape.colour}" stroke-width="3"${shape.dash ? ` stroke-dasharray="${shape.dash}"` : ''}/>` +
      shape.marker(x + 17, y - 4) +
      `<text x="${x + 42}" y="${y}" font-size="13" fill="#1d1d1f">${h(shape.name)}</text>`
    );
  });
  const bandKey = `<text x="24" y="${HEIGHT - 12}" font-size="12" fill="#5f6368">${h(`Rings: gap below ${bands.developing}, developing, strong from ${bands.strong}. ${withPerception ? 'Evidence · survey' : 'Evidence'}, out of 100.`)}</text>`;

  return [
    `<svg class="perception-radar" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`,
    `<title>${h(title)}</title>`,
    ...zones,
    ...rings,
    ...spokes,
    ...ringLabels,
    ...drawn,
    ...labels,
    ...legend,
    bandKey,
    '</svg>',
  ].join('');
}

/** One shape: a filled polygon when every principle has a value; otherwise only the sides between known points, so no side is invented. */
function drawShape(shape: Shape, at: (index: number, value: number) => { x: number; y: number }): string {
  const points = shape.values.map((value, index) => (value === null ? null : at(index, value)));
  const dash = shape.dash ? ` stroke-dasharray="${shape.dash}"` : '';
  const parts: string[] = [];
  if (points.every((p) => p !== null)) {
    parts.push(`<polygon points="${points.map((p) => point(p!)).join(' ')}" fill="${shape.fill}" fill-opacity="0.12" stroke="${shape.colour}" stroke-width="2.5"${dash}/>`);
  } else {
    const sides = points.flatMap((p, index) => {
      const next = points[(index + 1) % points.length];
      return p && next && points.length > 1 ? [`M${point(p)}L${point(next)}`] : [];
    });
    if (sides.length > 0) parts.push(`<path d="${sides.join('')}" fill="none" stroke="${shape.colour}" stroke-width="2.5"${dash}/>`);
  }
  for (const p of points) if (p) parts.push(shape.marker(p.x, p.y));
  return `<g data-shape="${shape.key}">${parts.join('')}</g>`;
}

function point(p: { x: number; y: number }): string {
  return `${fixed(p.x)},${fixed(p.y)}`;
}
