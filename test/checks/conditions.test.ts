import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { isPresent, meetsConditions } from '../../src/checks/conditions.js';
import { condition, type Condition } from '../../src/checks/params.js';
import { AS_OF } from '../helpers/partnership.js';

/** Conditions parsed as the rubric loader parses them, so a misspelt key fails the test instead of matching everything. */
const when = (...raw: Record<string, unknown>[]): Condition[] => raw.map((entry) => condition(z).parse(entry));
const meets = (item: unknown, ...raw: Record<string, unknown>[]) => meetsConditions(item, when(...raw), AS_OF);

describe('meetsConditions', () => {
  it('holds for any item when there are no conditions', () => {
    expect(meetsConditions({ name: 'x' }, undefined, AS_OF)).toBe(true);
    expect(meetsConditions({ name: 'x' }, [], AS_OF)).toBe(true);
  });

  it('requires every condition to hold', () => {
    const meeting = { agenda_shared: true, decisions_recorded: false };
    expect(meets(meeting, { field: 'agenda_shared', equals: true })).toBe(true);
    expect(meets(meeting, { field: 'agenda_shared', equals: true }, { field: 'decisions_recorded', equals: true })).toBe(false);
  });

  it('compares `equals` strictly: a missing flag is not false, and "true" is not true', () => {
    expect(meets({}, { field: 'agenda_shared', equals: false })).toBe(false);
    expect(meets({ agenda_shared: 'true' }, { field: 'agenda_shared', equals: true })).toBe(false);
    expect(meets({ kind: 'survey' }, { field: 'kind', equals: 'survey' })).toBe(true);
  });

  it('matches `in` against a list of text values only', () => {
    expect(meets({ agreement: 'mou' }, { field: 'agreement', in: ['contract', 'mou'] })).toBe(true);
    expect(meets({ agreement: 'informal' }, { field: 'agreement', in: ['contract', 'mou'] })).toBe(false);
    expect(meets({}, { field: 'agreement', in: ['contract', 'mou'] })).toBe(false);
  });

  it('treats `present` as written down: not missing, null, blank or an empty list; 0 and false are present', () => {
    expect(meets({ lessons: ['Ship smaller'] }, { field: 'lessons', present: true })).toBe(true);
    expect(meets({ lessons: [] }, { field: 'lessons', present: true })).toBe(false);
    expect(meets({ matched_need: null }, { field: 'matched_need', present: true })).toBe(false);
    expect(meets({ owner: '  ' }, { field: 'owner', present: true })).toBe(false);
    expect(meets({ baseline: 0 }, { field: 'baseline', present: true })).toBe(true);
    expect(meets({ dedicated: false }, { field: 'dedicated', present: true })).toBe(true);
    expect(meets({}, { field: 'lessons', present: false })).toBe(true);
    expect(meets({ lessons: ['x'] }, { field: 'lessons', present: false })).toBe(false);
  });

  it('reads dotted fields inside the item', () => {
    const item = { representation: { governance_seats: 2 } };
    expect(meets(item, { field: 'representation.governance_seats', equals: 2 })).toBe(true);
    expect(meets({}, { field: 'representation.governance_seats', present: true })).toBe(false);
  });

  it('`within_months` on a date: on or before the as-of date and no more than that many months back', () => {
    expect(meets({ date: '2025-06-30' }, { field: 'date', within_months: 12 })).toBe(true);
    expect(meets({ date: '2025-06-29' }, { field: 'date', within_months: 12 })).toBe(false);
    expect(meets({ date: AS_OF }, { field: 'date', within_months: 12 })).toBe(true);
    expect(meets({ date: '2026-07-01' }, { field: 'date', within_months: 12 })).toBe(false);
    expect(meets({}, { field: 'date', within_months: 12 })).toBe(false);
  });

  it('`within_months` on a list: at least one entry dated within the window', () => {
    const team = (...dates: string[]) => ({ team_building: dates.map((date) => ({ date, activity: 'Retreat' })) });
    expect(meets(team('2024-01-01', '2026-01-01'), { field: 'team_building', within_months: 12 })).toBe(true);
    expect(meets(team('2024-01-01', '2026-09-01'), { field: 'team_building', within_months: 12 })).toBe(false);
    expect(meets(team(), { field: 'team_building', within_months: 12 })).toBe(false);
  });

  it('`past` holds for a date on or before the as-of date, and `past: false` for one still ahead', () => {
    expect(meets({ end: AS_OF }, { field: 'end', past: true })).toBe(true);
    expect(meets({ end: '2026-07-01' }, { field: 'end', past: true })).toBe(false);
    expect(meets({ end: '2026-07-01' }, { field: 'end', past: false })).toBe(true);
    expect(meets({ end: '2026-01-01' }, { field: 'end', past: false })).toBe(false);
    expect(meets({}, { field: 'end', past: true })).toBe(false);
  });
});

describe('isPresent', () => {
  it('is false for what says nothing and true for any real value', () => {
    expect([undefined, null, '', ' ', []].map(isPresent)).toEqual([false, false, false, false, false]);
    expect([0, false, 'x', ['x'], {}].map(isPresent)).toEqual([true, true, true, true, true]);
  });
});
