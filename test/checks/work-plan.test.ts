import { describe, expect, it } from 'vitest';
import { experimentsLearnedFrom, numberInRange, sprintCadence } from '../../src/checks/work-plan.js';
import { messageOf } from '../helpers/message.js';
import { partnership, run } from '../helpers/partnership.js';

describe('sprintCadence', () => {
  // Practice 24. Lengths are calendar months rounded to the nearest half.
  const params = { min_months: 3, max_months: 6, met_share: 0.8, partly_share: 0.5 };
  const sprint = (name: string, start: string, end: string) => ({ name, start, end });
  const withSprints = (...sprints: ReturnType<typeof sprint>[]) => partnership({ work_plan: { sprints } });
  // 2026-01-01 to 2026-03-31 is 2 months and 30 of March's 31 days = 2.97, judged as 3.
  const threeMonths = (name: string) => sprint(name, '2026-01-01', '2026-03-31');
  // 2026-01-01 to 2026-03-15 is 2 months and 14 of 31 days = 2.45, judged as 2.5.
  const tooShort = (name: string) => sprint(name, '2026-01-01', '2026-03-15');

  it('is met when every sprint lasts three to six months, including the edges', () => {
    // 2026-01-01 to 2026-06-30 is 5 months and 29 of 30 days = 5.97, judged as 6.
    const outcome = run(sprintCadence, withSprints(threeMonths('Q1'), sprint('H1', '2026-01-01', '2026-06-30')), params);
    expect(outcome.status).toBe('met');
    expect(outcome.messageId).toBe('fitting');
    expect(outcome.path).toEqual(['work_plan', 'sprints']);
  });

  it('is met at exactly 80% (4 of 5), naming the sprint outside the range with its length', () => {
    const outcome = run(sprintCadence, withSprints(threeMonths('A'), threeMonths('B'), tooShort('Rush'), threeMonths('C'), threeMonths('D')), params);
    expect(outcome.status).toBe('met');
    expect(outcome.data).toMatchObject({ fitting: 4, total: 5, share: '80%', details: 'Rush (2.5 months)' });
    expect(outcome.path).toEqual(['work_plan', 'sprints', 2, 'end']);
  });

  it('is partly met at 50%, counting a sprint over six months as outside', () => {
    // 2026-01-01 to 2026-07-20 is 6 months and 19 of 31 days = 6.61, judged as 6.5.
    const outcome = run(sprintCadence, withSprints(sprint('Long', '2026-01-01', '2026-07-20'), threeMonths('Q1')), params);
    expect(outcome.status).toBe('partly');
    expect(outcome.data).toMatchObject({ fitting: 1, total: 2, share: '50%' });
    expect(messageOf(sprintCadence, outcome, params)).toContain('Long (6.5 months)');
  });

  it('is not met below 50% (1 of 3), pointing at every sprint outside the range', () => {
    const outcome = run(sprintCadence, withSprints(tooShort('A'), threeMonths('B'), tooShort('C')), params);
    expect(outcome.status).toBe('not_met');
    expect(outcome.path).toEqual(['work_plan', 'sprints', 0, 'end']);
    expect(outcome.related).toEqual([['work_plan', 'sprints', 2, 'end']]);
  });

  it('is not met when the sprint list is empty', () => {
    const outcome = run(sprintCadence, withSprints(), params);
    expect(outcome.status).toBe('not_met');
    expect(outcome.messageId).toBe('none');
  });

  it('is not described without sprints', () => {
    expect(run(sprintCadence, partnership(), params).status).toBe('not_described');
    expect(run(sprintCadence, partnership({ work_plan: { goals: ['Grow'] } }), params).status).toBe('not_described');
  });
});

describe('numberInRange', () => {
  // Practice 24.
  const params = { field: 'work_plan.horizon_months', what: 'goal horizon in months', met_min: 12, met_max: 18, partly_min: 6, partly_max: 36 };
  const horizon = (horizon_months: number) => run(numberInRange, partnership({ work_plan: { horizon_months } }), params);

  it('is met from 12 to 18 months inclusive', () => {
    expect(horizon(12).status).toBe('met');
    const eighteen = horizon(18);
    expect(eighteen.status).toBe('met');
    expect(eighteen.messageId).toBe('inside');
    expect(eighteen.path).toEqual(['work_plan', 'horizon_months']);
  });

  it('is partly met from 6 to 36 months outside the met range', () => {
    expect(horizon(6).status).toBe('partly');
    expect(horizon(11).status).toBe('partly');
    const nineteen = horizon(19);
    expect(nineteen.status).toBe('partly');
    expect(nineteen.data.value).toBe(19);
    expect(messageOf(numberInRange, nineteen, params)).toContain('12-18');
    expect(horizon(36).status).toBe('partly');
  });

  it('is not met below 6 or above 36', () => {
    expect(horizon(5).status).toBe('not_met');
    expect(horizon(37).status).toBe('not_met');
  });

  it('is not described without a horizon', () => {
    expect(run(numberInRange, partnership({ work_plan: {} }), params).status).toBe('not_described');
  });
});

