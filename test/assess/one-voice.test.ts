/**
 * One voice, as a property over generated partnerships and survey responses: no report
 * both praises and flags a practice, and advice is always drawn from what was found
 * (the failing checks' fixes, or the advice for a survey signal), never from a band.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../src/checks/check.js';
import type { Report } from '../../src/model/report.js';
import type { SurveyResponse } from '../../src/model/responses.js';
import { EXAMPLES, readExample, reportFor, shippedResponses } from '../helpers/report.js';
import { builtinRubric } from '../helpers/rubric.js';

const rubric = await builtinRubric();
const RUNS = Number(process.env.PES_FUZZ_RUNS ?? 150);
const examples = EXAMPLES.map(readExample);

type Value = Record<string, unknown>;
type Key = readonly [string] | readonly [string, string];

/** Keys a generated partnership may leave out or write as `[]`: sections, and the keys of top-level mappings. */
function keysOf(data: Value): Key[] {
  return Object.entries(data).flatMap(([key, value]) => [
    ...(key === 'partnership' || key === 'as_of' ? [] : [[key] as const]),
    ...(value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value).filter((inner) => inner !== 'name').map((inner) => [key, inner] as const) : []),
  ]);
}

/** A partnership: one of the examples with some of it left out and some lists honestly emptied. */
const partnershipArbitrary = fc.nat({ max: examples.length - 1 }).chain((index) => {
  const keys = keysOf(examples[index]!);
  return fc.record({ index: fc.constant(index), dropped: fc.subarray(keys), emptied: fc.subarray(keys) });
});

function partnershipFrom({ index, dropped, emptied }: { index: number; dropped: readonly Key[]; emptied: readonly Key[] }): Value {
  const data = structuredClone(examples[index]!);
  for (const [key, inner] of emptied) {
    const holder = inner === undefined ? data : (data[key] as Value);
    const name = inner ?? key;
    if (Array.isArray(holder?.[name])) holder[name] = [];
  }
  for (const [key, inner] of dropped) {
    if (inner === undefined) delete data[key];
    else delete (data[key] as Value | undefined)?.[inner];
  }
  return data;
}

/** Respondents whose answers cluster around a level per practice, spread by a per-survey amount: agreement, doubt and dispute all occur. */
const surveyArbitrary = fc.option(
  fc.record({
    levels: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: rubric.practices.length, maxLength: rubric.practices.length }),
    spread: fc.integer({ min: 0, max: 2 }),
    people: fc.array(
      fc.record({
        sector: fc.constantFrom('private', 'public', 'civil_society', 'community'),
        offsets: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: rubric.practices.length, maxLength: rubric.practices.length }),
        dontKnow: fc.array(fc.boolean(), { minLength: rubric.practices.length, maxLength: rubric.practices.length }),
      }),
      { minLength: 1, maxLength: 24 },
    ),
  }),
  { nil: undefined },
);

function surveyToResponses(
  name: string,
  survey: { levels: number[]; spread: number; people: { sector: string; offsets: number[]; dontKnow: boolean[] }[] },
): SurveyResponse[] {
  return survey.people.map((person, index) => ({
    pes_response: 1,
    rubric: rubric.id,
    partnership: name,
    respondent: { id: `r${index}`, sector: person.sector as SurveyResponse['respondent']['sector'] },
    date: '2026-01-15',
    complete: true,
    answers: Object.fromEntries(
      rubric.practices.map((practice, at) => {
        if (person.dontKnow[at] && at % 3 === 0) return [practice.id, 'dont_know' as const];
        const answer = Math.min(5, Math.max(1, survey.levels[at]! + Math.round((person.offsets[at]! * survey.spread) / 2)));
        return [practice.id, answer];
      }),
    ),
  }));
}

const SIGNAL_OPENINGS = {
  paper_only: fillTemplate(rubric.triangulation.advice.paper_only, {}).split('{')[0]!.slice(0, 30),
  divergent: fillTemplate(rubric.triangulation.advice.divergent, {}).split('{')[0]!.slice(0, 20),
  hidden_strength: fillTemplate(rubric.triangulation.advice.hidden_strength, {}).split('{')[0]!.slice(0, 30),
};

