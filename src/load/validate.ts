/**
 * Turns zod issues into located, one-line messages a person can act on:
 * `partners[2].joined: expected a calendar date written YYYY-MM-DD, got 2024`.
 */
import type * as z from 'zod/mini';
import type { LocatedError, SourcePosition } from './located-error.js';
import type { Path } from '../model/path.js';
import type { YamlSource } from './yaml-source.js';
import { closestMatch } from './closest-match.js';
import { objectKeysAt } from '../model/schema-walk.js';

type Issue = z.core.$ZodIssue;

/** Something wrong at a place in a file, before it is located: the one shape every loader's checks report in. */
export interface Problem {
  path: Path;
  message: string;
  /** Point at the key rather than its value (an unknown or misplaced key). */
  target?: 'value' | 'key';
  /** Where exactly, when that is finer than the node at `path` (a word inside a long text). */
  position?: SourcePosition;
}

export function locateProblem(source: YamlSource, problem: Problem): LocatedError {
  return { file: source.file, position: problem.position ?? source.locate(problem.path, problem.target), message: `${formatPath(problem.path)}: ${problem.message}` };
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: LocatedError[] };

/**
 * Problems reported per file at most. A file with 150,000 bad entries gets the first of
 * them and a line saying there are more, not a wall of text (nor, as zod alone would,
 * a stack overflow from gathering them all).
 */
export const MAX_PROBLEMS_PER_FILE = 50;

/** The line that ends a list of problems cut at MAX_PROBLEMS_PER_FILE. */
export function moreProblems(file: string): LocatedError {
  return { file, message: `stopped after ${MAX_PROBLEMS_PER_FILE} problems; fix these, then run pes again for the rest` };
}

/** The first problems (in file order, as far as they are known) and, when cut, the line that says so. */
export function limitProblems(source: YamlSource, problems: readonly Problem[], more = false): LocatedError[] {
  const located = sortByPosition(problems.slice(0, MAX_PROBLEMS_PER_FILE).map((problem) => locateProblem(source, problem)));
  return more || problems.length > MAX_PROBLEMS_PER_FILE ? [...located, moreProblems(source.file)] : located;
}

export function validateSource<S extends z.ZodMiniType>(schema: S, source: YamlSource): Validation<z.infer<S>> {
  const found = collectIssues(schema, source.value);
  if (found.issues.length === 0) {
    // Only a valid document is parsed whole, for its defaults.
    const result = schema.safeParse(source.value);
    if (result.success) return { ok: true, value: result.data as z.infer<S> };
    found.issues.push(...result.error.issues.slice(0, MAX_PROBLEMS_PER_FILE));
  }
  const problems: Problem[] = [];
  for (const issue of found.issues) {
    for (const problem of explainIssue(schema, issue)) problems.push(problem);
    if (problems.length >= MAX_PROBLEMS_PER_FILE) break;
  }
  return { ok: false, errors: limitProblems(source, problems, found.more) };
}

/** Subtrees of at most this many values are handed to zod whole; larger ones are walked entry by entry. */
const WHOLE = 2000;

interface Found {
  issues: Issue[];
  /** Walking stopped at the limit: there may be more. */
  more: boolean;
}

/**
 * The schema's issues with `value`, the first MAX_PROBLEMS_PER_FILE of them. zod gathers
 * every issue of a list before returning, and spreads them into one call (past about
 * 100,000 the stack overflows), so a large list or mapping is walked here, entry by
 * entry in file order, zod checking each entry, and the walk stops at the limit.
 */
