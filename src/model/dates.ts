/**
 * Calendar dates as the partnership file writes them (YYYY-MM-DD), and the
 * arithmetic the checks need. Dates are plain day numbers so that every rule is
 * a pure function of the file and `as_of`, never of the clock.
 */

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01, or undefined when the text is not a real calendar date. */
export function dayNumber(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2025-02-30 over to March; a real date survives the round trip.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return undefined;
  }
  return ms / MS_PER_DAY;
}

export function isIsoDate(text: string): boolean {
  return dayNumber(text) !== undefined;
}

export function isoFromDayNumber(days: number): IsoDate {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Today in UTC: only where the user asked for it (`--as-of today`, a new file, a survey's date), never inside an assessment. */
export function todayIso(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Months from one date to another, by the calendar: whole months first (the 31st
 * counts to the last day of a shorter month), then the part of the next month that
 * has passed. A year later is exactly 12, leap day or not.
 */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  if (to < from) return -monthsBetween(to, from);
  const [fromYear, fromMonth] = yearMonth(from);
  const [toYear, toMonth] = yearMonth(to);
  let whole = (toYear - fromYear) * 12 + (toMonth - fromMonth);
  while (whole > 0 && addMonths(from, whole) > to) whole--;
  const anchor = mustDay(addMonths(from, whole));
  const next = mustDay(addMonths(from, whole + 1));
  return whole + (mustDay(to) - anchor) / (next - anchor);
}

/** The same day `months` calendar months later (or earlier, when negative), clamped to the month's last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return isoFromDayNumber(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)) / MS_PER_DAY);
}

/** True when `date` lies on or before `asOf` and no more than `months` calendar months before it. */
export function withinMonths(date: IsoDate | undefined, asOf: IsoDate, months: number): boolean {
  if (date === undefined || date > asOf) return false;
  return date >= earliestWithin(asOf, months);
}

const windowStarts = new Map<string, IsoDate>();

/**
 * The earliest date no more than `months` before `asOf`. monthsBetween only shrinks as
 * its start moves later, so one binary search per window replaces a calendar
 * calculation per item: checks over 10,000 partners compare strings instead.
 */
function earliestWithin(asOf: IsoDate, months: number): IsoDate {
  const key = `${asOf}|${months}`;
  const cached = windowStarts.get(key);
  if (cached !== undefined) return cached;
  const end = mustDay(asOf);
  let low = end - Math.ceil(months * 31) - 31;
  let high = end;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (monthsBetween(isoFromDayNumber(middle), asOf) <= months) high = middle;
    else low = middle + 1;
  }
  const start = isoFromDayNumber(low);
  windowStarts.set(key, start);
  return start;
}

/** ISO dates (already validated) order as text, which is much cheaper than calendar arithmetic. */
export function onOrBefore(date: IsoDate | undefined, asOf: IsoDate): boolean {
  return date !== undefined && date <= asOf;
}

/** The latest of some dates (ISO dates sort as text), ignoring those after `asOf`. */
export function latestOnOrBefore(dates: Iterable<IsoDate | undefined>, asOf: IsoDate): IsoDate | undefined {
  let latest: IsoDate | undefined;
  for (const date of dates) {
    if (date !== undefined && date <= asOf && (latest === undefined || date > latest)) latest = date;
  }
  return latest;
}

function yearMonth(date: IsoDate): [number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
}

function mustDay(text: IsoDate): number {
  const days = dayNumber(text);
  if (days === undefined) throw new Error(`not an ISO date: ${text}`);
  return days;
}
