/**
 * Loads a rubric: YAML with positions, the rubric schema, then what ties it
 * together: unique numbers and ids, known principles, known checks with valid
 * parameters, and parameter paths that exist in the partnership format.
 */
import * as z from 'zod/mini';
import type { AnyCheck } from '../checks/check.js';
import { partnershipSchema } from '../model/partnership.js';
import { rubricSchema, type Practice, type Rubric, type Scoring } from '../model/rubric.js';
import { schemaAt } from '../model/schema-walk.js';
import { closestMatch } from './closest-match.js';
import type { LocatedError, SourcePosition } from './located-error.js';
import { applyExtension, extendsTarget, type BuiltinRubrics } from './rubric-extends.js';
import { fillPracticePlaceholders, type PlaceholderProblem } from './rubric-placeholders.js';
import { describeInput, limitProblems, locateProblem, validateSource, type Problem } from './validate.js';
import type { Path } from '../model/path.js';
import { parseYaml, type YamlSource } from './yaml-source.js';

/** `base`: the text of the built-in rubric this one extends, which is part of what the report's digest covers. */
export type RubricLoad = { ok: true; rubric: Rubric; base?: string } | { ok: false; errors: LocatedError[] };

/** The checks a rubric may name, by name: the caller hands in checks/index's CHECKS, so the loader holds no list of its own. */
export type CheckRegistry = ReadonlyMap<string, AnyCheck>;

/** No built-in rubric to extend: only for callers that load the built-in rubric itself. */
const NO_BUILTINS: BuiltinRubrics = { ids: [], read: () => undefined };

export async function loadRubric(file: string, text: string, checks: CheckRegistry, builtins: BuiltinRubrics = NO_BUILTINS): Promise<RubricLoad> {
  const parsed = await parseYaml(file, text);
  if (!parsed.ok) return parsed;
  const earlier = earlierFormat(parsed.source);
  if (earlier) return { ok: false, errors: [earlier] };
  const extended = await extendedSource(parsed.source, builtins);
  if (!extended.ok) return extended;
  const source = extended.source;
  const validation = validateSource(rubricSchema, source);
  if (!validation.ok) return validation;
  const rubric = validation.value;
  const problems = [...structureProblems(rubric), ...rubric.practices.flatMap((practice, index) => checkProblems(practice, index, checks))];
  if (problems.length > 0) return { ok: false, errors: limitProblems(source, problems) };
  // Placeholders are filled from parsed parameters, so they wait until every check's parameters are valid.
  const unfilled = rubric.practices.flatMap((practice, index) => fillPracticePlaceholders(practice, index));
  if (unfilled.length > 0) {
    const located = unfilled.map((problem) => ({ path: problem.path, message: problem.message, position: placeholderPosition(text, source, problem) }));
    return { ok: false, errors: limitProblems(source, located) };
  }
  rubric.practices.sort((a, b) => a.number - b.number);
  rubric.principles.sort((a, b) => a.number - b.number);
  return extended.base === undefined ? { ok: true, rubric } : { ok: true, rubric, base: extended.base };
}

/** The file itself, or, when it says `extends: ID`, the built-in rubric ID with the file's changes applied. */
async function extendedSource(source: YamlSource, builtins: BuiltinRubrics): Promise<{ ok: true; source: YamlSource; base?: string } | { ok: false; errors: LocatedError[] }> {
  const target = extendsTarget(source.value);
  if (target === undefined) return { ok: true, source };
  const refuse = (message: string) => ({ ok: false as const, errors: [locateProblem(source, { path: ['extends'], message })] });
  const known = builtins.ids.length > 0 ? ` (built in: ${builtins.ids.join(', ')})` : '';
  if (typeof target !== 'string') return refuse(`names the built-in rubric this one changes, such as "pes-27"${known}`);
  const base = builtins.read(target);
  if (!base) {
    const suggestion = closestMatch(target, [...builtins.ids]);
    return refuse(`no built-in rubric "${target}"${suggestion ? `; did you mean "${suggestion}"?` : known}`);
  }
  const parsedBase = await parseYaml(base.file, base.text);
  if (!parsedBase.ok) return parsedBase;
  if (extendsTarget(parsedBase.source.value) !== undefined) return refuse(`"${target}" itself extends another rubric, which is not supported`);
  const applied = applyExtension(parsedBase.source.value, source);
  if (!applied.ok) return { ok: false, errors: limitProblems(source, applied.problems) };
  return { ok: true, source: applied.source, base: base.text };
}

