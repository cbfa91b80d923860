/**
 * The promise of the scoring rule, as properties: describing less can never raise a
 * score. Deleting any top-level section, or any key of a top-level mapping, from a
 * shipped example (alone or together with others) never raises the overall score, any
 * principle or any practice; and writing an honest `[]` never scores below leaving the
 * key out. With and without the shipped survey.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gateFailures } from '../../src/assess/gates.js';
import type { Report } from '../../src/model/report.js';
import type { SurveyResponse } from '../../src/model/responses.js';
import { EXAMPLES, readExample, reportFor, scoresOf, shippedResponses } from '../helpers/report.js';
import { builtinRubric } from '../helpers/rubric.js';

const rubric = await builtinRubric();
const responses = await shippedResponses(rubric);
const RUNS = Number(process.env.PES_FUZZ_RUNS ?? 40);

type Value = Record<string, unknown>;
/** A key to delete: a top-level section, or a key of a top-level mapping. */
type Deletion = readonly [string] | readonly [string, string];

function deletionsOf(data: Value): Deletion[] {
  const deletions: Deletion[] = [];
  for (const [key, value] of Object.entries(data)) {
    // The name is required and the as-of date is given to every run: neither is a description to leave out.
    if (key === 'as_of') continue;
    if (key !== 'partnership') deletions.push([key]);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const inner of Object.keys(value)) if (!(key === 'partnership' && inner === 'name')) deletions.push([key, inner]);
    }
  }
  return deletions;
}

function without(data: Value, deletions: readonly Deletion[]): Value {
  const copy = structuredClone(data);
  for (const [key, inner] of deletions) {
    if (inner === undefined) delete copy[key];
    else delete (copy[key] as Value | undefined)?.[inner];
  }
  return copy;
}

/** Lists a file can write as `[]`: top-level lists and the lists inside top-level mappings. */
function listKeysOf(data: Value): Deletion[] {
  return deletionsOf(data).filter(([key, inner]) => Array.isArray(inner === undefined ? data[key] : (data[key] as Value)[inner]));
}

function emptied(data: Value, [key, inner]: Deletion): Value {
  const copy = structuredClone(data);
  if (inner === undefined) copy[key] = [];
  else (copy[key] as Value)[inner] = [];
  return copy;
}

/** The scores of `lower` that exceed those of `higher`, by name; empty when none does. */
function raised(higher: Report, lower: Report): string[] {
  const before = scoresOf(higher);
  return [...scoresOf(lower)].filter(([name, score]) => score > before.get(name)! + 1e-9).map(([name, score]) => `${name}: ${before.get(name)} -> ${score}`);
}

const cases = EXAMPLES.flatMap((file) => [
  { name: file, file, responses: undefined as SurveyResponse[] | undefined },
  ...(file.includes('mature') ? [{ name: `${file} with its survey`, file, responses }] : []),
]);

describe.each(cases)('describing less of $name', ({ file, responses: survey }) => {
  const data = readExample(file);
  const deletions = deletionsOf(data);
  const assess = (value: Value) => reportFor(rubric, value, { asOf: data.as_of as string, responses: survey });

  it('never raises a score when any one section or key is left out', async () => {
    const full = (await assess(data))!;
    const found: string[] = [];
    for (const deletion of deletions) {
      const less = await assess(without(data, [deletion]));
      // Leaving out a section other entries refer to makes the file invalid: nothing to compare.
      if (less !== null) found.push(...raised(full, less).map((problem) => `without ${deletion.join('.')}: ${problem}`));
    }
    expect(found).toEqual([]);
  });

  it('never raises a score when more is left out, whatever was left out before', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray([...deletions]), fc.subarray([...deletions]), async (first, second) => {
        const fewer = first;
        const more = [...new Set([...first, ...second])];
        const [moreReport, fewerReport] = [await assess(without(data, more)), await assess(without(data, fewer))];
        if (moreReport === null || fewerReport === null) return;
        expect(raised(fewerReport, moreReport)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('never passes a gate the full file fails: a practice left out fails --fail-on like a gap', async () => {
    const full = (await assess(data))!;
    const gates = [{ failOn: 'gap' as const }, { failOn: 'developing' as const }, { failUnder: full.overall.score ?? 0 }];
    const found: string[] = [];
    for (const gate of gates) {
      const failing = new Set(gateFailures(full, gate).map((failure) => failure.split(' ')[0]));
      for (const deletion of deletions) {
        const less = await assess(without(data, [deletion]));
        if (less === null) continue;
        const still = new Set(gateFailures(less, gate).map((failure) => failure.split(' ')[0]));
        for (const what of failing) if (!still.has(what)) found.push(`without ${deletion.join('.')}: ${what} passes ${JSON.stringify(gate)}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('never scores an honest `[]` below the key left out', async () => {
    const found: string[] = [];
    for (const list of listKeysOf(data)) {
      const [none, absent] = [await assess(emptied(data, list)), await assess(without(data, [list]))];
      if (none === null || absent === null) continue;
      found.push(...raised(none, absent).map((problem) => `${list.join('.')}: [] scores below leaving it out: ${problem}`));
    }
    expect(found).toEqual([]);
  });
});
