/**
 * The scoring rule, documented in docs/scoring.md: no evidence, no points. Every
 * check keeps its weight whether or not the file describes it, and one it does not
 * describe earns 0; a practice, a principle and the overall score are weighted means
 * over everything they could have been judged on, so describing less can never raise
 * any of them. How much of that rests on evidence is reported beside each score as
 * its coverage. The numbers (points, bands, caps) are the rubric's.
 */
import type { CheckStatus } from '../model/labels.js';
import type { Band } from '../model/report.js';
import type { Scoring } from '../model/rubric.js';

export function checkPoints(status: CheckStatus, points: Scoring['points']): number {
  return status === 'not_described' ? 0 : points[status];
}

export interface ScoredCheck {
  status: CheckStatus;
  weight: number;
  critical: boolean;
  /** Named in the cap, when this check sets it. */
  check: string;
}

export interface Cap {
  check: string;
  status: CheckStatus;
  limit: number;
}

export interface PracticeEvidence {
  /** Null when no check is described. */
  score: number | null;
  coverage: number;
  cap: Cap | null;
}

/**
 * A practice's evidence: the weighted points of all its checks, then the tightest cap
 * a failing critical check sets. A critical check not described caps as hard as one
 * not met: otherwise deleting the evidence that fails it would raise the score.
 */
export function practiceEvidence(checks: readonly ScoredCheck[], scoring: Scoring): PracticeEvidence {
  const total = sum(checks.map((check) => check.weight));
  const described = sum(checks.filter((check) => check.status !== 'not_described').map((check) => check.weight));
  const coverage = total === 0 ? 0 : described / total;
  if (described === 0) return { score: null, coverage: 0, cap: null };
  const raw = sum(checks.map((check) => checkPoints(check.status, scoring.points) * check.weight)) / total;
  const cap = tightestCap(checks, scoring.caps);
  return { score: round1(cap ? Math.min(raw, cap.limit) : raw), coverage, cap };
}

function tightestCap(checks: readonly ScoredCheck[], caps: Scoring['caps']): Cap | null {
  let tightest: Cap | null = null;
  for (const check of checks) {
    if (!check.critical || check.status === 'met') continue;
    const limit = check.status === 'partly' ? caps.critical_partly : caps.critical_not_met;
    if (tightest === null || limit < tightest.limit) tightest = { check: check.check, status: check.status, limit };
  }
  return tightest;
}

/**
 * Evidence and perception combined by the rubric's weights. Without survey answers the
 * evidence stands alone; without evidence there is nothing to combine (the practice
 * counts 0 where it is aggregated), so perception can never score on its own. The cap
 * of a failing critical check holds for the combined score too.
 */
export function combinedScore(evidence: PracticeEvidence, perception: number | null, combine: { evidence: number; perception: number }): number | null {
  if (evidence.score === null) return null;
  if (perception === null) return evidence.score;
  const combined = round1(evidence.score * combine.evidence + perception * combine.perception);
  return evidence.cap ? Math.min(combined, evidence.cap.limit) : combined;
}

export interface Aggregated {
  score: number | null;
  coverage: number;
  described: number;
  total: number;
  provisional: boolean;
}

export interface Counted {
  /** Null counts as 0: a practice without evidence earns nothing but keeps its weight. */
  score: number | null;
  weight: number;
  coverage: number;
}

/** A principle's or the overall score: every practice with its full weight, those without evidence as 0. */
export function aggregate(members: readonly Counted[], scoring: Scoring): Aggregated {
  const total = sum(members.map((member) => member.weight));
  const coverage = total === 0 ? 0 : sum(members.map((member) => member.weight * member.coverage)) / total;
  const described = members.filter((member) => member.coverage > 0).length;
  // Nothing described at all is "not described", not a score of 0.
  const score = coverage === 0 ? null : round1(sum(members.map((member) => (member.score ?? 0) * member.weight)) / total);
  return { score, coverage: round4(coverage), described, total: members.length, provisional: coverage < scoring.provisional_below };
}

export function bandFor(score: number | null, bands: Scoring['bands']): Band {
  if (score === null) return 'not_described';
  if (score >= bands.strong) return 'strong';
  return score >= bands.developing ? 'developing' : 'gap';
}

/** How much closing a practice's gap is worth: its weight times the points it is missing (all of them without evidence). */
export function priorityOf(weight: number, score: number | null): number {
  return round1(weight * (100 - (score ?? 0)));
}

/** One decimal place: enough precision for a 0-100 score, and stable bytes in every output. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Coverage is a share: four decimals keep "38% of the weight" exact and the bytes stable. */
export function round4(value: number): number {
  return Math.round(value * 10000) / 10000;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