describe('experimentsLearnedFrom', () => {
  // Practice 10.
  const params = { within_months: 12, met_at: 2, partly_at: 1 };
  type Status = 'planned' | 'running' | 'succeeded' | 'failed' | 'stopped';
  const experiment = (name: string, started: string, status: Status, extra: { hypothesis?: string; lesson?: string } = { hypothesis: 'It helps' }) => ({
    name,
    started,
    status,
    ...extra,
  });
  const withExperiments = (...experiments: ReturnType<typeof experiment>[]) => partnership({ work_plan: { experiments } });

  it('is met with two hypothesis-led experiments in the last 12 months and every finished one with a lesson', () => {
    const outcome = run(
      experimentsLearnedFrom,
      withExperiments(experiment('Pilot', '2026-01-10', 'running'), experiment('Trial', '2025-09-01', 'failed', { hypothesis: 'Cheaper', lesson: 'Too slow' })),
      params,
    );
    expect(outcome.status).toBe('met');
    expect(outcome.messageId).toBe('learning');
    expect(outcome.data.count).toBe(2);
    expect(outcome.path).toEqual(['work_plan', 'experiments']);
  });

  it('is partly met with one, and not met with none', () => {
    const one = run(experimentsLearnedFrom, withExperiments(experiment('Pilot', '2026-01-10', 'running')), params);
    expect(one.status).toBe('partly');
    expect(one.messageId).toBe('few');
    const none = run(experimentsLearnedFrom, withExperiments(), params);
    expect(none.status).toBe('not_met');
    expect(none.data.count).toBe(0);
  });

  it('does not count experiments without a hypothesis, started over 12 months ago, or starting after the as-of date', () => {
    const data = withExperiments(
      experiment('No hypothesis', '2026-01-10', 'running', {}),
      experiment('Old', '2025-06-29', 'running'),
      experiment('Next', '2026-07-01', 'planned'),
      experiment('Year ago', '2025-06-30', 'running'),
    );
    const outcome = run(experimentsLearnedFrom, data, params);
    expect(outcome.data.count).toBe(1);
    expect(outcome.status).toBe('partly');
  });

  it('drops to partly met when a finished experiment left no lesson, even with enough experiments, naming it', () => {
    const data = withExperiments(experiment('A', '2026-01-10', 'running'), experiment('B', '2026-02-10', 'stopped'), experiment('C', '2026-03-10', 'succeeded', { hypothesis: 'x', lesson: 'y' }));
    const outcome = run(experimentsLearnedFrom, data, params);
    expect(outcome.status).toBe('partly');
    expect(outcome.messageId).toBe('unlearned');
    expect(outcome.path).toEqual(['work_plan', 'experiments', 1, 'status']);
    expect(outcome.data).toMatchObject({ count: 3, unlearned: 1, details: 'B' });
    expect(messageOf(experimentsLearnedFrom, outcome, params)).toMatch(/\bB\b/);
  });

  it('stays not met when there are too few experiments and a finished one left no lesson', () => {
    const outcome = run(experimentsLearnedFrom, withExperiments(experiment('Old flop', '2024-01-10', 'failed'), experiment('Old win', '2024-03-10', 'succeeded')), params);
    expect(outcome.status).toBe('not_met');
    expect(outcome.data).toMatchObject({ count: 0, unlearned: 2 });
    expect(outcome.related).toEqual([['work_plan', 'experiments', 1, 'status']]);
  });

  it('does not ask a lesson of experiments still planned or running', () => {
    const outcome = run(experimentsLearnedFrom, withExperiments(experiment('A', '2026-01-10', 'running'), experiment('B', '2026-02-10', 'planned')), params);
    expect(outcome.status).toBe('met');
  });

  it('is not described without experiments', () => {
    expect(run(experimentsLearnedFrom, partnership(), params).status).toBe('not_described');
    const outcome = run(experimentsLearnedFrom, partnership({ work_plan: { priorities: ['x'] } }), params);
    expect(outcome.status).toBe('not_described');
    expect(outcome.path).toEqual(['work_plan']);
  });
});
