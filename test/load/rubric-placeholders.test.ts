/**
 * Thresholds written once: rubric prose names a check parameter as `{param}`, and the loader fills it
 * in. A changed threshold changes every sentence that states it; a misspelt name is a load error on the
 * line where it is written.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatLocatedError } from '../../src/load/located-error.js';
import { loadRubric } from '../../src/load/rubric.js';
import { CHECKS } from '../../src/checks/index.js';

const RUBRIC = readFileSync(new URL('../../rubrics/pes-27.yaml', import.meta.url), 'utf8');

async function load(text: string) {
  const result = await loadRubric('r.yaml', text, CHECKS);
  if (!result.ok) throw new Error(result.errors.map(formatLocatedError).join('\n'));
  return result.rubric;
}

async function errorsFor(text: string): Promise<string[]> {
  const result = await loadRubric('r.yaml', text, CHECKS);
  if (result.ok) throw new Error('expected the rubric to be rejected');
  return result.errors.map(formatLocatedError);
}

/** Replaces the one occurrence of `from` (which must exist exactly once) in the built-in rubric. */
function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`the rubric must contain ${JSON.stringify(from)} exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

function position(text: string, needle: string): string {
  const at = text.indexOf(needle);
  const before = text.slice(0, at);
  return `${before.split('\n').length}:${at - before.lastIndexOf('\n')}`;
}

const builtin = await load(RUBRIC);
const practice = (number: number) => builtin.practices.find((entry) => entry.number === number)!;

describe('the built-in rubric after loading', () => {
  it('has no placeholder left in any text it fills', () => {
    for (const entry of builtin.practices) {
      const texts = [entry.good, entry.statement, entry.question, entry.basis, entry.advice.strong, ...entry.checks.flatMap((use) => [use.basis, use.fix])];
      for (const text of texts) expect(text, `practice ${entry.number}`).not.toMatch(/[{}]/);
    }
  });

  it('states each threshold the way its prose is written', () => {
    expect(practice(1).good).toContain('written in 75 words or fewer');
    expect(practice(1).good).toContain('At least once every twelve months');
    expect(practice(11).good).toContain('Once 15% or more of a team has changed');
    expect(practice(14).checks[0]!.fix).toContain('aiming for a fifth.');
    expect(practice(4).good).toContain('more than half of the money');
    expect(practice(9).good).toContain('at least four in five teams');
    // The threshold is 0.6; the prose used to say "more than half".
    expect(practice(16).good).toContain('for at least three in five it also shows what they want to learn');
  });
});

describe('a changed threshold', () => {
  it('changes the sentences that state it, in the practice and in its check', async () => {
    const rubric = await load(edit(RUBRIC, 'params: { max_words: 75, partly_max_words: 150 }', 'params: { max_words: 60, partly_max_words: 150 }'));
    const first = rubric.practices[0]!;
    expect(first.good).toContain('written in 60 words or fewer');
    expect(first.checks[0]!.fix).toContain('cut it to 60 words or fewer');
  });

  it('is shown in words, as a fraction or as "N in M" as the prose asks, and falls back to digits when words do not fit', async () => {
    let text = edit(RUBRIC, 'params: { met_max_share: 0.1, partly_max_share: 0.3 }', 'params: { met_max_share: 0.15, partly_max_share: 0.3 }');
    text = edit(text, 'params: { met_share: 0.2, partly_share: 0.1 }', 'params: { met_share: 0.33, partly_share: 0.1 }');
    text = edit(text, 'params: { list: metrics, what: scorecard metrics, met_max: 12, partly_max: 20 }', 'params: { list: metrics, what: scorecard metrics, met_max: 24, partly_max: 30 }');
    const rubric = await load(text);
    expect(rubric.practices[18]!.good).toContain('no more than three in twenty is overdue');
    expect(rubric.practices[13]!.checks[0]!.fix).toContain('aiming for 33%.');
    expect(rubric.practices[24]!.good).toContain('The scorecard has 24 metrics or fewer');
  });
});

describe('placeholders a rubric author writes', () => {
  it('may name the parameter of a check by its number where two checks share the name', async () => {
    const text = edit(RUBRIC, 'Keep logging as you go and refresh', 'Keep logging (at least {1.met_at} in {1.within_months} months, {3.within_months} for reopenings) and refresh');
    expect((await load(text)).practices[19]!.advice.strong).toContain('at least 3 in 6 months, 24 for reopenings');
  });

  it('writes a literal brace when doubled', async () => {
    const text = edit(RUBRIC, 'Keep writing the hypothesis first and the lesson last.', 'Keep writing {{hypothesis}} first and the lesson last.');
    expect((await load(text)).practices[9]!.advice.strong).toBe('Keep writing {hypothesis} first and the lesson last.');
  });

  it('refuses a name that is not a parameter, on the line and column where it is written, with the closest name', async () => {
    const text = edit(RUBRIC, 'cut it to {max_words} words', 'cut it to {max_word} words');
    expect(await errorsFor(text)).toEqual([
      `r.yaml:${position(text, '{max_word}')} practices[0].checks[0].fix: unknown placeholder {max_word}: purposeIsConcise has no parameter "max_word"; did you mean {max_words}?`,
    ]);
  });

  it('refuses a name two checks of the practice share, and says how to choose', async () => {
    const text = edit(RUBRIC, 'with at least {met_at:word}\n', 'with at least {within_months}\n');
    expect(await errorsFor(text)).toEqual([
      `r.yaml:${position(text, '{within_months}')} practices[19].good: {within_months} could be the parameter of checks 1, 3 and 4; write {1.within_months} or {3.within_months} or {4.within_months}`,
    ]);
  });

  it('refuses a check number the practice does not have, an unknown format, and a value the format cannot show', async () => {
    let text = edit(RUBRIC, 'Keep the yearly review in the calendar', 'Keep the {3.met_within_months} review in the calendar');
    text = edit(text, 'no more than {met_max:word} current priorities', 'no more than {met_max:roman} current priorities');
    text = edit(text, 'Keep the {met} rhythm', 'Keep the {met%} rhythm');
    const errors = await errorsFor(text);
    expect(errors).toContain(`r.yaml:${position(text, '{3.met_within_months}')} practices[0].advice.strong: {3.met_within_months}: this practice has 2 checks`);
    expect(errors).toContain(`r.yaml:${position(text, '{met_max:roman}')} practices[2].good: unknown format ":roman" in {met_max:roman} (known: %, :word, :fraction, :in)`);
    expect(errors).toContain(`r.yaml:${position(text, '{met%}')} practices[1].advice.strong: {met%} cannot show "monthly" (%)`);
  });
});
