import { describe, expect, it } from 'vitest';
import { teamsRelaunchedAfterTurnover, turnoverSinceLaunch } from '../../src/checks/teams.js';
import { partnership, run } from '../helpers/partnership.js';

const params = { turnover_threshold: 0.15, partly_share_due: 0.5 };
const members = (count: number, joined = '2025-01-01') =>
  Array.from({ length: count }, (_, i) => ({ name: `Member ${i + 1}`, joined }));

describe('turnoverSinceLaunch', () => {
  it('counts members who joined or left after the last (re)launch against the headcount at that launch', () => {
    const team = {
      name: 'Data',
      launched: '2025-01-15',
      members: [...members(8), { name: 'Leaver', joined: '2025-01-01', left: '2026-02-01' }, { name: 'Newcomer', joined: '2026-03-01' }],
    };
    const turnover = turnoverSinceLaunch(team, '2026-06-30');
    expect(turnover).toEqual({ lastLaunch: '2025-01-15', headcountAtLaunch: 9, changedSince: 2, turnover: 2 / 9 });
  });

  it('restarts the count at a relaunch', () => {
    const team = { name: 'Data', launched: '2025-01-15', relaunched: '2026-03-15', members: [...members(8), { name: 'Newcomer', joined: '2026-03-01' }] };
    expect(turnoverSinceLaunch(team, '2026-06-30').turnover).toBe(0);
  });
});

describe('teamsRelaunchedAfterTurnover', () => {
  it('is met when no team has turned over 15% since its last launch', () => {
    const data = partnership({ teams: [{ name: 'Data', launched: '2025-01-15', members: [...members(9), { name: 'New', joined: '2026-01-01' }] }] });
    const outcome = run(teamsRelaunchedAfterTurnover, data, params);
    expect(outcome.status).toBe('met');
  });

  it('is partly met when up to half the teams are due', () => {
    const data = partnership({
      teams: [
        { name: 'Steady', launched: '2025-01-15', members: members(10) },
        { name: 'Churned', launched: '2025-01-15', members: [...members(6), { name: 'A', joined: '2026-01-01' }, { name: 'B', joined: '2026-02-01' }] },
      ],
    });
    const outcome = run(teamsRelaunchedAfterTurnover, data, params);
    expect(outcome.status).toBe('partly');
    expect(outcome.path).toEqual(['teams', 1, 'launched']);
  });

  it('is not met when most teams are due, and names a team never launched', () => {
    const data = partnership({
      teams: [
        { name: 'Never launched', members: members(4) },
        { name: 'Churned', launched: '2025-01-15', members: [...members(4), { name: 'A', joined: '2026-01-01' }] },
      ],
    });
    const outcome = run(teamsRelaunchedAfterTurnover, data, params);
    expect(outcome.status).toBe('not_met');
    expect(outcome.data.details).toContain('Never launched (never formally launched)');
    expect(outcome.data.details).toContain('Churned (25% turnover since 2025-01-15)');
  });

  it('is not described without teams, or when no team lists its members', () => {
    expect(run(teamsRelaunchedAfterTurnover, partnership(), params).status).toBe('not_described');
    expect(run(teamsRelaunchedAfterTurnover, partnership({ teams: [{ name: 'Data', launched: '2025-01-01' }] }), params).status).toBe('not_described');
  });
});

describe('teamsRelaunchedAfterTurnover at the boundaries', () => {
  const steady = { name: 'Steady', launched: '2025-01-15', members: members(10) };

  it('counts a team as due at exactly 15% turnover (3 changes against 20 at launch), pointing at its launch date', () => {
    const churned = {
      name: 'Exactly',
      launched: '2025-01-15',
      members: [...members(19), { name: 'Leaver', joined: '2025-01-01', left: '2026-01-10' }, { name: 'A', joined: '2026-02-01' }, { name: 'B', joined: '2026-03-01' }],
    };
    const outcome = run(teamsRelaunchedAfterTurnover, partnership({ teams: [steady, churned] }), params);
    expect(outcome.status).toBe('partly');
    expect(outcome.data).toMatchObject({ due: 1, total: 2 });
    expect(outcome.data.details).toContain('Exactly (15% turnover since 2025-01-15)');
    expect(outcome.path).toEqual(['teams', 1, 'launched']);
  });

  it('is met just under the threshold (2 of 20 = 10%), reporting the highest turnover', () => {
    const team = { name: 'Almost', launched: '2025-01-15', members: [...members(20), { name: 'A', joined: '2026-02-01' }, { name: 'B', joined: '2026-03-01' }] };
    const outcome = run(teamsRelaunchedAfterTurnover, partnership({ teams: [steady, team] }), params);
    expect(outcome.status).toBe('met');
    expect(outcome.data).toMatchObject({ total: 2, highest: '10%', team: 'Almost' });
  });

  it('ignores members who join or leave after the as-of date', () => {
    const team = {
      name: 'Future',
      launched: '2025-01-15',
      members: [...members(4), { name: 'Leaving later', joined: '2025-01-01', left: '2026-08-01' }, { name: 'Joining later', joined: '2026-09-01' }],
    };
    expect(run(teamsRelaunchedAfterTurnover, partnership({ teams: [team] }), params).status).toBe('met');
  });

  it('counts a relaunch dated after the as-of date as not yet held, pointing at it', () => {
    const team = { name: 'Planned', launched: '2025-01-15', relaunched: '2026-09-01', members: [...members(4), { name: 'New', joined: '2026-01-01' }] };
    const outcome = run(teamsRelaunchedAfterTurnover, partnership({ teams: [team] }), params);
    expect(outcome.status).toBe('not_met');
    expect(outcome.data.details).toContain('since 2025-01-15');
    expect(outcome.path).toEqual(['teams', 0, 'relaunched']);
  });

  it('leaves out a team launched after the as-of date', () => {
    const later = { name: 'Later', launched: '2026-09-01', members: members(3, '2026-08-01') };
    const outcome = run(teamsRelaunchedAfterTurnover, partnership({ teams: [steady, later] }), params);
    expect(outcome.status).toBe('met');
    expect(outcome.data.total).toBe(1);
    expect(run(teamsRelaunchedAfterTurnover, partnership({ teams: [later] }), params).status).toBe('not_described');
  });
});
