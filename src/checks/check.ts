/**
 * What an evidence check is. A check is a small pure function of the partnership,
 * the as-of date and parameters taken from the rubric, carrying its own metadata
 * (what it measures, what to add when the file is silent, its message templates)
 * the way an ESLint rule carries `meta`.
 */
import type * as Zod from 'zod/mini';
import type { Path } from '../model/path.js';
import type { IsoDate } from '../model/dates.js';
import type { CheckStatus } from '../model/labels.js';
import type { Partnership } from '../model/partnership.js';


// undefined is allowed so that outcomes built in different branches share one inferred type.
export type MessageData = Record<string, string | number | undefined>;

export interface CheckOutcome<MessageId extends string = string> {
  status: CheckStatus;
  /** Key into the check's `messages` (or `not_described`); the wording lives with the check, the data with the outcome. */
  messageId: MessageId;
  data: MessageData;
  /** Where in the partnership file the finding is about; the first place to look. */
  path: Path;
  /** Further places the finding concerns (e.g. every team that is due a relaunch). */
  related?: Path[];
}

export interface CheckContext {
  partnership: Partnership;
  asOf: IsoDate;
}

/**
 * `MessageId`: the keys of `messages`, inferred from them alone, so an outcome naming a
 * message the check does not have fails the build rather than a report.
 */
export interface CheckDefinition<Params = Record<string, unknown>, MessageId extends string = string> {
  name: string;
  /** What the check measures; `{param}` placeholders are filled from the rubric's parameters. */
  description: string;
  /** The parameter schema, built from the zod namespace it is given (see params.ts for why). */
  params: (z: ZodMini) => Zod.ZodMiniType<Params>;
  messages: Record<MessageId, string>;
  /** What to add to the file when it says nothing; `{param}` placeholders allowed. */
  needs: string;
  evaluate(context: CheckContext, params: Params): CheckOutcome<NoInfer<MessageId> | 'not_described'>;
}

export type ZodMini = typeof Zod;

/** Erases the parameter type so that definitions can live in one registry. */
export type AnyCheck = CheckDefinition<any, string>;

export function defineCheck<Params, MessageId extends string>(definition: CheckDefinition<Params, MessageId>): CheckDefinition<Params, MessageId> {
  return definition;
}

/**
 * Fills `{name}` placeholders; `{name%}` shows a 0-1 fraction as a percentage.
 * Unknown names stay visible so that a template bug shows.
 */
export function fillTemplate(template: string, data: Record<string, unknown>): string {
  return template.replace(/\{(\w+)(%?)\}/g, (whole, key: string, asPercent: string) => {
    const value = Object.hasOwn(data, key) ? data[key] : undefined;
    if (value === undefined) return whole;
    return asPercent && typeof value === 'number' ? percent(value) : formatValue(value);
  });
}

/** A parameter or data value as text: whole numbers as written, others to two decimals, lists joined. */
export function formatValue(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  return String(value);
}

/** Grades a value where more is better: at or above `met` is met, at or above `partly` partly met. */
export function gradeAtLeast(value: number, met: number, partly: number): Exclude<CheckStatus, 'not_described'> {
  const settled = settle(value);
  if (settled >= met) return 'met';
  return settled >= partly ? 'partly' : 'not_met';
}

/** Grades a value where less is better. */
export function gradeAtMost(value: number, met: number, partly: number): Exclude<CheckStatus, 'not_described'> {
  const settled = settle(value);
  if (settled <= met) return 'met';
  return settled <= partly ? 'partly' : 'not_met';
}

/** Floating-point noise (0.1 + 0.3 weighted = 0.19999999999999998) must not decide a threshold that reads "20%". */
function settle(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 1e9) / 1e9 : value;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A short, readable list of names: "a, b and 3 more". */
export function nameList(names: readonly string[], max = 3): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
