/**
 * Folds survey responses into per-practice, per-principle and overall figures,
 * with breakdowns by sector, role and organisation that never show a group smaller
 * than the minimum group size, so no answer can be traced to a person.
 */
import type { Rubric } from '../model/rubric.js';
import type { SurveyResponse } from '../model/responses.js';
import { onOrBefore, type IsoDate } from '../model/dates.js';
import { DONT_KNOW } from '../model/vocabulary.js';
import { DEFAULT_MIN_GROUP_SIZE } from '../model/defaults.js';
import { groupBy } from '../model/group-by.js';
import { mean, perceptionScore, round2, standardDeviation } from '../model/statistics.js';
import { DIMENSIONS, type Dimension, type GroupFigure, type PracticePerception, type PrinciplePerception, type Spread, type SurveyAggregate } from '../model/perception.js';
import { byCodePoint } from '../model/order.js';

export const NOT_STATED = 'not stated';
export const OTHERS = 'others';

export function aggregateResponses(
  rubric: Rubric,
  all: readonly SurveyResponse[],
  minGroupSize = DEFAULT_MIN_GROUP_SIZE,
  nameGroup: (dimension: Dimension, value: string) => string = (_, value) => value,
  includeComments = false,
  dated?: { asOf: IsoDate; includeLate: boolean },
): SurveyAggregate {
  const isLate = (response: SurveyResponse) => dated !== undefined && !onOrBefore(response.date, dated.asOf);
  const late = all.filter(isLate);
  const responses = dated && !dated.includeLate ? all.filter((response) => !isLate(response)) : all;
  const groupings = DIMENSIONS.map((dimension) => groupRespondents(responses, dimension, minGroupSize, nameGroup));
  const columns = new Map(rubric.practices.map((practice) => [practice.id, answerColumn(responses, practice.id)]));
  const practices = rubric.practices.map((practice): PracticePerception => {
    const column = columns.get(practice.id)!;
    const spread = spreadOf(column);
    const groups = groupings.flatMap((grouping) => groupFigures(grouping, column.answers, minGroupSize));
    return { practice: practice.id, ...spread, groups };
  });
  const principles = rubric.principles.map((principle): PrinciplePerception => {
    const members = rubric.practices.filter((practice) => practice.principle === principle.id);
    return pooled(principle.id, members.map((practice) => columns.get(practice.id)!));
  });
  // Every answer names one of the rubric's practices: rubricProblems refuses a response file that names another.
  const { n, mean: overallMean, score } = pooled('', [...columns.values()]);
  return {
    comments: includeComments ? commentsByPrinciple(rubric, responses) : null,
    respondents: responses.length,
    complete: responses.filter((response) => response.complete).length,
    minGroupSize,
    smallSample: responses.length < rubric.triangulation.caution_below,
    late: { count: late.length, included: dated?.includeLate === true && late.length > 0 },
    practices,
    principles,
    overall: { n, mean: overallMean, score },
    dimensions: groupings.map(({ dimension, shown, withheld }) => ({
      dimension,
      shown: shown.map(({ group, members }) => ({ group, respondents: members.length })),
      withheld,
    })),
  };
}

type Answer = SurveyResponse['answers'][string];

/** One practice's answers across the responses. */
interface AnswerColumn {
  /** By response index; undefined where a response does not answer it. */
  answers: (Answer | undefined)[];
  /** The numeric answers, in response order. */
  values: number[];
  dontKnow: number;
}

/**
 * A practice's answers, read out of the responses once, for the spread, every
 * group's figures and the principle's pool. An answers mapping read from YAML has
 * its keys added one by one, which leaves V8 keeping it as a dictionary: looking the
 * practice up in every response once per figure cost more than the figures.
 */
function answerColumn(responses: readonly SurveyResponse[], practiceId: string): AnswerColumn {
  const answers = new Array<Answer | undefined>(responses.length);
  const values: number[] = [];
  let dontKnow = 0;
  for (let index = 0; index < responses.length; index++) {
    const answer = responses[index]!.answers[practiceId];
    answers[index] = answer;
    if (typeof answer === 'number') values.push(answer);
    else if (answer === DONT_KNOW) dontKnow++;
  }
  return { answers, values, dontKnow };
}

