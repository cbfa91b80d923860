import { describe, expect, it } from 'vitest';
import { dedicatedBackbone, workingOnShare } from '../../src/checks/backbone.js';
import type { Cadence } from '../../src/model/vocabulary.js';
import { messageOf } from '../helpers/message.js';
import { partnership, run } from '../helpers/partnership.js';

describe('dedicatedBackbone', () => {
  // Practice 14.
  const params = { met_fte: 1, partly_fte: 0.5 };
  const staff = (role: string, fte: number, dedicated: boolean) => ({ role, fte, dedicated });
  const withStaff = (...members: ReturnType<typeof staff>[]) => partnership({ backbone: { exists: true, staff: members } });

  it('is met with one full-time dedicated post', () => {
    const outcome = run(dedicatedBackbone, withStaff(staff('Director', 1, true)), params);
    expect(outcome.status).toBe('met');
    expect(outcome.messageId).toBe('staffed');
    expect(outcome.data).toMatchObject({ fte: 1, mixed: 0 });
    expect(outcome.path).toEqual(['backbone', 'staff']);
  });

  it('is met when part-time dedicated posts add up to exactly 1 FTE (0.7 + 0.2 + 0.1)', () => {
    const outcome = run(dedicatedBackbone, withStaff(staff('Director', 0.7, true), staff('Analyst', 0.2, true), staff('Admin', 0.1, true)), params);
    expect(outcome.status).toBe('met');
    expect(outcome.data.fte).toBe(1);
  });

  it('is partly met from 0.5 dedicated FTE; staff who also do mission work do not count', () => {
    const outcome = run(dedicatedBackbone, withStaff(staff('Coordinator', 0.5, true), staff('Partner lead', 1, false)), params);
    expect(outcome.status).toBe('partly');
    expect(outcome.data).toMatchObject({ fte: 0.5, mixed: 1 });
    expect(outcome.data.met_fte).toBe(1);
    expect(() => messageOf(dedicatedBackbone, outcome, params)).not.toThrow();
  });

  it('is not met below 0.5 dedicated FTE, or with only mixed staff', () => {
    expect(run(dedicatedBackbone, withStaff(staff('Coordinator', 0.4, true)), params).status).toBe('not_met');
    const mixedOnly = run(dedicatedBackbone, withStaff(staff('Partner lead', 1, false)), params);
    expect(mixedOnly.status).toBe('not_met');
    expect(mixedOnly.data).toMatchObject({ fte: 0, mixed: 1 });
  });

  it('is not described when a backbone exists on paper with no staff listed: how much time it has is unknown', () => {
    const outcome = run(dedicatedBackbone, partnership({ backbone: { exists: true, name: 'Secretariat' } }), params);
    expect(outcome.status).toBe('not_described');
    expect(outcome.path).toEqual(['backbone']);
  });

  it('is not met when the staff list is honestly empty', () => {
    const outcome = run(dedicatedBackbone, partnership({ backbone: { exists: true, staff: [] } }), params);
    expect(outcome.status).toBe('not_met');
    expect(outcome.path).toEqual(['backbone', 'staff']);
  });

  it('is not met when there is no backbone', () => {
    const outcome = run(dedicatedBackbone, partnership({ backbone: { exists: false } }), params);
    expect(outcome.status).toBe('not_met');
    expect(outcome.messageId).toBe('absent');
    expect(outcome.path).toEqual(['backbone', 'exists']);
  });

  it('is not described without a backbone section', () => {
    const outcome = run(dedicatedBackbone, partnership(), params);
    expect(outcome.status).toBe('not_described');
    expect(outcome.path).toEqual(['backbone']);
  });
});

describe('workingOnShare', () => {
  // Practice 14: the average is weighted by meetings per year.
  const params = { met_share: 0.2, partly_share: 0.1 };
  const meeting = (name: string, cadence: Cadence, working_on_share?: number) => ({ name, cadence, ...(working_on_share === undefined ? {} : { working_on_share }) });
  const withMeetings = (...meetings: ReturnType<typeof meeting>[]) => partnership({ meetings });

  it('is met at exactly 20%, pointing at the meeting with the lowest share', () => {
    const outcome = run(workingOnShare, withMeetings(meeting('Steering', 'monthly', 0.2)), params);
    expect(outcome.status).toBe('met');
    expect(outcome.messageId).toBe('balanced');
    expect(outcome.data.share).toBe('20%');
    expect(outcome.path).toEqual(['meetings', 0, 'working_on_share']);
  });

  it('is partly met from 10% up to 20%', () => {
    const outcome = run(workingOnShare, withMeetings(meeting('Steering', 'monthly', 0.15)), params);
    expect(outcome.status).toBe('partly');
    expect(outcome.data.share).toBe('15%');
    expect(messageOf(workingOnShare, outcome, params)).toContain('20%');
    expect(run(workingOnShare, withMeetings(meeting('Steering', 'monthly', 0.1)), params).status).toBe('partly');
  });

  it('is not met below 10%, pointing at the lowest meeting', () => {
    // (0.12 + 0) / 2 = 6%.
    const outcome = run(workingOnShare, withMeetings(meeting('Steering', 'monthly', 0.12), meeting('Delivery', 'monthly', 0)), params);
    expect(outcome.status).toBe('not_met');
    expect(outcome.data.share).toBe('6%');
    expect(outcome.path).toEqual(['meetings', 1, 'working_on_share']);
  });

  it('weights meetings by how often they meet: a weekly meeting at 10% outweighs a yearly retreat at 90%', () => {
    // (0.1 x 52 + 0.9 x 1) / 53 = 11.5%; unweighted it would be 50%.
    const outcome = run(workingOnShare, withMeetings(meeting('Stand-up', 'weekly', 0.1), meeting('Retreat', 'annual', 0.9)), params);
    expect(outcome.status).toBe('partly');
    expect(outcome.data.share).toBe('12%');
    expect(outcome.path).toEqual(['meetings', 0, 'working_on_share']);
  });

  it('leaves out meetings that do not state a share', () => {
    const outcome = run(workingOnShare, withMeetings(meeting('Delivery', 'weekly'), meeting('Steering', 'monthly', 0.25)), params);
    expect(outcome.status).toBe('met');
    expect(outcome.path).toEqual(['meetings', 1, 'working_on_share']);
  });

  // Suspected bug: two monthly meetings at 10% and 30% average exactly 20%, but the weighted sum
  // (0.1 x 12 + 0.3 x 12) / 24 comes to 0.19999999999999998 in floating point, so the check says partly met
  // while the message shows "20%".
  it('is met when meetings average exactly 20% (10% and 30%, both monthly)', () => {
    const outcome = run(workingOnShare, withMeetings(meeting('A', 'monthly', 0.1), meeting('B', 'monthly', 0.3)), params);
    expect(outcome.data.share).toBe('20%');
    expect(outcome.status).toBe('met');
  });

  it('is not described when no meeting states a share', () => {
    expect(run(workingOnShare, partnership(), params).status).toBe('not_described');
    const outcome = run(workingOnShare, withMeetings(meeting('Delivery', 'weekly')), params);
    expect(outcome.status).toBe('not_described');
    expect(outcome.path).toEqual(['meetings']);
  });
});
