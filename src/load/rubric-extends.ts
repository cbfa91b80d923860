/**
 * `extends: pes-27`: a custom rubric that names a built-in one and says only what it
 * changes, so changing one threshold is a few lines rather than a copy of the whole
 * rubric (which would then miss every later fix to the built-in one).
 *
 * The rule, applied to the raw YAML values before the rubric schema sees them, so the
 * merged rubric is validated exactly as a written-out one would be:
 * - mappings merge key by key, recursively; any other value (a text, a number, a list
 *   such as `survey.scale`) replaces the base's;
 * - `principles` and `practices` are matched by `id`: a match merges, an unknown id
 *   adds a principle or practice (written in full), and `remove: true` drops one;
 * - a practice's `checks` are matched by `check` name, or by `at: N` (the check's
 *   position in the base practice, from 1) where a practice uses the same check twice;
 *   unmatched ones are added, `remove: true` drops one.
 *
 * Problems in the merged rubric are located in the extending file: at the entry that
 * changed the practice, check or setting, and otherwise at its `extends` line.
 */
import type { Problem } from './validate.js';
import type { Path } from '../model/path.js';
import type { YamlSource } from './yaml-source.js';

/** The text of a built-in rubric by id, or undefined when there is none of that name. */
export type BuiltinRubricReader = (id: string) => { file: string; text: string } | undefined;

export interface BuiltinRubrics {
  ids: readonly string[];
  read: BuiltinRubricReader;
}

type Plain = Record<string, unknown>;

/**
 * Where the extending file wrote a part of the merged rubric. `within`: the part's own
 * keys are at the same paths below it (a changed setting, an added practice); otherwise
 * only the entry itself is there (a practice whose unchanged checks come from the base).
 */
type Origins = Map<string, { path: Path; within: boolean }>;

const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether the file asks to extend another rubric (a top-level `extends` key). */
export function extendsTarget(value: unknown): unknown {
  return isPlain(value) && 'extends' in value ? value.extends : undefined;
}

export type Extension = { ok: true; source: YamlSource } | { ok: false; problems: Problem[] };

/**
 * The base rubric's raw value with `override` applied, as a source whose positions
 * point into the extending file.
 */
export function applyExtension(base: unknown, override: YamlSource): Extension {
  const value = override.value as Plain;
  const problems: Problem[] = [];
  if (!isPlain(base)) return { ok: false, problems: [{ path: ['extends'], message: 'the base rubric is not a mapping' }] };
  const merged: Plain = structuredClone(base);
  // merged path prefix -> where the extending file wrote it (list entries move when merged)
  const origins: Origins = new Map();
  for (const [key, change] of Object.entries(value)) {
    if (key === 'extends') continue;
    if (key === 'principles' || key === 'practices') {
      mergeEntries(merged, key, change, problems, origins);
      continue;
    }
    merged[key] = mergeValue(merged[key], change);
    origins.set(pathKey([key]), { path: [key], within: true });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    source: {
      file: override.file,
      value: merged,
      locate: (path, target) => {
        // The longest prefix of the merged path that the extending file wrote.
        for (let length = path.length; length > 0; length--) {
          const origin = origins.get(pathKey(path.slice(0, length)));
          if (!origin) continue;
          if (!origin.within) return override.locate(origin.path, 'value');
          return override.locate([...origin.path, ...path.slice(length)], target);
        }
        return override.locate(['extends'], 'value');
      },
    },
  };
}

function mergeValue(base: unknown, change: unknown): unknown {
  if (!isPlain(base) || !isPlain(change)) return structuredClone(change);
  const merged: Plain = { ...base };
  for (const [key, value] of Object.entries(change)) merged[key] = mergeValue(base[key], value);
  return merged;
}

