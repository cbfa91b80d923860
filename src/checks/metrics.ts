/** Practice 25: a small scorecard that covers the results chain and its four categories, reported on time. */
import type { ZodMini } from './check.js';
import { CADENCE_MONTHS } from '../model/cadence.js';
import { monthsBetween } from '../model/dates.js';
import { defineCheck, gradeAtLeast, nameList, percent } from './check.js';
import { fieldPath, fraction, label, wholeNumber } from './params.js';
import { indexed, listAt, splitPath, valueAt } from './read.js';

export const valuesCovered = defineCheck({
  name: 'valuesCovered',
  description: 'Items under {list} cover at least {met_at} of these {what}: {values} (partly met from {partly_at}).',
  params: (z: ZodMini) => z.strictObject({
    list: fieldPath(z),
    field: fieldPath(z),
    what: label(z),
    values: z.array(z.string()).check(z.minLength(1)),
    met_at: wholeNumber(z),
    partly_at: wholeNumber(z),
  }),
  needs: '`{list}` with `{field}` on each item',
  messages: {
    covered: 'covers all {total} {what}',
    gaps: 'covers {covered} of {total} {what}; missing {missing}',
  },
  evaluate({ partnership }, params) {
    const path = splitPath(params.list);
    const items = listAt(partnership, path);
    if (!items) return { status: 'not_described', messageId: 'not_described', data: {}, path };
    const seen = new Set(items.map((item) => valueAt(item, splitPath(params.field))));
    const missing = params.values.filter((value) => !seen.has(value));
    const covered = params.values.length - missing.length;
    return {
      status: gradeAtLeast(covered, params.met_at, params.partly_at),
      messageId: missing.length === 0 ? 'covered' : 'gaps',
      data: { covered, total: params.values.length, what: params.what, missing: nameList(missing.map((value) => value.replace(/_/g, ' ')), 4) },
      path,
    };
  },
});

export const metricsReportedOnCadence = defineCheck({
  name: 'metricsReportedOnCadence',
  description:
    'At least {met_share%} of metrics were last reported within {grace} times their cadence (partly met from {partly_share%}).',
  params: (z: ZodMini) => z.strictObject({ grace: z.number().check(z.gte(1), z.lte(100)), met_share: fraction(z), partly_share: fraction(z) }),
  needs: '`metrics` with `cadence` and `last_reported`',
  messages: {
    current: '{current} of {total} metrics reported on cadence ({share})',
    overdue: '{current} of {total} metrics reported on cadence ({share}); overdue or never reported: {details}',
    none: 'no metrics to report',
  },
  evaluate({ partnership, asOf }, params) {
    const metrics = partnership.metrics;
    if (!metrics) return { status: 'not_described', messageId: 'not_described', data: {}, path: ['metrics'] };
    if (metrics.length === 0) return { status: 'not_met', messageId: 'none', data: {}, path: ['metrics'] };
    const late = indexed(metrics).filter(({ item }) => {
      // A metric reported "ad hoc" has no rhythm anyone can rely on, so it never counts as on cadence.
      if (item.last_reported === undefined || item.cadence === undefined || item.cadence === 'ad_hoc' || item.last_reported > asOf) return true;
      return monthsBetween(item.last_reported, asOf) > CADENCE_MONTHS[item.cadence] * params.grace;
    });
    const share = 1 - late.length / metrics.length;
    const pathOf = (index: number) => ['metrics', index, metrics[index]!.last_reported ? 'last_reported' : 'name'];
    return {
      status: gradeAtLeast(share, params.met_share, params.partly_share),
      messageId: late.length === 0 ? 'current' : 'overdue',
      data: {
        current: metrics.length - late.length,
        total: metrics.length,
        share: percent(share),
        details: nameList(late.map(({ item }) => (item.last_reported ? `${item.name} (last ${item.last_reported})` : item.name))),
      },
      path: late[0] ? pathOf(late[0].index) : ['metrics'],
      related: late.slice(1).map(({ index }) => pathOf(index)),
    };
  },
});
