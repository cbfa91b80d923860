/**
 * Builds the report object: evidence scores, survey perception where there is
 * some, the two combined and compared, findings located on YAML lines, and
 * recommendations in priority order. Every renderer reads only this object.
 */
import { fillTemplate } from '../checks/check.js';
import type { IsoDate } from '../model/dates.js';
import type { Partnership } from '../model/partnership.js';
import type { Path } from '../model/path.js';
import { REPORT_SCHEMA_VERSION, type TriangulationLabel } from '../model/labels.js';
import type { Band, CheckResult, Location, PracticeResult, PrincipleResult, Report } from '../model/report.js';
import type { Practice, Rubric, SignalLabel } from '../model/rubric.js';
import type { PracticePerception, SurveyAggregate } from '../model/perception.js';
import { compareWithBaseline } from './baseline.js';
import { selectDiscussion, type AssessedPractice } from './discussion.js';
import { narrate } from './narrative.js';
import { evaluateRubric, type PracticeEvaluation } from './evaluate.js';
import { describeCheck, describeNeeds, formatOutcome } from './messages.js';
import { worstFirst } from './check-order.js';
import { aggregate, bandFor, checkPoints, combinedScore, practiceEvidence, priorityOf, round4 } from './score.js';
import { disagreementSize, triangulate, type GroupGap, type Triangulation } from './triangulate.js';

export const TOP_RECOMMENDATIONS = 5;

export interface ReportInputs {
  partnershipFile: string;
  partnershipSha256: string;
  rubricFile: string;
  rubricSha256: string;
  digest: string;
}

export interface ReportRequest {
  rubric: Rubric;
  /** The facts of the file, placeholders left out. */
  partnership: Partnership;
  /** Where a path of the partnership sits in its file (the loader's `source.locate`). */
  locate: (path: Path) => { line: number; col: number };
  /** Placeholder values the loader left out, with their places. */
  placeholders: readonly { path: Path; line: number; column: number; value: string }[];
  asOf: IsoDate;
  inputs: ReportInputs;
  tool: { name: string; version: string };
  survey?: SurveyAggregate;
  /** Practices the partnership decided not to pursue, by practice id, with the reason. */
  notApplicable?: ReadonlyMap<string, string>;
  /** An earlier report to compare with. */
  baseline?: { report: Report; file: string };
}

