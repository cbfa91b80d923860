/**
 * The findings machine formats report: every check that is not met, partly met or
 * not described, with its practice and its place in the partnership file. SARIF,
 * GitHub annotations and JUnit all draw from this one list.
 */
import { failsOn, type FailOn } from '../model/labels.js';
import type { CheckResult, PracticeResult, Report } from '../model/report.js';

export type FindingLevel = 'error' | 'warning' | 'note';

export interface Finding {
  practice: PracticeResult;
  check: CheckResult;
  level: FindingLevel;
}

export function findingsOf(report: Report, failOn: FailOn): Finding[] {
  const findings: Finding[] = [];
  for (const practice of report.practices) {
    if (practice.band === 'not_applicable') continue;
    const failing = failsOn(practice.band, failOn);
    for (const check of practice.evidence.checks) {
      if (check.status === 'met') continue;
      // A strong practice may still have a check open: it is shown, as a note. A check not described weighs like one not met.
      const level: FindingLevel = practice.band === 'strong' ? 'note' : failing ? 'error' : 'warning';
      findings.push({ practice, check, level });
    }
  }
  return findings;
}
