/**
 * Year-over-year history from several JSON reports of one partnership: the overall
 * score, each principle and each practice at every assessment date, oldest first, and,
 * where a report carried a survey, what people said. Only scores, bands and the pooled
 * survey means are carried over (never a group's figures), so no survey group can
 * reappear here that a report did not show.
 */
import type { Band, Report } from '../model/report.js';
import { byCodePoint } from '../model/order.js';
import { bandFor } from './score.js';

export interface TrendSeries {
  id: string;
  number: number | null;
  title: string;
  short: string;
  /** One score per point, null where that report had none. */
  scores: (number | null)[];
  /** One band per point, null where that report did not have this principle or practice. */
  bands: (Band | null)[];
  /** Latest score minus the first one there is (null with fewer than two scores, or none at the latest point). */
  sinceFirst: number | null;
  /** Latest score minus the one at the point before it (null when either is missing). */
  sincePrevious: number | null;
}

/** One practice across the assessments, matched by id. */
export interface PracticeHistory extends TrendSeries {
  number: number;
  /** The principle id the practice belongs to (in the latest report). */
  principle: string;
}

/** The pooled survey answers of one principle (or of all of them) at each point: 1-5 means and how many answers they rest on. */
export interface PerceptionSeries {
  id: string;
  number: number | null;
  title: string;
  short: string;
  /** Mean answer on the 1-5 scale, null where that report had no survey or no answers for it. */
  means: (number | null)[];
  /** How many 1-5 answers the mean pools (every respondent answers several statements per principle); null without a survey. */
  answers: (number | null)[];
  /** Latest mean minus the first one there is, as for scores. */
  sinceFirst: number | null;
}

export interface TrendPoint {
  asOf: string;
  file: string;
  rubric: string;
  band: Band;
  /** Survey respondents counted in that report, null when it had no survey. */
  respondents: number | null;
  /** That report's survey was below the rubric's caution size: its means are a few voices. */
  smallSample: boolean;
}

export interface Trend {
  partnership: string;
  points: TrendPoint[];
  /** Band thresholds of the latest report (`scoring.bands`), for shading and reading the bands. */
  bands: Report['scoring']['bands'];
  overall: TrendSeries;
  principles: TrendSeries[];
  practices: PracticeHistory[];
  /** Survey perception over time; null when no report carried survey answers. */
  perception: { overall: PerceptionSeries; principles: PerceptionSeries[] } | null;
  /** True when the reports were made with different rubric versions or band thresholds: read changes with care. */
  mixedRubrics: boolean;
  /**
   * True when some reports had a survey and others did not. Their scores are then not alike (a report with a
   * survey combines evidence and perception), so the trend compares what the files show: see `basis`.
   */
  mixedSurvey: boolean;
  /**
   * What the scores and bands are: `combined`, each report's own score (evidence and survey where it had one),
   * when every report or none had a survey; `evidence`, the file's evidence alone, when they mix, so adding a
   * survey in one year cannot pass for a rise or a fall. Perception is shown beside them either way.
   */
  basis: 'combined' | 'evidence';
}

type Located = { report: Report; file: string };

