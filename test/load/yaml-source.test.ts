/**
 * The YAML reader (js-yaml, with positions from its events): every file pes ships,
 * the benchmark file and random documents read to the values and positions the
 * `yaml` package gives, whatever their line endings, comments and scalar styles; the
 * limits hold; mistakes are named in plain words where they are.
 */
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the generator is a plain .mjs script shared with `npm run bench`.
import { generate } from '../../bench/generate.mjs';
import { formatLocatedError } from '../../src/load/located-error.js';
import { DEFAULT_YAML_LIMITS, parseYaml, type YamlParse, type YamlSource } from '../../src/load/yaml-source.js';
import { ROOT } from '../helpers/cli.js';
import { hardText, writeYaml, yamlLayout } from '../helpers/hard-text.js';
import { listPositions, referenceRead } from '../helpers/yaml-positions.js';

/** Generated cases per property: 2,000 in npm test, more with PES_FUZZ_RUNS for a long run. */
const FUZZ_RUNS = Number(process.env.PES_FUZZ_RUNS ?? 2000);

/**
 * Reads `text` both ways, with positions recorded at once and with them recorded
 * when first asked for (as survey responses are read), and expects the same
 * values, positions and errors from both.
 */
async function parseBothWays(text: string, compare: 'all' | 'errors' = 'all'): Promise<YamlParse> {
  const now = await parseYaml('t.yaml', text);
  const whenAsked = await parseYaml('t.yaml', text, { positions: 'when-asked' });
  if (now.ok && whenAsked.ok) {
    if (compare === 'errors') return now;
    expect(whenAsked.source.value).toEqual(now.source.value);
    expect(listPositions(whenAsked.source)).toEqual(listPositions(now.source));
  } else {
    expect(whenAsked.ok ? [] : whenAsked.errors).toEqual(now.ok ? [] : now.errors);
  }
  return now;
}

async function read(text: string): Promise<YamlSource> {
  const parsed = await parseBothWays(text);
  if (!parsed.ok) throw new Error(`unexpected error: ${parsed.errors.map(formatLocatedError).join('\n')}`);
  return parsed.source;
}

async function errorOf(text: string): Promise<string> {
  const parsed = await parseBothWays(text);
  if (parsed.ok) throw new Error(`expected an error for ${JSON.stringify(text)}`);
  expect(parsed.errors).toHaveLength(1);
  return formatLocatedError(parsed.errors[0]!);
}

/** Same values and, node for node, the same line and column as the `yaml` package. */
async function expectSameAsReference(text: string, label: string): Promise<string[]> {
  const reference = referenceRead(text);
  if (!reference) throw new Error(`the yaml package refuses ${label}`);
  const ours = await read(text);
  expect(ours.value, label).toEqual(reference.value);
  const positions = listPositions(ours);
  expect(positions, label).toEqual(listPositions(reference));
  return positions;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .map((name) => join(dir, name));
}

