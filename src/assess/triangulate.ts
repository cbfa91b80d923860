/**
 * Compares evidence (what the file shows) with perception (what people say) per
 * practice, labelling where they agree, where a practice exists only on paper, where
 * a strength is lived but unrecorded, and where people disagree with each other.
 */
import { groupBy } from '../model/group-by.js';
import { TRIANGULATION_LABELS, type Band, type TriangulationLabel } from '../model/labels.js';
import type { Rubric } from '../model/rubric.js';
import type { PracticePerception } from '../model/perception.js';
import { round2 } from '../model/statistics.js';
import { byCodePoint } from '../model/order.js';


export interface GroupGap {
  dimension: string;
  high: { group: string; mean: number };
  low: { group: string; mean: number };
  gap: number;
}

export interface Triangulation {
  /** In order of precedence: the first is the one a recommendation leads with. */
  labels: TriangulationLabel[];
  widestGroupGap: GroupGap | null;
  /** Answers exist but fewer than the rubric's `min_answers`: no signal is given, since a handful of answers cannot tell. */
  tooFewAnswers: boolean;
}

export function triangulate(evidence: { score: number | null; band: Band }, perception: PracticePerception | undefined, rubric: Rubric): Triangulation {
  const settings = rubric.triangulation;
  const average = perception?.mean ?? null;
  if (average === null || perception === undefined) return { labels: [], widestGroupGap: null, tooFewAnswers: false };
  const widestGroupGap = widestGap(perception);
  // A spread or a mean over three or four answers is noise: every signal needs the rubric's minimum of answers.
  if (perception.n < settings.min_answers) return { labels: [], widestGroupGap, tooFewAnswers: true };
  const labels = new Set<TriangulationLabel>();
  if (evidence.band === 'strong' && average < settings.low_mean) labels.add('paper_only');
  if ((perception.sd ?? 0) >= settings.divergent_sd || (widestGroupGap?.gap ?? 0) >= settings.divergent_group_gap) labels.add('divergent');
  if (evidence.band === 'not_described' && average >= settings.high_mean) labels.add('hidden_strength');
  if (evidence.band === 'gap' && average < settings.low_mean) labels.add('confirmed_gap');
  if (evidence.band === 'strong' && average >= settings.high_mean) labels.add('confirmed_strength');
  return { labels: TRIANGULATION_LABELS.filter((label) => labels.has(label)), widestGroupGap, tooFewAnswers: false };
}

/** How sharply people disagree on a practice: its spread or its widest group gap, whichever is larger. */
export function disagreementSize(sd: number | null, widestGroupGap: GroupGap | null): number {
  return Math.max(sd ?? 0, widestGroupGap?.gap ?? 0);
}

/** The two shown groups of one dimension whose means lie furthest apart. */
export function widestGap(perception: PracticePerception): GroupGap | null {
  let widest: GroupGap | null = null;
  for (const [dimension, figures] of groupBy(perception.groups, (figure) => figure.dimension)) {
    const sorted = [...figures].sort((a, b) => b.mean - a.mean || byCodePoint(a.group, b.group));
    const high = sorted[0]!;
    const low = sorted.at(-1)!;
    const gap = round2(high.mean - low.mean);
    if (widest === null || gap > widest.gap) widest = { dimension, high: { group: high.group, mean: high.mean }, low: { group: low.group, mean: low.mean }, gap };
  }
  return widest;
}
