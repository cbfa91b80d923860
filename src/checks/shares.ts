/** Generic checks about what share of a group meets a condition. */
import type { ZodMini } from './check.js';
import { withinMonths } from '../model/dates.js';
import { defineCheck, gradeAtLeast, nameList, percent } from './check.js';
import { meetsConditions } from './conditions.js';
import { condition, fieldPath, fraction, label, months } from './params.js';
import { activePartners, indexed, isActive, listAt, splitPath, valueAt } from './read.js';

export const shareOfItems = defineCheck({
  name: 'shareOfItems',
  description: 'At least {met_share%} of {of} {that} (partly met from {partly_share%}).',
  params: (z: ZodMini) => z.strictObject({
    list: fieldPath(z),
    of: label(z),
    that: label(z),
    /** Which items are judged at all (e.g. only core partners). */
    among: z.optional(z.array(condition(z))),
    /** Leave out items that had not started or had already ended on the as-of date. */
    active_only: z._default(z.boolean(), false),
    conditions: z.array(condition(z)).check(z.minLength(1)),
    met_share: fraction(z),
    partly_share: fraction(z),
  }),
  needs: '{of} under `{list}`',
  messages: {
    share: '{matching} of {total} {of} {that} ({share})',
    share_missing: '{matching} of {total} {of} {that} ({share}); not yet: {missing}',
    none_to_judge: 'no {of} to judge under {list}',
  },
  evaluate({ partnership, asOf }, params) {
    const path = splitPath(params.list);
    const items = listAt(partnership, path);
    if (!items) return { status: 'not_described', messageId: 'not_described', data: {}, path };
    const population = indexed(items).filter(
      ({ item }) => meetsConditions(item, params.among, asOf) && (!params.active_only || isActiveItem(item, asOf)),
    );
    if (population.length === 0) {
      return { status: 'not_described', messageId: 'none_to_judge', data: { of: params.of, list: params.list }, path };
    }
    const failing = population.filter(({ item }) => !meetsConditions(item, params.conditions, asOf));
    const matching = population.length - failing.length;
    const share = matching / population.length;
    const status = gradeAtLeast(share, params.met_share, params.partly_share);
    const firstFailing = failing[0];
    return {
      status,
      messageId: failing.length > 0 ? 'share_missing' : 'share',
      data: {
        matching,
        total: population.length,
        of: params.of,
        that: params.that,
        share: percent(share),
        missing: nameList(failing.map(({ item, index }) => itemName(item, index))),
      },
      path: firstFailing ? [...path, firstFailing.index] : path,
      related: failing.slice(1).map(({ index }) => [...path, index]),
    };
  },
});

export const partnersCoveredBy = defineCheck({
  name: 'partnersCoveredBy',
  description:
    'At least {met_share%} of active partners appear in {what} within the last {within_months} months (partly met from {partly_share%}).',
  params: (z: ZodMini) => z.strictObject({
    list: fieldPath(z),
    partner_field: fieldPath(z),
    what: label(z),
    within_months: months(z),
    met_share: fraction(z),
    partly_share: fraction(z),
  }),
  needs: '{what} as a list under `{list}` naming partner ids in `{partner_field}`',
  messages: {
    covered: '{covered} of {active} active partners appear in {what} in the last {within_months} months ({share})',
    uncovered:
      '{covered} of {active} active partners appear in {what} in the last {within_months} months ({share}); not yet: {missing}',
    no_partners: 'no active partners to judge',
  },
  evaluate({ partnership, asOf }, params) {
    const path = splitPath(params.list);
    const entries = listAt(partnership, path);
    if (!entries) return { status: 'not_described', messageId: 'not_described', data: {}, path };
    const active = activePartners(partnership, asOf);
    if (active.length === 0) return { status: 'not_described', messageId: 'no_partners', data: {}, path: ['partners'] };
    const mentioned = new Set<string>();
    for (const entry of entries) {
      const date = valueAt(entry, ['date']);
      if (typeof date !== 'string' || !withinMonths(date, asOf, params.within_months)) continue;
      const ids = valueAt(entry, splitPath(params.partner_field));
      for (const id of Array.isArray(ids) ? ids : [ids]) if (typeof id === 'string') mentioned.add(id);
    }
    const missing = active.filter(({ item }) => !mentioned.has(item.id));
    const covered = active.length - missing.length;
    const share = covered / active.length;
    const status = gradeAtLeast(share, params.met_share, params.partly_share);
    return {
      status,
      messageId: missing.length > 0 ? 'uncovered' : 'covered',
      data: {
        covered,
        active: active.length,
        what: params.what,
        within_months: params.within_months,
        share: percent(share),
        missing: nameList(missing.map(({ item }) => item.name)),
      },
      path: entries.length > 0 ? [...path, entries.length - 1] : path,
    };
  },
});

function isActiveItem(item: unknown, asOf: string): boolean {
  const joined = valueAt(item, ['joined']);
  const left = valueAt(item, ['left']);
  if (typeof joined !== 'string') return true;
  return isActive({ joined, left: typeof left === 'string' ? left : undefined }, asOf);
}

/** What to call an item in a message: its name, title or id, else its position. */
export function itemName(item: unknown, index: number): string {
  for (const key of ['name', 'title', 'subject', 'id', 'action', 'description']) {
    const value = valueAt(item, [key]);
    if (typeof value === 'string') return value;
  }
  return `#${index + 1}`;
}
