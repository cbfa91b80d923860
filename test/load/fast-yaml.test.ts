import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isPair, isScalar, isSeq, parseDocument, stringify, type Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastParse, Unsupported, type Position } from '../../src/load/fast-yaml.js';
import { ROOT } from '../helpers/cli.js';

/** Generated cases per property: 2,000 in npm test, more with PES_FUZZ_RUNS for a long run. */
const FUZZ_RUNS = Number(process.env.PES_FUZZ_RUNS ?? 2000);

/** What the full `yaml` parser says: value and node positions, or that the text is not valid YAML. */
function reference(text: string): { ok: true; value: unknown; node: Node | null } | { ok: false } {
  const doc = parseDocument(text, { uniqueKeys: true, schema: 'core', prettyErrors: false });
  if (doc.errors.length > 0) return { ok: false };
  return { ok: true, value: doc.toJS({ maxAliasCount: 1000 }), node: doc.contents as Node | null };
}

/** Every position the fast reader reports must be the one the `yaml` parser gives for the same node. */
function comparePositions(node: Node | null, position: Position, path: string): void {
  if (node === null) return;
  expect(position.offset, `offset of ${path || '(root)'}`).toBe(node.range?.[0]);
  if (isMap(node)) {
    expect(position.entries?.size, `size of ${path}`).toBe(node.items.length);
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) throw new Error('unexpected key');
      const key = String(pair.key.value);
      const entry = position.entries!.get(key)!;
      expect(entry.key, `key ${path}.${key}`).toBe((pair.key as Node).range?.[0]);
      comparePositions(pair.value as Node | null, entry.value, `${path}.${key}`);
    }
  } else if (isSeq(node)) {
    expect(position.items?.length, `length of ${path}`).toBe(node.items.length);
    node.items.forEach((item, index) => comparePositions(item as Node, position.items![index]!, `${path}[${index}]`));
  }
}

/** The fast reader either declines (Unsupported) or agrees with `yaml` on values and positions; it never accepts invalid YAML. */
function agrees(text: string): 'fast' | 'declined' {
  let fast;
  try {
    fast = fastParse(text);
  } catch (error) {
    if (error instanceof Unsupported) return 'declined';
    throw error;
  }
  const slow = reference(text);
  if (!slow.ok) throw new Error(`the fast reader accepted text that yaml rejects:\n${text}`);
  expect(fast.value).toEqual(slow.value);
  comparePositions(slow.node, fast.root, '');
  return 'fast';
}

function yamlFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .map((name) => join(dir, name));
}

describe('the fast YAML reader', () => {
  it('reads every shipped example, rubric and response file exactly as the yaml package does', () => {
    const files = [...yamlFiles('examples'), ...yamlFiles('rubrics'), ...yamlFiles('test/fixtures/partnerships')];
    const results = files.map((file) => [file, agrees(readFileSync(join(ROOT, file), 'utf8'))] as const);
    // Partnership files, responses and the rubric are in the subset it handles; fixtures and the CI workflow may be declined.
    for (const [file, result] of results) if (!file.includes('fixtures') && !file.includes('/ci/')) expect(result, file).toBe('fast');
  });

  it('declines what it does not handle instead of guessing', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      '---\na: 1\n',
      'a: 1\na: 2\n',
      'a:\n\tb: 1\n',
      'a: "line\n  two"\n',
      'a: plain\n  continued\n',
      'a: [1,\n  2]\n',
      'a: b: c\n',
      '? complex\n: key\n',
      'a: 0x1F\n',
      'a: 123456789012345678901234\n',
      'true: 1\n',
      'a: |2\n   x\n',
      'a: >\n  x\n    more\n',
    ]) {
      expect(() => fastParse(text), JSON.stringify(text)).toThrow(Unsupported);
    }
  });

  it('handles block scalars, quoting, comments and flow collections like yaml', () => {
    for (const text of [
      'a: |\n  one\n  two\n\nb: 1\n',
      'a: |-\n  one\n\n  two\n',
      'a: |+\n  one\n\n\nb: 2\n',
      'a: >\n  one\n  two\n\n  three\n',
      'a: >-\n  one\n  two\n',
      'a: "x \\" \\u00e9 \\n y" # c\nb: \'it\'\'s\'\n',
      '# top\na: 1 # one\n\n  # indented comment\nb:\n  - x # c\n  -\n  - { k: v, e: , n: [1, 2.5, -3, 1e3, .5, null, ~, true, "q"] }\n',
      'list:\n- a\n- b\nnext: []\nempty: {}\n',
      'items:\n  - name: one\n    tags: [a, b]\n  - name: two\n    nested:\n      - deep: 1\n',
      'a: http://example.org/x#frag\nb: "#not a comment"\nc: C#\n',
      '__proto__: polluted\nconstructor: x\n',
      'k:\n',
    ]) {
      expect(agrees(text), JSON.stringify(text)).toBe('fast');
    }
  });

  const key = fc.stringMatching(/^[a-z_][a-z0-9_-]{0,8}$/).filter((k) => !['true', 'false', 'null'].includes(k));
  const scalar = fc.oneof(
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
    fc.boolean(),
    fc.constant(null),
    fc.string({ maxLength: 20 }),
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .,:#'"-]{0,20}$/),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
    list: fc.array(tie('node'), { maxLength: 4 }),
    map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
  })).node;

  it('agrees with yaml on random documents written in every style yaml itself writes', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), fc.constantFrom(0, 40, 80), fc.boolean(), (document, lineWidth, flow) => {
        const text = stringify(document, { lineWidth, flowCollectionPadding: flow, indentSeq: !flow });
        agrees(text);
      }),
      { numRuns: FUZZ_RUNS },
    );
  }, FUZZ_RUNS * 30);

  it('never disagrees with yaml on mutated examples', () => {
    const sources = ['examples/mature-coalition.yaml', 'examples/struggling-alliance.yaml', 'rubrics/pes-27.yaml'].map((file) =>
      readFileSync(join(ROOT, file), 'utf8').split('\n'),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: sources.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('delete', 'duplicate', 'indent', 'dedent', 'truncate', 'colon', 'dash', 'quote', 'hash'), fc.nat()), { minLength: 1, maxLength: 4 }),
        (which, mutations) => {
          const lines = [...sources[which]!];
          for (const [at, kind, column] of mutations) {
            const index = at % lines.length;
            const line = lines[index]!;
            const cut = line.length === 0 ? 0 : column % line.length;
            if (kind === 'delete') lines.splice(index, 1);
            else if (kind === 'duplicate') lines.splice(index, 0, line);
            else if (kind === 'indent') lines[index] = ` ${line}`;
            else if (kind === 'dedent') lines[index] = line.replace(/^ /, '');
            else if (kind === 'truncate') lines[index] = line.slice(0, cut);
            else lines[index] = line.slice(0, cut) + { colon: ': ', dash: '- ', quote: '"', hash: ' #' }[kind] + line.slice(cut);
          }
          agrees(lines.join('\n'));
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  }, FUZZ_RUNS * 30);
});
