/**
 * The findings machine formats report: every check that is not met, partly met or
 * not described, with its practice and its place in the partnership file, and the
 * survey's signals (paper only, divergent...) as findings on the file as a whole.
 * SARIF, GitHub annotations and JUnit all draw from this one list, at the level the
 * severity map gives the practice's band or the signal; a level of `none` leaves it out.
 */
import type { TriangulationLabel } from '../model/labels.js';
import type { CheckResult, PracticeResult, Report } from '../model/report.js';
import { resolveSeverity, type SeverityMap } from '../model/severity.js';
import { LABEL_NAMES, spreadText } from './labels.js';
import type { RenderOptions } from './options.js';

export type FindingLevel = 'error' | 'warning' | 'notice';

interface FindingBase {
  practice: PracticeResult;
  level: FindingLevel;
}

/** An open check, on the line it is about. */
export interface CheckFinding extends FindingBase {
  kind: 'check';
  check: CheckResult;
}

/** A survey signal: what people said against what the file shows, on no one line. */
export interface SignalFinding extends FindingBase {
  kind: 'signal';
  signal: TriangulationLabel;
  message: string;
}

export type Finding = CheckFinding | SignalFinding;

/** The severity map a render uses: the one the CLI resolved, or the defaults for its --fail-on band. */
export function severityOf(options: Pick<RenderOptions, 'failOn' | 'severity'>): SeverityMap {
  return options.severity ?? resolveSeverity(options.failOn);
}

export function findingsOf(report: Report, options: Pick<RenderOptions, 'failOn' | 'severity'>): Finding[] {
  const severity = severityOf(options);
  const findings: Finding[] = [];
  for (const practice of report.practices) {
    if (practice.band === 'not_applicable') continue;
    const level = severity[practice.band];
    if (level !== 'none') {
      // A check not described weighs like one not met; a strong practice may still have one open.
      for (const check of practice.evidence.checks) if (check.status !== 'met') findings.push({ kind: 'check', practice, check, level });
    }
    for (const signal of practice.labels) {
      const signalLevel = severity[signal];
      if (signalLevel !== 'none') findings.push({ kind: 'signal', practice, signal, level: signalLevel, message: signalMessage(report, practice, signal) });
    }
  }
  return findings;
}

/** What a signal means for this practice, with the figures it rests on. */
export function signalMessage(report: Report, practice: PracticeResult, signal: TriangulationLabel): string {
  const perception = practice.perception;
  const answers = perception?.mean != null ? `${perception.n} answer${perception.n === 1 ? '' : 's'}, mean ${perception.mean.toFixed(1)} of 5` : 'no answers';
  const name = LABEL_NAMES[signal];
  switch (signal) {
    case 'paper_only':
      return `${name}: the file shows this practice as strong, but respondents rate it low (${answers}); ask what the record misses`;
    case 'divergent': {
      const disagreement = report.disagreements.find((entry) => entry.practice === practice.number);
      return `${name}: respondents disagree, ${disagreement ? spreadText(disagreement, 'sd') : answers}; talk it through before acting on the score`;
    }
    case 'hidden_strength':
      return `${name}: the file does not describe this practice, but respondents rate it high (${answers}); record what they see`;
    case 'confirmed_gap':
      return `${name}: the file and respondents agree this is a gap (${answers})`;
    case 'confirmed_strength':
      return `${name}: the file and respondents agree this is a strength (${answers})`;
  }
}
