/** Practices 22 and 23: the target population in the room, heard directly and not only through intermediaries. */
import type { ZodMini } from './check.js';
import { withinMonths } from '../model/dates.js';
import { defineCheck, gradeAtLeast, nameList, percent } from './check.js';
import { fraction, months } from './params.js';
import { indexed } from './read.js';

export const directEngagement = defineCheck({
  name: 'directEngagement',
  description:
    'Within the last {within_months} months the partnership engaged the target population, and at least {met_direct_share%} of those activities reached people directly rather than through an intermediary such as a trade association.',
  params: (z: ZodMini) => z.strictObject({ within_months: months(z), met_direct_share: fraction(z) }),
  needs: '`target_population.engagement` activities (with `via` when they went through an intermediary)',
  messages: {
    direct: '{direct} of {total} engagement activities in the last {within_months} months were direct ({share})',
    mostly_indirect: 'only {direct} of {total} engagement activities in the last {within_months} months were direct ({share}); the rest went through {intermediaries}',
    only_indirect: 'every engagement activity in the last {within_months} months ({total}) went through an intermediary: {intermediaries}',
    none: 'no engagement with the target population in the last {within_months} months{latest}',
  },
  evaluate({ partnership, asOf }, params) {
    const activities = partnership.target_population?.engagement;
    if (!activities) return { status: 'not_described', messageId: 'not_described', data: {}, path: ['target_population'] };
    const path = ['target_population', 'engagement'];
    const recent = indexed(activities).filter(({ item }) => withinMonths(item.date, asOf, params.within_months));
    if (recent.length === 0) {
      const latest = activities.map((activity) => activity.date).filter((date) => date <= asOf).sort().at(-1);
      return { status: 'not_met', messageId: 'none', data: { within_months: params.within_months, latest: latest ? ` (latest ${latest})` : '' }, path };
    }
    const indirect = recent.filter(({ item }) => item.via !== undefined);
    const direct = recent.length - indirect.length;
    const share = direct / recent.length;
    const data = {
      direct,
      total: recent.length,
      within_months: params.within_months,
      share: percent(share),
      intermediaries: nameList([...new Set(indirect.map(({ item }) => item.via!))]),
    };
    const firstIndirect = indirect[0];
    const pointAt = firstIndirect ? [...path, firstIndirect.index, 'via'] : [...path, recent.at(-1)!.index];
    if (direct === 0) return { status: 'not_met', messageId: 'only_indirect', data, path: pointAt };
    const status = gradeAtLeast(share, params.met_direct_share, 0);
    return { status, messageId: status === 'met' ? 'direct' : 'mostly_indirect', data, path: pointAt };
  },
});

export const targetPopulationRepresented = defineCheck({
  name: 'targetPopulationRepresented',
  description: 'Members of the target population hold seats in governance and sit on design teams (one of the two: partly met).',
  params: (z: ZodMini) => z.strictObject({}),
  needs: '`target_population.representation` with `governance_seats` and `design_team_members`',
  messages: {
    both: 'the target population holds {seats} governance seat(s) and {designers} design-team place(s)',
    one: 'the target population has {seats} governance seat(s) and {designers} design-team place(s); add the missing one',
    neither: 'the target population has no seat in governance and no place on design teams',
  },
  evaluate({ partnership }) {
    const representation = partnership.target_population?.representation;
    if (!representation || (representation.governance_seats === undefined && representation.design_team_members === undefined)) {
      return { status: 'not_described', messageId: 'not_described', data: {}, path: ['target_population'] };
    }
    const seats = representation.governance_seats ?? 0;
    const designers = representation.design_team_members ?? 0;
    const places = (seats > 0 ? 1 : 0) + (designers > 0 ? 1 : 0);
    const path = ['target_population', 'representation'];
    if (places === 2) return { status: 'met', messageId: 'both', data: { seats, designers }, path };
    if (places === 1) return { status: 'partly', messageId: 'one', data: { seats, designers }, path };
    return { status: 'not_met', messageId: 'neither', data: {}, path };
  },
});
