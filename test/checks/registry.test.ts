import * as z from 'zod/mini';
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeCheck, describeNeeds } from '../../src/assess/messages.js';
import { defineCheck, type AnyCheck } from '../../src/checks/check.js';
import { CHECKS } from '../../src/checks/index.js';

const CHECKS_DIR = new URL('../../src/checks/', import.meta.url);
const SOURCE_FILES = readdirSync(CHECKS_DIR).filter((file) => file.endsWith('.ts') && file !== 'index.ts');

interface RubricFile {
  practices: { number: number; checks: { check: string; params?: Record<string, unknown> }[] }[];
}
const rubric = parse(readFileSync(new URL('../../rubrics/pes-27.yaml', import.meta.url), 'utf8')) as RubricFile;
const uses = rubric.practices.flatMap((practice) => practice.checks.map((use) => ({ practice: practice.number, ...use })));

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

  it('refuses, at build time, an outcome naming a message its check does not have', () => {
    // Type-checked by `npm run build` (tsc covers test/): if a wrong id were accepted, the
    // expect-error directive below would itself be an error.
    const check = defineCheck({
      name: 'typedMessages',
      description: 'a check with one message',
      params: (zod) => zod.strictObject({}),
      messages: { found: 'found it' },
      needs: 'something',
      // @ts-expect-error 'lost' is not one of this check's messages
      evaluate: (_context, _params) => {
        return { status: 'met', messageId: 'lost', data: {}, path: [] };
      },
    });
    expect(Object.keys(check.messages)).toEqual(['found']);
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
