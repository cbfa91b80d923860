/** Names shared by the report schema and the code that fills it, kept apart so the code need not build the schema. */

/** Bumped whenever a report's shape or meaning changes; a baseline of another version is refused. */
export const REPORT_SCHEMA_VERSION = 2;

/** What one evidence check concluded; `not_described` when the file says nothing it could judge. */
export const CHECK_STATUSES = ['met', 'partly', 'not_met', 'not_described'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const BANDS = ['strong', 'developing', 'gap', 'not_described', 'not_applicable'] as const;
export type Band = (typeof BANDS)[number];

/** The bands `--fail-on` can name: each fails its own band and every worse one. */
export const FAIL_ON = ['gap', 'developing'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/**
 * One rule for the gate's exit code and for the failures in SARIF, GitHub annotations and JUnit.
 * A practice without evidence scores 0, so it fails with the gap band: leaving a practice out of
 * the file must never pass a gate that describing it honestly would fail.
 */
export function failsOn(band: Band, failOn: FailOn): boolean {
  return band === 'gap' || band === 'not_described' || (failOn === 'developing' && band === 'developing');
}

export const TRIANGULATION_LABELS = ['paper_only', 'divergent', 'hidden_strength', 'confirmed_gap', 'confirmed_strength'] as const;
export type TriangulationLabel = (typeof TRIANGULATION_LABELS)[number];
