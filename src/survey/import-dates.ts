/**
 * The dates forms tools write in their own columns: Google Forms' `2026/06/12 10:14:03 AM GMT+1`,
 * Qualtrics' `2026-06-12 10:14:03`, a spreadsheet's `12/06/2026 10:14:03` (UK) or
 * `6/12/2026 10:14` (US), an `.xlsx` date cell (read as `2026-06-12T10:14:03`), an Excel
 * serial day number, and month names (`12 Jun 2026`, `June 12, 2026`). The day is taken as
 * written, in the tool's own time zone: it is never shifted, so the same file gives the same
 * dates on every machine.
 *
 * A day and month written as numbers (`05/06/2026`) cannot be told apart by the cell alone;
 * the file decides (one `13/06/2026` makes every date of it day-first), or `--date-format`.
 */
import { isIsoDate } from '../model/dates.js';

export type DateOrder = 'DMY' | 'MDY' | 'YMD';
export const DATE_ORDERS: readonly DateOrder[] = ['DMY', 'MDY', 'YMD'];

/** A cell read as far as the cell alone allows. */
export type ReadDate =
  | { kind: 'date'; iso: string; minute: string }
  /** Two numbers first, then the year: which is the day depends on the file's order. */
  | { kind: 'numeric'; first: number; second: number; year: number; time: string }
  | { kind: 'unreadable' };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// A time of day after the date: 10:14, 10:14:03, 10:14:03.250, with AM/PM and a zone (GMT+1, UTC, Z, +01:00) that are not used.
const TIME = String.raw`(?:[T\s,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([ap]\.?m\.?)?)?(?:\s*(?:z|(?:gmt|utc)?\s*[+-]\d{1,2}(?::?\d{2})?|gmt|utc|[a-z]{2,5}))?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`, 'i');
const NUMBERS_FIRST = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})${TIME}$`, 'i');
const DAY_MONTH_NAME = new RegExp(String.raw`^(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{4})${TIME}$`, 'i');
const MONTH_NAME_DAY = new RegExp(String.raw`^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})${TIME}$`, 'i');
const SERIAL = /^(\d{5})(?:\.(\d+))?$/;

export function readDateCell(cell: string): ReadDate {
  const text = cell.trim();
  let match = YEAR_FIRST.exec(text);
  if (match) return dated(Number(match[1]), Number(match[2]), Number(match[3]), timeOf(match, 4));
  match = NUMBERS_FIRST.exec(text);
  if (match) {
    const year = match[3]!.length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
    return { kind: 'numeric', first: Number(match[1]), second: Number(match[2]), year, time: timeOf(match, 4) };
  }
  match = DAY_MONTH_NAME.exec(text);
  if (match) return dated(Number(match[3]), monthNumber(match[2]!), Number(match[1]), timeOf(match, 4));
  match = MONTH_NAME_DAY.exec(text);
  if (match) return dated(Number(match[3]), monthNumber(match[1]!), Number(match[2]), timeOf(match, 4));
  match = SERIAL.exec(text);
  if (match) return serialDate(Number(text));
  return { kind: 'unreadable' };
}

/** The two readings of a numeric date that are real days: none, one, or both. */
export function readings(date: ReadDate & { kind: 'numeric' }): DateOrder[] {
  const orders: DateOrder[] = [];
  if (dated(date.year, date.second, date.first, date.time).kind === 'date') orders.push('DMY');
  if (dated(date.year, date.first, date.second, date.time).kind === 'date') orders.push('MDY');
  return orders;
}

/** A numeric date in the file's order; YMD reads `26/06/12` as year, month, day. */
export function inOrder(date: ReadDate & { kind: 'numeric' }, order: DateOrder): ReadDate {
  if (order === 'DMY') return dated(date.year, date.second, date.first, date.time);
  if (order === 'MDY') return dated(date.year, date.first, date.second, date.time);
  // Year first with a two-digit year: the first number is the year.
  return dated(2000 + date.first, date.second, date.year % 100, date.time);
}

function dated(year: number, month: number, day: number, time: string): ReadDate {
  const iso = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  if (!isIsoDate(iso) || time === 'invalid') return { kind: 'unreadable' };
  return { kind: 'date', iso, minute: `${iso}T${time}` };
}

/** HH:MM from the time groups, in 24 hours; "00:00" when the cell has no time. */
function timeOf(match: RegExpExecArray, from: number): string {
  if (match[from] === undefined) return '00:00';
  let hour = Number(match[from]);
  const minute = Number(match[from + 1]);
  const half = match[from + 3]?.toLowerCase().replace(/\./g, '');
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return 'invalid';
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return 'invalid';
  return `${pad(hour)}:${pad(minute)}`;
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** Excel's day numbers count from 1899-12-30 (its 1900 leap-year bug included); only the years a survey can have are read. */
function serialDate(serial: number): ReadDate {
  if (serial < 36526 || serial > 73051) return { kind: 'unreadable' }; // 2000-01-01 .. 2099-12-31
  const milliseconds = Math.round((serial - 25569) * 86_400_000 / 60_000) * 60_000;
  const stamp = new Date(milliseconds).toISOString();
  return { kind: 'date', iso: stamp.slice(0, 10), minute: stamp.slice(0, 16) };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
