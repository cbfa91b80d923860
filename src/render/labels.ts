/** Short names for the triangulation labels and group dimensions, shared by every renderer. */
import type { Report } from '../model/report.js';

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

export function groupGapText(gap: Report['disagreements'][number]['widestGroupGap']): string {
  if (!gap || gap.gap === 0) return '';
  return `${gap.high.group} ${gap.high.mean.toFixed(1)} vs ${gap.low.group} ${gap.low.mean.toFixed(1)} (by ${gap.dimension})`;
}
