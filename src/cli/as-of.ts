/** The as-of date: --as-of, else `as_of` in the file. Never the clock unless the user says `--as-of today`. */
import { isIsoDate, todayIso, type IsoDate } from '../model/dates.js';
import { UserError } from '../load/located-error.js';

export function resolveAsOf(flag: string | undefined, fromFile: IsoDate | undefined, file: string): IsoDate {
  if (flag !== undefined) {
    if (flag === 'today') return todayIso();
    if (!isIsoDate(flag)) throw new UserError({ file: 'pes', message: `--as-of expects a date written YYYY-MM-DD (or "today"), got "${flag}"` });
    return flag;
  }
  if (fromFile !== undefined) return fromFile;
  throw new UserError({
    file,
    position: { line: 1, col: 1 },
    message: 'no as_of date: add `as_of: YYYY-MM-DD` to the file or pass --as-of, so that every date rule counts from a fixed day',
  });
}