export function collectIssues(schema: z.ZodMiniType, value: unknown, whole = WHOLE): Found {
  const found: Found = { issues: [], more: false };
  const full = () => found.issues.length >= MAX_PROBLEMS_PER_FILE;
  const add = (issues: readonly Issue[], path: readonly PropertyKey[]) => {
    for (const issue of issues) {
      if (full()) {
        found.more = true;
        return;
      }
      found.issues.push({ ...issue, path: [...path, ...issue.path] } as Issue);
    }
  };
  const parse = (node: z.ZodMiniType, input: unknown, path: readonly PropertyKey[]) => {
    const result = node.safeParse(input, { reportInput: true });
    if (!result.success) add(result.error.issues, path);
  };
  const runChecks = (node: z.ZodMiniType, input: unknown, path: readonly PropertyKey[]) => {
    for (const check of defOf(node)?.checks ?? []) {
      const payload = { value: input, issues: [] as Issue[] };
      check._zod.check(payload);
      add(payload.issues, path);
    }
  };
  // Depth is bounded by the YAML reader's nesting limit; each list entry is a loop step, never a deeper call.
  const walk = (node: z.ZodMiniType, input: unknown, path: readonly PropertyKey[]): void => {
    if (full()) {
      found.more = true;
      return;
    }
    const def = defOf(node);
    if (!def || !isLarger(input, whole)) return parse(node, input, path);
    if (WRAPPERS.has(def.type) && def.innerType) return walk(def.innerType, input, path);
    if (def.type === 'array' && Array.isArray(input) && def.element) {
      runChecks(node, input, path);
      for (let index = 0; index < input.length && !full(); index++) walk(def.element, input[index], [...path, index]);
      if (full()) found.more = true;
      return;
    }
    if (def.type === 'object' && isMapping(input) && def.shape) {
      const shape = def.shape;
      const strict = defOf(def.catchall)?.type === 'never';
      for (const key of Object.keys(input)) {
        if (full()) break;
        if (Object.hasOwn(shape, key)) walk(shape[key]!, input[key], [...path, key]);
        else if (strict) add([{ code: 'unrecognized_keys', keys: [key], path: [], input, message: `Unrecognized key: "${key}"` } as Issue], path);
      }
      for (const key of Object.keys(shape)) if (!Object.hasOwn(input, key) && !full()) walk(shape[key]!, undefined, [...path, key]);
      runChecks(node, input, path);
      if (full()) found.more = true;
      return;
    }
    parse(node, input, path);
  };
  walk(schema, value, []);
  return found;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly']);

interface Def {
  type: string;
  innerType?: z.ZodMiniType;
  element?: z.ZodMiniType;
  shape?: Record<string, z.ZodMiniType>;
  catchall?: z.ZodMiniType;
  checks?: { _zod: { check(payload: { value: unknown; issues: Issue[] }): void } }[];
}

function defOf(schema: unknown): Def | undefined {
  return (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when `value` holds more than `limit` values; counts no further than that. */
function isLarger(value: unknown, limit: number): boolean {
  let count = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (++count > limit) return true;
    if (Array.isArray(next)) {
      if (next.length > limit) return true;
      for (const item of next) pending.push(item);
    } else if (isMapping(next)) {
      for (const key in next) {
        pending.push(next[key]);
        if (pending.length > limit) return true;
      }
    }
    if (pending.length > limit) return true;
  }
  return false;
}

export function formatPath(path: Path): string {
  if (path.length === 0) return '(top level)';
  let out = '';
  for (const segment of path) {
    out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  }
  return out;
}

function explainIssue(schema: z.ZodMiniType, issue: Issue): Problem[] {
  const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = objectKeysAt(schema, path);
      return issue.keys.map((key) => {
        const suggestion = closestMatch(key, allowed);
        const hint = suggestion ? `; did you mean "${suggestion}"?` : allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : '';
        return { path: [...path, key], message: `unknown key "${key}"${hint}`, target: 'key' };
      });
    }
    case 'invalid_type':
      if (issue.input === undefined) return [{ path, message: `missing; expected ${describeExpected(issue.expected)}`, target: 'value' }];
      return [{ path, message: `expected ${describeExpected(issue.expected)}, got ${describeInput(issue.input)}`, target: 'value' }];
    case 'invalid_value': {
      const options = issue.values.map(String);
      const suggestion = typeof issue.input === 'string' ? closestMatch(issue.input, options) : undefined;
      const hint = suggestion ? `; did you mean "${suggestion}"?` : '';
      return [{ path, message: `expected one of ${options.join(', ')}, got ${describeInput(issue.input)}${hint}`, target: 'value' }];
    }
    case 'too_small':
      return [{ path, message: describeBound('at least', issue.origin, issue.minimum, issue.inclusive, issue.input), target: 'value' }];
    case 'too_big':
      return [{ path, message: describeBound('at most', issue.origin, issue.maximum, issue.inclusive, issue.input), target: 'value' }];
    case 'invalid_union':
      return [{ path, message: `${describeInput(issue.input)} does not match any allowed form`, target: 'value' }];
    default:
      return [{ path, message: withInput(issue.message, issue.input), target: 'value' }];
  }
}

function describeExpected(expected: string): string {
  switch (expected) {
    case 'object':
      return 'a mapping (key: value lines)';
    case 'array':
      return 'a list (lines starting with "-")';
    case 'string':
      return 'text';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    default:
      return `a ${expected}`;
  }
}

function describeBound(word: string, origin: string, limit: number | bigint, inclusive: boolean | undefined, input: unknown): string {
  const got = input === undefined ? '' : `, got ${describeInput(input)}`;
  if (origin === 'string') return Number(limit) <= 1 ? `must not be empty` : `must have ${word} ${limit} characters${got}`;
  if (origin === 'array') return `must have ${word} ${limit} items`;
  const comparison = inclusive === false ? (word === 'at least' ? 'more than' : 'less than') : word;
  return `must be ${comparison} ${limit}${got}`;
}

function withInput(message: string, input: unknown): string {
  return input === undefined ? message : `${message}, got ${describeInput(input)}`;
}

/** A short, safe rendering of what the user wrote. */
export function describeInput(input: unknown): string {
  if (input === null) return 'an empty value (null)';
  if (input === undefined) return 'nothing';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  if (typeof input === 'string') {
    const shown = input.length > 40 ? `${input.slice(0, 37)}...` : input;
    return JSON.stringify(shown);
  }
  return String(input);
}

function sortByPosition(errors: LocatedError[]): LocatedError[] {
  return errors.sort((a, b) => (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.col ?? 0) - (b.position?.col ?? 0));
}
