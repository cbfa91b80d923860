/**
 * The format and rubric references are generated (`npm run docs`) from the zod schema and the rubric.
 * A committed page that differs from what would be generated, a page missing, or a page in a generated
 * folder that nothing generates, fails here, so the docs cannot drift from their sources.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GENERATED_FOLDERS, generatedPages } from '../../scripts/docs-pages.js';
import { CHECKS } from '../../src/checks/index.js';
import { loadRubric } from '../../src/load/rubric.js';
import { practiceDocPath } from '../../src/model/practice-docs.js';
import { markdownCell } from '../../src/render/reference/markdown.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const pages = await generatedPages(ROOT);
const STALE = 'is not what `npm run docs` generates from its source: run `npm run docs` and commit the result';

describe('the generated reference pages', () => {
  it('include one page per practice of the rubric, at the address reports and SARIF link to, and an index', async () => {
    const loaded = await loadRubric('rubrics/pes-27.yaml', readFileSync(join(ROOT, 'rubrics/pes-27.yaml'), 'utf8'), CHECKS);
    if (!loaded.ok) throw new Error('the built-in rubric does not load');
    const expected = ['docs/reference/partnership-format.md', 'docs/rubric/README.md', ...loaded.rubric.practices.map(practiceDocPath)];
    expect([...pages.keys()].sort()).toEqual(expected.sort());
  });

  for (const [path, text] of pages) {
    it(`${path} is committed as generated`, () => {
      const file = join(ROOT, path);
      expect(existsSync(file), `${path} is missing: run \`npm run docs\``).toBe(true);
      expect(readFileSync(file, 'utf8') === text, `${path} ${STALE}`).toBe(true);
    });
  }

  it('leave no page in the generated folders that nothing generates', () => {
    const extra = GENERATED_FOLDERS.flatMap((folder) => readdirSync(join(ROOT, folder)).map((name) => `${folder}/${name}`)).filter((path) => !pages.has(path));
    expect(extra, 'remove these, or run `npm run docs`, which removes them').toEqual([]);
  });
});

describe('the format reference', () => {
  const reference = pages.get('docs/reference/partnership-format.md')!;

  it('lists every key of the schema, each with its description from the schema itself', async () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema/partnership.schema.json'), 'utf8'));
    type Node = { properties?: Record<string, Node>; items?: Node; anyOf?: Node[]; type?: string; description?: string };
    const missing: string[] = [];
    let keys = 0;
    // A row is `| \`path\` | type | required | description |`, its path relative to the top-level section.
    const visit = (node: Node, section: string, path: string): void => {
      const inner = node.anyOf?.find((option) => option.type !== 'null') ?? node;
      if (path !== '' && !path.endsWith('[]')) {
        keys += 1;
        const description = inner.description ?? node.description ?? '';
        if (!reference.split('\n').some((line) => line.startsWith(`| \`${path}\` |`) && line.includes(`| ${markdownCell(description)} |`))) missing.push(`${section}: ${path}`);
      }
      if (inner.items) visit(inner.items, section, `${path}[]`);
      for (const [key, child] of Object.entries(inner.properties ?? {})) visit(child, section, path === '' ? key : `${path}.${key}`);
    };
    for (const [section, node] of Object.entries(schema.properties as Record<string, Node>)) visit(node, section, '');
    expect(keys).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('says which keys are required and which values are allowed', () => {
    expect(reference).toMatch(/\| `exists` \| yes\/no \(`true` or `false`\) \| \*\*required\*\* \|/);
    expect(reference).toMatch(/\| `\[\]\.tier` \| one of `core`, `member`, `community_of_interest` \| \*\*required\*\* \|/);
  });
});
