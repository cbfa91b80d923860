/** Practices 10 and 24: short sprints inside mid-term goals, and experiments that leave a lesson. */
import type { ZodMini } from './check.js';
import { monthsBetween, withinMonths } from '../model/dates.js';
import { defineCheck, gradeAtLeast, nameList, percent } from './check.js';
import { bounded, fieldPath, fraction, label, months, wholeNumber } from './params.js';
import { indexed, splitPath, valueAt } from './read.js';

/** Sprint lengths are judged to the nearest half month: a sprint from 1 Jan to 31 Mar is three months. */
const roundToHalf = (value: number) => Math.round(value * 2) / 2;

export const sprintCadence = defineCheck({
  name: 'sprintCadence',
  description: 'At least {met_share%} of sprints last {min_months}-{max_months} months (partly met from {partly_share%}).',
  params: (z: ZodMini) => z.strictObject({ min_months: months(z), max_months: months(z), met_share: fraction(z), partly_share: fraction(z) }),
  needs: '`work_plan.sprints` with `start` and `end` dates',
  messages: {
    fitting: '{fitting} of {total} sprints last {min_months}-{max_months} months ({share})',
    off: '{fitting} of {total} sprints last {min_months}-{max_months} months ({share}); outside: {details}',
    none: 'no sprints planned',
  },
  evaluate({ partnership }, params) {
    const sprints = partnership.work_plan?.sprints;
    if (!sprints) return { status: 'not_described', messageId: 'not_described', data: {}, path: ['work_plan'] };
    if (sprints.length === 0) return { status: 'not_met', messageId: 'none', data: {}, path: ['work_plan', 'sprints'] };
    const measured = indexed(sprints).map(({ item, index }) => ({ sprint: item, index, length: roundToHalf(monthsBetween(item.start, item.end)) }));
    const off = measured.filter(({ length }) => length < params.min_months || length > params.max_months);
    const share = 1 - off.length / measured.length;
    const pathOf = (index: number) => ['work_plan', 'sprints', index, 'end'];
    return {
      status: gradeAtLeast(share, params.met_share, params.partly_share),
      messageId: off.length === 0 ? 'fitting' : 'off',
      data: {
        fitting: measured.length - off.length,
        total: measured.length,
        min_months: params.min_months,
        max_months: params.max_months,
        share: percent(share),
        details: nameList(off.map(({ sprint, length }) => `${sprint.name} (${length} months)`)),
      },
      path: off[0] ? pathOf(off[0].index) : ['work_plan', 'sprints'],
      related: off.slice(1).map(({ index }) => pathOf(index)),
    };
  },
});

export const numberInRange = defineCheck({
  name: 'numberInRange',
  description: '{what} is between {met_min} and {met_max} (partly met between {partly_min} and {partly_max}).',
  params: (z: ZodMini) => z.strictObject({ field: fieldPath(z), what: label(z), met_min: bounded(z), met_max: bounded(z), partly_min: bounded(z), partly_max: bounded(z) }),
  needs: '`{field}`',
  messages: {
    inside: '{what}: {value}',
    outside: '{what}: {value}; aim for {met_min}-{met_max}',
  },
  evaluate({ partnership }, params) {
    const path = splitPath(params.field);
    const value = valueAt(partnership, path);
    if (typeof value !== 'number') return { status: 'not_described', messageId: 'not_described', data: {}, path };
    const inside = (min: number, max: number) => value >= min && value <= max;
    const status = inside(params.met_min, params.met_max) ? 'met' : inside(params.partly_min, params.partly_max) ? 'partly' : 'not_met';
    return { status, messageId: status === 'met' ? 'inside' : 'outside', data: { what: params.what, value, met_min: params.met_min, met_max: params.met_max }, path };
  },
});

const FINISHED = new Set(['succeeded', 'failed', 'stopped']);

export const experimentsLearnedFrom = defineCheck({
  name: 'experimentsLearnedFrom',
  description:
    'At least {met_at} experiments with a stated hypothesis started in the last {within_months} months (partly met from {partly_at}), and every finished one left a lesson.',
  params: (z: ZodMini) => z.strictObject({ within_months: months(z), met_at: wholeNumber(z), partly_at: wholeNumber(z) }),
  needs: '`work_plan.experiments` with `hypothesis`, `status` and, once finished, `lesson`',
  messages: {
    learning: 'experiments with a hypothesis in the last {within_months} months: {count}; every finished one left a lesson',
    few: 'experiments with a hypothesis in the last {within_months} months: {count}; aim for {met_at}',
    unlearned: 'experiments with a hypothesis in the last {within_months} months: {count}; finished without a lesson: {details}',
  },
  evaluate({ partnership, asOf }, params) {
    const experiments = partnership.work_plan?.experiments;
    if (!experiments) return { status: 'not_described', messageId: 'not_described', data: {}, path: ['work_plan'] };
    const all = indexed(experiments);
    const count = all.filter(({ item }) => item.hypothesis !== undefined && withinMonths(item.started, asOf, params.within_months)).length;
    const unlearned = all.filter(({ item }) => FINISHED.has(item.status) && item.lesson === undefined && item.started <= asOf);
    const byCount = gradeAtLeast(count, params.met_at, params.partly_at);
    const data = { count, within_months: params.within_months, met_at: params.met_at, unlearned: unlearned.length, details: nameList(unlearned.map(({ item }) => item.name)) };
    const path = ['work_plan', 'experiments'];
    if (unlearned.length > 0) {
      const pathOf = (index: number) => [...path, index, 'status'];
      return {
        status: byCount === 'met' ? 'partly' : byCount,
        messageId: 'unlearned',
        data,
        path: pathOf(unlearned[0]!.index),
        related: unlearned.slice(1).map(({ index }) => pathOf(index)),
      };
    }
    return { status: byCount, messageId: byCount === 'met' ? 'learning' : 'few', data, path };
  },
});
