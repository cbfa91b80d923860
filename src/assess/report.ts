/**
 * Builds the report object: evidence scores, survey perception where there is
 * some, the two combined and compared, findings located on YAML lines, and
 * recommendations in priority order. Every renderer reads only this object.
 */
import { fillTemplate } from '../checks/check.js';
import type { LoadedPartnership } from '../load/partnership.js';
import type { Path } from '../load/yaml-source.js';
import type { IsoDate } from '../model/dates.js';
import type { CheckResult, Location, PracticeResult, PrincipleResult, Report } from '../model/report.js';
import type { Practice, Rubric } from '../model/rubric.js';
import type { PracticePerception, SurveyAggregate } from '../survey/aggregate.js';
import { compareWithBaseline } from './baseline.js';
import { selectDiscussion } from './discussion.js';
import { narrate } from './narrative.js';
import { evaluateRubric, type PracticeEvaluation } from './evaluate.js';
import { describeNeeds, formatOutcome } from './messages.js';
import { bandFor, checkPoints, priorityOf, round1, STATUS_SEVERITY, weightedMean } from './score.js';
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
  loaded: LoadedPartnership;
  asOf: IsoDate;
  inputs: ReportInputs;
  tool: { name: string; version: string };
  survey?: SurveyAggregate;
  /** Practices the partnership decided not to pursue, by practice id, with the reason. */
  notApplicable?: ReadonlyMap<string, string>;
  /** An earlier report to compare with. */
  baseline?: { report: Report; file: string };
}

/** A practice with its result and triangulation: what the discussion guide chooses from. */
export interface AssessedPractice {
  practice: Practice;
  result: PracticeResult;
  triangulation: Triangulation;
}

export function buildReport(request: ReportRequest): Report {
  const { rubric, loaded, asOf, survey } = request;
  const locate = (path: Path): Location => {
    const { line, col } = loaded.source.locate(path);
    return { path: [...path], line, column: col };
  };
  const perceptions = new Map((survey?.practices ?? []).map((perception) => [perception.practice, perception]));
  const assessed = evaluateRubric(rubric, loaded.partnership, asOf).map((evaluation) =>
    assessPractice(evaluation, perceptions.get(evaluation.practice.id), request.notApplicable?.get(evaluation.practice.id), rubric, locate),
  );
  const practices = assessed.map(({ result }) => result);
  const principles = rubric.principles.map((principle): PrincipleResult => {
    const members = practices.filter((practice) => practice.principle === principle.id);
    const score = meanScore(members, (practice) => practice.score);
    const perception = survey?.principles.find((entry) => entry.principle === principle.id);
    return {
      number: principle.number,
      id: principle.id,
      title: principle.title,
      short: principle.short,
      score,
      band: bandFor(score, rubric.bands),
      evidenceScore: meanScore(members, (practice) => practice.evidence.score),
      perception: perception ? { n: perception.n, mean: perception.mean, score: perception.score } : null,
      practices: members.map((member) => member.number),
    };
  });
  const overallScore = meanScore(practices, (practice) => practice.score);
  const described = practices.filter((practice) => practice.evidence.score !== null && practice.notApplicable === null).length;
  const assessable = practices.filter((practice) => practice.notApplicable === null).length;
  const report: Omit<Report, 'narrative'> = {
    schemaVersion: 1,
    tool: request.tool,
    rubric: { id: rubric.id, version: rubric.version, title: rubric.title },
    asOf,
    inputs: {
      partnership: { file: request.inputs.partnershipFile, sha256: request.inputs.partnershipSha256 },
      rubric: { file: request.inputs.rubricFile, sha256: request.inputs.rubricSha256 },
      digest: request.inputs.digest,
    },
    partnership: { name: loaded.partnership.partnership.name },
    bands: { strong: rubric.bands.strong, developing: rubric.bands.developing },
    overall: {
      score: overallScore,
      band: bandFor(overallScore, rubric.bands),
      evidenceScore: meanScore(practices, (practice) => practice.evidence.score),
      perception: survey ? { ...survey.overall } : null,
      described,
      total: assessable,
      provisional: described < assessable * rubric.bands.min_described_share,
    },
    survey: survey
      ? {
          comments:
            survey.comments?.map((entry) => ({ ...entry, title: rubric.principles.find((principle) => principle.id === entry.principle)!.title })) ?? null,
          respondents: survey.respondents,
          complete: survey.complete,
          minGroupSize: survey.minGroupSize,
          dimensions: survey.dimensions,
        }
      : null,
    principles,
    practices,
    recommendations: practices
      .filter((practice) => practice.band === 'gap' || practice.band === 'developing')
      .sort((a, b) => b.priority - a.priority || a.number - b.number)
      .slice(0, TOP_RECOMMENDATIONS)
      .map((practice, index) => ({
        rank: index + 1,
        practice: practice.number,
        title: practice.title,
        band: practice.band,
        score: practice.score,
        priority: practice.priority,
        action: practice.recommendation,
      })),
    strengths: practices
      .filter((practice) => practice.band === 'strong')
      .map((practice) => ({ practice: practice.number, title: practice.title, score: practice.score ?? 0 })),
    notDescribed: practices
      .filter((practice) => practice.needs.length > 0)
      .map((practice) => ({ practice: practice.number, title: practice.title, add: practice.needs })),
    disagreements: assessed
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
      .sort((a, b) => disagreementSize(b.sd, b.widestGroupGap) - disagreementSize(a.sd, a.widestGroupGap) || a.practice - b.practice),
    discussion: survey ? selectDiscussion(assessed, rubric) : [],
    baseline: null,
  };
  if (request.baseline) report.baseline = compareWithBaseline(report, request.baseline.report, request.baseline.file);
  return { ...report, narrative: narrate(report) };
}