/** Principles or practices of the extending file, merged into the base's list by id. */
function mergeEntries(merged: Plain, list: 'principles' | 'practices', changes: unknown, problems: Problem[], origins: Origins): void {
  if (!Array.isArray(changes)) {
    problems.push({ path: [list], message: `must be a list of ${list} to change or add, each with its id` });
    return;
  }
  const what = list === 'practices' ? 'practice' : 'principle';
  // Each entry of the merged list, with where the extending file changed it (if it did).
  const entries: { value: unknown; origin?: Path; checkOrigins?: Map<number, Path>; removed?: boolean }[] = (
    Array.isArray(merged[list]) ? (merged[list] as unknown[]) : []
  ).map((value) => ({ value }));
  changes.forEach((change, index) => {
    const here: Path = [list, index];
    if (!isPlain(change) || typeof change.id !== 'string') {
      problems.push({ path: here, message: `in a rubric that extends another, each entry of ${list} is matched by its id: give it an \`id\`` });
      return;
    }
    const { remove, checks, ...fields } = change;
    const entry = entries.find((candidate) => isPlain(candidate.value) && candidate.value.id === change.id);
    if (remove !== undefined && remove !== true) {
      problems.push({ path: [...here, 'remove'], message: 'write `remove: true` to drop this entry, or leave the key out' });
    } else if (remove === true) {
      if (entry) entry.removed = true;
      else problems.push({ path: [...here, 'id'], message: `the base rubric has no ${what} "${change.id}" to remove` });
    } else if (!entry) {
      entries.push({ value: structuredClone(checks === undefined ? fields : { ...fields, checks }), origin: here });
    } else {
      const value = mergeValue(entry.value, fields) as Plain;
      if (list === 'practices' && checks !== undefined) {
        const mergedChecks = mergeChecks((entry.value as Plain).checks, checks, [...here, 'checks'], problems);
        if (mergedChecks) {
          value.checks = mergedChecks.checks;
          entry.checkOrigins = mergedChecks.origins;
        }
      }
      entry.value = value;
      entry.origin = here;
    }
  });
  const kept = entries.filter((entry) => !entry.removed);
  merged[list] = kept.map((entry) => entry.value);
  kept.forEach((entry, index) => {
    if (!entry.origin) return;
    // A changed practice's own fields sit under its entry; its checks only where the entry lists them.
    origins.set(pathKey([list, index]), { path: entry.origin, within: true });
    if (entry.checkOrigins) origins.set(pathKey([list, index, 'checks']), { path: entry.origin, within: false });
    for (const [check, origin] of entry.checkOrigins ?? []) origins.set(pathKey([list, index, 'checks', check]), { path: origin, within: true });
  });
}

interface MergedChecks {
  checks: unknown[];
  /** Merged check index -> the extending file's path of the entry that changed or added it. */
  origins: Map<number, Path>;
}

function mergeChecks(baseChecks: unknown, changes: unknown, here: Path, problems: Problem[]): MergedChecks | undefined {
  if (!Array.isArray(changes)) {
    problems.push({ path: here, message: 'must be a list of checks to change or add, each naming its `check`' });
    return undefined;
  }
  const checks = Array.isArray(baseChecks) ? baseChecks.slice() : [];
  const baseLength = checks.length;
  const origins = new Map<number, Path>();
  const removed = new Set<number>();
  const nameOf = (entry: unknown) => (isPlain(entry) ? entry.check : undefined);
  let failed = false;
  changes.forEach((change, index) => {
    const path: Path = [...here, index];
    if (!isPlain(change)) {
      problems.push({ path, message: 'each check entry is a mapping naming its `check`' });
      failed = true;
      return;
    }
    const { at, remove, ...rest } = change;
    let position = -1;
    if (at !== undefined) {
      if (typeof at !== 'number' || !Number.isInteger(at) || at < 1 || at > baseLength) {
        problems.push({ path: [...path, 'at'], message: `must be the position of a check in the base practice, 1 to ${baseLength}` });
        failed = true;
        return;
      }
      position = at - 1;
      if (rest.check !== undefined && rest.check !== nameOf(checks[position])) {
        problems.push({ path: [...path, 'check'], message: `check ${at} of the base practice is ${String(nameOf(checks[position]))}, not ${String(rest.check)}` });
        failed = true;
        return;
      }
    } else {
      const matches = checks.flatMap((entry, i) => (nameOf(entry) === rest.check && i < baseLength ? [i] : []));
      if (matches.length > 1) {
        problems.push({ path: [...path, 'check'], message: `the base practice uses ${String(rest.check)} ${matches.length} times (checks ${matches.map((i) => i + 1).join(', ')}); add \`at: N\` to say which` });
        failed = true;
        return;
      }
      position = matches[0] ?? -1;
    }
    if (remove !== undefined && remove !== true) {
      problems.push({ path: [...path, 'remove'], message: 'write `remove: true` to drop this check, or leave the key out' });
      failed = true;
      return;
    }
    if (remove === true) {
      if (position < 0) {
        problems.push({ path, message: `the base practice has no ${String(rest.check)} check to remove` });
        failed = true;
      } else removed.add(position);
      return;
    }
    if (position < 0) {
      checks.push(structuredClone(rest));
      origins.set(checks.length - 1, path);
    } else {
      checks[position] = mergeValue(checks[position], rest);
      origins.set(position, path);
    }
  });
  if (failed) return undefined;
  const kept = checks.flatMap((_, index) => (removed.has(index) ? [] : [index]));
  return {
    checks: kept.map((index) => checks[index]),
    origins: new Map([...origins].flatMap(([index, origin]) => (kept.includes(index) ? [[kept.indexOf(index), origin] as const] : []))),
  };
}

function pathKey(path: Path): string {
  return JSON.stringify(path);
}
