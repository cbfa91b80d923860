/** Practice 4: money and in-kind help the partnership can actually use. */
import type { ZodMini } from './check.js';
import { defineCheck, gradeAtLeast, gradeAtMost, percent } from './check.js';
import { fraction } from './params.js';
import { activePartners } from './read.js';

export const inKindMatchedToNeeds = defineCheck({
  name: 'inKindMatchedToNeeds',
  description:
    'At least {met_share%} of in-kind contributions from active partners are matched to a named need, counted by number and, where values are given, by value (partly met from {partly_share%}).',
  params: (z: ZodMini) => z.strictObject({ met_share: fraction(z), partly_share: fraction(z) }),
  needs: 'partners\' `in_kind` contributions, each with `matched_need` (or `null`)',
  messages: {
    matched: 'all {total} in-kind contributions are matched to a need',
    unmatched: '{unmatched} of {total} in-kind contributions have no matched need ({share} matched{by_value}): {details}',
    none_offered: 'no in-kind contributions offered, so none to match',
  },
  evaluate({ partnership, asOf }, params) {
    const active = activePartners(partnership, asOf);
    const offers = active.flatMap(({ item, index }) =>
      (item.in_kind ?? []).map((offer, offerIndex) => ({ partner: item, offer, path: ['partners', index, 'in_kind', offerIndex, 'matched_need'] })),
    );
    if (!active.some(({ item }) => item.in_kind !== undefined)) return { status: 'not_described', messageId: 'not_described', data: {}, path: ['partners'] };
    // An honest `in_kind: []` says there is nothing to match: no finding either way.
    if (offers.length === 0) return { status: 'not_described', messageId: 'none_offered', data: {}, path: ['partners'] };
    const unmatched = offers.filter(({ offer }) => offer.matched_need === null);
    if (unmatched.length === 0) return { status: 'met', messageId: 'matched', data: { total: offers.length }, path: offers[0]!.path };
    // One large unused offer can outweigh several small matched ones: where values are given, the
    // share matched by value counts too, and the lower of the two shares decides.
    const valued = offers.filter(({ offer }) => offer.value !== undefined);
    const totalValue = valued.reduce((sum, { offer }) => sum + offer.value!, 0);
    const matchedValue = valued.filter(({ offer }) => offer.matched_need !== null).reduce((sum, { offer }) => sum + offer.value!, 0);
    const valueShare = totalValue > 0 ? matchedValue / totalValue : undefined;
    const countShare = 1 - unmatched.length / offers.length;
    const share = valueShare === undefined ? countShare : Math.min(countShare, valueShare);
    return {
      status: gradeAtLeast(share, params.met_share, params.partly_share),
      messageId: 'unmatched',
      data: {
        unmatched: unmatched.length,
        total: offers.length,
        share: percent(countShare),
        by_value: valueShare === undefined ? '' : `; ${percent(valueShare)} of their value`,
        // Every unmatched offer is named: each is a piece of help going to waste, and the fix goes through them one by one.
        details: unmatched.map(({ partner, offer }) => `${offer.description} from ${partner.name}`).join('; '),
      },
      path: unmatched[0]!.path,
      related: unmatched.slice(1).map(({ path }) => path),
    };
  },
});

export const fundingDiversified = defineCheck({
  name: 'fundingDiversified',
  description: 'No single current funding source provides more than {met_max_share%} of the money (partly met up to {partly_max_share%}).',
  params: (z: ZodMini) => z.strictObject({ met_max_share: fraction(z), partly_max_share: fraction(z) }),
  needs: '`funding.sources` with yearly `amount`s',
  messages: {
    diversified: '{count} funding sources; the largest, {largest}, provides {share}',
    concentrated: '{count} funding source(s); {largest} provides {share} of the money',
    none: 'no current funding sources listed',
    zero: '{count} funding source(s), adding up to nothing',
  },
  evaluate({ partnership, asOf }, params) {
    const listed = partnership.funding?.sources;
    if (!listed) return { status: 'not_described', messageId: 'not_described', data: {}, path: ['funding'] };
    // Money that stopped before the as-of date no longer diversifies anything.
    const current = listed.map((source, index) => ({ source, index })).filter(({ source }) => source.ends === undefined || source.ends >= asOf);
    const total = current.reduce((sum, { source }) => sum + source.amount, 0);
    if (current.length === 0) return { status: 'not_met', messageId: 'none', data: {}, path: ['funding', 'sources'] };
    if (total === 0) return { status: 'not_met', messageId: 'zero', data: { count: current.length }, path: ['funding', 'sources'] };
    const { source: largest, index: largestIndex } = current.reduce((top, entry) => (entry.source.amount > top.source.amount ? entry : top));
    const share = largest.amount / total;
    const status = gradeAtMost(share, params.met_max_share, params.partly_max_share);
    return {
      status,
      messageId: status === 'met' ? 'diversified' : 'concentrated',
      data: { count: current.length, largest: largest.name, share: percent(share) },
      path: ['funding', 'sources', largestIndex, 'amount'],
    };
  },
});
