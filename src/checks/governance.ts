/** Practices 19 and 20: actions that get done, decisions that stay made, newcomers who learn them. */
import type { ZodMini } from './check.js';
import { monthsBetween, withinMonths, type IsoDate } from '../model/dates.js';
import type { Partner } from '../model/partnership.js';
import { defineCheck, gradeAtLeast, gradeAtMost, nameList, percent } from './check.js';
import { fraction, months } from './params.js';
import { activePartners, indexed } from './read.js';

export const actionItemsOnTrack = defineCheck({
  name: 'actionItemsOnTrack',
  description:
    'No more than {met_max_share%} of open action items are overdue, or lack an owner or a due date (partly met up to {partly_max_share%}).',
  params: (z: ZodMini) => z.strictObject({ met_max_share: fraction(z), partly_max_share: fraction(z) }),
  needs: '`action_items` with `owner`, `due` and `status`',
  messages: {
    on_track: '{open} open action items, all owned and on time ({closed} closed)',
    slipping: '{problems} of {open} open action items are overdue, unowned or undated ({share}): {details}',
    all_closed: 'all {closed} action items are closed',
  },
  evaluate({ partnership, asOf }, params) {
    const items = partnership.action_items;
    if (!items) return { status: 'not_described', messageId: 'not_described', data: {}, path: ['action_items'] };
    const open = indexed(items).filter(({ item }) => item.status === 'open');
    const closed = items.length - open.length;
    if (open.length === 0) {
      return { status: items.length > 0 ? 'met' : 'not_described', messageId: items.length > 0 ? 'all_closed' : 'not_described', data: { closed }, path: ['action_items'] };
    }
    const problems = open.filter(({ item }) => item.owner === undefined || item.due === undefined || item.due < asOf);
    const share = problems.length / open.length;
    const describe = ({ item }: (typeof open)[number]) =>
      item.owner === undefined ? `${item.action} (no owner)` : item.due === undefined ? `${item.action} (no due date)` : `${item.action} (due ${item.due})`;
    const pathOf = ({ item, index }: (typeof open)[number]) => ['action_items', index, item.owner !== undefined && item.due !== undefined ? 'due' : 'action'];
    if (problems.length === 0) return { status: 'met', messageId: 'on_track', data: { open: open.length, closed }, path: ['action_items'] };
    return {
      status: gradeAtMost(share, params.met_max_share, params.partly_max_share),
      messageId: 'slipping',
      data: { problems: problems.length, open: open.length, share: percent(share), details: nameList(problems.map(describe), 2) },
      path: pathOf(problems[0]!),
      related: problems.slice(1).map(pathOf),
    };
  },
});

export const settledDecisionsStaySettled = defineCheck({
  name: 'settledDecisionsStaySettled',
  description:
    'No more than {met_max_share%} of decisions in the last {within_months} months reopen earlier ones (partly met up to {partly_max_share%}).',
  params: (z: ZodMini) => z.strictObject({ within_months: months(z), met_max_share: fraction(z), partly_max_share: fraction(z) }),
  needs: '`decisions` (with `revisits: <id>` on any that reopen an earlier decision)',
  messages: {
    settled: '{total} decisions in the last {within_months} months; {reopened} reopened an earlier one',
    reopened: '{reopened} of {total} decisions in the last {within_months} months reopened earlier ones ({share}): {details}',
    none: 'no decisions logged in the last {within_months} months',
  },
  evaluate({ partnership, asOf }, params) {
    const decisions = partnership.decisions;
    if (!decisions) return { status: 'not_described', messageId: 'not_described', data: {}, path: ['decisions'] };
    const recent = indexed(decisions).filter(({ item }) => withinMonths(item.date, asOf, params.within_months));
    if (recent.length === 0) return { status: 'not_described', messageId: 'none', data: { within_months: params.within_months }, path: ['decisions'] };
    const reopened = recent.filter(({ item }) => item.revisits !== undefined);
    const share = reopened.length / recent.length;
    const status = gradeAtMost(share, params.met_max_share, params.partly_max_share);
    const pathOf = (index: number) => ['decisions', index, 'revisits'];
    return {
      status,
      messageId: status === 'met' ? 'settled' : 'reopened',
      data: {
        reopened: reopened.length,
        total: recent.length,
        within_months: params.within_months,
        share: percent(share),
        details: nameList(reopened.map(({ item }) => `${item.date} reopened ${item.revisits}`), 2),
      },
      path: reopened[0] ? pathOf(reopened[0].index) : ['decisions'],
      related: reopened.slice(1).map(({ index }) => pathOf(index)),
    };
  },
});

