import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatLocatedError } from '../../src/load/located-error.js';
import { loadRubric } from '../../src/load/rubric.js';

const RUBRIC = readFileSync(new URL('../../rubrics/pes-27.yaml', import.meta.url), 'utf8');

async function errorsFor(text: string): Promise<string[]> {
  const result = await loadRubric('r.yaml', text);
  if (result.ok) throw new Error('expected the rubric to be rejected');
  return result.errors.map(formatLocatedError);
}

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`fixture does not contain ${needle}`);
  return text.slice(0, index).split('\n').length;
}

const builtin = await loadRubric('rubrics/pes-27.yaml', RUBRIC);

describe('the built-in rubric', () => {
  if (!builtin.ok) throw new Error(builtin.errors.map(formatLocatedError).join('\n'));
  const rubric = builtin.rubric;

  it('has the field guide\'s 6 principles and 27 practices, numbered 1-27 in order', async () => {
    expect(rubric.principles.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rubric.practices.map((p) => p.number)).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
  });

  it('puts practices under the principles of Table 2 (1-3, 4-10, 11-14, 15-20, 21-24, 25-27)', async () => {
    const principleOf = (n: number) => rubric.principles.find((p) => p.id === rubric.practices[n - 1]!.principle)!.number;
    expect([1, 3, 4, 10, 11, 14, 15, 20, 21, 24, 25, 27].map(principleOf)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]);
  });

  it('gives every practice evidence checks, a survey statement, a discussion question and advice for every band', async () => {
    for (const practice of rubric.practices) {
      expect(practice.checks.length, `practice ${practice.number}`).toBeGreaterThan(0);
      expect(practice.statement).not.toMatch(/TODO/);
      expect(practice.question).not.toMatch(/TODO/);
      for (const band of ['gap', 'developing', 'strong'] as const) expect(practice.advice[band]).not.toMatch(/TODO/);
    }
  });

  it('fills in defaults declared by the checks (date_field) once, at load time', async () => {
    const recent = rubric.practices[1]!.checks.find((use) => use.check === 'recentEvents')!;
    expect(recent.params).toMatchObject({ list: 'communications.stories', date_field: 'date' });
  });

  it('uses the guide\'s 15% turnover rule and 3-6 month sprints', async () => {
    expect(rubric.practices[10]!.checks[0]!.params).toEqual({ turnover_threshold: 0.15, partly_share_due: 0.5 });
    expect(rubric.practices[23]!.checks[0]!.params).toMatchObject({ min_months: 3, max_months: 6 });
  });
});

describe('a broken rubric', () => {
  it('names an unknown check at its line, with the closest known name', async () => {
    const text = RUBRIC.replace('check: purposeIsConcise', 'check: purposeIsConsise');
    expect(await errorsFor(text)).toEqual([
      `r.yaml:${lineOf(text, 'purposeIsConsise')}:16 practices[0].checks[0].check: unknown check "purposeIsConsise"; did you mean "purposeIsConcise"?`,
    ]);
  });

  it('rejects a threshold of the wrong type, and a parameter the check does not take', async () => {
    const text = RUBRIC.replace('params: { max_words: 75, partly_max_words: 150 }', 'params: { max_words: seventy, partly_max_words: 150, max_seconds: 30 }');
    const line = lineOf(text, 'max_words: seventy');
    expect(await errorsFor(text)).toEqual([
      `r.yaml:${line}:30 practices[0].checks[0].params.max_words: invalid parameter for purposeIsConcise (invalid type), got "seventy"`,
      `r.yaml:${line}:62 practices[0].checks[0].params.max_seconds: unknown parameter "max_seconds" for purposeIsConcise`,
    ]);
  });

  it('rejects a path the partnership format does not have', async () => {
    const text = RUBRIC.replace('list: communications.stories', 'list: communications.storys');
    expect(await errorsFor(text)).toEqual([
      `r.yaml:${lineOf(text, 'communications.storys')}:17 practices[1].checks[1].params.list: the partnership format has no "communications.storys"`,
    ]);
  });

  it('rejects duplicate practice numbers and unknown principles', async () => {
    const text = RUBRIC.replace('  - number: 2\n    id: consistent-communication\n    principle: purpose', '  - number: 1\n    id: consistent-communication\n    principle: purpse');
    const errors = await errorsFor(text);
    expect(errors).toContain(`r.yaml:${lineOf(text, 'number: 1\n    id: consistent')}:13 practices[1].number: duplicate number 1`);
    expect(errors).toContain(`r.yaml:${lineOf(text, 'purpse')}:16 practices[1].principle: unknown principle "purpse"; did you mean "purpose"?`);
  });

  it('reports a missing required field at the practice that lacks it', async () => {
    const text = RUBRIC.replace(/(  - number: 5\n(?:.*\n)*?)    weight: 1\n/, '$1');
    expect(await errorsFor(text)).toEqual([`r.yaml:${lineOf(text, 'number: 5\n    id: community')}:5 practices[4].weight: missing; expected a number`]);
  });
});
