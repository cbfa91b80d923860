import { describe, expect, it } from 'vitest';
import { actionItemsOnTrack, newcomersOnboarded, settledDecisionsStaySettled } from '../../src/checks/governance.js';
import { messageOf } from '../helpers/message.js';
import { partner, partnership, run } from '../helpers/partnership.js';

describe('actionItemsOnTrack', () => {
  // Practice 19: an open item is a problem when it has no owner, no due date, or a due date before the as-of date.
  const params = { met_max_share: 0.1, partly_max_share: 0.3 };
  type Status = 'open' | 'done' | 'dropped';
  const item = (action: string, extra: { owner?: string; due?: string; status?: Status } = {}) => ({ action, owner: 'Ana', due: '2026-08-01', status: 'open' as Status, ...extra });
  const withItems = (...action_items: ReturnType<typeof item>[]) => partnership({ action_items });
  const onTrack = (count: number) => Array.from({ length: count }, (_, i) => item(`Task ${i + 1}`));

  it('is met when every open item is owned and due on or after the as-of date', () => {
    const outcome = run(actionItemsOnTrack, withItems(item('Draft charter', { due: '2026-06-30' }), item('Book venue'), item('Old', { status: 'done', due: '2025-01-01' })), params);
    expect(outcome.status).toBe('met');
    expect(outcome.messageId).toBe('on_track');
    expect(outcome.data).toEqual({ open: 2, closed: 1 });
    expect(outcome.path).toEqual(['action_items']);
  });

  it('is met at exactly 10% slipping (1 of 10), pointing at the overdue item\'s due date', () => {
    const outcome = run(actionItemsOnTrack, withItems(...onTrack(9), item('Late', { due: '2026-06-29' })), params);
    expect(outcome.status).toBe('met');
    expect(outcome.messageId).toBe('slipping');
    expect(outcome.data).toMatchObject({ problems: 1, open: 10, share: '10%' });
    expect(outcome.path).toEqual(['action_items', 9, 'due']);
  });

  it('is partly met up to exactly 30% (3 of 10), naming an unowned item and an overdue one', () => {
    const outcome = run(actionItemsOnTrack, withItems(item('Nobody', { owner: undefined }), ...onTrack(7), item('Late', { due: '2026-06-01' }), item('Later', { due: '2026-05-01' })), params);
    expect(outcome.status).toBe('partly');
    expect(outcome.data).toMatchObject({ problems: 3, open: 10, share: '30%' });
    expect(outcome.path).toEqual(['action_items', 0, 'action']);
    expect(outcome.related).toEqual([
      ['action_items', 8, 'due'],
      ['action_items', 9, 'due'],
    ]);
    expect(messageOf(actionItemsOnTrack, outcome, params)).toContain('Nobody (no owner), Late (due 2026-06-01) and 1 more');
  });

  it('counts an open item without a due date as slipping', () => {
    const outcome = run(actionItemsOnTrack, withItems(item('Someday', { due: undefined }), ...onTrack(3)), params);
    expect(outcome.status).toBe('partly');
    expect(outcome.data).toMatchObject({ problems: 1, open: 4, share: '25%' });
    expect(outcome.path).toEqual(['action_items', 0, 'action']);
  });

  it('is not met above 30% (1 of 2), ignoring closed items however late', () => {
    const outcome = run(actionItemsOnTrack, withItems(item('Late', { due: '2026-01-01' }), item('Fine'), item('Dropped late', { status: 'dropped', due: '2025-01-01' })), params);
    expect(outcome.status).toBe('not_met');
    expect(outcome.data).toMatchObject({ problems: 1, open: 2, share: '50%' });
  });

  it('is met when every item is closed', () => {
    const outcome = run(actionItemsOnTrack, withItems(item('A', { status: 'done' }), item('B', { status: 'dropped' })), params);
    expect(outcome.status).toBe('met');
    expect(outcome.messageId).toBe('all_closed');
  });

  it('is not described without action items, or with an empty list', () => {
    expect(run(actionItemsOnTrack, partnership(), params).status).toBe('not_described');
    expect(run(actionItemsOnTrack, withItems(), params).status).toBe('not_described');
  });
});

