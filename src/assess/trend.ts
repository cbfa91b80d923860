/**
 * Year-over-year history from several JSON reports of one partnership: the overall
 * score and each principle at every assessment date, oldest first. Only scores are
 * carried over, so no survey group can reappear here that a report did not show.
 */
import type { Report } from '../model/report.js';
import { byCodePoint } from '../model/order.js';

export interface TrendSeries {
  id: string;
  number: number | null;
  title: string;
  short: string;
  /** One score per point, null where that report had none. */
  scores: (number | null)[];
}

export interface Trend {
  partnership: string;
  points: { asOf: string; file: string; rubric: string; band: Report['overall']['band']; respondents: number | null }[];
  overall: TrendSeries;
  principles: TrendSeries[];
  /** True when the reports were made with different rubric versions: read changes with care. */
  mixedRubrics: boolean;
}

export function buildTrend(reports: readonly { report: Report; file: string }[]): Trend {
  const ordered = [...reports].sort((a, b) => byCodePoint(a.report.asOf, b.report.asOf) || byCodePoint(a.file, b.file));
  const latest = ordered.at(-1)!.report;
  const principles = latest.principles.map((principle) => ({
    id: principle.id,
    number: principle.number,
    title: principle.title,
    short: principle.short,
    scores: ordered.map(({ report }) => report.principles.find((entry) => entry.id === principle.id)?.score ?? null),
  }));
  const rubrics = new Set(ordered.map(({ report }) => `${report.rubric.id} ${report.rubric.version}`));
  return {
    partnership: latest.partnership.name,
    points: ordered.map(({ report, file }) => ({
      asOf: report.asOf,
      file,
      rubric: `${report.rubric.id} ${report.rubric.version}`,
      band: report.overall.band,
      respondents: report.survey?.respondents ?? null,
    })),
    overall: { id: 'overall', number: null, title: 'Overall', short: 'Overall', scores: ordered.map(({ report }) => report.overall.score) },
    principles,
    mixedRubrics: rubrics.size > 1,
  };
}
