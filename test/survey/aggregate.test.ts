import { describe, expect, it } from 'vitest';
import type { Answer, SurveyResponse } from '../../src/model/responses.js';
import { DONT_KNOW } from '../../src/model/vocabulary.js';
import { aggregateResponses, groupRespondents, NOT_STATED, OTHERS } from '../../src/survey/aggregate.js';
import type { Dimension, SurveyAggregate } from '../../src/model/perception.js';
import { groupNamer } from '../../src/survey/group-names.js';
import { perceptionScore, round2, standardDeviation } from '../../src/model/statistics.js';
import { partner, partnership } from '../helpers/partnership.js';
import { builtinRubric } from '../helpers/rubric.js';

const rubric = await builtinRubric();

// Practices 1-3 belong to principle "purpose", practice 4 to "momentum".
const P1 = 'align-on-purpose';
const P2 = 'consistent-communication';
const P3 = 'ruthless-prioritization';
const P4 = 'fundraising-partner-raising';

type Profile = SurveyResponse['respondent'];

let counter = 0;
function respond(answers: Record<string, Answer>, profile: Partial<Profile> = {}, complete = false): SurveyResponse {
  counter += 1;
  return {
    pes_response: 1,
    rubric: rubric.id,
    partnership: 'Test partnership',
    respondent: { id: `r${counter}`, ...profile },
    date: '2026-06-01',
    complete,
    answers,
  };
}

/** `count` respondents of one sector (undefined: not stated), each answering P1 with 3. */
function sector(value: Profile['sector'], count: number): SurveyResponse[] {
  return Array.from({ length: count }, () => respond({ [P1]: 3 }, value === undefined ? {} : { sector: value }));
}

function practice(aggregate: SurveyAggregate, id: string) {
  const found = aggregate.practices.find((entry) => entry.practice === id);
  if (!found) throw new Error(`no practice ${id}`);
  return found;
}

function dimension(aggregate: SurveyAggregate, name: Dimension) {
  const found = aggregate.dimensions.find((entry) => entry.dimension === name);
  if (!found) throw new Error(`no dimension ${name}`);
  return found;
}

function shownOf(responses: readonly SurveyResponse[], min = 3) {
  const grouping = groupRespondents(responses, 'sector', min);
  return { shown: grouping.shown.map(({ group, members }) => [group, members.length]), withheld: grouping.withheld };
}

describe('per-practice figures', () => {
  it('gives n, mean, sample sd, min, max, distribution and leaves "don\'t know" out of n and the mean', () => {
    const aggregate = aggregateResponses(rubric, [
      respond({ [P1]: 5 }),
      respond({ [P1]: 4 }),
      respond({ [P1]: 4 }),
      respond({ [P1]: 2 }),
      respond({ [P1]: DONT_KNOW }),
      respond({}),
    ]);
    const p1 = practice(aggregate, P1);
    expect(p1.n).toBe(4);
    // (5 + 4 + 4 + 2) / 4 = 15 / 4 = 3.75, not 15 / 5 = 3.0 (the "don't know" is no answer on the scale).
    expect(p1.mean).toBe(3.75);
    // Deviations 1.25, 0.25, 0.25, -1.75; squares 1.5625 + 0.0625 + 0.0625 + 3.0625 = 4.75;
    // 4.75 / (4 - 1) = 1.5833; sqrt = 1.2583 -> 1.26 (the population sd, sqrt(4.75 / 4) = 1.09, would be wrong).
    expect(p1.sd).toBe(1.26);
    expect(p1.min).toBe(2);
    expect(p1.max).toBe(5);
    // Counts of 1, 2, 3, 4, 5.
    expect(p1.distribution).toEqual([0, 1, 0, 2, 1]);
    expect(p1.dontKnow).toBe(1);
    // (3.75 - 1) / 4 * 100 = 68.75.
    expect(p1.score).toBe(68.75);
    expect(aggregate.respondents).toBe(6);
  });

  it('rounds the mean to two decimals but scores the exact mean', () => {
    const p1 = practice(aggregateResponses(rubric, [respond({ [P1]: 4 }), respond({ [P1]: 4 }), respond({ [P1]: 3 })]), P1);
    // 11 / 3 = 3.6667 -> 3.67.
    expect(p1.mean).toBe(3.67);
    // (11/3 - 1) / 4 * 100 = (8/3) / 4 * 100 = 66.667 -> 66.67 (from the rounded 3.67 it would be 66.75).
    expect(p1.score).toBe(66.67);
    // Deviations 1/3, 1/3, -2/3; squares 1/9 + 1/9 + 4/9 = 6/9; / (3 - 1) = 1/3; sqrt = 0.5774 -> 0.58.
    expect(p1.sd).toBe(0.58);
  });

  it('gives a standard deviation of 0 for a single answer', () => {
    const p1 = practice(aggregateResponses(rubric, [respond({ [P1]: 2 }), respond({ [P1]: DONT_KNOW })]), P1);
    expect(p1).toMatchObject({ n: 1, mean: 2, sd: 0, min: 2, max: 2, dontKnow: 1, distribution: [0, 1, 0, 0, 0] });
    // (2 - 1) / 4 * 100 = 25.
    expect(p1.score).toBe(25);
    expect(standardDeviation([4])).toBe(0);
    expect(standardDeviation([])).toBe(0);
  });

  it('has no mean, sd, min, max or score when everyone said "don\'t know", but still counts them', () => {
    const p1 = practice(aggregateResponses(rubric, [respond({ [P1]: DONT_KNOW }), respond({ [P1]: DONT_KNOW })]), P1);
    expect(p1).toEqual({
      practice: P1,
      n: 0,
      mean: null,
      sd: null,
      min: null,
      max: null,
      distribution: [0, 0, 0, 0, 0],
      dontKnow: 2,
      score: null,
      groups: [],
    });
  });

  it('maps the 1-5 mean onto 0-100: 1 -> 0, 3 -> 50, 5 -> 100', () => {
    expect(perceptionScore(1)).toBe(0);
    expect(perceptionScore(3)).toBe(50);
    expect(perceptionScore(5)).toBe(100);
    // (4 - 1) / 4 * 100 = 75.
    expect(perceptionScore(4)).toBe(75);
    const scoreOf = (value: Answer) => practice(aggregateResponses(rubric, [respond({ [P1]: value }), respond({ [P1]: value })]), P1).score;
    expect([scoreOf(1), scoreOf(3), scoreOf(5)]).toEqual([0, 50, 100]);
  });

  it('rounds to two decimals', () => {
    expect(round2(2 / 3)).toBe(0.67);
    expect(round2(3.125)).toBe(3.13);
  });
});

