/** Generic checks about whether something is written down at all. */
import type { ZodMini } from './check.js';
import { defineCheck, gradeAtLeast, gradeAtMost, nameList } from './check.js';
import { isPresent } from './conditions.js';
import { fieldPath, label, wholeNumber } from './params.js';
import { listAt, splitPath, valueAt } from './read.js';

export const listSize = defineCheck({
  name: 'listSize',
  description: 'At least {met_at} {what} listed (partly met from {partly_at}).',
  params: (z: ZodMini) => z.strictObject({ list: fieldPath(z), what: label(z), met_at: wholeNumber(z), partly_at: wholeNumber(z) }),
  needs: '{what} as a list under `{list}` (write `[]` if there are none)',
  messages: {
    listed: '{what}: {count} listed',
    too_few: '{what}: {count} listed; aim for {met_at} or more',
  },
  evaluate({ partnership }, params) {
    const path = splitPath(params.list);
    const items = listAt(partnership, path);
    if (!items) return { status: 'not_described', messageId: 'not_described', data: {}, path };
    const status = gradeAtLeast(items.length, params.met_at, params.partly_at);
    return { status, messageId: status === 'met' ? 'listed' : 'too_few', data: { what: params.what, count: items.length, met_at: params.met_at }, path };
  },
});

export const focusedList = defineCheck({
  name: 'focusedList',
  description: 'Between 1 and {met_max} {what} (partly met up to {partly_max}): fewer is sharper.',
  params: (z: ZodMini) => z.strictObject({ list: fieldPath(z), what: label(z), met_max: wholeNumber(z), partly_max: wholeNumber(z) }),
  needs: '{what} as a list under `{list}`',
  messages: {
    focused: '{what}: {count}, a focused set',
    sprawling: '{what}: {count}; trim to {met_max} or fewer',
    empty: '{what}: none listed',
  },
  evaluate({ partnership }, params) {
    const path = splitPath(params.list);
    const items = listAt(partnership, path);
    if (!items) return { status: 'not_described', messageId: 'not_described', data: {}, path };
    const data = { what: params.what, count: items.length, met_max: params.met_max };
    if (items.length === 0) return { status: 'not_met', messageId: 'empty', data, path };
    const status = gradeAtMost(items.length, params.met_max, params.partly_max);
    return { status, messageId: status === 'met' ? 'focused' : 'sprawling', data, path };
  },
});

export const fieldsPresent = defineCheck({
  name: 'fieldsPresent',
  description: '{what}: at least {met_at} of these are written down: {fields} (partly met from {partly_at}; none of them is "not described").',
  params: (z: ZodMini) => z.strictObject({ within: fieldPath(z), fields: z.array(fieldPath(z)).check(z.minLength(1)), what: label(z), met_at: wholeNumber(z), partly_at: wholeNumber(z) }),
  needs: '`{within}` with {fields}',
  messages: {
    complete: '{what}: {present} of {total} in place',
    incomplete: '{what}: {present} of {total} in place; missing {missing}',
  },
  evaluate({ partnership }, params) {
    const path = splitPath(params.within);
    const container = valueAt(partnership, path);
    if (container === undefined) return { status: 'not_described', messageId: 'not_described', data: {}, path };
    const missing = params.fields.filter((field) => !isPresent(valueAt(container, splitPath(field))));
    const present = params.fields.length - missing.length;
    // Naming none of the fields is saying nothing about them: not described, not a zero.
    if (present === 0) return { status: 'not_described', messageId: 'not_described', data: {}, path };
    const status = gradeAtLeast(present, params.met_at, params.partly_at);
    const firstMissing = missing[0];
    return {
      status,
      messageId: missing.length === 0 ? 'complete' : 'incomplete',
      data: { what: params.what, present, total: params.fields.length, missing: nameList(missing, 4) },
      path: status === 'met' || !firstMissing ? path : [...path, ...splitPath(firstMissing)],
    };
  },
});
