import type { Cadence } from './vocabulary.js';

/** Months between two occurrences of a cadence; ad hoc has no rhythm to hold anyone to. */
export const CADENCE_MONTHS: Record<Cadence, number> = {
  weekly: 12 / 52,
  biweekly: 12 / 26,
  monthly: 1,
  quarterly: 3,
  semiannual: 6,
  annual: 12,
  ad_hoc: Infinity,
};