/**
 * The line and column of a placeholder as written. The text's node gives where the text starts; the
 * placeholder is the first occurrence of what was written from there, which in a folded or block
 * scalar may be several lines down.
 */
function placeholderPosition(text: string, source: YamlSource, problem: PlaceholderProblem): SourcePosition {
  const start = source.locate(problem.path);
  let offset = 0;
  for (let line = 1; line < start.line; line += 1) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return start;
    offset = next + 1;
  }
  const found = text.indexOf(problem.written, offset + start.col - 1);
  if (found < 0) return start;
  const before = text.slice(0, found);
  const line = before.split('\n').length;
  return { line, col: found - before.lastIndexOf('\n') };
}

/**
 * A rubric copied before the scoring rule became data (top-level `bands`, advice per band)
 * would fail on dozens of keys; one line says what happened and what to do instead.
 */
function earlierFormat(source: YamlSource): LocatedError | undefined {
  const value = source.value;
  if (value === null || typeof value !== 'object' || !('bands' in value) || 'scoring' in value) return undefined;
  return {
    file: source.file,
    position: source.locate(['bands'], 'key'),
    message:
      'this rubric has the earlier format (top-level `bands`, advice per band); start a new file with `extends: pes-27` and carry over only your changes: `scoring` holds the points, bands and caps, and each check a `basis` and a `fix` (docs/custom-rubric.md)',
  };
}

function structureProblems(rubric: Rubric): Problem[] {
  const problems: Problem[] = [];
  const unique = (list: 'principles' | 'practices', key: 'number' | 'id') => {
    const seen = new Set<unknown>();
    rubric[list].forEach((entry, index) => {
      if (seen.has(entry[key])) problems.push({ path: [list, index, key], message: `duplicate ${key} ${JSON.stringify(entry[key])}` });
      seen.add(entry[key]);
    });
  };
  unique('principles', 'number');
  unique('principles', 'id');
  unique('practices', 'number');
  unique('practices', 'id');
  const principleIds = rubric.principles.map((principle) => principle.id);
  rubric.practices.forEach((practice, index) => {
    if (principleIds.includes(practice.principle)) return;
    const suggestion = closestMatch(practice.principle, principleIds);
    problems.push({
      path: ['practices', index, 'principle'],
      message: `unknown principle "${practice.principle}"${suggestion ? `; did you mean "${suggestion}"?` : ` (known: ${principleIds.join(', ')})`}`,
    });
  });
  problems.push(...scoringProblems(rubric.scoring));
  if (rubric.triangulation.low_mean > rubric.triangulation.high_mean) {
    problems.push({ path: ['triangulation', 'low_mean'], message: `must not be above triangulation.high_mean (${rubric.triangulation.high_mean})` });
  }
  if (Math.abs(rubric.combine.evidence + rubric.combine.perception - 1) > 1e-9) {
    problems.push({ path: ['combine'], message: 'evidence and perception weights must add up to 1' });
  }
  return problems;
}

/**
 * The scoring numbers must keep their promises: bands in order, points in order, a
 * critical check's caps inside the bands they are meant for, and one met plus one
 * partly-met check of equal weight short of strong unless the rubric says otherwise.
 */