function spreadOf({ values, dontKnow }: AnswerColumn): Spread {
  const distribution: Spread['distribution'] = [0, 0, 0, 0, 0];
  for (const value of values) distribution[value - 1]! += 1;
  if (values.length === 0) return { n: 0, mean: null, sd: null, min: null, max: null, distribution, dontKnow, score: null };
  const average = mean(values);
  return {
    n: values.length,
    mean: round2(average),
    sd: round2(standardDeviation(values)),
    // From the distribution, not Math.min(...values): a spread of 100,000 arguments can overflow the stack.
    min: distribution.findIndex((count) => count > 0) + 1,
    max: 5 - [...distribution].reverse().findIndex((count) => count > 0),
    distribution,
    dontKnow,
    score: round2(perceptionScore(average)),
  };
}

/**
 * The numeric answers of several practices taken together. Answers are whole
 * numbers, so the sum is exact in any order: no array of them all is needed.
 */
function pooled(principle: string, columns: readonly AnswerColumn[]): PrinciplePerception {
  let n = 0;
  let sum = 0;
  for (const { values } of columns) {
    n += values.length;
    for (const value of values) sum += value;
  }
  if (n === 0) return { principle, n: 0, mean: null, score: null };
  const average = sum / n;
  return { principle, n, mean: round2(average), score: round2(perceptionScore(average)) };
}

interface Grouping {
  dimension: Dimension;
  shown: { group: string; members: number[] }[];
  withheld: number;
}

/**
 * Which groups of a dimension may be shown. Groups below the minimum are pooled as
 * "others" when the pool itself reaches the minimum; when it does not, the smallest
 * shown group is withheld too, so that the hidden remainder cannot be worked out by
 * subtracting the shown groups from the total.
 */
export function groupRespondents(
  responses: readonly SurveyResponse[],
  dimension: Dimension,
  minGroupSize: number,
  nameGroup: (dimension: Dimension, value: string) => string = (_, value) => value,
): Grouping {
  const byGroup = groupBy(responses.keys(), (index) => {
    const value = responses[index]!.respondent[dimension];
    return value === undefined ? NOT_STATED : nameGroup(dimension, value);
  });
  const groups = [...byGroup].map(([group, members]) => ({ group, members })).sort((a, b) => b.members.length - a.members.length || byCodePoint(a.group, b.group));
  // Largest first, so the groups big enough to show are the first ones.
  const shown = groups.filter(({ members }) => members.length >= minGroupSize);
  let remainder = groups.slice(shown.length).flatMap(({ members }) => members);
  while (remainder.length > 0 && remainder.length < minGroupSize && shown.length > 0) {
    remainder = [...remainder, ...shown.pop()!.members];
  }
  // A single group shown alone would simply repeat the overall figures: no breakdown then.
  if (shown.length === 1 && remainder.length === 0) return { dimension, shown: [], withheld: 0 };
  if (remainder.length >= minGroupSize && shown.length > 0) shown.push({ group: OTHERS, members: remainder });
  return { dimension, shown, withheld: remainder.length };
}

/**
 * Group means for one practice. Either every shown group of the dimension has
 * enough answers to show, or none is shown for this practice: a single hidden cell
 * could otherwise be recovered from the overall figure.
 */
function groupFigures(grouping: Grouping, answers: readonly (Answer | undefined)[], minGroupSize: number): GroupFigure[] {
  if (grouping.shown.length < 2) return [];
  const figures = grouping.shown.map(({ group, members }) => {
    // The sum as mean() takes it, in member order, without an array per group and practice.
    let n = 0;
    let sum = 0;
    for (const index of members) {
      const answer = answers[index];
      if (typeof answer === 'number') {
        n++;
        sum += answer;
      }
    }
    return { dimension: grouping.dimension, group, n, mean: n > 0 ? round2(sum / n) : 0 };
  });
  return figures.every(({ n }) => n >= minGroupSize) ? figures : [];
}

/** Comments sorted by their text, so their order says nothing about who wrote them or when. */
function commentsByPrinciple(rubric: Rubric, responses: readonly SurveyResponse[]): { principle: string; texts: string[] }[] {
  return rubric.principles
    .map((principle) => ({
      principle: principle.id,
      texts: responses
        .map((response) => response.comments?.[principle.id]?.trim())
        .filter((text): text is string => text !== undefined && text !== '')
        .sort(byCodePoint),
    }))
    .filter((entry) => entry.texts.length > 0);
}