describe('settledDecisionsStaySettled', () => {
  // Practice 20.
  const params = { within_months: 24, met_max_share: 0.1, partly_max_share: 0.25 };
  const decision = (date: string, extra: { id?: string; revisits?: string } = {}) => ({ date, decision: `Decided on ${date}`, ...extra });
  const settled = (count: number) => Array.from({ length: count }, (_, i) => decision(`2026-0${(i % 5) + 1}-1${i % 9}`));

  it('is met when no recent decision reopens an earlier one', () => {
    const outcome = run(settledDecisionsStaySettled, partnership({ decisions: settled(3) }), params);
    expect(outcome.status).toBe('met');
    expect(outcome.messageId).toBe('settled');
    expect(outcome.data).toMatchObject({ reopened: 0, total: 3 });
    expect(outcome.path).toEqual(['decisions']);
  });

  it('is met at exactly 10% reopened (1 of 10)', () => {
    const outcome = run(settledDecisionsStaySettled, partnership({ decisions: [...settled(9), decision('2026-06-01', { revisits: 'd1' })] }), params);
    expect(outcome.status).toBe('met');
    expect(outcome.data).toMatchObject({ reopened: 1, total: 10 });
    expect(outcome.path).toEqual(['decisions', 9, 'revisits']);
  });

  it('is partly met at exactly 25% (1 of 4), naming what was reopened', () => {
    const outcome = run(settledDecisionsStaySettled, partnership({ decisions: [...settled(3), decision('2026-05-20', { revisits: 'venue' })] }), params);
    expect(outcome.status).toBe('partly');
    expect(outcome.data).toMatchObject({ reopened: 1, total: 4, share: '25%' });
    expect(messageOf(settledDecisionsStaySettled, outcome, params)).toContain('2026-05-20 reopened venue');
  });

  it('is not met above 25% (2 of 4), pointing at each reopening decision', () => {
    const outcome = run(settledDecisionsStaySettled, partnership({ decisions: [decision('2026-01-10', { revisits: 'a' }), ...settled(2), decision('2026-03-10', { revisits: 'b' })] }), params);
    expect(outcome.status).toBe('not_met');
    expect(outcome.path).toEqual(['decisions', 0, 'revisits']);
    expect(outcome.related).toEqual([['decisions', 3, 'revisits']]);
  });

  it('only judges decisions in the last 24 months and on or before the as-of date', () => {
    // 2024-06-30 is exactly 24 months back; 2024-06-29 is 24 months and a day.
    const data = partnership({
      decisions: [decision('2024-06-29', { revisits: 'x' }), decision('2024-06-30'), decision('2026-07-01', { revisits: 'y' }), decision('2026-02-01')],
    });
    const outcome = run(settledDecisionsStaySettled, data, params);
    expect(outcome.data).toMatchObject({ reopened: 0, total: 2 });
    expect(outcome.status).toBe('met');
  });

  it('is not described without decisions, or with none in the window', () => {
    expect(run(settledDecisionsStaySettled, partnership(), params).status).toBe('not_described');
    const old = run(settledDecisionsStaySettled, partnership({ decisions: [decision('2023-01-01')] }), params);
    expect(old.status).toBe('not_described');
    expect(old.messageId).toBe('none');
  });
});

