/**
 * Placeholders: values a template leaves for someone to fill in, such as "TODO: ..."
 * or a bare "...". They are not facts, so they are read as not described, by one rule
 * applied once when the file loads; the report lists each with its line.
 *
 * - A placeholder text in a list of texts is left out of the list.
 * - A list entry with a placeholder anywhere in it (a partner, a metric...) is an
 *   unfinished example, so the whole entry is left out.
 * - Any other placeholder removes its key; when the key is one its record cannot do
 *   without (`governance.communication_protocol.public_statements`), the record goes.
 * - A list or record left empty by this is removed too: a list of placeholders is
 *   not an honest `[]`. The one value that stays is what cannot go (`partnership.name`).
 *
 * Positions keep pointing at the file as written: paths into the cleaned value are
 * mapped back past the entries that were left out.
 */
import type { Path, PathSegment } from '../model/path.js';
import type { YamlSource } from './yaml-source.js';

export interface Placeholder {
  /** Where it is in the file as written. */
  path: Path;
  line: number;
  column: number;
  value: string;
}

const PLACEHOLDER = /^(?:(?:TODO|TBD|FIXME)\b|\.\.\.$|…$)/;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

/** True when some string in the value is a placeholder: the cheap test that decides whether cleaning is needed at all. */
export function hasPlaceholder(value: unknown): boolean {
  if (typeof value === 'string') return isPlaceholder(value);
  if (Array.isArray(value)) return value.some(hasPlaceholder);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasPlaceholder);
  return false;
}

/** Whether a record at `path` (in the file as written, list indices included) may lose `key`. */
export type KeyIsOptional = (path: Path, key: string) => boolean;

export interface Cleaned {
  source: YamlSource;
  placeholders: Placeholder[];
}

const REMOVE = Symbol('remove');
type Result = { value: unknown } | typeof REMOVE;

export function withoutPlaceholders(source: YamlSource, isOptional: KeyIsOptional): Cleaned {
  const found: Path[] = [];
  /** Original list path (JSON) -> the original index of each entry kept. */
  const kept = new Map<string, number[]>();

  /** `mustStay`: the root, and records it cannot do without (`partnership`); they keep their required values as written. */
  const clean = (node: unknown, path: PathSegment[], mustStay: boolean): Result => {
    if (typeof node === 'string') {
      if (!isPlaceholder(node)) return { value: node };
      found.push(path);
      return REMOVE;
    }
    if (Array.isArray(node)) {
      const items: unknown[] = [];
      const indices: number[] = [];
      node.forEach((item, index) => {
        const before = found.length;
        const result = clean(item, [...path, index], false);
        // An entry holding a placeholder anywhere is an unfinished example as a whole.
        if (result === REMOVE || (found.length > before && isRecord(item))) return;
        items.push(result.value);
        indices.push(index);
      });
      if (indices.length < node.length) kept.set(JSON.stringify(path), indices);
      return items.length === 0 && node.length > 0 ? REMOVE : { value: items };
    }
    if (!isRecord(node)) return { value: node };
    const record: Record<string, unknown> = {};
    let removed = false;
    for (const [key, child] of Object.entries(node)) {
      const required = !isOptional(path, key);
      const result = clean(child, [...path, key], mustStay && required);
      if (result !== REMOVE) record[key] = result.value;
      else if (!required) removed = true;
      else if (mustStay) record[key] = child;
      else return REMOVE;
    }
    return removed && !mustStay && Object.keys(record).length === 0 ? REMOVE : { value: record };
  };

  const result = clean(source.value, [], true);
  const value = result === REMOVE ? source.value : result.value;
  const toOriginal = (path: Path): Path => {
    const original: PathSegment[] = [];
    for (const segment of path) {
      const indices = typeof segment === 'number' ? kept.get(JSON.stringify(original)) : undefined;
      original.push(indices && typeof segment === 'number' ? (indices[segment] ?? segment) : segment);
    }
    return original;
  };
  return {
    source: { file: source.file, value, locate: (path, target) => source.locate(toOriginal(path), target) },
    placeholders: found.map((path) => {
      const { line, col } = source.locate(path);
      return { path, line, column: col, value: String(valueAt(source.value, path)) };
    }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function valueAt(root: unknown, path: Path): unknown {
  let current = root;
  for (const segment of path) current = (current as Record<string, unknown>)[String(segment)];
  return current;
}
