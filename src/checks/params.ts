/**
 * Parameter shapes shared by several checks, so the rubric states thresholds the
 * same way everywhere. They are functions of the zod namespace: zod is loaded only
 * by the rubric loader, which validates parameters, never at assessment start-up.
 */
import type * as Zod from 'zod/mini';
import type { ZodMini } from './check.js';

export const fieldPath = (z: ZodMini) => z.string().check(z.regex(/^[a-z_]+(\.[a-z_]+)*$/, 'a dotted path of keys, e.g. communications.stories'));
// Thresholds are bounded like the file's own numbers, so no parameter can make arithmetic overflow: a century of months, a billion items.
export const months = (z: ZodMini) => z.number().check(z.gt(0), z.lte(1200));
export const fraction = (z: ZodMini) => z.number().check(z.gte(0), z.lte(1));
export const wholeNumber = (z: ZodMini) => z.int().check(z.gte(0), z.lte(1_000_000_000));
/** Any other threshold a check compares with the file's numbers. */
export const bounded = (z: ZodMini) => z.number().check(z.gte(-1e15), z.lte(1e15));
export const label = (z: ZodMini) => z.string().check(z.minLength(1));

/** Which items of a list count: every condition must hold. */
export const condition = (z: ZodMini) =>
  z.strictObject({
    field: fieldPath(z),
    equals: z.optional(z.union([z.string(), z.number(), z.boolean()])),
    in: z.optional(z.array(z.string())),
    present: z.optional(z.boolean()),
    within_months: z.optional(months(z)),
    /** The date field is on or before the as-of date (the thing has happened). */
    past: z.optional(z.boolean()),
    /**
     * What an item that fails this condition is, when the finding should say it was left out and why
     * (e.g. "through an intermediary"): the finding then names the field's values of the items left out.
     */
    not_counted: z.optional(label(z)),
  });
export type Condition = Zod.infer<ReturnType<typeof condition>>;
