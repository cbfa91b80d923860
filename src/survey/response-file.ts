/** Reading response files, with located errors; a file without the `pes_response` marker is refused. */
import type { LocatedError } from '../load/located-error.js';
import { limitProblems, type Problem } from '../load/validate.js';
import { parseYaml } from '../load/yaml-source.js';
import { isValidResponse } from '../model/generated/response-valid.js';
import type { SurveyResponse } from '../model/responses.js';
import { RESPONSE_FORMAT } from '../model/vocabulary.js';
import type { Rubric } from '../model/rubric.js';

export type ResponseLoad = { ok: true; response: SurveyResponse } | { ok: false; errors: LocatedError[] };

export function newResponse(rubric: Rubric, partnershipName: string, id: string, date: string, source = 'pes survey'): SurveyResponse {
  return { pes_response: RESPONSE_FORMAT, rubric: rubric.id, partnership: partnershipName, respondent: { id }, date, source, complete: false, answers: {} };
}

export async function parseResponse(file: string, text: string, rubric: Rubric): Promise<ResponseLoad> {
  // A large survey has thousands of files and nearly all are valid: their positions are found only if one is wanted.
  const parsed = await parseYaml(file, text, { positions: 'when-asked' });
  if (!parsed.ok) return parsed;
  const value = parsed.source.value;
  if (value === null || typeof value !== 'object' || !('pes_response' in value)) {
    return { ok: false, errors: [{ file, position: { line: 1, col: 1 }, message: 'not a pes survey response (no `pes_response:` marker); refusing to read or overwrite it' }] };
  }
  // The generated check answers for the thousands of files a large survey has; zod only explains a bad one.
  if (!isValidResponse(value)) return { ok: false, errors: (await import('../load/explain-invalid.js')).explainInvalid('response', parsed.source) };
  const response = value as SurveyResponse;
  const problems = rubricProblems(response, rubric);
  if (problems.length > 0) {
    return { ok: false, errors: limitProblems(parsed.source, problems) };
  }
  // "complete" is a claim of the file; a response is complete only when it answers every statement of this rubric.
  const answered = rubric.practices.every((practice) => response.answers[practice.id] !== undefined);
  return { ok: true, response: answered ? response : { ...response, complete: false } };
}

/** The practice and principle ids of each rubric in use, made once: a large survey checks thousands of files against them. */
const rubricIds = new WeakMap<Rubric, { practices: ReadonlySet<string>; principles: ReadonlySet<string> }>();

function idsOf(rubric: Rubric): { practices: ReadonlySet<string>; principles: ReadonlySet<string> } {
  let ids = rubricIds.get(rubric);
  if (ids === undefined) {
    ids = { practices: new Set(rubric.practices.map((practice) => practice.id)), principles: new Set(rubric.principles.map((principle) => principle.id)) };
    rubricIds.set(rubric, ids);
  }
  return ids;
}

/** Answers and comments must name the rubric's practices and principles; each problem points at its key. */
export function rubricProblems(response: SurveyResponse, rubric: Rubric): Problem[] {
  const problems: Problem[] = [];
  if (response.rubric !== rubric.id) problems.push({ path: ['rubric'], target: 'key', message: `answers belong to rubric "${response.rubric}", not "${rubric.id}"` });
  const { practices, principles } = idsOf(rubric);
  for (const id of Object.keys(response.answers)) {
    if (!practices.has(id)) problems.push({ path: ['answers', id], target: 'key', message: `no practice "${id}" in rubric ${rubric.id}` });
  }
  for (const id of Object.keys(response.comments ?? {})) {
    if (!principles.has(id)) problems.push({ path: ['comments', id], target: 'key', message: `no principle "${id}" in rubric ${rubric.id}` });
  }
  return problems;
}

