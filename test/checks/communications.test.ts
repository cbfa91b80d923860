import { describe, expect, it } from 'vitest';
import { cadenceAtLeast, publicStatementsUnderProtocol } from '../../src/checks/communications.js';
import type { Cadence } from '../../src/model/vocabulary.js';
import { messageOf } from '../helpers/message.js';
import { partnership, run } from '../helpers/partnership.js';

describe('cadenceAtLeast', () => {
  // Practice 2.
  const params = { field: 'communications.cadence', what: 'outward communication', met: 'monthly', partly: 'quarterly' };
  const every = (cadence: Cadence) => run(cadenceAtLeast, partnership({ communications: { cadence } }), params);

  it('is met at monthly or more often', () => {
    expect(every('weekly').status).toBe('met');
    expect(every('biweekly').status).toBe('met');
    const monthly = every('monthly');
    expect(monthly.status).toBe('met');
    expect(monthly.messageId).toBe('often');
    expect(monthly.path).toEqual(['communications', 'cadence']);
  });

  it('is partly met at quarterly, and says what to aim for', () => {
    const quarterly = every('quarterly');
    expect(quarterly.status).toBe('partly');
    expect(messageOf(cadenceAtLeast, quarterly, params)).toContain('monthly');
  });

  it('is not met at semiannual, annual or ad hoc', () => {
    expect(every('semiannual').status).toBe('not_met');
    expect(every('annual').status).toBe('not_met');
    const adHoc = every('ad_hoc');
    expect(adHoc.status).toBe('not_met');
    expect(adHoc.data.cadence).toBe('ad hoc');
  });

  it('is not described when no cadence is given', () => {
    const outcome = run(cadenceAtLeast, partnership({ communications: { channels: ['Newsletter'] } }), params);
    expect(outcome.status).toBe('not_described');
    expect(outcome.path).toEqual(['communications', 'cadence']);
  });
});

