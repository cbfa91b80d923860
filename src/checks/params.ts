/** Parameter shapes shared by several checks, so the rubric states thresholds the same way everywhere. */
import * as z from 'zod/mini';

export const fieldPath = z.string().check(z.regex(/^[a-z_]+(\.[a-z_]+)*$/, 'a dotted path of keys, e.g. communications.stories'));
export const months = z.number().check(z.gt(0));
export const fraction = z.number().check(z.gte(0), z.lte(1));
export const wholeNumber = z.int().check(z.gte(0));
export const label = z.string().check(z.minLength(1));

/** Which items of a list count: every condition must hold. */
export const condition = z.strictObject({
  field: fieldPath,
  equals: z.optional(z.union([z.string(), z.number(), z.boolean()])),
  in: z.optional(z.array(z.string())),
  present: z.optional(z.boolean()),
  within_months: z.optional(months),
  /** The date field is on or before the as-of date (the thing has happened). */
  past: z.optional(z.boolean()),
});
export type Condition = z.infer<typeof condition>;