describe('per-principle and overall figures', () => {
  const aggregate = aggregateResponses(rubric, [
    respond({ [P1]: 5, [P2]: 3, [P3]: DONT_KNOW, [P4]: 2 }, {}, false),
    respond({ [P1]: 4, [P2]: DONT_KNOW, [P3]: 1 }, {}, true),
  ]);

  it('pools every answer of a principle\'s practices (not the mean of practice means)', () => {
    const purpose = aggregate.principles.find((entry) => entry.principle === 'purpose')!;
    // Answers 5, 3, 4, 1: 13 / 4 = 3.25 (the mean of practice means, (4.5 + 3 + 1) / 3 = 2.83, would be wrong).
    // (3.25 - 1) / 4 * 100 = 56.25.
    expect(purpose).toEqual({ principle: 'purpose', n: 4, mean: 3.25, score: 56.25 });
    const momentum = aggregate.principles.find((entry) => entry.principle === 'momentum')!;
    // One answer, 2: (2 - 1) / 4 * 100 = 25.
    expect(momentum).toEqual({ principle: 'momentum', n: 1, mean: 2, score: 25 });
  });

  it('has an empty figure for a principle nobody answered on the scale', () => {
    const identity = aggregate.principles.find((entry) => entry.principle === 'identity')!;
    expect(identity).toEqual({ principle: 'identity', n: 0, mean: null, score: null });
    expect(aggregate.principles.map((entry) => entry.principle)).toEqual(rubric.principles.map((entry) => entry.id));
  });

  it('pools every scale answer for the overall figure and counts complete responses', () => {
    // 5 + 3 + 2 + 4 + 1 = 15; 15 / 5 = 3.0 -> score 50.
    expect(aggregate.overall).toEqual({ n: 5, mean: 3, score: 50 });
    expect(aggregate.respondents).toBe(2);
    expect(aggregate.complete).toBe(1);
    expect(aggregate.practices).toHaveLength(rubric.practices.length);
  });

  it('has no overall figure without responses', () => {
    const empty = aggregateResponses(rubric, []);
    expect(empty.overall).toEqual({ n: 0, mean: null, score: null });
    expect(empty.respondents).toBe(0);
    expect(empty.dimensions.every((entry) => entry.shown.length === 0 && entry.withheld === 0)).toBe(true);
  });
});

