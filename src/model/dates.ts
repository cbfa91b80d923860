/**
 * Calendar dates as the partnership file writes them (YYYY-MM-DD), and the
 * arithmetic the checks need. Dates are plain day numbers so that every rule is
 * a pure function of the file and `as_of`, never of the clock.
 */

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a year, month (1-12) and day; any year, months and days past the end roll over. */
function daysFromParts(year: number, month: number, day: number): number {
  // Date.UTC reads the years 0-99 as 1900-1999; setUTCFullYear takes every year as written.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime() / MS_PER_DAY;
}

/**
 * Day numbers already worked out. A large file repeats a few thousand dates many
 * times over (10,000 partners' join dates, 100,000 answers' days); looking one up
 * costs a third of working it out. Bounded, for a file of many different dates.
 */
const knownDays = new Map<string, number>();
const KNOWN_DAYS_LIMIT = 20_000;

/** Days since 1970-01-01, or undefined when the text is not a real calendar date. */
export function dayNumber(text: string): number | undefined {
  const known = knownDays.get(text);
  if (known !== undefined) return known;
  const days = computeDayNumber(text);
  if (days !== undefined) {
    if (knownDays.size >= KNOWN_DAYS_LIMIT) knownDays.clear();
    knownDays.set(text, days);
  }
  return days;
}

function computeDayNumber(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const days = daysFromParts(year, month, day);
  const back = new Date(days * MS_PER_DAY);
  // 2025-02-30 rolls over to March; a real date survives the round trip.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return undefined;
  }
  return days;
}

export function isIsoDate(text: string): boolean {
  return dayNumber(text) !== undefined;
}

/**
 * The ISO date of a day number. Arithmetic near the ends of the calendar can step past
 * the four-digit years a file can hold; such a day is given as the first or last day
 * a file can hold, which compares with every file date the same way.
 */
export function isoFromDayNumber(days: number): IsoDate {
  if (days < FIRST_DAY) return '0000-01-01';
  if (days > LAST_DAY) return '9999-12-31';
  const date = new Date(days * MS_PER_DAY);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  return `${year}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

const FIRST_DAY = daysFromParts(0, 1, 1);
const LAST_DAY = daysFromParts(9999, 12, 31);

/**
 * Today as the user's calendar shows it: the local date of the machine pes runs on
 * (its time zone, TZ), never UTC. Used only where the user asked for it (`--as-of
 * today`, a new file, a survey's date), never inside an assessment.
 */
export function todayIso(now: Date = new Date()): IsoDate {
  const year = String(now.getFullYear()).padStart(4, '0');
  return `${year}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * Months from one date to another, by the calendar: whole months first (the 31st
 * counts to the last day of a shorter month), then the part of the next month that
 * has passed. A year later is exactly 12, leap day or not. Counted in day numbers,
 * so it holds for every pair of dates a file can hold, 0000-01-01 to 9999-12-31.
 */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  if (to < from) return -monthsBetween(to, from);
  const start = parts(from);
  const end = mustDay(to);
  const [toYear, toMonth] = parts(to);
  let whole = (toYear - start[0]) * 12 + (toMonth - start[1]);
  while (whole > 0 && dayAfterMonths(start, whole) > end) whole--;
  const anchor = dayAfterMonths(start, whole);
  const next = dayAfterMonths(start, whole + 1);
  return whole + (end - anchor) / (next - anchor);
}

/** The same day `months` calendar months later (or earlier, when negative), clamped to the month's last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return isoFromDayNumber(dayAfterMonths(parts(date), months));
}

function dayAfterMonths([year, month, day]: readonly [number, number, number], months: number): number {
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  // Day 0 of the following month is the last day of this one.
  const lastDay = new Date(daysFromParts(targetYear, targetMonth + 1, 0) * MS_PER_DAY).getUTCDate();
  return daysFromParts(targetYear, targetMonth, Math.min(day, lastDay));
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
  let low = Math.max(FIRST_DAY, end - Math.ceil(months * 31) - 31);
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

function parts(date: IsoDate): [number, number, number] {
  mustDay(date);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function mustDay(text: IsoDate): number {
  const days = dayNumber(text);
  if (days === undefined) throw new Error(`not an ISO date: ${text}`);
  return days;
}