export function buildReport(request: ReportRequest): Report {
  const { rubric, partnership, asOf, survey } = request;
  const { scoring } = rubric;
  const locate = (path: Path): Location => {
    const { line, col } = request.locate(path);
    return { path: [...path], line, column: col };
  };
  const perceptions = new Map((survey?.practices ?? []).map((perception) => [perception.practice, perception]));
  const assessed = evaluateRubric(rubric, partnership, asOf).map((evaluation) =>
    assessPractice(evaluation, perceptions.get(evaluation.practice.id), request.notApplicable?.get(evaluation.practice.id), rubric, locate),
  );
  const practices = assessed.map(({ result }) => result);
  const summarise = (members: readonly PracticeResult[]) => {
    // A practice the partnership chose not to pursue is out of every denominator.
    const judged = members.filter((practice) => practice.notApplicable === null);
    const combined = aggregate(judged.map(({ score, weight, coverage }) => ({ score, weight, coverage })), scoring);
    const evidence = aggregate(judged.map(({ evidence: { score }, weight, coverage }) => ({ score, weight, coverage })), scoring);
    return {
      score: combined.score,
      band: judged.length === 0 ? ('not_applicable' as const) : bandFor(combined.score, scoring.bands),
      evidenceScore: evidence.score,
      coverage: combined.coverage,
      described: combined.described,
      total: combined.total,
      // Provisional qualifies a judgement; with nothing described there is none to qualify.
      provisional: combined.score !== null && combined.provisional,
    };
  };
  const principles = rubric.principles.map((principle): PrincipleResult => {
    const members = practices.filter((practice) => practice.principle === principle.id);
    const perception = survey?.principles.find((entry) => entry.principle === principle.id);
    return {
      number: principle.number,
      id: principle.id,
      title: principle.title,
      short: principle.short,
      ...summarise(members),
      perception: perception ? { n: perception.n, mean: perception.mean, score: perception.score } : null,
      practices: members.map((member) => member.number),
    };
  });
  const discussion = survey ? selectDiscussion(assessed, rubric) : [];
  const disagreements = assessed
    .filter(({ result }) => result.labels.includes('divergent') && result.notApplicable === null)
    .map(({ result, triangulation }) => ({
      practice: result.number,
      title: result.title,
      n: result.perception!.n,
      sd: result.perception!.sd ?? 0,
      min: result.perception!.min ?? 0,
      max: result.perception!.max ?? 0,
      widestGroupGap: triangulation.widestGroupGap,
    }))
    .sort((a, b) => disagreementSize(b.sd, b.widestGroupGap) - disagreementSize(a.sd, a.widestGroupGap) || a.practice - b.practice);
  const report: Omit<Report, 'narrative'> = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: request.tool,
    rubric: { id: rubric.id, version: rubric.version, title: rubric.title },
    asOf,
    inputs: {
      partnership: { file: request.inputs.partnershipFile, sha256: request.inputs.partnershipSha256 },
      rubric: { file: request.inputs.rubricFile, sha256: request.inputs.rubricSha256 },
      digest: request.inputs.digest,
    },
    partnership: { name: partnership.partnership.name },
    scoring: {
      points: { ...scoring.points, not_described: 0 },
      bands: { ...scoring.bands },
      caps: { ...scoring.caps },
      provisionalBelow: scoring.provisional_below,
    },
    overall: { ...summarise(practices), perception: survey ? { ...survey.overall } : null },
    placeholders: request.placeholders.map(({ path, line, column, value }) => ({ path: [...path], line, column, value })),
    survey: survey
      ? {
          comments:
            survey.comments?.map((entry) => ({ ...entry, title: rubric.principles.find((principle) => principle.id === entry.principle)!.title })) ?? null,
          respondents: survey.respondents,
          complete: survey.complete,
          minGroupSize: survey.minGroupSize,
          smallSample: survey.smallSample,
          minAnswers: rubric.triangulation.min_answers,
          late: { ...survey.late },
          dimensions: survey.dimensions,
        }
      : null,
    principles,
    practices,
    recommendations: practices
      .filter((practice) => practice.band === 'gap' || practice.band === 'developing' || practice.band === 'not_described')
      .sort((a, b) => b.priority - a.priority || a.number - b.number)
      .slice(0, TOP_RECOMMENDATIONS)
      .map((practice, index) => ({
        rank: index + 1,
        practice: practice.number,
        title: practice.title,
        band: practice.band,
        score: practice.score,
        priority: practice.priority,
        advice: [...practice.advice],
      })),
    // One voice: a practice the survey calls into question, or the room is asked about, is not praised as well.
    strengths: practices
      .filter(
        (practice) =>
          practice.band === 'strong' &&
          !practice.labels.some((label) => QUESTIONING_LABELS.has(label)) &&
          !discussion.some((item) => item.practice === practice.number),
      )
      .map((practice) => ({ practice: practice.number, title: practice.title, score: practice.score! })),
    notDescribed: practices
      .filter((practice) => practice.needs.length > 0)
      .map((practice) => ({ practice: practice.number, title: practice.title, add: practice.needs })),
    disagreements,
    discussion,
    baseline: null,
  };
  if (request.baseline) report.baseline = compareWithBaseline(report, request.baseline.report, request.baseline.file);
  return { ...report, narrative: narrate(report) };
}

/** Signals that put a practice in question: such a practice is never listed among the strengths. */
const QUESTIONING_LABELS: ReadonlySet<TriangulationLabel> = new Set(['paper_only', 'divergent', 'confirmed_gap']);

