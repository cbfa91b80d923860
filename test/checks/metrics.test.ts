import { describe, expect, it } from 'vitest';
import { metricsReportedOnCadence, valuesCovered } from '../../src/checks/metrics.js';
import type { Metric } from '../../src/model/partnership.js';
import type { Cadence } from '../../src/model/vocabulary.js';
import { messageOf } from '../helpers/message.js';
import { partnership, run } from '../helpers/partnership.js';

const metric = (name: string, extra: Partial<Metric> = {}): Metric => ({ name, level: 'output', category: 'finance', ...extra });

describe('valuesCovered', () => {
  // Practice 25.
  const levels = { list: 'metrics', field: 'level', what: 'levels of the results chain', values: ['input', 'output', 'outcome', 'impact'], met_at: 4, partly_at: 2 };

  it('is met when all four levels are covered', () => {
    const data = partnership({ metrics: [metric('a', { level: 'input' }), metric('b', { level: 'output' }), metric('c', { level: 'outcome' }), metric('d', { level: 'impact' })] });
    const outcome = run(valuesCovered, data, levels);
    expect(outcome.status).toBe('met');
    expect(outcome.messageId).toBe('covered');
    expect(outcome.path).toEqual(['metrics']);
  });

  it('is partly met with two or three levels, naming the missing ones', () => {
    const three = partnership({ metrics: [metric('a', { level: 'input' }), metric('b', { level: 'output' }), metric('c', { level: 'output' }), metric('d', { level: 'impact' })] });
    const outcome = run(valuesCovered, three, levels);
    expect(outcome.status).toBe('partly');
    expect(outcome.data).toMatchObject({ covered: 3, total: 4, missing: 'outcome' });
    const two = partnership({ metrics: [metric('a', { level: 'input' }), metric('b', { level: 'output' })] });
    expect(run(valuesCovered, two, levels).status).toBe('partly');
  });

  it('is not met with one level or an empty scorecard', () => {
    expect(run(valuesCovered, partnership({ metrics: [metric('a'), metric('b')] }), levels).status).toBe('not_met');
    const empty = run(valuesCovered, partnership({ metrics: [] }), levels);
    expect(empty.status).toBe('not_met');
    expect(empty.data.covered).toBe(0);
  });

  it('spells scorecard categories with spaces in the message', () => {
    const categories = {
      list: 'metrics',
      field: 'category',
      what: 'scorecard categories',
      values: ['target_population_impact', 'partnership_effectiveness', 'finance', 'learning_growth'],
      met_at: 4,
      partly_at: 2,
    };
    const data = partnership({ metrics: [metric('a', { category: 'finance' }), metric('b', { category: 'partnership_effectiveness' })] });
    const outcome = run(valuesCovered, data, categories);
    expect(outcome.status).toBe('partly');
    expect(messageOf(valuesCovered, outcome, categories)).toContain('target population impact, learning growth');
  });

  it('is not described without metrics', () => {
    expect(run(valuesCovered, partnership(), levels).status).toBe('not_described');
  });
});

describe('metricsReportedOnCadence', () => {
  // Practice 25: a metric is on cadence when last reported within 1.5 times its cadence.
  const params = { grace: 1.5, met_share: 0.8, partly_share: 0.5 };
  const reported = (name: string, cadence: Cadence, last_reported: string) => metric(name, { cadence, last_reported });

  it('is met when every metric is on cadence, pointing at the scorecard', () => {
    const outcome = run(metricsReportedOnCadence, partnership({ metrics: [reported('a', 'monthly', '2026-06-01'), reported('b', 'annual', '2025-09-01')] }), params);
    expect(outcome.status).toBe('met');
    expect(outcome.messageId).toBe('current');
    expect(outcome.path).toEqual(['metrics']);
  });

  it('allows a quarterly metric 4.5 months: 2026-02-15 is on time, 2026-02-14 late', () => {
    // 2026-02-15 to 2026-06-15 is 4 months, then 15 of the 30 days to 2026-07-15: 4.5. A day earlier is 4.53.
    expect(run(metricsReportedOnCadence, partnership({ metrics: [reported('q', 'quarterly', '2026-02-15')] }), params).status).toBe('met');
    const late = run(metricsReportedOnCadence, partnership({ metrics: [reported('q', 'quarterly', '2026-02-14')] }), params);
    expect(late.status).toBe('not_met');
    expect(late.path).toEqual(['metrics', 0, 'last_reported']);
  });

  it('allows a monthly metric 1.5 months: 2026-05-15 is on time, 2026-05-14 late', () => {
    // 2026-05-15 to 2026-06-15 is 1 month, then 15 of 30 days: 1.5. A day earlier is 1.53.
    expect(run(metricsReportedOnCadence, partnership({ metrics: [reported('m', 'monthly', '2026-05-15')] }), params).status).toBe('met');
    expect(run(metricsReportedOnCadence, partnership({ metrics: [reported('m', 'monthly', '2026-05-14')] }), params).status).toBe('not_met');
  });

  it('is met at exactly 80% on cadence (4 of 5), naming the overdue one with its last date', () => {
    const metrics = [...['a', 'b', 'c', 'd'].map((name) => reported(name, 'monthly', '2026-06-01')), reported('Stale', 'monthly', '2026-01-01')];
    const outcome = run(metricsReportedOnCadence, partnership({ metrics }), params);
    expect(outcome.status).toBe('met');
    expect(outcome.data).toMatchObject({ current: 4, total: 5, share: '80%', details: 'Stale (last 2026-01-01)' });
  });

  it('is partly met at 50%, counting never-reported, ad hoc and future-dated reports as not on cadence', () => {
    const metrics = [
      reported('a', 'monthly', '2026-06-01'),
      reported('b', 'quarterly', '2026-05-01'),
      reported('c', 'annual', '2026-01-01'),
      metric('Never', { cadence: 'monthly' }),
      reported('Whenever', 'ad_hoc', '2026-06-29'),
      reported('Ahead', 'monthly', '2026-07-15'),
    ];
    const outcome = run(metricsReportedOnCadence, partnership({ metrics }), params);
    expect(outcome.status).toBe('partly');
    expect(outcome.path).toEqual(['metrics', 3, 'name']);
    expect(outcome.related).toEqual([
      ['metrics', 4, 'last_reported'],
      ['metrics', 5, 'last_reported'],
    ]);
    expect(outcome.data).toMatchObject({ current: 3, total: 6, share: '50%' });
    expect(messageOf(metricsReportedOnCadence, outcome, params)).toContain('Never, Whenever (last 2026-06-29), Ahead (last 2026-07-15)');
  });

  it('is not met when a metric has no cadence or most are overdue, and for an empty scorecard', () => {
    const outcome = run(metricsReportedOnCadence, partnership({ metrics: [metric('No cadence', { last_reported: '2026-06-01' }), reported('b', 'monthly', '2025-01-01'), reported('c', 'monthly', '2026-06-01')] }), params);
    expect(outcome.status).toBe('not_met');
    expect(outcome.data.current).toBe(1);
    const empty = run(metricsReportedOnCadence, partnership({ metrics: [] }), params);
    expect(empty.status).toBe('not_met');
    expect(empty.messageId).toBe('none');
  });

  it('is not described without metrics', () => {
    const outcome = run(metricsReportedOnCadence, partnership(), params);
    expect(outcome.status).toBe('not_described');
    expect(outcome.path).toEqual(['metrics']);
  });
});
