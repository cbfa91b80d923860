/**
 * The generated documentation, page by page: the partnership format reference from the zod schema
 * (through the JSON Schema `pes schema` prints) and the rubric reference from the built-in rubric.
 * `npm run docs` writes these pages; test/docs/generated-docs.test.ts fails when a committed page differs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS } from '../src/checks/index.js';
import { formatLocatedError } from '../src/load/located-error.js';
import { loadRubric } from '../src/load/rubric.js';
import { parseYaml } from '../src/load/yaml-source.js';
import { jsonSchema } from '../src/model/json-schema.js';
import { renderPartnershipFormat, type SchemaNode } from '../src/render/reference/partnership-format.js';
import { renderRubricPages } from '../src/render/reference/rubric-pages.js';

/** The folders whose every Markdown file is generated: a page there that is not generated is stale. */
export const GENERATED_FOLDERS = ['docs/reference', 'docs/rubric'];

const RUBRIC_FILE = 'rubrics/pes-27.yaml';
/** Where the example values come from, in order: the first file that has a key gives its example. */
const EXAMPLE_FILES = ['examples/mature-coalition.yaml', 'examples/struggling-alliance.yaml', 'examples/new-network.yaml'];

/** Every generated page: path relative to the repository root -> its text. */
export async function generatedPages(root: string): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  const examples = new Map<string, unknown>();
  for (const file of EXAMPLE_FILES) {
    const parsed = await parseYaml(file, readFileSync(join(root, file), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.errors.map(formatLocatedError).join('\n'));
    collectExamples(parsed.source.value, '', examples);
  }
  pages.set('docs/reference/partnership-format.md', renderPartnershipFormat({ schema: jsonSchema('partnership') as SchemaNode, examples, exampleFiles: EXAMPLE_FILES }));
  const loaded = await loadRubric(RUBRIC_FILE, readFileSync(join(root, RUBRIC_FILE), 'utf8'), CHECKS);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatLocatedError).join('\n'));
  for (const page of renderRubricPages(loaded.rubric, RUBRIC_FILE)) pages.set(page.path, page.text);
  return pages;
}

/** The first scalar (or list of scalars) found at each key path, written `partners[].in_kind[].value`. */
function collectExamples(value: unknown, path: string, into: Map<string, unknown>): void {
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== 'object')) {
      if (path && !into.has(path) && value.length > 0) into.set(path, value.slice(0, 3));
      return;
    }
    for (const item of value) collectExamples(item, `${path}[]`, into);
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) collectExamples(child, path ? `${path}.${key}` : key, into);
    return;
  }
  if (path && !into.has(path)) into.set(path, value);
}
