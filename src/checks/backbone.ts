/** Practice 14: someone holds the work ON the partnership, and meetings make room for it. */
import type { ZodMini } from './check.js';
import { CADENCE_MONTHS } from '../model/cadence.js';
import type { Cadence } from '../model/vocabulary.js';
import { defineCheck, gradeAtLeast, percent } from './check.js';
import { fraction } from './params.js';

export const dedicatedBackbone = defineCheck({
  name: 'dedicatedBackbone',
  description:
    'A backbone exists with at least {met_fte} FTE of staff who do no mission work of their own (partly met from {partly_fte} FTE).',
  params: (z: ZodMini) => z.strictObject({ met_fte: z.number().check(z.gt(0), z.lte(10_000)), partly_fte: z.number().check(z.gte(0), z.lte(10_000)) }),
  needs: '`backbone` with `exists`, and `staff` with `fte` and `dedicated`',
  messages: {
    staffed: '{fte} FTE of dedicated backbone staff',
    thin: '{fte} FTE of dedicated backbone staff ({mixed} FTE also do mission work); aim for {met_fte}',
    absent: 'no backbone: nobody is charged with holding the partnership together',
  },
  evaluate({ partnership }, params) {
    const backbone = partnership.backbone;
    if (!backbone) return { status: 'not_described', messageId: 'not_described', data: {}, path: ['backbone'] };
    if (!backbone.exists) return { status: 'not_met', messageId: 'absent', data: {}, path: ['backbone', 'exists'] };
    // A backbone that exists but lists no staff says nothing about how much time it has.
    const staff = backbone.staff;
    if (staff === undefined) return { status: 'not_described', messageId: 'not_described', data: {}, path: ['backbone'] };
    const sum = (dedicated: boolean) => staff.filter((member) => member.dedicated === dedicated).reduce((total, member) => total + member.fte, 0);
    const fte = Math.round(sum(true) * 100) / 100;
    const status = gradeAtLeast(fte, params.met_fte, params.partly_fte);
    return {
      status: fte === 0 ? 'not_met' : status,
      messageId: status === 'met' ? 'staffed' : 'thin',
      data: { fte, mixed: Math.round(sum(false) * 100) / 100, met_fte: params.met_fte },
      path: ['backbone', 'staff'],
    };
  },
});

export const workingOnShare = defineCheck({
  name: 'workingOnShare',
  description:
    'Meetings spend on average (weighted by how often they meet) at least {met_share%} of their time working ON the partnership (partly met from {partly_share%}).',
  params: (z: ZodMini) => z.strictObject({ met_share: fraction(z), partly_share: fraction(z) }),
  needs: '`working_on_share` on `meetings`',
  messages: {
    balanced: 'meetings spend {share} of their time working ON the partnership',
    all_in: 'meetings spend {share} of their time working ON the partnership; aim for {met}',
  },
  evaluate({ partnership }, params) {
    const stated = (partnership.meetings ?? []).map((meeting, index) => ({ meeting, index })).filter(({ meeting }) => meeting.working_on_share !== undefined);
    if (stated.length === 0) return { status: 'not_described', messageId: 'not_described', data: {}, path: ['meetings'] };
    // Weighted by meetings per year: a fortnightly meeting shapes habits more than an annual one.
    const perYear = (cadence: Cadence) => (cadence === 'ad_hoc' ? 1 : 12 / CADENCE_MONTHS[cadence]);
    const weights = stated.reduce((sum, { meeting }) => sum + perYear(meeting.cadence), 0);
    const average = stated.reduce((sum, { meeting }) => sum + meeting.working_on_share! * perYear(meeting.cadence), 0) / weights;
    const status = gradeAtLeast(average, params.met_share, params.partly_share);
    const lowest = stated.reduce((low, entry) => (entry.meeting.working_on_share! < low.meeting.working_on_share! ? entry : low));
    return {
      status,
      messageId: status === 'met' ? 'balanced' : 'all_in',
      data: { share: percent(average), met: percent(params.met_share) },
      path: ['meetings', lowest.index, 'working_on_share'],
    };
  },
});
