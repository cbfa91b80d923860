/**
 * Builds the report object from the evaluation: scores, bands, findings with
 * their YAML locations, recommendations in priority order. Every renderer reads
 * only this object.
 */
import type { IsoDate } from '../model/dates.js';
import type { CheckResult, Location, PracticeResult, PrincipleResult, Report } from '../model/report.js';
import type { Rubric } from '../model/rubric.js';
import type { LoadedPartnership } from '../load/partnership.js';
import type { Path } from '../load/yaml-source.js';
import { evaluateRubric, type PracticeEvaluation } from './evaluate.js';
import { describeNeeds, formatOutcome } from './messages.js';
import { bandFor, checkPoints, priorityOf, round1, STATUS_SEVERITY, weightedMean } from './score.js';

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
}

export function buildReport(request: ReportRequest): Report {
  const { rubric, loaded, asOf } = request;
  const locate = (path: Path): Location => {
    const { line, col } = loaded.source.locate(path);
    return { path: [...path], line, column: col };
  };
  const practices = evaluateRubric(rubric, loaded.partnership, asOf).map((evaluation) => practiceResult(evaluation, rubric, locate));
  const principles = rubric.principles.map((principle): PrincipleResult => {
    const members = practices.filter((practice) => practice.principle === principle.id);
    const score = roundOrNull(weightedMean(members.map((practice) => ({ value: practice.score, weight: practice.weight }))));
    return { number: principle.number, id: principle.id, title: principle.title, score, band: bandFor(score, rubric.bands), practices: members.map((m) => m.number) };
  });
  const overallScore = roundOrNull(weightedMean(practices.map((practice) => ({ value: practice.score, weight: practice.weight }))));
  return {
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
      described: practices.filter((practice) => practice.score !== null).length,
      total: practices.length,
    },
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
  };
}

function practiceResult({ practice, checks }: PracticeEvaluation, rubric: Rubric, locate: (path: Path) => Location): PracticeResult {
  const results: CheckResult[] = checks.map(({ use, check, outcome }) => ({
    check: check.name,
    status: outcome.status,
    messageId: outcome.messageId,
    data: definedOnly(outcome.data),
    message: formatOutcome(check, outcome, use.params),
    location: locate(outcome.path),
    related: (outcome.related ?? []).map(locate),
  }));
  const score = roundOrNull(weightedMean(checks.map(({ use, outcome }) => ({ value: checkPoints(outcome.status), weight: use.weight }))));
  const band = bandFor(score, rubric.bands);
  const needs = checks.filter(({ outcome }) => outcome.status === 'not_described').map(({ use, check }) => describeNeeds(check, use.params));
  const lead = [...results].sort((a, b) => STATUS_SEVERITY[a.status] - STATUS_SEVERITY[b.status])[0]!;
  return {
    number: practice.number,
    id: practice.id,
    title: practice.title,
    principle: practice.principle,
    weight: practice.weight,
    score,
    band,
    evidence: { score, band, checks: results },
    finding: lead.message,
    location: lead.location,
    priority: priorityOf(practice.weight, score),
    recommendation: band === 'not_described' ? `Describe it in the file: add ${needs.join('; ')}.` : practice.advice[band],
    needs,
  };
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : round1(value);
}

function definedOnly(data: Record<string, string | number | undefined>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(data)) if (value !== undefined) out[key] = value;
  return out;
}
