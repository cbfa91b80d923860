/** The order a practice's findings and advice are given in, shared by the report and every renderer. */
import type { CheckStatus } from '../model/labels.js';

/** Worst first: not met, partly met, then what the file does not say. */
const STATUS_SEVERITY: Record<CheckStatus, number> = { not_met: 0, partly: 1, not_described: 2, met: 3 };

/** Failing critical checks first (they cap the practice), then the worst, then rubric order. */
export function worstFirst<T extends { status: CheckStatus; critical: boolean }>(checks: readonly T[]): T[] {
  const failingCritical = (check: T) => Number(check.critical && check.status !== 'met');
  return checks
    .map((check, index) => ({ check, index }))
    .sort((a, b) => failingCritical(b.check) - failingCritical(a.check) || STATUS_SEVERITY[a.check.status] - STATUS_SEVERITY[b.check.status] || a.index - b.index)
    .map(({ check }) => check);
}