describe('group breakdowns that cannot identify anyone', () => {
  it('shows groups of at least the minimum (3 by default), largest first', () => {
    const aggregate = aggregateResponses(rubric, [...sector('public', 3), ...sector('civil_society', 4)]);
    expect(aggregate.minGroupSize).toBe(3);
    expect(dimension(aggregate, 'sector')).toEqual({
      dimension: 'sector',
      shown: [
        { group: 'civil_society', respondents: 4 },
        { group: 'public', respondents: 3 },
      ],
      withheld: 0,
    });
  });

  it('never shows a group of 2 when the minimum is 3', () => {
    // public 4, civil_society 3, private 2 (total 9). The 2 cannot be pooled alone (2 < 3), so the smallest
    // shown group (civil_society, 3) joins it: others = 3 + 2 = 5; shown 4 + 5 = 9.
    const result = shownOf([...sector('public', 4), ...sector('civil_society', 3), ...sector('private', 2)]);
    expect(result).toEqual({ shown: [['public', 4], [OTHERS, 5]], withheld: 5 });
  });

  it('pools small groups as "others" when the pool reaches the minimum', () => {
    // civil_society 4, public 4, private 2, academic 1: 2 + 1 = 3 >= 3, so "others" (3) is shown.
    const result = shownOf([...sector('public', 4), ...sector('civil_society', 4), ...sector('private', 2), ...sector('academic', 1)]);
    expect(result).toEqual({ shown: [['civil_society', 4], ['public', 4], [OTHERS, 3]], withheld: 3 });
  });

  it('withholds the smallest shown group too when the leftover alone is too small (4, 4, 3 and 1)', () => {
    // Showing 4, 4, 3 of 12 would give away the 1 by subtraction (12 - 4 - 4 - 3 = 1). The smallest shown group
    // (private, 3) is pooled with it: others = 3 + 1 = 4, and every shown figure covers >= 3 people.
    const responses = [...sector('public', 4), ...sector('civil_society', 4), ...sector('private', 3), ...sector('academic', 1)];
    const result = shownOf(responses);
    expect(result).toEqual({ shown: [['civil_society', 4], ['public', 4], [OTHERS, 4]], withheld: 4 });
    const aggregate = aggregateResponses(rubric, responses);
    const names = dimension(aggregate, 'sector').shown.map(({ group }) => group);
    expect(names).not.toContain('private');
    expect(names).not.toContain('academic');
    // Shown groups add up to everyone: nothing is left to derive by subtraction.
    expect(dimension(aggregate, 'sector').shown.reduce((sum, { respondents }) => sum + respondents, 0)).toBe(12);
  });

  it('shows no breakdown when one group is everyone', () => {
    const aggregate = aggregateResponses(rubric, sector('public', 5));
    expect(dimension(aggregate, 'sector')).toEqual({ dimension: 'sector', shown: [], withheld: 0 });
    expect(practice(aggregate, P1).groups).toEqual([]);
  });

  it('shows no breakdown when the only shown group would have to be pooled away', () => {
    // public 3 and private 2: the 2 takes the 3 with it (2 < 3), leaving nothing to show apart.
    expect(shownOf([...sector('public', 3), ...sector('private', 2)])).toEqual({ shown: [], withheld: 5 });
  });

  it('honours a custom minimum group size', () => {
    const responses = [...sector('public', 5), ...sector('civil_society', 4), ...sector('private', 3)];
    // Minimum 3: all three groups are shown.
    expect(shownOf(responses, 3)).toEqual({ shown: [['public', 5], ['civil_society', 4], ['private', 3]], withheld: 0 });
    // Minimum 5: only public (5) stands alone; 4 + 3 = 7 >= 5 form "others".
    expect(shownOf(responses, 5)).toEqual({ shown: [['public', 5], [OTHERS, 7]], withheld: 7 });
    const aggregate = aggregateResponses(rubric, responses, 5);
    expect(aggregate.minGroupSize).toBe(5);
    // Every one of the 12 answered P1 with 3: public 5 answers, others 7 answers, both >= 5.
    expect(practice(aggregate, P1).groups).toEqual([
      { dimension: 'sector', group: 'public', n: 5, mean: 3 },
      { dimension: 'sector', group: OTHERS, n: 7, mean: 3 },
    ]);
  });

  it('groups respondents without a stated sector as "not stated"', () => {
    const result = shownOf([...sector(undefined, 3), ...sector('public', 3)]);
    // Equal sizes are ordered by name: "not stated" before "public".
    expect(result).toEqual({ shown: [[NOT_STATED, 3], ['public', 3]], withheld: 0 });
  });

  it('shows group means for a practice only when every shown group has at least the minimum answers for it', () => {
    // Sector: civil_society c1-c3, public p1-p4. Role: leadership c1, c2, p1, p2; partner_staff c3, p3, p4.
    const c1 = respond({ [P1]: 5, [P2]: DONT_KNOW }, { sector: 'civil_society', role: 'leadership' });
    const c2 = respond({ [P1]: 4, [P2]: 4 }, { sector: 'civil_society', role: 'leadership' });
    const c3 = respond({ [P1]: 4, [P2]: 4 }, { sector: 'civil_society', role: 'partner_staff' });
    const p1 = respond({ [P1]: 2, [P2]: 2 }, { sector: 'public', role: 'leadership' });
    const p2 = respond({ [P1]: 2, [P2]: 2 }, { sector: 'public', role: 'leadership' });
    const p3 = respond({ [P1]: 3, [P2]: 3 }, { sector: 'public', role: 'partner_staff' });
    const p4 = respond({ [P1]: 3, [P2]: 3 }, { sector: 'public', role: 'partner_staff' });
    const aggregate = aggregateResponses(rubric, [c1, c2, c3, p1, p2, p3, p4]);
    // P1: everyone answered. civil_society (5 + 4 + 4) / 3 = 4.33; public (2 + 2 + 3 + 3) / 4 = 2.5;
    // leadership (5 + 4 + 2 + 2) / 4 = 3.25; partner_staff (4 + 3 + 3) / 3 = 3.33.
    expect(practice(aggregate, P1).groups).toEqual([
      { dimension: 'sector', group: 'public', n: 4, mean: 2.5 },
      { dimension: 'sector', group: 'civil_society', n: 3, mean: 4.33 },
      { dimension: 'role', group: 'leadership', n: 4, mean: 3.25 },
      { dimension: 'role', group: 'partner_staff', n: 3, mean: 3.33 },
    ]);
    // P2: c1 does not know, so civil_society has only 2 answers: no sector means at all for P2 (public's
    // alone would give civil_society's away from the overall mean). Leadership still has 3 answers (c2, p1, p2):
    // (4 + 2 + 2) / 3 = 2.67; partner_staff (4 + 3 + 3) / 3 = 3.33.
    expect(practice(aggregate, P2).groups).toEqual([
      { dimension: 'role', group: 'leadership', n: 3, mean: 2.67 },
      { dimension: 'role', group: 'partner_staff', n: 3, mean: 3.33 },
    ]);
    // The sector dimension itself is still shown; only the P2 cell is withheld.
    expect(dimension(aggregate, 'sector').shown).toEqual([
      { group: 'public', respondents: 4 },
      { group: 'civil_society', respondents: 3 },
    ]);
  });

  it('names groups with the naming function, in dimensions and in practice figures', () => {
    const data = partnership({
      partners: [partner('acme', { name: 'Acme Foods', sector: 'private' }), partner('cfb', { name: 'Cedar Food Bank' })],
    });
    const responses = [
      ...Array.from({ length: 3 }, () => respond({ [P1]: 4 }, { organisation: 'acme', sector: 'private' })),
      ...Array.from({ length: 3 }, () => respond({ [P1]: 2 }, { organisation: 'cfb', sector: 'civil_society' })),
    ];
    const aggregate = aggregateResponses(rubric, responses, 3, groupNamer(data));
    expect(dimension(aggregate, 'organisation').shown).toEqual([
      { group: 'Acme Foods', respondents: 3 },
      { group: 'Cedar Food Bank', respondents: 3 },
    ]);
    expect(dimension(aggregate, 'sector').shown.map(({ group }) => group)).toEqual(['civil society', 'private']);
    expect(practice(aggregate, P1).groups).toEqual([
      { dimension: 'sector', group: 'civil society', n: 3, mean: 2 },
      { dimension: 'sector', group: 'private', n: 3, mean: 4 },
      { dimension: 'organisation', group: 'Acme Foods', n: 3, mean: 4 },
      { dimension: 'organisation', group: 'Cedar Food Bank', n: 3, mean: 2 },
    ]);
    // Without a namer the ids are used.
    expect(dimension(aggregateResponses(rubric, responses), 'organisation').shown.map(({ group }) => group)).toEqual(['acme', 'cfb']);
  });

  it('passes the dimension to the naming function and groups by the name it returns', () => {
    const calls: string[] = [];
    const namer = (dim: Dimension, value: string) => {
      calls.push(`${dim}:${value}`);
      // Two organisations under one name are one group.
      return dim === 'organisation' ? 'One Org' : value;
    };
    const responses = [
      respond({ [P1]: 3 }, { organisation: 'a' }),
      respond({ [P1]: 3 }, { organisation: 'a' }),
      respond({ [P1]: 3 }, { organisation: 'b' }),
      respond({ [P1]: 3 }, { organisation: 'c' }),
      respond({ [P1]: 3 }, { organisation: 'c' }),
      respond({ [P1]: 3 }, { organisation: 'c' }),
    ];
    const grouping = groupRespondents(responses, 'organisation', 3, namer);
    // a, a, b, c, c, c all named "One Org": a single group of everyone, so no breakdown.
    expect(grouping.shown).toEqual([]);
    expect(calls).toContain('organisation:b');
    expect(calls.every((call) => call.startsWith('organisation:'))).toBe(true);
  });
});