export function scoringProblems(scoring: Scoring): Problem[] {
  const problems: Problem[] = [];
  const { points, bands, caps } = scoring;
  const at = (...path: string[]): Path => ['scoring', ...path];
  if (bands.developing >= bands.strong) problems.push({ path: at('bands', 'developing'), message: `must be below scoring.bands.strong (${bands.strong})` });
  if (!(points.met > points.partly && points.partly > points.not_met)) {
    problems.push({ path: at('points'), message: `points must fall from met to partly to not_met (got ${points.met}, ${points.partly}, ${points.not_met})` });
  }
  if (points.met < bands.strong) problems.push({ path: at('points', 'met'), message: `must reach scoring.bands.strong (${bands.strong}), or no practice could be strong` });
  const metAndPartly = (points.met + points.partly) / 2;
  if (metAndPartly >= bands.strong && !scoring.met_and_partly_may_be_strong) {
    problems.push({
      path: at('points', 'partly'),
      message: `one met and one partly-met check average ${metAndPartly}, which reaches scoring.bands.strong (${bands.strong}); lower the points or raise the band, or set scoring.met_and_partly_may_be_strong: true`,
    });
  }
  if (caps.critical_not_met >= bands.developing) {
    problems.push({ path: at('caps', 'critical_not_met'), message: `must lie in the gap band, below scoring.bands.developing (${bands.developing})` });
  }
  if (caps.critical_partly >= bands.strong) problems.push({ path: at('caps', 'critical_partly'), message: `must lie below scoring.bands.strong (${bands.strong})` });
  if (caps.critical_partly < caps.critical_not_met) {
    problems.push({ path: at('caps', 'critical_partly'), message: `must not be below scoring.caps.critical_not_met (${caps.critical_not_met})` });
  }
  return problems;
}

/** Problems with a practice's checks. Parameters that parse are stored parsed, so each check's defaults are filled in once. */
function checkProblems(practice: Practice, practiceIndex: number, checks: CheckRegistry): Problem[] {
  return practice.checks.flatMap((use, checkIndex) => {
    const at: Path = ['practices', practiceIndex, 'checks', checkIndex];
    const check = checks.get(use.check);
    if (!check) {
      const suggestion = closestMatch(use.check, [...checks.keys()]);
      return [{ path: [...at, 'check'], message: `unknown check "${use.check}"${suggestion ? `; did you mean "${suggestion}"?` : ''}` }];
    }
    const parsed = check.params(z).safeParse(use.params, { reportInput: true });
    if (!parsed.success) {
      return parsed.error.issues.map((issue) => {
        const path = [...at, 'params', ...issue.path.map(String)];
        if (issue.code === 'unrecognized_keys') return { path: [...path, issue.keys[0]!], message: `unknown parameter "${issue.keys[0]}" for ${check.name}`, target: 'key' as const };
        const got = 'input' in issue && issue.input !== undefined ? `, got ${describeInput(issue.input)}` : '';
        const missing = issue.code === 'invalid_type' && !('input' in issue && issue.input !== undefined);
        return { path, message: missing ? `${check.name} needs this parameter` : `invalid parameter for ${check.name} (${issue.code.replace(/_/g, ' ')})${got}` };
      });
    }
    use.params = parsed.data as Record<string, unknown>;
    return pathProblems(use.params, [...at, 'params']);
  });
}

/** Paths in parameters must name something a partnership file can hold, so a typo fails at load time. */
function pathProblems(params: Record<string, unknown>, at: Path): Problem[] {
  const problems: Problem[] = [];
  const exists = (path: string[]) => schemaAt(partnershipSchema, path) !== undefined;
  // `list` and `within` are paths from the top of the file; `field` is too, unless a `list` is given,
  // in which case it names a field of each item, like the other item-relative parameters.
  const base: string[] = [];
  const absolute = ['list', 'within', ...(typeof params.list === 'string' ? [] : ['field'])];
  for (const key of absolute) {
    const value = params[key];
    if (typeof value !== 'string') continue;
    if (!exists(value.split('.'))) problems.push({ path: [...at, key], message: `the partnership format has no "${value}"` });
    else base.push(...value.split('.'));
  }
  // Item fields cannot be judged against a container that does not exist.
  if (problems.length > 0) return problems;
  const relative = (value: unknown, path: Path) => {
    if (typeof value === 'string' && !exists([...base, ...value.split('.')])) {
      problems.push({ path, message: `items under "${base.join('.')}" have no "${value}"` });
    }
  };
  const relativeKeys = ['partner_field', 'date_field', 'distinct_by', ...(typeof params.list === 'string' ? ['field'] : [])];
  for (const key of relativeKeys) relative(params[key], [...at, key]);
  for (const key of ['conditions', 'among', 'where'] as const) {
    const list = params[key];
    if (Array.isArray(list)) list.forEach((condition, index) => relative((condition as { field?: unknown }).field, [...at, key, index, 'field']));
  }
  const fields = params.fields;
  if (Array.isArray(fields)) fields.forEach((field, index) => relative(field, [...at, 'fields', index]));
  return problems;
}
