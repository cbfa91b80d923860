/**
 * How loud each kind of finding is in CI: a band (the practice's) or a survey signal maps
 * to an annotation level. GitHub annotations, SARIF levels and JUnit failures all read
 * one map, set in `.pesrc.yaml` under `severity:` and filled in from the gate's band.
 */
import { BANDS, type Band, failsOn, type FailOn, TRIANGULATION_LABELS, type TriangulationLabel } from './labels.js';

export const SEVERITIES = ['error', 'warning', 'notice', 'none'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Bands a finding can be in: a practice not pursued has none. */
export const SEVERITY_BANDS = BANDS.filter((band): band is Exclude<Band, 'not_applicable'> => band !== 'not_applicable');
export type SeverityBand = (typeof SEVERITY_BANDS)[number];

export type SeverityKey = SeverityBand | TriangulationLabel;
export const SEVERITY_KEYS: readonly SeverityKey[] = [...SEVERITY_BANDS, ...TRIANGULATION_LABELS];

export type SeverityMap = Record<SeverityKey, Severity>;

/**
 * The map in force: what the config sets, and for the rest the defaults. A band the gate
 * fails on is an error (so the annotations agree with the exit code), developing a warning,
 * a strong practice's open check a notice. The survey's paper-only and divergent signals
 * are notices on the file: they ask for a conversation, not a fix on a line. The other
 * signals repeat what the band already says, so they are off unless asked for.
 */
export function resolveSeverity(failOn: FailOn, configured: Partial<SeverityMap> = {}): SeverityMap {
  const bands = Object.fromEntries(
    SEVERITY_BANDS.map((band) => [band, band === 'strong' ? 'notice' : failsOn(band, failOn) ? 'error' : 'warning'] as const),
  ) as Record<SeverityBand, Severity>;
  return {
    ...bands,
    paper_only: 'notice',
    divergent: 'notice',
    hidden_strength: 'none',
    confirmed_gap: 'none',
    confirmed_strength: 'none',
    ...configured,
  };
}

/** The louder of two levels. */
export function louder(a: Severity, b: Severity): Severity {
  return SEVERITIES.indexOf(a) <= SEVERITIES.indexOf(b) ? a : b;
}
