/** Practice 15: the degree of integration is decided, and partners share the same picture of it. */
import type { ZodMini } from './check.js';
import { INTEGRATION_LEVELS, type IntegrationLevel } from '../model/vocabulary.js';
import { defineCheck, gradeAtLeast, gradeAtMost, nameList, percent } from './check.js';
import { fraction, wholeNumber } from './params.js';
import { activePartners } from './read.js';

const level = (value: IntegrationLevel) => INTEGRATION_LEVELS.indexOf(value);
const spoken = (value: IntegrationLevel) => value.replace(/_/g, ' ');

export const integrationAssumptionsAligned = defineCheck({
  name: 'integrationAssumptionsAligned',
  description:
    'The partnership declares its degree of integration, at least {met_recorded_share%} of active partners have said which degree they assume, and none assumes one more than {tolerance_steps} step(s) away from the declared one (partly met while at most {partly_max_share%} of them differ, or while fewer partners have said).',
  params: (z: ZodMini) => z.strictObject({ tolerance_steps: wholeNumber(z), partly_max_share: fraction(z), met_recorded_share: z._default(fraction(z), 0.75) }),
  needs: '`partnership.integration` and each partner\'s `assumed_integration`',
  messages: {
    aligned: 'declared {declared}; all {judged} partners who stated a view agree',
    few_views: 'declared {declared}; the {judged} partners who stated a view agree, but only {judged} of {active} active partners have said ({recorded}); not yet: {missing}',
    undeclared: 'no degree of integration declared, yet partners assume different ones: {views}',
    mismatch: 'declared {declared}; {mismatched} of {judged} partners assume otherwise ({share}): {details}',
  },
  evaluate({ partnership, asOf }, params) {
    const declared = partnership.partnership.integration;
    const active = activePartners(partnership, asOf);
    const views = active.filter(({ item }) => item.assumed_integration !== undefined);
    // Alignment is between partners' own views: with none recorded there is nothing to compare (a declared level alone counts in the next check).
    if (views.length === 0) return { status: 'not_described', messageId: 'not_described', data: {}, path: ['partnership'] };
    if (declared === undefined) {
      const distinct = [...new Set(views.map(({ item }) => spoken(item.assumed_integration!)))];
      return { status: 'not_met', messageId: 'undeclared', data: { views: nameList(distinct, 5) }, path: ['partnership'] };
    }
    const mismatched = views.filter(({ item }) => Math.abs(level(item.assumed_integration!) - level(declared)) > params.tolerance_steps);
    if (mismatched.length === 0) {
      const silent = active.filter(({ item }) => item.assumed_integration === undefined);
      const recorded = views.length / active.length;
      // Two partners agreeing says little about the other eight: agreement is met only when most partners have said.
      if (gradeAtLeast(recorded, params.met_recorded_share, 0) !== 'met') {
        return {
          status: 'partly',
          messageId: 'few_views',
          data: { declared: spoken(declared), judged: views.length, active: active.length, recorded: percent(recorded), missing: nameList(silent.map(({ item }) => item.name)) },
          path: ['partners', silent[0]!.index],
          related: silent.slice(1).map(({ index }) => ['partners', index]),
        };
      }
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