describe('the YAML reader', () => {
  it('reads every shipped example, rubric and response file to the values and positions the yaml package gives', async () => {
    const files = [...yamlFiles('examples'), ...yamlFiles('rubrics')];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) await expectSameAsReference(readFileSync(join(ROOT, file), 'utf8'), file);
  });

  it('reads the 10,000-partner benchmark file the same with LF and with CRLF line endings, node for node', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pes-yaml-bench-'));
    generate(join(dir, 'lf'), 1, 42);
    generate(join(dir, 'crlf'), 1, 42, { lineEnding: '\r\n' });
    const lf = readFileSync(join(dir, 'lf', 'partnership.yaml'), 'utf8');
    const crlf = readFileSync(join(dir, 'crlf', 'partnership.yaml'), 'utf8');
    expect(crlf).toContain('\r\n');
    const positions = await expectSameAsReference(lf, 'the benchmark file');
    expect(positions.length).toBeGreaterThan(200_000);
    const crlfSource = await read(crlf);
    expect(crlfSource.value).toEqual((await read(lf)).value);
    expect(listPositions(crlfSource)).toEqual(positions);
  }, 120_000);

  it('reads block scalars in every chomping mode, also as the last thing in a file', async () => {
    const cases: [string, string][] = [
      ['a: |\n  one\n  two\n\nb: 1\n', 'one\ntwo\n'],
      ['a: |-\n  one\n\n', 'one'],
      ['a: |+\n  one\n\n\nb: 2\n', 'one\n\n\n'],
      ['a: |+\n  x\n', 'x\n'],
      ['a: |+\n  x\n\n', 'x\n\n'],
      ['a: |+\n  x', 'x\n'],
      ['a: |\n  x', 'x\n'],
      ['a: |-\n  x', 'x'],
      ['a: >\n  one\n  two\n\n  three\n', 'one two\nthree\n'],
      ['a: >-\n  one\n    more\n  two\n', 'one\n  more\ntwo'],
      ['a: >+\n  x\n\n', 'x\n\n'],
      ['a: |2\n    indented\n', '  indented\n'],
      ['a: |\r\n  one\r\n  two\r\n', 'one\ntwo\n'],
    ];
    for (const [text, expected] of cases) {
      const source = await read(text);
      expect((source.value as { a: string }).a, JSON.stringify(text)).toBe(expected);
      expect(source.locate(['a']), JSON.stringify(text)).toEqual({ line: 1, col: 4 });
      await expectSameAsReference(text, JSON.stringify(text));
    }
  });

  it('reads CRLF line endings, tabs in comments, and plain and quoted scalars over several lines', async () => {
    const text = 'partnership:\r\n  name: Riverside\t# the working name\r\n  purpose: Keep the river\r\n    clean for everyone\r\n  note: "two\r\n    lines"\r\nlist:\t# tab before the comment\r\n  - a\r\n  -\r\n  - { k: v, e: }\r\n';
    const source = await read(text);
    expect(source.value).toEqual({
      partnership: { name: 'Riverside', purpose: 'Keep the river clean for everyone', note: 'two lines' },
      list: ['a', null, { k: 'v', e: null }],
    });
    expect(source.locate(['partnership', 'purpose'])).toEqual({ line: 3, col: 12 });
    expect(source.locate(['partnership', 'note'])).toEqual({ line: 5, col: 9 });
    expect(source.locate(['list', 1])).toEqual({ line: 9, col: 4 });
    expect(source.locate(['list', 2, 'e'])).toEqual({ line: 10, col: 16 });
    expect(source.locate(['list', 2, 'e'], 'key')).toEqual({ line: 10, col: 13 });
    await expectSameAsReference(text, 'CRLF document');
  });

  it('places anchors, aliases, tags, quoted and empty values where the yaml package does, and locates missing paths at their nearest ancestor', async () => {
    const text = 'base: &base { tier: core }\nfirst: *base\nquoted: "x"\nsingle: \'y\'\ntagged: !!str 12\nempty:\nafter: 1\n';
    const source = await read(text);
    expect(source.value).toEqual({ base: { tier: 'core' }, first: { tier: 'core' }, quoted: 'x', single: 'y', tagged: '12', empty: null, after: 1 });
    expect(source.locate(['first'])).toEqual({ line: 2, col: 8 });
    expect(source.locate(['first', 'tier'])).toEqual({ line: 2, col: 8 });
    expect(source.locate(['base', 'missing'])).toEqual({ line: 1, col: 13 });
    expect(source.locate(['empty'])).toEqual({ line: 6, col: 7 });
    await expectSameAsReference(text, 'anchors and styles');
  });

  it('names keys as the built value holds them: numbers and booleans become text, __proto__ stays an own key', async () => {
    const source = await read('16: a\n1.50: b\ntrue: c\n"quoted key": d\n__proto__: e\n');
    expect(Object.keys(source.value as object)).toEqual(['16', '1.5', 'true', 'quoted key', '__proto__']);
    expect(Object.getPrototypeOf(source.value)).toBe(Object.prototype);
    expect(source.locate(['1.5'], 'key')).toEqual({ line: 2, col: 1 });
    expect(source.locate(['quoted key'])).toEqual({ line: 4, col: 15 });
  });

  it('reads plain scalars by the YAML 1.2 core schema, as the yaml package does', async () => {
    const cases: [string, unknown][] = [
      ['42', 42], ['-7', -7], ['0o17', 15], ['0x1F', 31], ['1.5', 1.5], ['-.5e2', -50], ['1e3', 1000], ['.inf', Infinity], ['-.Inf', -Infinity],
      ['0b101', '0b101'], ['+0x1F', '+0x1F'], ['1_000', '1_000'], ['2026-01-01', '2026-01-01'], ['yes', 'yes'], ['True', true], ['NULL', null], ['~', null],
    ];
    for (const [text, expected] of cases) {
      expect((await read(`a: ${text}\n`)).value, text).toEqual({ a: expected });
      expect(referenceRead(`a: ${text}\n`)!.value, text).toEqual({ a: expected });
    }
    expect(Number.isNaN(((await read('a: .nan\n')).value as { a: number }).a)).toBe(true);
  });

  it('reads an empty file, or one of comments only, as nothing', async () => {
    for (const text of ['', '# nothing yet\n', '\n\n']) expect((await read(text)).value, JSON.stringify(text)).toBeNull();
  });

  it('refuses a key given twice, naming the line of the first one', async () => {
    expect(await errorOf('partnership:\n  name: A\n  name: B\n')).toBe('t.yaml:3:3 YAML syntax: the key "name" appears twice in the same mapping (first on line 2); keep one');
    expect(await errorOf('gates:\n  16: 40\n  0x10: 50\n')).toMatch(/^t\.yaml:3:3 YAML syntax: the key "16" appears twice/);
    expect(await errorOf('p: { a: 1, a: 2 }\n')).toMatch(/^t\.yaml:1:12 YAML syntax: the key "a" appears twice/);
    // Past the size where keys are looked up in a map rather than scanned.
    const many = Array.from({ length: 100 }, (_, index) => `k${index}: ${index}`).join('\n');
    expect(await errorOf(`${many}\nk7: again\n`)).toMatch(/^t\.yaml:101:1 YAML syntax: the key "k7" appears twice in the same mapping \(first on line 8\)/);
  });

  it('refuses a second document, a key that is a list or mapping, and an alias inside the node it names', async () => {
    expect(await errorOf('a: 1\n---\nb: 2\n')).toBe('t.yaml:2:1 YAML syntax: the file holds a second YAML document (after a `---` or `...` line); pes reads one document per file');
    expect(await errorOf('? [a, b]\n: 1\n')).toMatch(/^t\.yaml:1:3 YAML syntax: a key must be a single value, not a list or a mapping$/);
    expect(await errorOf('a: &a [x, *a]\n')).toBe('t.yaml:1:11 YAML syntax: the alias *a sits inside the node &a it names, which would repeat it endlessly');
    expect(await errorOf('a: &a { b: *a }\n')).toMatch(/^t\.yaml:1:12 YAML syntax: the alias \*a sits inside/);
  });

  describe('limits', () => {
    const { maxAliasCount, maxAliasNodes, maxDepth, maxLines, maxCommas } = DEFAULT_YAML_LIMITS;

    it(`allows ${maxAliasCount} aliases and refuses one more`, async () => {
      const aliases = (count: number) => `x: &x 1\nlist: [${Array(count).fill('*x').join(', ')}]\n`;
      expect(((await read(aliases(maxAliasCount))).value as { list: number[] }).list).toHaveLength(maxAliasCount);
      expect(await errorOf(aliases(maxAliasCount + 1))).toMatch(new RegExp(`^t\\.yaml:2:\\d+ refused: more than ${maxAliasCount} aliases`));
    });

    it(`refuses aliases that together stand for more than ${maxAliasNodes.toLocaleString('en-US')} values, such as 199 of a 5,000-item list`, async () => {
      const list = (items: number, aliases: number) => `x: &x [${Array(items).fill(0).join(', ')}]\ncopies: [${Array(aliases).fill('*x').join(', ')}]\n`;
      // Each alias of the list stands for its 5,000 items and the list itself.
      expect(((await read(list(4999, 20))).value as { copies: unknown[] }).copies).toHaveLength(20);
      expect(await errorOf(list(4999, 21))).toMatch(/^t\.yaml:2:\d+ refused: the aliases \(\*name\) in this file stand for more than 100,000 values/);
      expect(await errorOf(list(5000, 199))).toMatch(/refused: the aliases/);
      let bomb = 'a: &a [x, x, x, x, x, x, x, x, x, x]\n';
      for (const [name, previous] of [...'bcdefghi'].map((letter, index) => [letter, 'abcdefghi'[index]!])) bomb += `${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]\n`;
      expect(await errorOf(bomb)).toMatch(/refused: the aliases/);
    });

    it(`reads ${maxDepth} levels of nesting and refuses ${maxDepth + 1}, in flow and block style`, async () => {
      const flow = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}\n`;
      const block = (levels: number) => Array.from({ length: levels }, (_, level) => `${' '.repeat(level)}k${level}:`).join('\n') + ' x\n';
      await read(flow(maxDepth));
      await read(block(maxDepth));
      expect(await errorOf(flow(maxDepth + 1))).toMatch(new RegExp(`^t\\.yaml:1:${maxDepth + 1} refused: nesting deeper than ${maxDepth} levels$`));
      expect(await errorOf(block(maxDepth + 1))).toMatch(new RegExp(`refused: nesting deeper than ${maxDepth} levels$`));
    });

    it(`refuses a file of more than ${maxLines.toLocaleString('en-US')} lines or ${maxCommas.toLocaleString('en-US')} commas, before reading it`, async () => {
      const lineLimit = maxLines.toLocaleString('en-US');
      await read(`list:\n${'  - x\n'.repeat(maxLines - 2)}`);
      const parsed = await parseBothWays(`list:\n${'  - x\n'.repeat(maxLines)}`);
      expect(parsed.ok ? [] : parsed.errors.map(formatLocatedError)).toEqual([
        `t.yaml: refused: ${(maxLines + 2).toLocaleString('en-US')} lines, over the ${lineLimit} pes reads in one file (a partnership of 10,000 partners has about 130,000 lines)`,
      ]);
      await read(`list: [${'x,'.repeat(maxCommas)}x]\n`);
      expect(await errorOf(`list: [${'x,'.repeat(maxCommas + 1)}x]\n`)).toMatch(
        new RegExp(`^t\\.yaml: refused: ${(maxCommas + 1).toLocaleString('en-US')} commas, over the ${maxCommas.toLocaleString('en-US')}`),
      );
      // A pretty-printed JSON report has a comma on most of its lines: within both limits.
      await read(JSON.stringify({ rows: Array.from({ length: maxLines / 2 }, (_, index) => index) }, null, 2));
    });
  });

  describe('mistakes, in plain words at the place they are', () => {
    const cases: [string, string, string][] = [
      ['a quote never closed', 'partnership:\n  name: "Riverside\n', 't.yaml:2:9 YAML syntax: the quote " opened here is never closed'],
      ['a bracket never closed', 'partnership: { name: x }\npartners: [a, b\nteams: []\n', 't.yaml:2:11 YAML syntax: the [ opened here is never closed with ]'],
      ['a second colon in a value', 'partnership:\n  name: Riverside: the alliance\n', 't.yaml:2:18 YAML syntax: a second ": " in a value; a colon followed by a space starts a key, so put the value in quotes ("...")'],
      ['a colon in a flow value', 'tags: [Data: analysis: more, b]\n', 't.yaml:1:22 YAML syntax: a ":" inside a value in [ ] or { }; a colon followed by a space there starts a key, so put the value in quotes ("...")'],
      ['a comma in a flow value', 'partner: { name: Acme, Inc, tier: core }\n', 't.yaml:1:24 YAML syntax: "Inc" in { } has no \':\' after it, so it reads as a key of its own; if the comma belongs to the value before it, write that value in quotes: "Acme, Inc"'],
      ['a tab in the indentation', 'partnership:\n\tname: x\n', 't.yaml:2:1 YAML syntax: a tab in the indentation; YAML indents with spaces only, so replace the tab with spaces'],
      ['text after a closing quote', 'partnership:\n  name: "Acme" Inc\n', 't.yaml:2:16 YAML syntax: text after the closing quote; put the whole value inside the quotes'],
      ['a key out of line', 'partnership:\n  name: x\n   purpose: y\n', 't.yaml:3:4 YAML syntax: this line is not indented like the entries around it; line it up with the keys or dashes it belongs with'],
      ['a value starting with @', 'partnership:\n  name: @riverside\n', 't.yaml:2:9 YAML syntax: a value cannot start with "@"; put the value in quotes ("...")'],
      ['a list entry under a mapping', 'partnership:\n  name: x\n- y\n', 't.yaml:3:1 YAML syntax: this line does not fit the structure above it: a key needs ": " after it, and a list entry "- " before it, at the indentation of its neighbours'],
      ['a control character', 'partnership:\n  name: a\u0007b\n', 't.yaml:2:10 YAML syntax: a control character (U+0007) that YAML does not allow; remove it'],
      [
        'a control character inside double quotes',
        'partnership:\n  name: "Acme \u001b[31m"\n',
        't.yaml:2:15 YAML syntax: a control character (U+001B) written as it is inside double quotes, which YAML does not allow; remove it, or write it as \\u001B',
      ],
      ['an unknown escape', 'partnership:\n  name: "a\\qb"\n', 't.yaml:2:12 YAML syntax: an unknown escape (\\) in double-quoted text; write \\\\ for a backslash, or use single quotes'],
      ['an alias with no anchor', 'partnership: *missing\n', 't.yaml:1:14 YAML syntax: the alias *missing names no anchor; define &missing before it'],
      ['an unknown tag', 'partnership: !secret x\n', 't.yaml:1:14 YAML syntax: unknown tag !secret; pes files need no tags, so remove it'],
      ['an unknown tag of the YAML namespace', 'partnership:\n  name: !!text x\n', 't.yaml:2:9 YAML syntax: unknown tag !!text; pes files need no tags, so remove it'],
    ];
    for (const [name, text, expected] of cases) {
      it(name, async () => {
        expect(await errorOf(text)).toBe(expected);
      });
    }

    it('never shows a parser code, whatever the damage', async () => {
      const example = readFileSync(join(ROOT, 'examples/mature-coalition.yaml'), 'utf8').split('\n');
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.nat(), fc.constantFrom(': ', '"', "'", '[', '{', '\t', ', ', '- ', '#', '&a ', '*a', '|', '? ', '\u0000', '\r'), async (at, column, insert) => {
          const lines = [...example];
          const index = at % lines.length;
          const line = lines[index]!;
          const cut = line.length === 0 ? 0 : column % line.length;
          lines[index] = line.slice(0, cut) + insert + line.slice(cut);
          const parsed = await parseBothWays(lines.join('\n'), 'errors');
          if (parsed.ok) return;
          for (const error of parsed.errors) {
            expect(error.message).not.toMatch(/\b[A-Z]{2,}(?:_[A-Z]+)+\b|maxDepth|maxAliases|undefined/);
            expect(error.message).toMatch(/^(YAML syntax|refused): /);
          }
        }),
        { numRuns: FUZZ_RUNS },
      );
    }, FUZZ_RUNS * 30);
  });

  describe('random documents', () => {
    const key = fc.oneof(fc.stringMatching(/^[a-z_][a-z0-9_-]{0,8}$/), hardText).filter((text) => text !== '' && !/^(?:~|null|Null|NULL)$/.test(text) && !text.includes('\ufeff'));
    const scalar = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).filter((n) => !Object.is(n, -0)), fc.boolean(), fc.constant(null), hardText);
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
    })).node;
    it('agree with the yaml package on values and on the position of every node', async () => {
      await fc.assert(
        fc.asyncProperty(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), yamlLayout, async (document, layout) => {
          const text = writeYaml(document, layout);
          await expectSameAsReference(text, JSON.stringify(text));
        }),
        { numRuns: FUZZ_RUNS },
      );
    }, FUZZ_RUNS * 40);
  });
});