function assessPractice(
  { practice, checks }: PracticeEvaluation,
  perception: PracticePerception | undefined,
  notApplicable: string | undefined,
  rubric: Rubric,
  locate: (path: Path) => Location,
): AssessedPractice {
  const { scoring } = rubric;
  const results: CheckResult[] = checks.map(({ use, check, outcome }) => ({
    check: check.name,
    description: describeCheck(check, use.params),
    status: outcome.status,
    weight: use.weight,
    points: checkPoints(outcome.status, scoring.points),
    critical: use.critical,
    messageId: outcome.messageId,
    data: definedOnly(outcome.data),
    message: formatOutcome(check, outcome, use.params),
    location: locate(outcome.path),
    related: (outcome.related ?? []).map(locate),
    basis: use.basis,
    fix: use.fix,
  }));
  const evidence = practiceEvidence(results, scoring);
  const evidenceBand = bandFor(evidence.score, scoring.bands);
  const triangulation = triangulate({ score: evidence.score, band: evidenceBand }, perception, rubric);
  const pursued = notApplicable === undefined;
  // A practice the partnership chose not to pursue is shown with its reason but scored nowhere.
  const score = pursued ? combinedScore(evidence, perception?.score ?? null, rubric.combine) : null;
  const band = pursued ? bandFor(score, scoring.bands) : 'not_applicable';
  const needs = checks.filter(({ outcome }) => outcome.status === 'not_described').map(({ use, check }) => describeNeeds(check, use.params));
  const ordered = worstFirst(results);
  const lead = ordered[0]!;
  const shownPerception = perception && perception.n + perception.dontKnow > 0 ? withoutId(perception) : null;
  return {
    practice,
    triangulation,
    result: {
      number: practice.number,
      id: practice.id,
      title: practice.title,
      short: practice.short,
      principle: practice.principle,
      weight: practice.weight,
      score,
      band,
      coverage: round4(evidence.coverage),
      basis: practice.basis,
      evidence: { score: evidence.score, band: evidenceBand, cap: evidence.cap, checks: results },
      perception: shownPerception,
      labels: triangulation.labels,
      tooFewAnswers: triangulation.tooFewAnswers,
      notApplicable: pursued ? null : { reason: notApplicable },
      finding: pursued ? lead.message : `not pursued: ${notApplicable}`,
      location: lead.location,
      priority: pursued ? priorityOf(practice.weight, score) : 0,
      advice: pursued ? advise(practice, band, ordered, needs, triangulation, perception, rubric) : [`Deliberately not pursued: ${notApplicable}`],
      needs: pursued ? needs : [],
    },
  };
}

/**
 * What to do, from what was found, so that advice can never contradict a finding: the
 * fixes of the failing checks; for a strong practice, how to keep it; and where the
 * survey says more than the file, advice written for that signal.
 */
function advise(
  practice: Practice,
  band: Band,
  ordered: readonly CheckResult[],
  needs: readonly string[],
  triangulation: Triangulation,
  perception: PracticePerception | undefined,
  rubric: Rubric,
): string[] {
  const fixes = [...new Set(ordered.filter((check) => check.status !== 'met').map((check) => check.fix))];
  const signal = triangulation.labels.find((label): label is SignalLabel => label === 'paper_only' || label === 'divergent' || label === 'hidden_strength');
  if (signal && perception) {
    const template = practice.advice.signals?.[signal] ?? rubric.triangulation.advice[signal];
    const text = fillTemplate(template, {
      mean: perception.mean?.toFixed(1) ?? '-',
      spread: describeSpread(perception, triangulation.widestGroupGap),
      question: practice.question,
      needs: needs.join('; '),
    });
    // People disagree: talk first, then the fixes still stand. On paper only, or lived but unrecorded, the file is not the problem.
    return signal === 'divergent' ? [text, ...fixes] : [text];
  }
  if (band === 'strong' || fixes.length === 0) return [practice.advice.strong, ...fixes];
  return fixes;
}

export function describeSpread(perception: Pick<PracticePerception, 'sd' | 'min' | 'max'>, gap: GroupGap | null): string {
  const parts = [`answers from ${perception.min} to ${perception.max}, standard deviation ${perception.sd?.toFixed(2)}`];
  if (gap && gap.gap > 0) parts.push(`${gap.high.group} ${gap.high.mean.toFixed(1)} vs ${gap.low.group} ${gap.low.mean.toFixed(1)}`);
  return parts.join('; ');
}

function withoutId({ practice: _practice, ...rest }: PracticePerception): Omit<PracticePerception, 'practice'> {
  return rest;
}

function definedOnly(data: Record<string, string | number | undefined>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(data)) if (value !== undefined) out[key] = value;
  return out;
}
