import { describe, expect, it } from 'vitest';
import { fieldsPresent, focusedList, listSize } from '../../src/checks/presence.js';
import { messageOf } from '../helpers/message.js';
import { partnership, run } from '../helpers/partnership.js';

const texts = (count: number, prefix = 'Item') => Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}`);

describe('listSize', () => {
  // Practice 4.
  const tiers = { list: 'funding.give_get_tiers', what: 'give/get tiers for prospective partners', met_at: 2, partly_at: 1 };
  const tier = (name: string) => ({ tier: name, give: 'Dues', get: 'A seat' });

  it('is met at two tiers, partly met at one, not met at none', () => {
    const met = run(listSize, partnership({ funding: { give_get_tiers: [tier('Core'), tier('Member')] } }), tiers);
    expect(met.status).toBe('met');
    expect(met.data.count).toBe(2);
    expect(met.path).toEqual(['funding', 'give_get_tiers']);
    const partly = run(listSize, partnership({ funding: { give_get_tiers: [tier('Core')] } }), tiers);
    expect(partly.status).toBe('partly');
    expect(partly.data.count).toBe(1);
    expect(partly.data.met_at).toBe(2);
    expect(() => messageOf(listSize, partly, tiers)).not.toThrow();
    expect(run(listSize, partnership({ funding: { give_get_tiers: [] } }), tiers).status).toBe('not_met');
  });

  it('is not described when the list is missing', () => {
    expect(run(listSize, partnership(), tiers).status).toBe('not_described');
    const outcome = run(listSize, partnership({ funding: { sources: [] } }), tiers);
    expect(outcome.status).toBe('not_described');
    expect(outcome.path).toEqual(['funding', 'give_get_tiers']);
  });

  it('with met_at = partly_at = 1 (practice 3, not-doing list) is met by one item and not met by none', () => {
    const notDoing = { list: 'work_plan.not_doing', what: 'explicit not-doing items', met_at: 1, partly_at: 1 };
    expect(run(listSize, partnership({ work_plan: { not_doing: ['A conference'] } }), notDoing).status).toBe('met');
    expect(run(listSize, partnership({ work_plan: { not_doing: [] } }), notDoing).status).toBe('not_met');
    expect(run(listSize, partnership({ work_plan: {} }), notDoing).status).toBe('not_described');
  });
});

describe('focusedList', () => {
  // Practice 3.
  const priorities = { list: 'work_plan.priorities', what: 'current priorities', met_max: 5, partly_max: 8 };
  const withPriorities = (count: number) => partnership({ work_plan: { priorities: texts(count, 'Priority') } });

  it('is met from one up to five items', () => {
    expect(run(focusedList, withPriorities(1), priorities).status).toBe('met');
    const five = run(focusedList, withPriorities(5), priorities);
    expect(five.status).toBe('met');
    expect(five.messageId).toBe('focused');
    expect(five.path).toEqual(['work_plan', 'priorities']);
  });

  it('is partly met from six to eight, asking to trim to five', () => {
    const six = run(focusedList, withPriorities(6), priorities);
    expect(six.status).toBe('partly');
    expect(six.data.count).toBe(6);
    expect(six.data.met_max).toBe(5);
    expect(() => messageOf(focusedList, six, priorities)).not.toThrow();
    expect(run(focusedList, withPriorities(8), priorities).status).toBe('partly');
  });

  it('is not met above eight, or when the list is empty', () => {
    const nine = run(focusedList, withPriorities(9), priorities);
    expect(nine.status).toBe('not_met');
    expect(nine.data.count).toBe(9);
    const empty = run(focusedList, withPriorities(0), priorities);
    expect(empty.status).toBe('not_met');
    expect(empty.messageId).toBe('empty');
  });

  it('is not described when the list is missing', () => {
    expect(run(focusedList, partnership(), priorities).status).toBe('not_described');
  });

  it('judges the scorecard size with its own limits (practice 25: 12, partly 20)', () => {
    const scorecard = { list: 'metrics', what: 'scorecard metrics', met_max: 12, partly_max: 20 };
    const metrics = (count: number) => partnership({ metrics: texts(count, 'Metric').map((name) => ({ name, level: 'output' as const, category: 'finance' as const })) });
    expect(run(focusedList, metrics(12), scorecard).status).toBe('met');
    expect(run(focusedList, metrics(13), scorecard).status).toBe('partly');
    expect(run(focusedList, metrics(20), scorecard).status).toBe('partly');
    expect(run(focusedList, metrics(21), scorecard).status).toBe('not_met');
  });
});

describe('fieldsPresent', () => {
  // Practice 17.
  const basics = { within: 'governance', fields: ['decision_rules', 'roles', 'joining_process', 'leaving_process'], what: 'governance basics', met_at: 4, partly_at: 2 };
  const role = { name: 'Steward' };

  it('is met when all four are written down, pointing at the container', () => {
    const data = partnership({ governance: { decision_rules: 'Consent', roles: [role], joining_process: 'Apply', leaving_process: 'Notice' } });
    const outcome = run(fieldsPresent, data, basics);
    expect(outcome.status).toBe('met');
    expect(outcome.messageId).toBe('complete');
    expect(outcome.data).toMatchObject({ present: 4, total: 4 });
    expect(outcome.path).toEqual(['governance']);
  });

  it('is partly met with two or three, pointing at the first missing field', () => {
    const three = run(fieldsPresent, partnership({ governance: { decision_rules: 'Consent', joining_process: 'Apply', leaving_process: 'Notice' } }), basics);
    expect(three.status).toBe('partly');
    expect(three.path).toEqual(['governance', 'roles']);
    const two = run(fieldsPresent, partnership({ governance: { decision_rules: 'Consent', roles: [role] } }), basics);
    expect(two.status).toBe('partly');
    expect(two.data).toMatchObject({ present: 2, total: 4 });
    expect(messageOf(fieldsPresent, two, basics)).toContain('joining_process, leaving_process');
  });

  it('is not met with one of four', () => {
    const outcome = run(fieldsPresent, partnership({ governance: { leaving_process: 'Notice' } }), basics);
    expect(outcome.status).toBe('not_met');
    expect(outcome.data).toMatchObject({ present: 1, missing: 'decision_rules, roles, joining_process' });
    expect(outcome.path).toEqual(['governance', 'decision_rules']);
  });

  it('does not count an empty list or a blank text as written down', () => {
    const outcome = run(fieldsPresent, partnership({ governance: { decision_rules: 'Consent', roles: [], joining_process: '   ', leaving_process: 'Notice' } }), basics);
    expect(outcome.data.present).toBe(2);
    expect(outcome.path).toEqual(['governance', 'roles']);
  });

  it('is not described when the container is missing, or holds none of the fields', () => {
    expect(run(fieldsPresent, partnership(), basics).status).toBe('not_described');
    const unrelated = run(fieldsPresent, partnership({ governance: { onboarding: 'A buddy' } }), basics);
    expect(unrelated.status).toBe('not_described');
    expect(unrelated.path).toEqual(['governance']);
  });

  it('is met at three of four brand fields (practice 12), still naming the missing one', () => {
    const brandParams = { within: 'partnership.brand', fields: ['name', 'logo', 'co_branding_guidelines', 'traditions'], what: 'brand and identity', met_at: 3, partly_at: 2 };
    const data = partnership({ partnership: { name: 'P', brand: { name: 'Together', logo: 'logo.svg', traditions: ['Open with a win'] } } });
    const outcome = run(fieldsPresent, data, brandParams);
    expect(outcome.status).toBe('met');
    expect(outcome.messageId).toBe('incomplete');
    expect(outcome.data.missing).toBe('co_branding_guidelines');
    expect(outcome.path).toEqual(['partnership', 'brand']);
    expect(run(fieldsPresent, partnership({ partnership: { name: 'P', brand: { logo: 'logo.svg', name: 'T' } } }), brandParams).status).toBe('partly');
    expect(run(fieldsPresent, partnership({ partnership: { name: 'P', brand: {} } }), brandParams).status).toBe('not_described');
  });

  it('on the always-present partnership section (practice 15) is partly met with one of two, not described with none', () => {
    const integration = { within: 'partnership', fields: ['integration', 'relationship_model'], what: 'integration and relationship model', met_at: 2, partly_at: 1 };
    expect(run(fieldsPresent, partnership({ partnership: { name: 'P', integration: 'cooperative', relationship_model: 'peer' } }), integration).status).toBe('met');
    const one = run(fieldsPresent, partnership({ partnership: { name: 'P', integration: 'cooperative' } }), integration);
    expect(one.status).toBe('partly');
    expect(one.path).toEqual(['partnership', 'relationship_model']);
    expect(run(fieldsPresent, partnership(), integration).status).toBe('not_described');
  });
});
