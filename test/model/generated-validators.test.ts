import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/model/config.js';
import { isValidConfig } from '../../src/model/generated/config-valid.js';
import { isValidPartnership } from '../../src/model/generated/partnership-valid.js';
import { isValidResponse } from '../../src/model/generated/response-valid.js';
import { partnershipSchema } from '../../src/model/partnership.js';
import { responseSchema } from '../../src/model/responses.js';
import { validatorSources } from '../../src/model/validator-sources.js';
import { ROOT } from '../helpers/cli.js';

const FUZZ_RUNS = Number(process.env.PES_FUZZ_RUNS ?? 2000);

const read = (file: string) => parse(readFileSync(join(ROOT, file), 'utf8')) as unknown;
const partnerships = ['examples/mature-coalition.yaml', 'examples/struggling-alliance.yaml', 'examples/new-network.yaml'].map(read);
const responses = readdirSync(join(ROOT, 'examples/responses/mature-coalition')).slice(0, 3).map((name) => read(`examples/responses/mature-coalition/${name}`));
const configs = [read('examples/ci/pesrc.example.yaml'), { format: 'html', gates: { fail_under: 50, practices: { '11': 40 } }, suppress: [{ practice: 5, reason: 'x' }] }];

/** Every path to a value inside a document, for mutating one place at a time. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((item, index) => paths(item, [...prefix, index]))];
  if (value !== null && typeof value === 'object') return [prefix, ...Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key]))];
  return [prefix];
}

const replacements = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant('__unknown_key__'),
  fc.integer({ min: -5, max: 200 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constantFrom('', 'x', '2024-02-30', '2024-02-29', '2024-13-01', 'core', 'parallel_play', 'dont_know', 'open'),
  fc.constant([]),
  fc.constant({}),
);

function mutate(document: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(document) as Record<string | number, unknown>;
  if (path.length === 0) return replacement;
  let target = copy as Record<string | number, unknown>;
  for (const segment of path.slice(0, -1)) target = target[segment] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (replacement === '__unknown_key__' && !Array.isArray(target)) target[`${String(last)}_extra`] = 1;
  else if (replacement === undefined && !Array.isArray(target)) delete target[last];
  else target[last] = replacement;
  return copy;
}

describe('the generated validators', () => {
  it('are up to date with the zod schemas (regenerate with `npm run generate`)', () => {
    for (const { file, source } of validatorSources()) expect(readFileSync(join(ROOT, file), 'utf8'), file).toBe(source);
  });

  it.each([
    ['partnership', partnerships, isValidPartnership, partnershipSchema],
    ['response', responses, isValidResponse, responseSchema],
    ['config', configs, isValidConfig, configSchema],
  ] as const)('agree with the %s schema on valid files and on every kind of mutation', (_name, documents, generated, schema) => {
    for (const document of documents) {
      expect(schema.safeParse(document).success).toBe(true);
      expect(generated(document)).toBe(true);
    }
    fc.assert(
      fc.property(fc.nat({ max: documents.length - 1 }), fc.nat(), replacements, (which, at, replacement) => {
        const document = documents[which];
        const all = paths(document);
        const mutated = mutate(document, all[at % all.length]!, replacement);
        expect(generated(mutated)).toBe(schema.safeParse(mutated).success);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
