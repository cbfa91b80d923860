/** Evaluates the small condition language that generic checks accept from the rubric. */
import { onOrBefore, withinMonths, type IsoDate } from '../model/dates.js';
import type { Condition } from './params.js';
import { splitPath, valueAt } from './read.js';

export function meetsConditions(item: unknown, conditions: readonly Condition[] | undefined, asOf: IsoDate): boolean {
  return (conditions ?? []).every((condition) => meetsCondition(item, condition, asOf));
}

function meetsCondition(item: unknown, condition: Condition, asOf: IsoDate): boolean {
  const value = valueAt(item, splitPath(condition.field));
  if (condition.present !== undefined && isPresent(value) !== condition.present) return false;
  if (condition.equals !== undefined && value !== condition.equals) return false;
  if (condition.in !== undefined && !(typeof value === 'string' && condition.in.includes(value))) return false;
  if (condition.within_months !== undefined && !hasDateWithin(value, asOf, condition.within_months)) return false;
  if (condition.past !== undefined && (typeof value === 'string' && onOrBefore(value, asOf)) !== condition.past) return false;
  return true;
}

export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'string') return value.trim() !== '';
  return true;
}

/** A date field within the window, or a list holding at least one item dated within it. */
function hasDateWithin(value: unknown, asOf: IsoDate, months: number): boolean {
  if (typeof value === 'string') return withinMonths(value, asOf, months);
  if (Array.isArray(value)) {
    return value.some((entry) => {
      const date = valueAt(entry, ['date']);
      return typeof date === 'string' && withinMonths(date, asOf, months);
    });
  }
  return false;
}
