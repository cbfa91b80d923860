/**
 * Turns zod issues into located, one-line messages a person can act on:
 * `partners[2].joined: expected a calendar date written YYYY-MM-DD, got 2024`.
 */
import type * as z from 'zod/mini';
import type { LocatedError } from './located-error.js';
import type { Path, YamlSource } from './yaml-source.js';
import { closestMatch } from './closest-match.js';
import { objectKeysAt } from '../model/schema-walk.js';

type Issue = z.core.$ZodIssue;

/** Something wrong at a place in a file, before it is located: the one shape every loader's checks report in. */
export interface Problem {
  path: Path;
  message: string;
  /** Point at the key rather than its value (an unknown or misplaced key). */
  target?: 'value' | 'key';
}

export function locateProblem(source: YamlSource, problem: Problem): LocatedError {
  return { file: source.file, position: source.locate(problem.path, problem.target), message: `${formatPath(problem.path)}: ${problem.message}` };
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: LocatedError[] };

export function validateSource<S extends z.ZodMiniType>(schema: S, source: YamlSource): Validation<z.infer<S>> {
  const result = schema.safeParse(source.value, { reportInput: true });
  if (result.success) return { ok: true, value: result.data as z.infer<S> };
  const errors: LocatedError[] = [];
  for (const issue of result.error.issues) {
    for (const problem of explainIssue(schema, issue)) errors.push(locateProblem(source, problem));
  }
  return { ok: false, errors: sortByPosition(errors) };
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
