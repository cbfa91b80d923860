import { describe, expect, it } from 'vitest';
import { integrationAssumptionsAligned } from '../../src/checks/integration.js';
import type { IntegrationLevel } from '../../src/model/vocabulary.js';
import { messageOf } from '../helpers/message.js';
import { partner, partnership, run } from '../helpers/partnership.js';

// Practice 15. Levels in order: parallel_play, coordinated, cooperative, collaborative, fully_integrated.
const params = { tolerance_steps: 0, partly_max_share: 0.25 };
const viewOf = (id: string, assumed: IntegrationLevel, extra: Record<string, unknown> = {}) => partner(id, { assumed_integration: assumed, ...extra });
const declared = (integration: IntegrationLevel | undefined, partners: ReturnType<typeof partner>[]) =>
  partnership({ partnership: { name: 'P', ...(integration ? { integration } : {}) }, partners });

describe('integrationAssumptionsAligned', () => {
  it('is met when every partner who stated a view assumes the declared level, and at least 75% of active partners have said', () => {
    const data = declared('cooperative', [viewOf('a', 'cooperative'), viewOf('b', 'cooperative'), viewOf('c', 'cooperative'), partner('quiet')]);
    const outcome = run(integrationAssumptionsAligned, data, params);
    expect(outcome.status).toBe('met');
    expect(outcome.data).toMatchObject({ declared: 'cooperative', judged: 3 });
    expect(outcome.path).toEqual(['partnership', 'integration']);
  });

  it('is only partly met when the partners who said agree but too few have said: two views say little about ten partners', () => {
    const data = declared('cooperative', [viewOf('a', 'cooperative'), viewOf('b', 'cooperative'), partner('quiet'), partner('silent')]);
    const outcome = run(integrationAssumptionsAligned, data, params);
    expect(outcome.status).toBe('partly');
    expect(outcome.messageId).toBe('few_views');
    expect(outcome.data).toMatchObject({ judged: 2, active: 4, recorded: '50%', missing: 'QUIET, SILENT' });
    expect(outcome.path).toEqual(['partners', 2]);
    expect(outcome.related).toEqual([['partners', 3]]);
  });

  it('with tolerance 0, counts a partner one step away as a mismatch; is partly met at exactly 25% (1 of 4)', () => {
    const data = declared('cooperative', [viewOf('a', 'cooperative'), viewOf('b', 'collaborative'), viewOf('c', 'cooperative'), viewOf('d', 'cooperative')]);
    const outcome = run(integrationAssumptionsAligned, data, params);
    expect(outcome.status).toBe('partly');
    expect(outcome.path).toEqual(['partners', 1, 'assumed_integration']);
    expect(outcome.data).toMatchObject({ mismatched: 1, judged: 4, share: '25%' });
    expect(messageOf(integrationAssumptionsAligned, outcome, params)).toContain('B (collaborative)');
  });

  it('is not met when more than 25% differ (2 of 4), listing each and pointing at all of them', () => {
    const data = declared('collaborative', [viewOf('a', 'parallel_play'), viewOf('b', 'collaborative'), viewOf('c', 'fully_integrated'), viewOf('d', 'collaborative')]);
    const outcome = run(integrationAssumptionsAligned, data, params);
    expect(outcome.status).toBe('not_met');
    expect(outcome.data).toMatchObject({ mismatched: 2, judged: 4, share: '50%', details: 'A (parallel play), C (fully integrated)' });
    expect(outcome.path).toEqual(['partners', 0, 'assumed_integration']);
    expect(outcome.related).toEqual([['partners', 2, 'assumed_integration']]);
  });

  it('accepts views within the tolerance', () => {
    const data = declared('cooperative', [viewOf('a', 'coordinated'), viewOf('b', 'collaborative')]);
    expect(run(integrationAssumptionsAligned, data, { tolerance_steps: 1, partly_max_share: 0.25 }).status).toBe('met');
    const twoSteps = declared('cooperative', [viewOf('a', 'parallel_play')]);
    expect(run(integrationAssumptionsAligned, twoSteps, { tolerance_steps: 1, partly_max_share: 0.25 }).status).toBe('not_met');
  });

  it('ignores the views of partners who have left or not yet joined, and points at the right partner in the file', () => {
    const data = declared('cooperative', [
      viewOf('gone', 'parallel_play', { left: '2026-01-01' }),
      viewOf('later', 'fully_integrated', { joined: '2026-09-01' }),
      viewOf('a', 'cooperative'),
      viewOf('b', 'cooperative'),
      viewOf('c', 'cooperative'),
      viewOf('d', 'coordinated'),
    ]);
    const outcome = run(integrationAssumptionsAligned, data, params);
    expect(outcome.data).toMatchObject({ mismatched: 1, judged: 4 });
    expect(outcome.status).toBe('partly');
    expect(outcome.path).toEqual(['partners', 5, 'assumed_integration']);
  });

  it('is not described when a level is declared but no active partner recorded their own assumption: alignment cannot be judged', () => {
    const outcome = run(integrationAssumptionsAligned, declared('coordinated', [partner('a'), viewOf('gone', 'cooperative', { left: '2025-01-01' })]), params);
    expect(outcome.status).toBe('not_described');
    expect(run(integrationAssumptionsAligned, declared('coordinated', []), params).status).toBe('not_described');
  });

  it('is not met when nothing is declared but partners assume levels, listing the different views once each', () => {
    const outcome = run(integrationAssumptionsAligned, declared(undefined, [viewOf('a', 'cooperative'), viewOf('b', 'fully_integrated'), viewOf('c', 'cooperative')]), params);
    expect(outcome.status).toBe('not_met');
    expect(outcome.messageId).toBe('undeclared');
    expect(outcome.data.views).toBe('cooperative, fully integrated');
    expect(outcome.path).toEqual(['partnership']);
  });

  it('is not described when nothing is declared and no active partner states a view', () => {
    expect(run(integrationAssumptionsAligned, partnership(), params).status).toBe('not_described');
    expect(run(integrationAssumptionsAligned, declared(undefined, [partner('a'), viewOf('gone', 'cooperative', { left: '2025-01-01' })]), params).status).toBe('not_described');
  });
});
