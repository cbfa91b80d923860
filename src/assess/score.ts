/**
 * The scoring maths, documented in README ("Scoring"): check points are averaged
 * into a practice score, practice scores into principle and overall scores, each
 * weighted; anything the file does not describe is left out rather than counted as 0.
 */
import { STATUS_POINTS, type CheckStatus } from '../checks/check.js';
import type { Band } from '../model/report.js';
import type { Rubric } from '../model/rubric.js';

export interface Weighted {
  value: number | null;
  weight: number;
}

/** Weighted mean of the values that exist; null when none do. */
export function weightedMean(entries: readonly Weighted[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const { value, weight } of entries) {
    if (value === null) continue;
    sum += value * weight;
    weights += weight;
  }
  return weights === 0 ? null : sum / weights;
}

export function checkPoints(status: CheckStatus): number | null {
  return status === 'not_described' ? null : STATUS_POINTS[status];
}

export function bandFor(score: number | null, bands: Rubric['bands']): Band {
  if (score === null) return 'not_described';
  if (score >= bands.strong) return 'strong';
  return score >= bands.developing ? 'developing' : 'gap';
}

/** How much closing a practice's gap is worth: its weight times the distance to 100. */
export function priorityOf(weight: number, score: number | null): number {
  return score === null ? 0 : round1(weight * (100 - score));
}

/** One decimal place: enough precision for a 0-100 score, and stable bytes in every output. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Worst first: the finding a practice leads with is its weakest check. */
export const STATUS_SEVERITY: Record<CheckStatus, number> = { not_met: 0, partly: 1, met: 2, not_described: 3 };
