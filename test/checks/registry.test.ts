import * as z from 'zod/mini';
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeCheck, describeNeeds } from '../../src/assess/messages.js';
import type { AnyCheck } from '../../src/checks/check.js';
import { CHECKS } from '../../src/checks/index.js';

const CHECKS_DIR = new URL('../../src/checks/', import.meta.url);
const SOURCE_FILES = readdirSync(CHECKS_DIR).filter((file) => file.endsWith('.ts') && file !== 'index.ts');

interface RubricFile {
  practices: { number: number; checks: { check: string; params?: Record<string, unknown> }[] }[];
}
const rubric = parse(readFileSync(new URL('../../rubrics/pes-27.yaml', import.meta.url), 'utf8')) as RubricFile;
const uses = rubric.practices.flatMap((practice) => practice.checks.map((use) => ({ practice: practice.number, ...use })));

/**
 * The message ids each check's evaluate can return, read from its source: every string literal in a
 * `messageId: ...` or `messageId = ...` expression, leaving out the operands of comparisons such as `status === 'met'`.
 */
function messageIdsBySource(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const file of SOURCE_FILES) {
    const source = readFileSync(new URL(file, CHECKS_DIR), 'utf8');
    for (const segment of source.split('defineCheck(').slice(1)) {
      const name = /name:\s*'(\w+)'/.exec(segment)?.[1];
      if (name === undefined) throw new Error(`${file}: a defineCheck without a name`);
      const ids = new Set<string>();
      for (const line of segment.split('\n')) {
        const at = line.indexOf('messageId');
        if (at < 0) continue;
        const rest = line.slice(at + 'messageId'.length);
        if (/^\s*[:=]\s*$/.test(rest)) throw new Error(`${file}: ${name} spreads a messageId over several lines; teach this test to read it`);
        const expression = rest.split(/,\s*(?:data|path)\b|;/)[0]!.replace(/[!=]==\s*'[^']*'/g, '');
        for (const literal of expression.matchAll(/'([^']+)'/g)) ids.add(literal[1]!);
      }
      found.set(name, ids);
    }
  }
  return found;
}

describe('the check registry', () => {
  it('registers every check defined under src/checks, under its own name', async () => {
    const defined: AnyCheck[] = [];
    for (const file of SOURCE_FILES) {
      const module = (await import(pathToFileURL(new URL(file, CHECKS_DIR).pathname).href)) as Record<string, unknown>;
      for (const value of Object.values(module)) {
        if (typeof value === 'object' && value !== null && 'evaluate' in value && 'messages' in value) defined.push(value as AnyCheck);
      }
    }
    expect(defined.length).toBeGreaterThan(0);
    for (const check of defined) expect(CHECKS.get(check.name), check.name).toBe(check);
    expect(new Set(defined.map((check) => check.name))).toEqual(new Set(CHECKS.keys()));
  });

  describe('messages', () => {
    const bySource = messageIdsBySource();

    it('finds the source of every registered check', () => {
      expect(new Set(bySource.keys())).toEqual(new Set(CHECKS.keys()));
    });

    for (const [name, check] of CHECKS) {
      it(`${name}: has a template for every messageId its evaluate returns, and returns every template it has`, () => {
        const returned = [...(bySource.get(name) ?? [])].filter((id) => id !== 'not_described');
        // "not_described" is worded once for all checks, from `needs`.
        expect(returned.length).toBeGreaterThan(0);
        expect(Object.keys(check.messages).sort()).toEqual(returned.sort());
      });
    }
  });
});

describe('the rubric pes-27', () => {
  it('names only checks that exist in the registry', () => {
    const unknown = uses.filter((use) => !CHECKS.has(use.check)).map((use) => `practice ${use.practice}: ${use.check}`);
    expect(unknown).toEqual([]);
  });

  it('gives every check parameters it accepts', () => {
    for (const use of uses) {
      const parsed = CHECKS.get(use.check)?.params(z).safeParse(use.params ?? {});
      expect(parsed?.success, `practice ${use.practice}: ${use.check}`).toBe(true);
    }
  });

  it('fills every placeholder in what each check measures and what it needs', () => {
    for (const use of uses) {
      const check = CHECKS.get(use.check)!;
      const params = check.params(z).parse(use.params ?? {}) as Record<string, unknown>;
      expect(describeCheck(check, params), `practice ${use.practice}: ${use.check}`).not.toMatch(/\{\w+%?\}/);
      expect(describeNeeds(check, params), `practice ${use.practice}: ${use.check}`).not.toMatch(/\{\w+%?\}/);
    }
  });
});
