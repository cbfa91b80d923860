/**
 * Walks a zod schema along a path, so that messages can name the keys an object
 * accepts and the rubric loader can tell whether a path a check reads exists.
 */
import type { Path } from './path.js';

interface SchemaDef {
  type: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  element?: unknown;
  in?: unknown;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'pipe']);

/** The schema found at `path` (array indices may be numbers or omitted), or undefined. */
export function schemaAt(schema: unknown, path: Path): unknown {
  let current = unwrap(schema);
  for (const segment of path) {
    const def = defOf(current);
    if (def?.type === 'array') {
      current = unwrap(def.element);
      if (typeof segment === 'number') continue;
    }
    const objectDef = defOf(current);
    if (objectDef?.type === 'object' && typeof segment === 'string' && objectDef.shape && Object.hasOwn(objectDef.shape, segment)) {
      current = unwrap(objectDef.shape[segment]);
    } else {
      return undefined;
    }
  }
  return current;
}

export function objectKeysAt(schema: unknown, path: Path): string[] {
  const def = defOf(schemaAt(schema, path));
  return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

/** Whether the object schema at `path` lets `key` be left out (optional or defaulted); false when there is no such key. */
export function isOptionalKey(schema: unknown, path: Path, key: string): boolean {
  const def = defOf(schemaAt(schema, path));
  const field = def?.type === 'object' && def.shape && Object.hasOwn(def.shape, key) ? defOf(def.shape[key]) : undefined;
  return field?.type === 'optional' || field?.type === 'default';
}

export function schemaKind(schema: unknown): string | undefined {
  return defOf(schema)?.type;
}

function unwrap(schema: unknown): unknown {
  let current = schema;
  for (let def = defOf(current); def && WRAPPERS.has(def.type); def = defOf(current)) {
    current = def.type === 'pipe' ? def.in : def.innerType;
  }
  return current;
}

function defOf(schema: unknown): SchemaDef | undefined {
  return (schema as { _zod?: { def?: SchemaDef } } | undefined)?._zod?.def;
}