/** Everything a report says against a practice, and everything it says for it. */
function contradictions(report: Report): string[] {
  const problems: string[] = [];
  const praised = new Set(report.strengths.map((strength) => strength.practice));
  const flagged = new Map<number, string>();
  for (const recommendation of report.recommendations) flagged.set(recommendation.practice, 'recommended for work');
  for (const item of report.discussion) flagged.set(item.practice, `raised for discussion (${item.reason})`);
  for (const entry of report.disagreements) flagged.set(entry.practice, 'listed where people disagree');
  for (const practice of report.practices) {
    for (const label of practice.labels) if (label === 'paper_only' || label === 'divergent' || label === 'confirmed_gap') flagged.set(practice.number, `labelled ${label}`);
  }
  for (const number of praised) if (flagged.has(number)) problems.push(`#${number} is both a strength and ${flagged.get(number)}`);

  for (const practice of report.practices) {
    if (practice.notApplicable) continue;
    const rubricPractice = rubric.practices.find((entry) => entry.id === practice.id)!;
    const failing = practice.evidence.checks.filter((check) => check.status !== 'met');
    const fixes = [...new Set(failing.map((check) => check.fix))];
    const signal = practice.labels.find((label) => label === 'paper_only' || label === 'divergent' || label === 'hidden_strength');
    const where = `#${practice.number} (${practice.band}${signal ? `, ${signal}` : ''})`;
    if (signal === 'paper_only' || signal === 'hidden_strength') {
      if (practice.advice.length !== 1 || !practice.advice[0]!.startsWith(SIGNAL_OPENINGS[signal])) problems.push(`${where}: advice is not the ${signal} advice alone`);
      continue;
    }
    const expected =
      signal === 'divergent'
        ? fixes
        : practice.band === 'strong' || fixes.length === 0
          ? [rubricPractice.advice.strong, ...fixes]
          : fixes;
    const given = signal === 'divergent' ? practice.advice.slice(1) : practice.advice;
    if (signal === 'divergent' && !practice.advice[0]!.startsWith(SIGNAL_OPENINGS.divergent)) problems.push(`${where}: advice does not open with the divergent advice`);
    if (JSON.stringify([...given].sort()) !== JSON.stringify([...expected].sort())) problems.push(`${where}: advice is not drawn from its failing checks`);
    // Praise for a practice whose defining test fails would contradict its finding.
    if (praised.has(practice.number) && practice.evidence.checks.some((check) => check.critical && check.status !== 'met')) problems.push(`${where}: praised with a critical check open`);
  }
  for (const recommendation of report.recommendations) {
    const practice = report.practices.find((entry) => entry.number === recommendation.practice)!;
    if (JSON.stringify(recommendation.advice) !== JSON.stringify(practice.advice)) problems.push(`#${practice.number}: the recommendation says other than the practice`);
  }
  return problems;
}

describe('one voice', () => {
  it('no report of a generated partnership and survey both praises and flags a practice, or gives advice its findings do not support', async () => {
    await fc.assert(
      fc.asyncProperty(partnershipArbitrary, surveyArbitrary, async (shape, survey) => {
        const data = partnershipFrom(shape);
        const name = (data.partnership as Value).name as string;
        const report = await reportFor(rubric, data, { asOf: data.as_of as string, responses: survey ? surveyToResponses(name, survey) : undefined });
        if (report === null) return;
        expect(contradictions(report)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it.each(EXAMPLES)('holds for the shipped example %s, with and without its survey', async (file) => {
    const data = examples[EXAMPLES.indexOf(file)]!;
    const survey = file.includes('mature') ? await shippedResponses(rubric) : undefined;
    for (const responses of [undefined, survey]) {
      const report = (await reportFor(rubric, data, { asOf: data.as_of as string, responses }))!;
      expect(contradictions(report)).toEqual([]);
    }
  });
});