describe('newcomersOnboarded', () => {
  // Practice 20: partners who joined in the last 12 months.
  const params = { within_months: 12, met_share: 0.9, partly_share: 0.5 };
  const process = { onboarding: 'A buddy walks newcomers through the charter and the decision log.' };
  const founder = partner('founder', { joined: '2024-01-01' });

  it('is met when every newcomer was onboarded, pointing at the process', () => {
    const data = partnership({ governance: process, partners: [partner('old'), partner('new', { joined: '2026-01-01', onboarded: '2026-02-01' })] });
    const outcome = run(newcomersOnboarded, data, params);
    expect(outcome.status).toBe('met');
    expect(outcome.messageId).toBe('onboarded');
    expect(outcome.data).toMatchObject({ newcomers: 1, onboarded: 1 });
    expect(outcome.path).toEqual(['governance', 'onboarding']);
  });

  it('is met with a process and no newcomers', () => {
    const outcome = run(newcomersOnboarded, partnership({ governance: process, partners: [partner('old')] }), params);
    expect(outcome.status).toBe('met');
    expect(outcome.messageId).toBe('no_newcomers');
  });

  it('is partly met at 50%, counting an onboarding dated after the as-of date as not yet done', () => {
    const data = partnership({
      governance: process,
      partners: [founder, partner('a', { joined: '2026-01-01', onboarded: '2026-01-15' }), partner('b', { joined: '2026-05-01', onboarded: '2026-07-10' })],
    });
    const outcome = run(newcomersOnboarded, data, params);
    expect(outcome.status).toBe('partly');
    expect(outcome.path).toEqual(['partners', 2, 'joined']);
    expect(outcome.data).toMatchObject({ newcomers: 2, onboarded: 1, share: '50%' });
    expect(messageOf(newcomersOnboarded, outcome, params)).toMatch(/\bB\b/);
  });

  it('is not met below 50%', () => {
    const data = partnership({ governance: process, partners: [founder, partner('a', { joined: '2026-01-01', onboarded: '2026-01-15' }), partner('b', { joined: '2026-02-01' }), partner('c', { joined: '2026-03-01' })] });
    const outcome = run(newcomersOnboarded, data, params);
    expect(outcome.status).toBe('not_met');
    expect(outcome.data).toMatchObject({ newcomers: 3, onboarded: 1, share: '33%' });
    expect(outcome.path).toEqual(['partners', 2, 'joined']);
    expect(outcome.related).toEqual([['partners', 3, 'joined']]);
  });

  it('is not met without a process while partners joined, pointing at the first newcomer', () => {
    const data = partnership({ governance: { decision_rules: 'Consent' }, partners: [partner('old'), partner('new', { joined: '2026-03-01' }), partner('newer', { joined: '2026-04-01' })] });
    const outcome = run(newcomersOnboarded, data, params);
    expect(outcome.status).toBe('not_met');
    expect(outcome.messageId).toBe('no_process');
    expect(outcome.data.newcomers).toBe(2);
    expect(outcome.path).toEqual(['partners', 1, 'joined']);
    expect(outcome.related).toEqual([['partners', 2, 'joined']]);
    expect(messageOf(newcomersOnboarded, outcome, params)).toContain('NEW, NEWER');
  });

  // Suspected message bug: the no_process message ("... partners joined in the last 12 months: {missing}") lists only
  // the newcomers not onboarded, so when they were onboarded informally it ends in an empty list.
  it('without a process, names the partners who joined even when they were onboarded informally', () => {
    const data = partnership({ governance: { decision_rules: 'Consent' }, partners: [partner('old'), partner('new', { joined: '2026-03-01', onboarded: '2026-03-05' })] });
    const outcome = run(newcomersOnboarded, data, params);
    expect(outcome.status).toBe('not_met');
    expect(messageOf(newcomersOnboarded, outcome, params)).toMatch(/\bNEW\b/);
  });

  it('counts as newcomers only active partners who joined in the last 12 months', () => {
    const data = partnership({
      governance: process,
      partners: [
        founder,
        partner('year-ago', { joined: '2025-06-30' }),
        partner('older', { joined: '2025-06-29' }),
        partner('came-and-went', { joined: '2026-01-01', left: '2026-04-01' }),
        partner('not-yet', { joined: '2026-07-01' }),
      ],
    });
    const outcome = run(newcomersOnboarded, data, params);
    expect(outcome.data).toMatchObject({ newcomers: 1, onboarded: 0, missing: 'YEAR-AGO' });
    expect(outcome.status).toBe('not_met');
  });

  it('does not count founders, who joined in the month of the earliest partner, as newcomers', () => {
    const data = partnership({
      governance: process,
      partners: [partner('a', { joined: '2026-01-10' }), partner('b', { joined: '2026-01-25' }), partner('c', { joined: '2026-04-01' })],
    });
    const outcome = run(newcomersOnboarded, data, params);
    expect(outcome.data).toMatchObject({ newcomers: 1, missing: 'C' });
    expect(outcome.path).toEqual(['partners', 2, 'joined']);
  });

  it('does not read `partnership.founded`: leaving it out can never turn a newcomer into a founder', () => {
    const partners = [partner('a', { joined: '2026-03-01' }), partner('b', { joined: '2026-03-10' })];
    const withFounded = run(newcomersOnboarded, partnership({ partnership: { name: 'P', founded: '2025-11-01' }, governance: process, partners }), params);
    const without = run(newcomersOnboarded, partnership({ governance: process, partners }), params);
    expect(withFounded).toEqual(without);
    expect(without.messageId).toBe('no_newcomers');
  });

  it('is not described with neither a process nor newcomers', () => {
    const outcome = run(newcomersOnboarded, partnership({ partners: [partner('old')] }), params);
    expect(outcome.status).toBe('not_described');
    expect(outcome.path).toEqual(['governance']);
  });

  it('is not described without a partner list, even with a process: who is new cannot be told', () => {
    expect(run(newcomersOnboarded, partnership(), params).status).toBe('not_described');
    const outcome = run(newcomersOnboarded, partnership({ governance: process }), params);
    expect(outcome.status).toBe('not_described');
    expect(outcome.path).toEqual(['partners']);
  });
});
