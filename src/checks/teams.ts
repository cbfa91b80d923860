/** Practice 11: teams are formally launched, and relaunched once enough of them has turned over. */
import type { ZodMini } from './check.js';
import { onOrBefore, type IsoDate } from '../model/dates.js';
import type { Team } from '../model/partnership.js';
import { defineCheck, gradeAtMost, nameList, percent } from './check.js';
import { fraction } from './params.js';
import { indexed } from './read.js';

export interface TeamTurnover {
  /** The latest formal launch or relaunch on or before the as-of date. */
  lastLaunch: IsoDate | undefined;
  headcountAtLaunch: number;
  /** Members who joined or left after the last (re)launch; someone who did both counts once. */
  changedSince: number;
  /** changedSince / headcountAtLaunch; Infinity when the whole team arrived after the launch. */
  turnover: number;
}

export function turnoverSinceLaunch(team: Team, asOf: IsoDate): TeamTurnover {
  const launches = [team.launched, team.relaunched].filter((date): date is IsoDate => date !== undefined && onOrBefore(date, asOf));
  const lastLaunch = launches.sort().at(-1);
  if (lastLaunch === undefined) return { lastLaunch, headcountAtLaunch: 0, changedSince: 0, turnover: Infinity };
  let headcountAtLaunch = 0;
  let changedSince = 0;
  for (const member of team.members ?? []) {
    const presentAtLaunch = member.joined <= lastLaunch && !(member.left !== undefined && member.left <= lastLaunch);
    if (presentAtLaunch) headcountAtLaunch++;
    const joinedSince = member.joined > lastLaunch && onOrBefore(member.joined, asOf);
    const leftSince = member.left !== undefined && member.left > lastLaunch && onOrBefore(member.left, asOf);
    if (joinedSince || leftSince) changedSince++;
  }
  const turnover = headcountAtLaunch === 0 ? (changedSince === 0 ? 0 : Infinity) : changedSince / headcountAtLaunch;
  return { lastLaunch, headcountAtLaunch, changedSince, turnover };
}

export const teamsRelaunchedAfterTurnover = defineCheck({
  name: 'teamsRelaunchedAfterTurnover',
  description:
    'Every team was formally launched, and relaunched once {turnover_threshold%} or more of its members turned over since the last (re)launch; partly met while no more than {partly_share_due%} of teams are due.',
  params: (z: ZodMini) => z.strictObject({ turnover_threshold: fraction(z), partly_share_due: fraction(z) }),
  needs: '`teams` with `launched` (and `relaunched`) dates and `members` with `joined`/`left` dates',
  messages: {
    none_due: 'no team is due a relaunch ({total} judged); highest turnover since a (re)launch is {highest} ({team})',
    due: '{due} of {total} teams due a (re)launch: {details}',
  },
  evaluate({ partnership, asOf }, params) {
    const teams = indexed(partnership.teams).filter(({ item }) => item.launched === undefined || onOrBefore(item.launched, asOf));
    if (!partnership.teams || teams.length === 0) return { status: 'not_described', messageId: 'not_described', data: {}, path: ['teams'] };
    // Turnover can only be judged where members are listed; a team never launched is due either way.
    const judged = teams.filter(({ item }) => item.members !== undefined || item.launched === undefined);
    if (judged.length === 0) return { status: 'not_described', messageId: 'not_described', data: {}, path: ['teams'] };
    const assessed = judged.map(({ item, index }) => ({ team: item, index, ...turnoverSinceLaunch(item, asOf) }));
    const due = assessed.filter((entry) => entry.turnover >= params.turnover_threshold);
    const pathOf = (entry: (typeof assessed)[number]) =>
      ['teams', entry.index, entry.team.relaunched ? 'relaunched' : entry.team.launched ? 'launched' : 'name'] as const;
    if (due.length === 0) {
      const highest = assessed.reduce((top, entry) => (entry.turnover > top.turnover ? entry : top));
      return {
        status: 'met',
        messageId: 'none_due',
        data: { total: assessed.length, highest: percent(highest.turnover), team: highest.team.name },
        path: ['teams'],
      };
    }
    const details = nameList(
      due.map((entry) =>
        entry.lastLaunch === undefined
          ? `${entry.team.name} (never formally launched)`
          : `${entry.team.name} (${Number.isFinite(entry.turnover) ? percent(entry.turnover) : 'all'} turnover since ${entry.lastLaunch})`,
      ),
    );
    const status = gradeAtMost(due.length / assessed.length, 0, params.partly_share_due);
    return {
      status,
      messageId: 'due',
      data: { due: due.length, total: assessed.length, details },
      path: [...pathOf(due[0]!)],
      related: due.slice(1).map((entry) => [...pathOf(entry)]),
    };
  },
});
