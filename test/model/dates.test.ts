import { describe, expect, it } from 'vitest';
import { addMonths, dayNumber, monthsBetween, todayIso, withinMonths } from '../../src/model/dates.js';

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(dayNumber('2024-02-29')).toBeDefined();
    expect(dayNumber('2025-02-29')).toBeUndefined();
    expect(dayNumber('2025-13-01')).toBeUndefined();
    expect(dayNumber('25-01-01')).toBeUndefined();
  });

  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-15', -3)).toBe('2024-12-15');
    expect(addMonths('2025-06-30', 12)).toBe('2026-06-30');
  });

  it('counts a calendar year as exactly 12 months, leap day or not', () => {
    expect(monthsBetween('2023-06-30', '2024-06-30')).toBe(12);
    expect(monthsBetween('2024-06-30', '2025-06-30')).toBe(12);
    expect(monthsBetween('2025-01-01', '2025-04-01')).toBe(3);
    // 30 of March's 31 days have passed after two whole months.
    expect(monthsBetween('2025-01-01', '2025-03-31')).toBeCloseTo(2 + 30 / 31, 10);
    expect(monthsBetween('2025-04-01', '2025-01-01')).toBe(-3);
  });

  it('treats "within 12 months" as on or after the same day a year earlier, and never in the future', () => {
    expect(withinMonths('2025-06-30', '2026-06-30', 12)).toBe(true);
    expect(withinMonths('2025-06-29', '2026-06-30', 12)).toBe(false);
    expect(withinMonths('2026-07-01', '2026-06-30', 12)).toBe(false);
    expect(withinMonths(undefined, '2026-06-30', 12)).toBe(false);
  });
});

describe('the ends of the calendar', () => {
  it('reads the years 0000-0099 as written, not as 1900-1999', () => {
    expect(dayNumber('0050-03-01')).toBeLessThan(dayNumber('1000-01-01')!);
    expect(dayNumber('1950-03-01')).toBeGreaterThan(dayNumber('1000-01-01')!);
    expect(dayNumber('0000-02-29')).toBeDefined();
  });

  it('counts months up to 9999-12-31 and down to 0000-01-01 without stepping out of the calendar', () => {
    expect(monthsBetween('9999-06-30', '9999-12-31')).toBeCloseTo(6 + 1 / 31, 10);
    expect(monthsBetween('2026-06-30', '9999-12-31')).toBeGreaterThan(95_000);
    expect(monthsBetween('0000-01-01', '0001-01-01')).toBe(12);
    expect(withinMonths('9999-01-01', '9999-12-31', 12)).toBe(true);
    expect(withinMonths('0000-01-01', '0000-06-30', 12)).toBe(true);
    expect(addMonths('9999-12-31', 1)).toBe('9999-12-31');
    expect(addMonths('0000-01-31', -1)).toBe('0000-01-01');
  });
});

describe('today', () => {
  it('is the date of the local calendar, not of UTC', () => {
    // 23:30 local on 31 December is the 31st wherever the machine is, whatever UTC says.
    expect(todayIso(new Date(2026, 11, 31, 23, 30))).toBe('2026-12-31');
    expect(todayIso(new Date(2026, 0, 1, 0, 10))).toBe('2026-01-01');
  });
});
