/**
 * Every practice on one page: a card per practice, coloured by its band, with its score
 * and, when there is a baseline, an arrow for the change since then. The health-check
 * view a room takes in at a glance, before reading any finding.
 */
import type { Report } from '../model/report.js';
import { arrow, deltaText, practiceChange } from './changes.js';
import { BAND_LABEL, scoreText } from './labels.js';
import { escapeXml as h } from '../text/xml-text.js';

/** A change since the baseline: an arrow and the rounded delta, coloured by direction; nothing without a baseline. */
export function change(delta: number | null): string {
  if (delta === null) return '';
  const direction = delta > 0.5 ? 'up' : delta < -0.5 ? 'down' : 'same';
  return `<span class="change ${direction}">${arrow(delta)} ${h(deltaText(delta))}</span>`;
}

export function practiceCards(report: Report): string {
  const baseline = report.baseline;
  const cards = report.practices.map((practice) => {
    const delta = baseline ? practiceChange(report, practice.number) : null;
    const since = baseline ? (delta === null ? '<span class="change">new</span>' : change(delta)) : '';
    return (
      `<li class="card bg-${practice.band}" data-practice="${practice.number}" data-band="${practice.band}">` +
      `<a href="#practice-${practice.number}"><span class="card-number">${practice.number}</span><span class="card-name">${h(practice.short)}</span>` +
      `<span class="card-score">${scoreText(practice.score)}<span class="card-band">${h(BAND_LABEL[practice.band])}</span>${since}</span></a></li>`
    );
  });
  const key = baseline ? ` Arrows: the change since ${h(baseline.asOf)}.` : '';
  return [
    '<section class="cards">',
    `<h2>All ${report.practices.length} practices at a glance</h2>`,
    `<p class="muted">Score out of 100, coloured by band: green strong, amber developing, red gap, grey not described or not pursued.${key}</p>`,
    '<ul class="card-grid">',
    ...cards,
    '</ul>',
    '</section>',
  ].join('\n');
}
