/**
 * The change since an earlier report of the same partnership and rubric (the CLI refuses
 * any other): per practice, per principle and overall, matched by id.
 */
import type { Report } from '../model/report.js';
import { round1 } from './score.js';

export type BaselineChange = NonNullable<Report['baseline']>;

export function compareWithBaseline(current: Pick<Report, 'practices' | 'principles' | 'overall'>, baseline: Report, file: string): BaselineChange {
  const change = (before: number | null, after: number | null) => ({
    before,
    after,
    delta: before === null || after === null ? null : round1(after - before),
  });
  const earlierPractice = new Map(baseline.practices.map((practice) => [practice.id, practice]));
  const earlierPrinciple = new Map(baseline.principles.map((principle) => [principle.id, principle]));
  const practices = current.practices.map((practice) => {
    const before = earlierPractice.get(practice.id);
    return { id: practice.id, number: practice.number, bandBefore: before?.band ?? null, ...change(before?.score ?? null, practice.score) };
  });
  const overall = change(baseline.overall.score, current.overall.score);
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
      ...change(earlierPrinciple.get(principle.id)?.score ?? null, principle.score),
    })),
    practices,
    regressions,
  };
}
