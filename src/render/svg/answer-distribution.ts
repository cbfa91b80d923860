/**
 * How the room answered each statement, as diverging stacked bars: disagreement to
 * the left of the centre line, agreement to the right, the neutral middle split
 * across it. A bar that leans one way is consensus; one with weight on both sides is
 * conflict. "Don't know" is drawn apart, on the right, since it is neither.
 */
import type { Report } from '../../model/report.js';
import { escapeXml as h } from '../../text/xml-text.js';
import { clip, fixed } from './format.js';

type Practice = Pick<Report['practices'][number], 'number' | 'short' | 'title' | 'principle' | 'perception' | 'labels'>;
type Principle = Pick<Report['principles'][number], 'id' | 'number' | 'short'>;

export interface DistributionInput {
  principles: readonly Principle[];
  practices: readonly Practice[];
}

export interface ScaleWords {
  /** The five answer labels, 1 to 5. */
  scale: readonly string[];
  dontKnow: string;
}

const WIDTH = 1000;
const LABEL_WIDTH = 270;
const CENTRE = 560;
const HALF = 250;
const DONT_KNOW_X = 836;
const DONT_KNOW_WIDTH = 44;
const MEAN_X = 944;
const ROW = 26;
const HEADING = 24;
const BAR = 18;
const TOP = 70;
/** ColorBrewer PuOr: a diverging scale that stays readable with the common colour blindnesses; the neutral is a mid grey so it shows on white. */
export const ANSWER_COLOURS = ['#e66101', '#fdb863', '#cfcfcf', '#b2abd2', '#5e3c99'] as const;
const TEXT_ON = ['#ffffff', '#1d1d1f', '#1d1d1f', '#1d1d1f', '#ffffff'] as const;
const DONT_KNOW_COLOUR = '#9aa0a6';

export function answerDistribution(input: DistributionInput, words: ScaleWords, title: string): string {
  const rows: string[] = [];
  let y = TOP;
  for (const principle of input.principles) {
    const members = input.practices.filter((practice) => practice.principle === principle.id);
    if (members.length === 0) continue;
    rows.push(`<text x="8" y="${y + 16}" font-size="13" font-weight="700" fill="#5f6368">${h(`${principle.number} ${principle.short}`)}</text>`);
    y += HEADING;
    for (const practice of members) {
      rows.push(practiceRow(practice, y));
      y += ROW;
    }
  }
  const height = y + 34;
  return [
    `<svg class="answer-distribution" viewBox="0 0 ${WIDTH} ${height}" role="img" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`,
    `<title>${h(title)}</title>`,
    legend(words),
    axis(TOP - 6, y + 4),
    ...rows,
    '</svg>',
  ].join('');
}

function practiceRow(practice: Practice, y: number): string {
  const perception = practice.perception;
  const label = `<text x="20" y="${y + 14}" font-size="13" fill="#1d1d1f">${h(clip(`#${practice.number} ${practice.short}`, 34))}<title>${h(practice.title)}</title></text>`;
  if (!perception || perception.n + perception.dontKnow === 0) {
    return `<g data-practice="${practice.number}">${label}<text x="${CENTRE}" y="${y + 14}" text-anchor="middle" font-size="12" fill="#5f6368">no answers yet</text></g>`;
  }
  const n = perception.n;
  const counts = perception.distribution;
  const parts: string[] = [label];
  if (n > 0) {
    // Neutral answers straddle the centre line, half on each side.
    const leftShare = ((counts[0] ?? 0) + (counts[1] ?? 0) + (counts[2] ?? 0) / 2) / n;
    let x = CENTRE - leftShare * HALF;
    counts.forEach((count, index) => {
      if (count === 0) return;
      const width = (count / n) * HALF;
      parts.push(`<rect x="${fixed(x)}" y="${y + 2}" width="${fixed(width)}" height="${BAR}" fill="${ANSWER_COLOURS[index]}"><title>${h(`${index + 1}: ${count} of ${n}`)}</title></rect>`);
      // Counts inside the bars, so the chart reads without telling colours apart.
      if (width >= 20) parts.push(`<text x="${fixed(x + width / 2)}" y="${y + 15}" text-anchor="middle" font-size="11" fill="${TEXT_ON[index]}">${count}</text>`);
      x += width;
    });
  }
  const seen = n + perception.dontKnow;
  if (perception.dontKnow > 0) {
    parts.push(`<rect x="${DONT_KNOW_X}" y="${y + 2}" width="${fixed((perception.dontKnow / seen) * DONT_KNOW_WIDTH)}" height="${BAR}" fill="${DONT_KNOW_COLOUR}"/>`);
  }
  parts.push(`<text x="${DONT_KNOW_X + DONT_KNOW_WIDTH + 6}" y="${y + 15}" font-size="12" fill="#5f6368">${perception.dontKnow}</text>`);
  const mean = perception.mean === null ? '-' : perception.mean.toFixed(1);
  parts.push(
    `<text x="${MEAN_X}" y="${y + 15}" text-anchor="end" font-size="13" fill="#1d1d1f" data-mean="${mean}">${mean}</text>` +
      `<text x="${MEAN_X + 6}" y="${y + 15}" font-size="11" fill="#5f6368">n ${n}</text>`,
  );
  // Named in words as well as seen in the bar, for anyone who cannot tell the colours apart.
  if (practice.labels.includes('divergent')) parts.push(`<text x="${LABEL_WIDTH + 34}" y="${y + 15}" text-anchor="end" font-size="11" font-weight="700" fill="#5e3c99">split</text>`);
  return `<g data-practice="${practice.number}">${parts.join('')}</g>`;
}

function legend(words: ScaleWords): string {
  const parts: string[] = [];
  // Two rows of the five answers, each item as wide as its words, so long scale labels do not collide.
  let x = 20;
  words.scale.forEach((word, index) => {
    const text = `${index + 1} ${clip(word, 30)}`;
    parts.push(`<rect x="${x}" y="8" width="14" height="14" fill="${ANSWER_COLOURS[index]}"/>`);
    parts.push(`<text x="${x + 19}" y="20" font-size="12" fill="#1d1d1f">${h(text)}</text>`);
    x += 19 + Array.from(text).length * 7 + 18;
  });
  parts.push(`<text x="${DONT_KNOW_X}" y="50" font-size="11" fill="#5f6368">don't know<title>${h(words.dontKnow)}</title></text>`);
  parts.push(`<text x="${MEAN_X}" y="50" text-anchor="end" font-size="11" fill="#5f6368">mean</text>`);
  return parts.join('');
}

function axis(top: number, bottom: number): string {
  const ticks = [-100, -50, 0, 50, 100].map((percent) => {
    const x = CENTRE + (percent / 100) * HALF;
    return (
      `<line x1="${fixed(x)}" x2="${fixed(x)}" y1="${top}" y2="${bottom}" stroke="${percent === 0 ? '#5f6368' : '#e3e5e8'}" stroke-width="${percent === 0 ? 1.2 : 0.8}"/>` +
      `<text x="${fixed(x)}" y="${top - 4}" text-anchor="middle" font-size="11" fill="#5f6368">${Math.abs(percent)}%</text>`
    );
  });
  return ticks.join('');
}
