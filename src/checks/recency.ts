/** Generic checks about how recently something happened. */
import type { ZodMini } from './check.js';
import { latestOnOrBefore, monthsBetween, withinMonths } from '../model/dates.js';
import { defineCheck, gradeAtLeast, gradeAtMost, nameList } from './check.js';
import { meetsConditions } from './conditions.js';
import { condition, fieldPath, label, months, wholeNumber, type Condition } from './params.js';
import { indexed, listAt, splitPath, valueAt } from './read.js';

export const dateRecency = defineCheck({
  name: 'dateRecency',
  description: '{what} happened within the last {met_within_months} months (partly met within {partly_within_months}).',
  params: (z: ZodMini) => z.strictObject({ field: fieldPath(z), what: label(z), met_within_months: months(z), partly_within_months: months(z) }),
  needs: 'the date of {what} as `{field}`',
  messages: {
    recent: '{what} was on {date}, {age} months before the as-of date',
    stale: '{what} was on {date}, {age} months ago; aim for every {met_within_months} months',
    future: '{what} is dated {date}, after the as-of date, so it does not count yet',
  },
  evaluate({ partnership, asOf }, params) {
    const path = splitPath(params.field);
    const date = valueAt(partnership, path);
    if (typeof date !== 'string') return { status: 'not_described', messageId: 'not_described', data: {}, path };
    const age = monthsBetween(date, asOf);
    if (age < 0) return { status: 'not_met', messageId: 'future', data: { what: params.what, date }, path };
    const status = gradeAtMost(age, params.met_within_months, params.partly_within_months);
    const data = { what: params.what, date, age: Math.round(age * 10) / 10, met_within_months: params.met_within_months };
    return { status, messageId: status === 'met' ? 'recent' : 'stale', data, path };
  },
});

export const recentEvents = defineCheck({
  name: 'recentEvents',
  description:
    'At least {met_at} {what} dated within the last {within_months} months (partly met from {partly_at}).',
  params: (z: ZodMini) => z.strictObject({
    list: fieldPath(z),
    what: label(z),
    date_field: z._default(fieldPath(z), 'date'),
    within_months: months(z),
    met_at: wholeNumber(z),
    partly_at: wholeNumber(z),
    where: z.optional(z.array(condition(z))),
    /** Count distinct values of this field instead of items (e.g. kinds of engagement). */
    distinct_by: z.optional(fieldPath(z)),
  }),
  needs: '{what} as a list under `{list}` (write `[]` if there are none)',
  messages: {
    counted: '{what} in the last {within_months} months: {count}{latest}{not_counted}',
    too_few: '{what} in the last {within_months} months: {count}{latest}; aim for {met_at} or more{not_counted}',
  },
  evaluate({ partnership, asOf }, params) {
    const path = splitPath(params.list);
    const items = listAt(partnership, path);
    if (!items) return { status: 'not_described', messageId: 'not_described', data: {}, path };
    const dateOf = (item: unknown) => valueAt(item, splitPath(params.date_field)) as string | undefined;
    const explained = (params.where ?? []).filter((entry) => entry.not_counted !== undefined);
    const plain = (params.where ?? []).filter((entry) => entry.not_counted === undefined);
    const inWindow = indexed(items).filter(({ item }) => withinMonths(dateOf(item), asOf, params.within_months) && meetsConditions(item, plain, asOf));
    const recent = inWindow.filter(({ item }) => meetsConditions(item, explained, asOf));
    const count = params.distinct_by
      ? new Set(recent.map(({ item }) => String(valueAt(item, splitPath(params.distinct_by!))))).size
      : recent.length;
    const latest = latestOnOrBefore(items.filter((item) => meetsConditions(item, params.where, asOf)).map(dateOf), asOf);
    const status = gradeAtLeast(count, params.met_at, params.partly_at);
    const lastIndex = recent.at(-1)?.index ?? -1;
    return {
      status,
      messageId: status === 'met' ? 'counted' : 'too_few',
      data: {
        what: params.what,
        within_months: params.within_months,
        count,
        met_at: params.met_at,
        latest: latest ? ` (latest ${latest})` : '',
        not_counted: notCounted(inWindow.map(({ item }) => item), explained, asOf),
      },
      path: lastIndex >= 0 ? [...path, lastIndex] : path,
    };
  },
});

/** "; not counted: 4 through an intermediary (Harbour Association)": what a labelled condition left out, and whose. */
function notCounted(candidates: readonly unknown[], explained: readonly Condition[], asOf: string): string {
  const parts = explained.flatMap((entry) => {
    const left = candidates.filter((item) => !meetsConditions(item, [entry], asOf));
    if (left.length === 0) return [];
    const values = [...new Set(left.map((item) => valueAt(item, splitPath(entry.field))).filter((value): value is string => typeof value === 'string'))];
    return [`${left.length} ${entry.not_counted}${values.length > 0 ? ` (${nameList(values)})` : ''}`];
  });
  return parts.length > 0 ? `; not counted: ${parts.join('; ')}` : '';
}
