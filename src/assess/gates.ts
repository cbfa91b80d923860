/**
 * Gates turn a report into a pass or fail for CI: an overall minimum, a band no
 * practice may fall into, per-practice minimums, and no regression since a baseline.
 * Each failure says which gate, why, and where the gate was set (a flag, or the
 * config file's line), so a failure in CI can be traced to the setting that made it.
 */
import { failsOn, type FailOn } from '../model/labels.js';
import type { Report } from '../model/report.js';

export interface GateSettings {
  failUnder?: number;
  failOn?: FailOn;
  /** Practice id -> minimum score. */
  practiceMinimums?: Record<string, number>;
  failOnRegression?: boolean;
  /**
   * Where each gate came from, as the failure names it: `--fail-on gap`, or
   * `.pesrc.yaml:4:3 fail_on: gap`. Practice minimums by practice id.
   */
  origins?: { failUnder?: string; failOn?: string; practiceMinimums?: Record<string, string>; failOnRegression?: string };
}

export function gateFailures(report: Report, settings: GateSettings): string[] {
  const failures: string[] = [];
  const origins = settings.origins ?? {};
  const from = (origin: string | undefined) => (origin === undefined ? '' : `; set by ${origin}`);
  const score = report.overall.score;
  if (settings.failUnder !== undefined && (score === null || score < settings.failUnder)) {
    failures.push(`overall score ${score === null ? 'unknown (no practice has evidence)' : Math.round(score)} is below the minimum of ${settings.failUnder}${from(origins.failUnder)}`);
  }
  if (settings.failOn !== undefined) {
    for (const practice of report.practices) {
      if (!failsOn(practice.band, settings.failOn)) continue;
      const standing = practice.score === null ? 'not described (no evidence, no points)' : `${practice.band} (${Math.round(practice.score)})`;
      failures.push(`#${practice.number} ${practice.title} is ${standing}${from(origins.failOn ?? `--fail-on ${settings.failOn}`)}`);
    }
  }
  for (const [id, minimum] of Object.entries(settings.practiceMinimums ?? {})) {
    const practice = report.practices.find((p) => p.id === id);
    if (!practice || practice.band === 'not_applicable') continue;
    if (practice.score === null || practice.score < minimum) {
      failures.push(
        `#${practice.number} ${practice.title} scores ${practice.score === null ? 'nothing (not described)' : Math.round(practice.score)}, below its minimum of ${minimum}${from(origins.practiceMinimums?.[id])}`,
      );
    }
  }
  if (settings.failOnRegression) {
    for (const regression of report.baseline?.regressions ?? []) {
      failures.push(`${regression.what} fell from ${Math.round(regression.before)} to ${Math.round(regression.after)} since ${report.baseline!.asOf}${from(origins.failOnRegression)}`);
    }
  }
  return failures;
}
