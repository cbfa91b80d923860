/**
 * Validation at scale: a file with a huge number of problems gets the first ones and a
 * line saying there are more, quickly and without a stack overflow; and walking a large
 * file entry by entry finds exactly the problems zod finds on the whole document.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { collectIssues, MAX_PROBLEMS_PER_FILE } from '../../src/load/validate.js';
import { partnershipSchema } from '../../src/model/partnership.js';
import { ROOT } from '../helpers/cli.js';
import { errorsOf } from '../helpers/partnership.js';

const HEAD = 'as_of: 2026-01-01\npartnership:\n  name: X\n';


describe('a file with very many problems', () => {
  it('150,000 invalid list items: the first problems, in file order, and a line that says there are more', async () => {
    let text = `${HEAD}partners:\n`;
    for (let i = 0; i < 150_000; i++) text += `  - { id: p${i}, name: P, sector: wrong, tier: core, joined: 2024-01-01 }\n`;
    const errors = await errorsOf(text);
    expect(errors).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(errors[0]).toBe('p.yaml:5:32 partners[0].sector: expected one of private, public, civil_society, community, academic, funder, got "wrong"');
    expect(errors[MAX_PROBLEMS_PER_FILE - 1]).toMatch(new RegExp(`^p\\.yaml:${MAX_PROBLEMS_PER_FILE + 4}:\\d+ partners\\[${MAX_PROBLEMS_PER_FILE - 1}\\]\\.sector`));
    expect(errors.at(-1)).toBe(`p.yaml: stopped after ${MAX_PROBLEMS_PER_FILE} problems; fix these, then run pes again for the rest`);
  }, 60_000);

  it('200,000 unknown keys: the same, one problem per key', async () => {
    let text = HEAD;
    for (let i = 0; i < 200_000; i++) text += `unknown_key_${i}: 1\n`;
    const errors = await errorsOf(text);
    expect(errors).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(errors[0]).toMatch(/^p\.yaml:4:1 unknown_key_0: unknown key "unknown_key_0" \(allowed: as_of, partnership, /);
    expect(errors.at(-1)).toMatch(/stopped after \d+ problems/);
  }, 60_000);

  it('20,000 unknown partner ids among 10,000 partners: suggestions for those shown, at once', async () => {
    let text = `${HEAD}partners:\n`;
    for (let i = 0; i < 10_000; i++) text += `  - { id: partner-${i}, name: P${i}, sector: public, tier: core, joined: 2024-01-01 }\n`;
    text += 'teams:\n  - name: T\n    members:\n';
    for (let i = 0; i < 20_000; i++) text += `      - { name: M${i}, partner: partnr-${i}, joined: 2024-01-01 }\n`;
    const started = Date.now();
    const errors = await errorsOf(text);
    // Not a timing assertion (bench/ measures it): the old quadratic search took minutes, so this only guards against it returning.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(errors[0]).toBe('p.yaml:10008:30 teams[0].members[0].partner: unknown partner id "partnr-0"; did you mean "partner-0"?');
    expect(errors).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
  }, 60_000);
});

describe('walking entry by entry', () => {
  const example = parse(readFileSync(join(ROOT, 'examples/mature-coalition.yaml'), 'utf8')) as Record<string, unknown>;
  /** Every path to a value in the document. */
  const paths: (string | number)[][] = [];
  const visit = (value: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
  };
  visit(example, []);

  const damage = fc.array(fc.tuple(fc.nat({ max: paths.length - 1 }), fc.constantFrom(42, 'text', null, [], {}, true, 'delete', 'unknown key')), { minLength: 1, maxLength: 6 });

  it('finds the same problems as zod on the whole document, however small the pieces zod is given', () => {
    fc.assert(
      fc.property(damage, (edits) => {
        const document = structuredClone(example);
        for (const [which, replacement] of edits) {
          const path = paths[which]!;
          if (path.length === 0) continue;
          let parent: unknown = document;
          for (const segment of path.slice(0, -1)) parent = (parent as Record<string | number, unknown> | undefined)?.[segment];
          if (parent === null || typeof parent !== 'object') continue;
          const last = path.at(-1)!;
          const target = parent as Record<string | number, unknown>;
          if (replacement === 'delete') delete target[last];
          else if (replacement === 'unknown key') {
            if (!Array.isArray(target)) target[`unknown_${String(last)}`] = 1;
          } else target[last] = replacement;
        }
        const whole = partnershipSchema.safeParse(document);
        // Pieces of at most 3 values: the walk goes down to nearly every entry.
        const walked = collectIssues(partnershipSchema, document, 3);
        const key = (issue: { path: PropertyKey[]; code: string; keys?: string[] }) =>
          (issue.code === 'unrecognized_keys' ? issue.keys!.map((name) => `${[...issue.path, name].join('.')} ${issue.code}`) : [`${issue.path.join('.')} ${issue.code}`]);
        const expected = new Set(whole.success ? [] : whole.error.issues.flatMap(key));
        if (expected.size >= MAX_PROBLEMS_PER_FILE) return;
        expect(new Set(walked.issues.flatMap(key))).toEqual(expected);
        expect(walked.more).toBe(false);
      }),
      { numRuns: Number(process.env.PES_FUZZ_RUNS ?? 300) },
    );
  });
});