function assessPractice(
  { practice, checks }: PracticeEvaluation,
  perception: PracticePerception | undefined,
  notApplicable: string | undefined,
  rubric: Rubric,
  locate: (path: Path) => Location,
): AssessedPractice {
  const results: CheckResult[] = checks.map(({ use, check, outcome }) => ({
    check: check.name,
    status: outcome.status,
    messageId: outcome.messageId,
    data: definedOnly(outcome.data),
    message: formatOutcome(check, outcome, use.params),
    location: locate(outcome.path),
    related: (outcome.related ?? []).map(locate),
  }));
  const evidenceScore = roundOrNull(weightedMean(checks.map(({ use, outcome }) => ({ value: checkPoints(outcome.status), weight: use.weight }))));
  const evidenceBand = bandFor(evidenceScore, rubric.bands);
  const triangulation = triangulate({ score: evidenceScore, band: evidenceBand }, perception, rubric);
  // A practice the partnership chose not to pursue is shown with its reason but scored nowhere.
  const score = notApplicable === undefined ? triangulation.combined : null;
  const band = notApplicable === undefined ? bandFor(score, rubric.bands) : 'not_applicable';
  const needs = checks.filter(({ outcome }) => outcome.status === 'not_described').map(({ use, check }) => describeNeeds(check, use.params));
  const lead = [...results].sort((a, b) => STATUS_SEVERITY[a.status] - STATUS_SEVERITY[b.status])[0]!;
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
      evidence: { score: evidenceScore, band: evidenceBand, checks: results },
      perception: shownPerception,
      labels: triangulation.labels,
      notApplicable: notApplicable === undefined ? null : { reason: notApplicable },
      finding: notApplicable === undefined ? lead.message : `not pursued: ${notApplicable}`,
      location: lead.location,
      priority: priorityOf(practice.weight, score),
      recommendation: band === 'not_applicable' ? `Deliberately not pursued: ${notApplicable}` : recommend(practice, band, needs, triangulation, perception, rubric),
      needs: notApplicable === undefined ? needs : [],
    },
  };
}

/** Band advice from the rubric, led by what the survey adds (paper-only, disagreement, an unrecorded strength). */
function recommend(
  practice: Practice,
  band: Exclude<PracticeResult['band'], 'not_applicable'>,
  needs: readonly string[],
  triangulation: Triangulation,
  perception: PracticePerception | undefined,
  rubric: Rubric,
): string {
  const advice = band === 'not_described' ? `Describe it in the file: add ${needs.join('; ')}.` : practice.advice[band];
  const lead = triangulation.labels.find((label) => label === 'paper_only' || label === 'divergent' || label === 'hidden_strength');
  if (!lead || !perception) return advice;
  const text = fillTemplate(rubric.triangulation.labels[lead], {
    mean: perception.mean?.toFixed(1) ?? '-',
    spread: describeSpread(perception, triangulation.widestGroupGap),
  });
  return `${text} ${advice}`;
}

export function describeSpread(perception: Pick<PracticePerception, 'sd' | 'min' | 'max'>, gap: GroupGap | null): string {
  const parts = [`answers from ${perception.min} to ${perception.max}, standard deviation ${perception.sd?.toFixed(2)}`];
  if (gap && gap.gap > 0) parts.push(`${gap.high.group} ${gap.high.mean.toFixed(1)} vs ${gap.low.group} ${gap.low.mean.toFixed(1)}`);
  return parts.join('; ');
}

function meanScore<T extends { weight: number }>(items: readonly T[], value: (item: T) => number | null): number | null {
  return roundOrNull(weightedMean(items.map((item) => ({ value: value(item), weight: item.weight }))));
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : round1(value);
}

function withoutId({ practice: _practice, ...rest }: PracticePerception): Omit<PracticePerception, 'practice'> {
  return rest;
}

function definedOnly(data: Record<string, string | number | undefined>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(data)) if (value !== undefined) out[key] = value;
  return out;
}
