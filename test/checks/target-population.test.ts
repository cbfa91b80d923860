import { describe, expect, it } from 'vitest';
import { directEngagement, targetPopulationRepresented } from '../../src/checks/target-population.js';
import { messageOf } from '../helpers/message.js';
import { partnership, run } from '../helpers/partnership.js';

describe('directEngagement', () => {
  // Practice 23.
  const params = { within_months: 12, met_direct_share: 0.5 };
  const direct = (date: string) => ({ date, kind: 'interview' as const });
  const via = (date: string, intermediary: string) => ({ date, kind: 'survey' as const, via: intermediary });
  const withEngagement = (...engagement: ({ date: string; kind: 'interview' | 'survey'; via?: string })[]) => partnership({ target_population: { engagement } });

  it('is met when every recent activity was direct, pointing at the latest', () => {
    const outcome = run(directEngagement, withEngagement(direct('2026-01-10'), direct('2026-03-10')), params);
    expect(outcome.status).toBe('met');
    expect(outcome.messageId).toBe('direct');
    expect(outcome.data).toMatchObject({ direct: 2, total: 2, share: '100%' });
    expect(outcome.path).toEqual(['target_population', 'engagement', 1]);
  });

  it('is met at exactly half direct, pointing at the intermediary', () => {
    const outcome = run(directEngagement, withEngagement(via('2026-01-10', 'Trade association'), direct('2026-03-10')), params);
    expect(outcome.status).toBe('met');
    expect(outcome.data.share).toBe('50%');
    expect(outcome.path).toEqual(['target_population', 'engagement', 0, 'via']);
  });

  it('is partly met when some but under half were direct, naming the intermediaries once each', () => {
    const data = withEngagement(via('2026-01-10', 'Trade association'), via('2026-02-10', 'Trade association'), via('2026-03-10', 'Chamber'), direct('2026-04-10'));
    const outcome = run(directEngagement, data, params);
    expect(outcome.status).toBe('partly');
    expect(outcome.data).toMatchObject({ direct: 1, total: 4, share: '25%' });
    expect(messageOf(directEngagement, outcome, params)).toContain('Trade association, Chamber');
  });

  it('is not met when every recent activity went through an intermediary', () => {
    const outcome = run(directEngagement, withEngagement(via('2026-01-10', 'Trade association'), direct('2025-01-10')), params);
    expect(outcome.status).toBe('not_met');
    expect(outcome.messageId).toBe('only_indirect');
    expect(outcome.data).toMatchObject({ direct: 0, total: 1 });
  });

  it('is not met when nothing happened in the last 12 months or by the as-of date, naming the latest past activity', () => {
    const outcome = run(directEngagement, withEngagement(direct('2025-06-29'), direct('2026-07-15')), params);
    expect(outcome.status).toBe('not_met');
    expect(outcome.messageId).toBe('none');
    expect(outcome.data.latest).toBe(' (latest 2025-06-29)');
    expect(outcome.path).toEqual(['target_population', 'engagement']);
  });

  it('is not met for an empty list', () => {
    const outcome = run(directEngagement, withEngagement(), params);
    expect(outcome.status).toBe('not_met');
    expect(outcome.data.latest).toBe('');
  });

  it('counts an activity exactly one year before the as-of date', () => {
    expect(run(directEngagement, withEngagement(direct('2025-06-30')), params).status).toBe('met');
  });

  it('is not described without engagement activities', () => {
    expect(run(directEngagement, partnership(), params).status).toBe('not_described');
    const outcome = run(directEngagement, partnership({ target_population: { description: 'Smallholder farmers' } }), params);
    expect(outcome.status).toBe('not_described');
    expect(outcome.path).toEqual(['target_population']);
  });
});

describe('targetPopulationRepresented', () => {
  // Practice 22.
  const represented = (representation: { governance_seats?: number; design_team_members?: number }) =>
    run(targetPopulationRepresented, partnership({ target_population: { representation } }), {});

  it('is met with both a governance seat and a design-team place', () => {
    const outcome = represented({ governance_seats: 2, design_team_members: 1 });
    expect(outcome.status).toBe('met');
    expect(outcome.data).toEqual({ seats: 2, designers: 1 });
    expect(outcome.path).toEqual(['target_population', 'representation']);
  });

  it('is partly met with only one of the two', () => {
    expect(represented({ governance_seats: 1 }).status).toBe('partly');
    expect(represented({ governance_seats: 0, design_team_members: 3 }).status).toBe('partly');
  });

  it('is not met with zero of both', () => {
    const outcome = represented({ governance_seats: 0, design_team_members: 0 });
    expect(outcome.status).toBe('not_met');
    expect(outcome.messageId).toBe('neither');
  });

  it('is not described without a representation section', () => {
    expect(run(targetPopulationRepresented, partnership(), {}).status).toBe('not_described');
    expect(run(targetPopulationRepresented, partnership({ target_population: { description: 'Farmers' } }), {}).status).toBe('not_described');
  });

  it('is not described when the representation section names neither seats nor places', () => {
    expect(represented({}).status).toBe('not_described');
  });
});
