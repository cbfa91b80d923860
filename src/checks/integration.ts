/** Practice 15: the degree of integration is decided, and partners share the same picture of it. */
import type { ZodMini } from './check.js';
import { INTEGRATION_LEVELS, type IntegrationLevel } from '../model/vocabulary.js';
import { defineCheck, gradeAtMost, nameList, percent } from './check.js';
import { fraction, wholeNumber } from './params.js';
import { activePartners } from './read.js';

const level = (value: IntegrationLevel) => INTEGRATION_LEVELS.indexOf(value);
const spoken = (value: IntegrationLevel) => value.replace(/_/g, ' ');

export const integrationAssumptionsAligned = defineCheck({
  name: 'integrationAssumptionsAligned',
  description:
    'The partnership declares its degree of integration and no active partner assumes one more than {tolerance_steps} step(s) away from it (partly met while at most {partly_max_share%} of partners differ).',
  params: (z: ZodMini) => z.strictObject({ tolerance_steps: wholeNumber(z), partly_max_share: fraction(z) }),
  needs: '`partnership.integration` and each partner\'s `assumed_integration`',
  messages: {
    aligned: 'declared {declared}; all {judged} partners who stated a view agree',
    undeclared: 'no degree of integration declared, yet partners assume different ones: {views}',
    unrecorded: 'declared {declared}, but no partner\'s own assumption is recorded',
    mismatch: 'declared {declared}; {mismatched} of {judged} partners assume otherwise ({share}): {details}',
  },
  evaluate({ partnership, asOf }, params) {
    const declared = partnership.partnership.integration;
    const views = activePartners(partnership, asOf).filter(({ item }) => item.assumed_integration !== undefined);
    if (declared === undefined) {
      if (views.length === 0) return { status: 'not_described', messageId: 'not_described', data: {}, path: ['partnership'] };
      const distinct = [...new Set(views.map(({ item }) => spoken(item.assumed_integration!)))];
      return { status: 'not_met', messageId: 'undeclared', data: { views: nameList(distinct, 5) }, path: ['partnership'] };
    }
    if (views.length === 0) return { status: 'partly', messageId: 'unrecorded', data: { declared: spoken(declared) }, path: ['partnership', 'integration'] };
    const mismatched = views.filter(({ item }) => Math.abs(level(item.assumed_integration!) - level(declared)) > params.tolerance_steps);
    if (mismatched.length === 0) {
      return { status: 'met', messageId: 'aligned', data: { declared: spoken(declared), judged: views.length }, path: ['partnership', 'integration'] };
    }
    const share = mismatched.length / views.length;
    const pathOf = (index: number) => ['partners', index, 'assumed_integration'];
    return {
      status: gradeAtMost(share, 0, params.partly_max_share),
      messageId: 'mismatch',
      data: {
        declared: spoken(declared),
        mismatched: mismatched.length,
        judged: views.length,
        share: percent(share),
        details: nameList(mismatched.map(({ item }) => `${item.name} (${spoken(item.assumed_integration!)})`)),
      },
      path: pathOf(mismatched[0]!.index),
      related: mismatched.slice(1).map(({ index }) => pathOf(index)),
    };
  },
});