export function buildTrend(reports: readonly Located[]): Trend {
  const ordered = [...reports].sort((a, b) => byCodePoint(a.report.asOf, b.report.asOf) || byCodePoint(a.file, b.file));
  const latest = ordered.at(-1)!.report;
  const mixedSurvey = new Set(ordered.map(({ report }) => surveyed(report))).size > 1;
  const basis = mixedSurvey ? 'evidence' : 'combined';
  const judged = (report: Report, entry: Judged | undefined) => (entry === undefined ? { score: null, band: null } : judgement(report, entry, basis));
  const principles = latest.principles.map((principle) => {
    const found = ordered.map(({ report }) => judged(report, report.principles.find((entry) => entry.id === principle.id)));
    return {
      id: principle.id,
      number: principle.number,
      title: principle.title,
      short: principle.short,
      ...history(found.map((entry) => entry.score)),
      bands: found.map((entry) => entry.band),
    };
  });
  const overall = ordered.map(({ report }) => judged(report, report.overall));
  const rubrics = new Set(ordered.map(({ report }) => `${report.rubric.id} ${report.rubric.version} ${report.scoring.bands.strong} ${report.scoring.bands.developing}`));
  return {
    partnership: latest.partnership.name,
    points: ordered.map(({ report, file }) => ({
      asOf: report.asOf,
      file,
      rubric: `${report.rubric.id} ${report.rubric.version}`,
      band: report.overall.band,
      respondents: surveyed(report) ? report.survey!.respondents : null,
      smallSample: surveyed(report) && report.survey!.smallSample,
    })),
    bands: { ...latest.scoring.bands },
    overall: {
      id: 'overall',
      number: null,
      title: 'Overall',
      short: 'Overall',
      ...history(overall.map((entry) => entry.score)),
      bands: overall.map((entry) => entry.band),
    },
    principles,
    practices: latest.practices.map((practice) => {
      const found = ordered.map(({ report }) => judged(report, report.practices.find((entry) => entry.id === practice.id)));
      return {
        id: practice.id,
        number: practice.number,
        title: practice.title,
        short: practice.short,
        principle: practice.principle,
        ...history(found.map((entry) => entry.score)),
        bands: found.map((entry) => entry.band),
      };
    }),
    perception: perceptionHistory(latest, ordered),
    mixedRubrics: rubrics.size > 1,
    mixedSurvey,
    basis,
  };
}

type Judged = Report['overall'] | Report['principles'][number] | Report['practices'][number];

/** A score and band on the trend's basis: the report's own, or its evidence alone (a choice not to pursue stays one). */
function judgement(report: Report, entry: Judged, basis: Trend['basis']): { score: number | null; band: Band } {
  if (basis === 'combined' || entry.band === 'not_applicable') return { score: entry.score, band: entry.band };
  const score = 'evidenceScore' in entry ? entry.evidenceScore : entry.evidence.score;
  return { score, band: bandFor(score, report.scoring.bands) };
}

/** A report "carries a survey" when it counted at least one respondent: one whose responses were all late has nothing to show. */
function surveyed(report: Report): boolean {
  return report.survey !== null && report.survey.respondents > 0;
}

/** The values with their change since the first and since the previous point. */
function history(scores: (number | null)[]): { scores: (number | null)[]; sinceFirst: number | null; sincePrevious: number | null } {
  const last = scores.at(-1) ?? null;
  const previous = scores.length > 1 ? scores.at(-2)! : null;
  return { scores, sinceFirst: sinceFirst(scores), sincePrevious: last === null || previous === null ? null : roundDifference(last - previous) };
}

function sinceFirst(values: readonly (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length < 2 || values.at(-1) === null ? null : roundDifference(present.at(-1)! - present[0]!);
}

/** Scores carry one decimal and means two, so a difference keeps two: 91.5 - 56.3 is 35.2 in the JSON, not 35.199999999999996. */
function roundDifference(value: number): number {
  return Math.round(value * 100) / 100;
}

function perceptionHistory(latest: Report, ordered: readonly Located[]): Trend['perception'] {
  if (!ordered.some(({ report }) => surveyed(report))) return null;
  const pooled = (perception: { n: number; mean: number | null } | null | undefined, report: Report) =>
    surveyed(report) ? { mean: perception?.mean ?? null, answers: perception?.n ?? 0 } : { mean: null, answers: null };
  const overall = ordered.map(({ report }) => pooled(report.overall.perception, report));
  return {
    overall: perceptionSeries({ id: 'overall', number: null, title: 'Overall', short: 'Overall' }, overall),
    principles: latest.principles.map((principle) => {
      const figures = ordered.map(({ report }) => pooled(report.principles.find((entry) => entry.id === principle.id)?.perception, report));
      return perceptionSeries({ id: principle.id, number: principle.number, title: principle.title, short: principle.short }, figures);
    }),
  };
}

function perceptionSeries(name: Pick<PerceptionSeries, 'id' | 'number' | 'title' | 'short'>, figures: readonly { mean: number | null; answers: number | null }[]): PerceptionSeries {
  const means = figures.map((entry) => entry.mean);
  return { ...name, means, answers: figures.map((entry) => entry.answers), sinceFirst: sinceFirst(means) };
}
