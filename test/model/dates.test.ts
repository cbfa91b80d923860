import { describe, expect, it } from 'vitest';
import { addMonths, dayNumber, monthsBetween, withinMonths } from '../../src/model/dates.js';

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
