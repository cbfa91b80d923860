/** Words and plain-text figures shared by every renderer: bands, scores, bars, triangulation labels, group gaps. */
import type { Band, Report } from '../model/report.js';

export const BAND_LABEL: Record<Band, string> = {
  strong: 'strong',
  developing: 'developing',
  gap: 'gap',
  not_described: 'not described',
  not_applicable: 'not pursued',
};

export function scoreText(score: number | null): string {
  return score === null ? '-' : String(Math.round(score));
}

export function bar(score: number | null, width: number): string {
  if (score === null) return '·'.repeat(width);
  const filled = Math.round((score / 100) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}


type Label = Report['practices'][number]['labels'][number];

export const LABEL_NAMES: Record<Label, string> = {
  paper_only: 'paper only',
  divergent: 'divergent',
  hidden_strength: 'hidden strength',
  confirmed_gap: 'confirmed gap',
  confirmed_strength: 'confirmed strength',
};

export function labelList(labels: readonly Label[]): string {
  return labels.map((label) => LABEL_NAMES[label]).join(', ');
}

/** "3.4 ±1.2" for a practice's survey answers, or "-" without any. */
export function surveyCell(perception: Report['practices'][number]['perception']): string {
  if (!perception || perception.mean === null) return '-';
  return `${perception.mean.toFixed(1)} ±${(perception.sd ?? 0).toFixed(1)}`;
}

/** How far apart the answers to a disputed practice lie: "answers 1-5, sd 1.32; public 4.3 vs private 2.0 (by sector)". Plain text, for the renderer to escape. */
export function spreadText(entry: Report['disagreements'][number], sdWord: 'sd' | 'standard deviation'): string {
  const groups = groupGapText(entry.widestGroupGap);
  return `answers ${entry.min}-${entry.max}, ${sdWord} ${entry.sd.toFixed(2)}${groups ? `; ${groups}` : ''}`;
}

function groupGapText(gap: Report['disagreements'][number]['widestGroupGap']): string {
  if (!gap || gap.gap === 0) return '';
  return `${gap.high.group} ${gap.high.mean.toFixed(1)} vs ${gap.low.group} ${gap.low.mean.toFixed(1)} (by ${gap.dimension})`;
}