export const newcomersOnboarded = defineCheck({
  name: 'newcomersOnboarded',
  description:
    'An onboarding process is written down and at least {met_share%} of partners who joined in the last {within_months} months, after the founding month, went through it (partly met from {partly_share%}).',
  params: (z: ZodMini) => z.strictObject({ within_months: months(z), met_share: fraction(z), partly_share: fraction(z) }),
  needs: '`governance.onboarding` and `onboarded` dates on partners',
  messages: {
    onboarded: '{onboarded} of {newcomers} newcomers in the last {within_months} months were onboarded',
    missed: '{onboarded} of {newcomers} newcomers in the last {within_months} months were onboarded ({share}); not yet: {missing}',
    no_process: 'no onboarding process, yet partners joined in the last {within_months} months: {names}',
    no_newcomers: 'onboarding process written; no partner joined in the last {within_months} months',
  },
  evaluate({ partnership, asOf }, params) {
    const process = partnership.governance?.onboarding;
    // Who is new can only be told from the partner list.
    if (!partnership.partners) return { status: 'not_described', messageId: 'not_described', data: {}, path: ['partners'] };
    const founding = foundingDate(partnership.partners);
    // Founders were there when the rules were made; newcomers are those who joined after the founding month.
    const newcomers = activePartners(partnership, asOf).filter(
      ({ item }) => withinMonths(item.joined, asOf, params.within_months) && (founding === undefined || monthsBetween(founding, item.joined) > 1),
    );
    const notOnboarded = newcomers.filter(({ item }) => item.onboarded === undefined || item.onboarded > asOf);
    const data = {
      newcomers: newcomers.length,
      onboarded: newcomers.length - notOnboarded.length,
      within_months: params.within_months,
      missing: nameList(notOnboarded.map(({ item }) => item.name)),
      names: nameList(newcomers.map(({ item }) => item.name)),
      share: newcomers.length > 0 ? percent(1 - notOnboarded.length / newcomers.length) : '',
    };
    const pathOf = (index: number) => ['partners', index, 'joined'];
    const related = notOnboarded.slice(1).map(({ index }) => pathOf(index));
    if (process === undefined) {
      if (newcomers.length === 0) return { status: 'not_described', messageId: 'not_described', data: {}, path: ['governance'] };
      return { status: 'not_met', messageId: 'no_process', data, path: pathOf(newcomers[0]!.index), related };
    }
    if (newcomers.length === 0) return { status: 'met', messageId: 'no_newcomers', data, path: ['governance', 'onboarding'] };
    const status = gradeAtLeast(1 - notOnboarded.length / newcomers.length, params.met_share, params.partly_share);
    const first = notOnboarded[0];
    return { status, messageId: first ? 'missed' : 'onboarded', data, path: first ? pathOf(first.index) : ['governance', 'onboarding'], related };
  },
});

/**
 * When the partnership began, as its partner list shows it: the earliest date a partner joined. `partnership.founded`
 * is not read, so that leaving it out can never turn a newcomer into a founder and spare them onboarding.
 */
function foundingDate(partners: readonly Partner[]): IsoDate | undefined {
  return partners.map((partner) => partner.joined).sort()[0];
}
