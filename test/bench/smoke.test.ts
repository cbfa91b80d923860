import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the generator is a plain .mjs script shared with `npm run bench`.
import { generate } from '../../bench/generate.mjs';
import { pes } from '../helpers/cli.js';
import { builtinRubric } from '../helpers/rubric.js';

const rubric = await builtinRubric();

// A small run of the scale benchmark's generator and case, so that `npm run bench`
// cannot rot unnoticed. No timing is asserted here: see bench/run.mjs for that.
describe('the scale benchmark, in miniature', () => {
  it('generates the same data for the same seed, and pes assesses it with the survey', () => {
    const first = mkdtempSync(join(tmpdir(), 'pes-bench-a-'));
    const second = mkdtempSync(join(tmpdir(), 'pes-bench-b-'));
    const sizes = generate(first, 0.02, 7) as { partners: number; respondents: number };
    generate(second, 0.02, 7);
    expect(readFileSync(join(first, 'partnership.yaml'), 'utf8')).toBe(readFileSync(join(second, 'partnership.yaml'), 'utf8'));
    expect(pes(['validate', join(first, 'partnership.yaml')]).status).toBe(0);
    expect(readdirSync(join(first, 'responses'))).toHaveLength(sizes.respondents);

    const result = pes(['assess', join(first, 'partnership.yaml'), '--responses', join(first, 'responses'), '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { practices: unknown[]; survey: { respondents: number }; overall: { described: number } };
    expect(report.practices).toHaveLength(rubric.practices.length);
    expect(report.survey.respondents).toBe(sizes.respondents);
    expect(sizes.partners).toBe(200);
  }, 120_000);
});
