/**
 * The change since an earlier report of the same partnership and rubric (the CLI refuses
 * any other): per practice, per principle and overall, matched by id.
 */
import type { Band, Report } from '../model/report.js';
import { round1 } from './score.js';

export type BaselineChange = NonNullable<Report['baseline']>;

interface Scored {
  score: number | null;
  band: Band;
}

/**
 * What a score counts as in a comparison: as in the aggregates, no evidence counts 0, so
 * that leaving a practice out since the baseline shows as the fall it is. Only a practice
 * not pursued (or not in the other report) has nothing to compare.
 */
function counted(scored: Scored | undefined): number | null {
  if (scored === undefined || scored.band === 'not_applicable') return null;
  return scored.score ?? 0;
}

export function compareWithBaseline(current: Pick<Report, 'practices' | 'principles' | 'overall'>, baseline: Report, file: string): BaselineChange {
  const change = (earlier: Scored | undefined, now: Scored) => {
    const [before, after] = [counted(earlier), counted(now)];
    return { before, after, delta: before === null || after === null ? null : round1(after - before) };
  };
  const earlierPractice = new Map(baseline.practices.map((practice) => [practice.id, practice]));
  const earlierPrinciple = new Map(baseline.principles.map((principle) => [principle.id, principle]));
  const practices = current.practices.map((practice) => {
    const before = earlierPractice.get(practice.id);
    return { id: practice.id, number: practice.number, bandBefore: before?.band ?? null, ...change(before, practice) };
  });
  const overall = change(baseline.overall, current.overall);
  const regressions: BaselineChange['regressions'] = [];
  if (overall.delta !== null && overall.delta < 0) regressions.push({ what: 'overall score', before: overall.before!, after: overall.after! });
  for (const practice of practices) {
    if (practice.delta !== null && practice.delta < 0) {
      regressions.push({ what: `#${practice.number} ${current.practices.find((p) => p.id === practice.id)!.title}`, before: practice.before!, after: practice.after! });
    }
  }
  return {
    file,
    asOf: baseline.asOf,
    rubricVersion: baseline.rubric.version,
    overall,
    principles: current.principles.map((principle) => ({
      id: principle.id,
      number: principle.number,
      ...change(earlierPrinciple.get(principle.id), principle),
    })),
    practices,
    regressions,
  };
}
