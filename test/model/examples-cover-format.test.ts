/**
 * The shipped examples are the format's living documentation: together they use
 * every field of the partnership file, so a reader can find each one in use, and a
 * field added to the schema without an example fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

type JsonSchema = {
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

const schema = JSON.parse(readFileSync(join(ROOT, 'schema/partnership.schema.json'), 'utf8')) as JsonSchema & { $defs?: Record<string, JsonSchema> };

/** Field paths the schema allows, lists written as `[]`: `partners[].joined`. */
function schemaPaths(node: JsonSchema | undefined, path: string, paths: Set<string>, seen: Set<JsonSchema>): Set<string> {
  let resolved = node;
  while (resolved?.$ref) resolved = schema.$defs?.[resolved.$ref.split('/').pop()!];
  if (!resolved || seen.has(resolved)) return paths;
  seen.add(resolved);
  for (const alternative of [...(resolved.anyOf ?? []), ...(resolved.oneOf ?? []), ...(resolved.allOf ?? [])]) schemaPaths(alternative, path, paths, seen);
  for (const [key, value] of Object.entries(resolved.properties ?? {})) {
    const child = path ? `${path}.${key}` : key;
    paths.add(child);
    schemaPaths(value, child, paths, new Set(seen));
  }
  if (resolved.items) schemaPaths(resolved.items, `${path}[]`, paths, seen);
  return paths;
}

function usedPaths(value: unknown, path: string, paths: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) usedPaths(item, `${path}[]`, paths);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      paths.add(childPath);
      usedPaths(child, childPath, paths);
    }
  }
  return paths;
}

describe('the shipped examples', () => {
  it('together use every field of the partnership format', () => {
    const allowed = schemaPaths(schema, '', new Set(), new Set());
    expect(allowed.size).toBeGreaterThan(100);
    const used = new Set<string>();
    for (const example of ['mature-coalition', 'struggling-alliance', 'new-network']) {
      usedPaths(parse(readFileSync(join(ROOT, `examples/${example}.yaml`), 'utf8')), '', used);
    }
    expect([...allowed].filter((path) => !used.has(path))).toEqual([]);
  });
});
