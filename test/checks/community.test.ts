import { describe, expect, it } from 'vitest';
import { communityOfInterestGrowing } from '../../src/checks/community.js';
import { messageOf } from '../helpers/message.js';
import { partner, partnership, run } from '../helpers/partnership.js';

describe('communityOfInterestGrowing', () => {
  // Practice 5.
  const params = { within_months: 12, met_new: 1 };
  const circle = (id: string, extra: Record<string, unknown> = {}) => partner(id, { tier: 'community_of_interest', ...extra });

  it('is met when someone joined the community of interest in the last 12 months, naming them', () => {
    const data = partnership({ partners: [partner('core'), circle('early', { joined: '2024-03-01' }), circle('fresh', { joined: '2026-02-01' })] });
    const outcome = run(communityOfInterestGrowing, data, params);
    expect(outcome.status).toBe('met');
    expect(outcome.messageId).toBe('growing');
    expect(outcome.data).toMatchObject({ size: 2, new: 1, names: 'FRESH' });
    expect(outcome.path).toEqual(['partners', 2, 'tier']);
    expect(messageOf(communityOfInterestGrowing, outcome, params)).toContain('FRESH');
  });

  it('counts someone who joined exactly 12 months before the as-of date as new', () => {
    const outcome = run(communityOfInterestGrowing, partnership({ partners: [circle('a', { joined: '2025-06-30' })] }), params);
    expect(outcome.status).toBe('met');
  });

  it('is partly met when the community exists but nobody joined it in the last 12 months', () => {
    const data = partnership({
      partners: [circle('old', { joined: '2024-03-01' }), circle('day-too-early', { joined: '2025-06-29' }), circle('not-yet', { joined: '2026-07-01' }), partner('new-core', { joined: '2026-03-01' })],
    });
    const outcome = run(communityOfInterestGrowing, data, params);
    expect(outcome.status).toBe('partly');
    expect(outcome.messageId).toBe('static');
    expect(outcome.data).toMatchObject({ size: 2, new: 0 });
    expect(outcome.path).toEqual(['partners', 1, 'tier']);
  });

  it('is not met when no active partner is at the community-of-interest tier', () => {
    const data = partnership({ partners: [partner('core'), partner('member', { tier: 'member' }), circle('gone', { joined: '2026-01-01', left: '2026-05-01' })] });
    const outcome = run(communityOfInterestGrowing, data, params);
    expect(outcome.status).toBe('not_met');
    expect(outcome.messageId).toBe('none');
    expect(outcome.path).toEqual(['partners']);
  });

  it('is not described without partners', () => {
    expect(run(communityOfInterestGrowing, partnership(), params).status).toBe('not_described');
  });
});