describe('publicStatementsUnderProtocol', () => {
  // Practice 8, from the guide's press-release story.
  const protocol = { public_statements: 'Speak for the partnership only after the steering group signs off.' };
  const statement = (date: string, title: string, followed_protocol?: boolean) => ({ date, by: 'acme', title, ...(followed_protocol === undefined ? {} : { followed_protocol }) });

  it('is met when a protocol exists and every statement followed it', () => {
    const data = partnership({
      governance: { communication_protocol: protocol },
      communications: { public_statements: [statement('2026-02-01', 'Launch', true), statement('2026-04-01', 'Results', true)] },
    });
    const outcome = run(publicStatementsUnderProtocol, data, {});
    expect(outcome.status).toBe('met');
    expect(outcome.messageId).toBe('followed');
    expect(outcome.data.total).toBe(2);
    expect(outcome.path).toEqual(['governance', 'communication_protocol']);
  });

  it('is met when a protocol exists and the log honestly says nothing was said yet (`[]`)', () => {
    const outcome = run(publicStatementsUnderProtocol, partnership({ governance: { communication_protocol: protocol }, communications: { public_statements: [] } }), {});
    expect(outcome.status).toBe('met');
    expect(outcome.messageId).toBe('none_since');
  });

  it('is not described with a protocol but no log of public statements: the protocol alone shows nothing was followed', () => {
    expect(run(publicStatementsUnderProtocol, partnership({ governance: { communication_protocol: protocol } }), {}).status).toBe('not_described');
    expect(run(publicStatementsUnderProtocol, partnership({ governance: { communication_protocol: protocol }, communications: { cadence: 'monthly' } }), {}).status).toBe(
      'not_described',
    );
  });

  it('is partly met when at least half followed it, naming the ones that bypassed it and pointing at their flag', () => {
    const data = partnership({
      governance: { communication_protocol: protocol },
      communications: { public_statements: [statement('2026-01-15', 'Op-ed', true), statement('2026-02-01', 'Blog', true), statement('2026-03-01', 'Press release', false), statement('2026-05-01', 'Interview', false)] },
    });
    const outcome = run(publicStatementsUnderProtocol, data, {});
    expect(outcome.status).toBe('partly');
    expect(outcome.path).toEqual(['communications', 'public_statements', 2, 'followed_protocol']);
    expect(outcome.related).toEqual([['communications', 'public_statements', 3]]);
    expect(outcome.data).toMatchObject({ broken: 2, total: 4 });
    expect(messageOf(publicStatementsUnderProtocol, outcome, {})).toContain('"Press release" by acme (2026-03-01), "Interview" by acme (2026-05-01)');
  });

  it('is not met when most statements bypassed it', () => {
    const data = partnership({
      governance: { communication_protocol: protocol },
      communications: { public_statements: [statement('2026-01-15', 'Op-ed', true), statement('2026-03-01', 'Press release', false), statement('2026-05-01', 'Interview', false)] },
    });
    expect(run(publicStatementsUnderProtocol, data, {}).status).toBe('not_met');
  });

  it('never counts a statement that does not say whether it followed the protocol as following it', () => {
    const some = partnership({
      governance: { communication_protocol: protocol },
      communications: { public_statements: [statement('2026-01-15', 'Op-ed', true), statement('2026-03-01', 'Press release')] },
    });
    const outcome = run(publicStatementsUnderProtocol, some, {});
    expect(outcome.status).toBe('partly');
    expect(outcome.messageId).toBe('unknown');
    expect(outcome.data.unknown).toBe(1);
    const none = partnership({ governance: { communication_protocol: protocol }, communications: { public_statements: [statement('2026-03-01', 'Press release')] } });
    expect(run(publicStatementsUnderProtocol, none, {}).status).toBe('not_described');
  });

  it('judges only statements made since the protocol was adopted: the press release that prompted it is history', () => {
    const data = partnership({
      governance: { communication_protocol: { ...protocol, adopted: '2025-06-01' } },
      communications: { public_statements: [statement('2025-03-01', 'The press release that nearly broke the coalition', false), statement('2026-02-01', 'Joint statement', true)] },
    });
    const outcome = run(publicStatementsUnderProtocol, data, {});
    expect(outcome.status).toBe('met');
    expect(outcome.data.total).toBe(1);
  });

  it('ignores statements dated after the as-of date', () => {
    const data = partnership({
      governance: { communication_protocol: protocol },
      communications: { public_statements: [statement('2026-02-01', 'Launch', true), statement('2026-07-01', 'Leak', false)] },
    });
    const outcome = run(publicStatementsUnderProtocol, data, {});
    expect(outcome.status).toBe('met');
    expect(outcome.data.total).toBe(1);
  });

  it('is not met when partners spoke publicly without any protocol, pointing at the statements', () => {
    const data = partnership({ communications: { public_statements: [statement('2026-01-15', 'Op-ed'), statement('2026-03-01', 'Press release')] } });
    const outcome = run(publicStatementsUnderProtocol, data, {});
    expect(outcome.status).toBe('not_met');
    expect(outcome.messageId).toBe('no_protocol_statements');
    expect(outcome.data.total).toBe(2);
    expect(outcome.path).toEqual(['communications', 'public_statements', 0]);
    expect(outcome.related).toEqual([['communications', 'public_statements', 1]]);
  });

  it('is not described without a protocol while nothing was said, whatever else governance holds', () => {
    expect(run(publicStatementsUnderProtocol, partnership(), {}).status).toBe('not_described');
    expect(run(publicStatementsUnderProtocol, partnership({ governance: { decision_rules: 'Consensus' }, communications: { public_statements: [] } }), {}).status).toBe(
      'not_described',
    );
    const onlyFuture = partnership({ communications: { public_statements: [statement('2026-09-01', 'Planned launch')] } });
    expect(run(publicStatementsUnderProtocol, onlyFuture, {}).status).toBe('not_described');
  });

  it('does not count a protocol adopted after the as-of date', () => {
    const data = partnership({
      governance: { decision_rules: 'Consensus', communication_protocol: { ...protocol, adopted: '2026-09-01' } },
      communications: { public_statements: [statement('2026-03-01', 'Press release', true)] },
    });
    const outcome = run(publicStatementsUnderProtocol, data, {});
    expect(outcome.status).toBe('not_met');
    expect(outcome.messageId).toBe('no_protocol_statements');
  });
});
