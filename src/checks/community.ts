/** Practice 5: a community of interest beyond the formal partners, and still growing. */
import type { ZodMini } from './check.js';
import { withinMonths } from '../model/dates.js';
import { defineCheck, nameList } from './check.js';
import { months, wholeNumber } from './params.js';
import { activePartners } from './read.js';

export const communityOfInterestGrowing = defineCheck({
  name: 'communityOfInterestGrowing',
  description:
    'Partners at the community-of-interest tier exist, and at least {met_new} joined in the last {within_months} months (partly met when the community exists but did not grow).',
  params: (z: ZodMini) => z.strictObject({ within_months: months(z), met_new: wholeNumber(z) }),
  needs: '`partners` with `tier: community_of_interest` and `joined` dates',
  messages: {
    growing: 'community of interest: {size}, of whom {new} joined in the last {within_months} months ({names})',
    static: 'community of interest: {size}, of whom {new} joined in the last {within_months} months',
    none: 'no community of interest: every partner is core or member',
  },
  evaluate({ partnership, asOf }, params) {
    if (!partnership.partners) return { status: 'not_described', messageId: 'not_described', data: {}, path: ['partners'] };
    const community = activePartners(partnership, asOf).filter(({ item }) => item.tier === 'community_of_interest');
    if (community.length === 0) return { status: 'not_met', messageId: 'none', data: {}, path: ['partners'] };
    const newcomers = community.filter(({ item }) => withinMonths(item.joined, asOf, params.within_months));
    const growing = newcomers.length >= params.met_new;
    return {
      status: growing ? 'met' : 'partly',
      messageId: growing ? 'growing' : 'static',
      data: { size: community.length, new: newcomers.length, within_months: params.within_months, names: nameList(newcomers.map(({ item }) => item.name)) },
      path: ['partners', (newcomers.at(-1) ?? community.at(-1)!).index, 'tier'],
    };
  },
});
