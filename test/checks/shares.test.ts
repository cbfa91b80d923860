import { describe, expect, it } from 'vitest';
import { partnersCoveredBy, shareOfItems } from '../../src/checks/shares.js';
import { messageOf } from '../helpers/message.js';
import { partner, partnership, run } from '../helpers/partnership.js';

describe('shareOfItems', () => {
  describe('metrics with an owner, a baseline and a target (practice 25)', () => {
    const params = {
      list: 'metrics',
      of: 'metrics',
      that: 'have an owner, a baseline and a target',
      conditions: [
        { field: 'owner', present: true },
        { field: 'baseline', present: true },
        { field: 'target', present: true },
      ],
      met_share: 0.9,
      partly_share: 0.5,
    };
    const complete = (name: string) => ({ name, level: 'output' as const, category: 'finance' as const, owner: 'Ana', baseline: 10, target: 20 });
    const bare = (name: string) => ({ name, level: 'output' as const, category: 'finance' as const });

    it('is met when every item meets every condition, pointing at the list', () => {
      const outcome = run(shareOfItems, partnership({ metrics: [complete('A'), complete('B')] }), params);
      expect(outcome.status).toBe('met');
      expect(outcome.messageId).toBe('share');
      expect(outcome.data).toMatchObject({ matching: 2, total: 2, share: '100%' });
      expect(outcome.path).toEqual(['metrics']);
    });

    it('is met at exactly 90% (9 of 10), still naming the one missing', () => {
      const metrics = [...Array.from({ length: 9 }, (_, i) => complete(`M${i + 1}`)), bare('Gap')];
      const outcome = run(shareOfItems, partnership({ metrics }), params);
      expect(outcome.status).toBe('met');
      expect(outcome.data).toMatchObject({ matching: 9, total: 10, share: '90%', missing: 'Gap' });
      expect(outcome.path).toEqual(['metrics', 9]);
    });

    it('is partly met at 50%, and lists the failing items in the message and in related paths', () => {
      const data = partnership({ metrics: [bare('Reach'), complete('Cost'), bare('Trust'), complete('Speed')] });
      const outcome = run(shareOfItems, data, params);
      expect(outcome.status).toBe('partly');
      expect(outcome.path).toEqual(['metrics', 0]);
      expect(outcome.related).toEqual([['metrics', 2]]);
      expect(outcome.data).toMatchObject({ matching: 2, total: 4, share: '50%' });
      expect(messageOf(shareOfItems, outcome, params)).toContain('Reach, Trust');
    });

    it('is not met below 50% (1 of 3 = 33%); one missing condition is enough to fail', () => {
      const noTarget = { ...complete('No target'), target: undefined };
      const outcome = run(shareOfItems, partnership({ metrics: [complete('A'), noTarget, bare('B')] }), params);
      expect(outcome.status).toBe('not_met');
      expect(outcome.data).toMatchObject({ matching: 1, total: 3, share: '33%' });
    });

    it('counts a baseline of 0 as present', () => {
      const outcome = run(shareOfItems, partnership({ metrics: [{ ...complete('Zero start'), baseline: 0 }] }), params);
      expect(outcome.status).toBe('met');
    });

    it('is not described when the list is missing or empty', () => {
      const missing = run(shareOfItems, partnership(), params);
      expect(missing.status).toBe('not_described');
      expect(missing.path).toEqual(['metrics']);
      const empty = run(shareOfItems, partnership({ metrics: [] }), params);
      expect(empty.status).toBe('not_described');
      expect(empty.messageId).toBe('none_to_judge');
    });
  });

  describe('written agreements among active core partners and members (practice 17)', () => {
    const params = {
      list: 'partners',
      active_only: true,
      among: [{ field: 'tier', in: ['core', 'member'] }],
      of: 'active core partners and members',
      that: 'have a written agreement (contract or MOU)',
      conditions: [{ field: 'agreement', in: ['contract', 'mou'] }],
      met_share: 0.9,
      partly_share: 0.5,
    };

    it('judges only active core partners and members', () => {
      const data = partnership({
        partners: [
          partner('a', { agreement: 'contract' }),
          partner('gone', { left: '2026-01-01' }),
          partner('leaving-today', { left: '2026-06-30' }),
          partner('later', { joined: '2026-07-01' }),
          partner('circle', { tier: 'community_of_interest' }),
          partner('b', { tier: 'member', agreement: 'mou' }),
        ],
      });
      const outcome = run(shareOfItems, data, params);
      expect(outcome.status).toBe('met');
      expect(outcome.data).toMatchObject({ matching: 2, total: 2 });
    });

    it('counts an informal or missing agreement as not written, and names the partner at its index in the file', () => {
      const data = partnership({
        partners: [partner('gone', { left: '2025-01-01' }), partner('a', { agreement: 'contract' }), partner('b', { agreement: 'informal' })],
      });
      const outcome = run(shareOfItems, data, params);
      expect(outcome.status).toBe('partly');
      expect(outcome.data).toMatchObject({ matching: 1, total: 2, missing: 'B' });
      expect(outcome.path).toEqual(['partners', 2]);
    });

    it('is not described when no partner is in scope', () => {
      const data = partnership({ partners: [partner('circle', { tier: 'community_of_interest' }), partner('gone', { left: '2025-01-01' })] });
      const outcome = run(shareOfItems, data, params);
      expect(outcome.status).toBe('not_described');
      expect(outcome.messageId).toBe('none_to_judge');
    });
  });

  describe('finished sprints that recorded lessons (practice 24, `past`)', () => {
    const params = {
      list: 'work_plan.sprints',
      of: 'finished sprints',
      that: 'recorded lessons',
      among: [{ field: 'end', past: true }],
      conditions: [{ field: 'lessons', present: true }],
      met_share: 0.8,
      partly_share: 0.4,
    };

    it('treats a sprint ending on the as-of date as finished, and one ending later as not yet judged', () => {
      const data = partnership({
        work_plan: {
          sprints: [
            { name: 'Done', start: '2026-01-01', end: '2026-03-31', lessons: ['Ship smaller'] },
            { name: 'Ends today', start: '2026-04-01', end: '2026-06-30' },
            { name: 'Running', start: '2026-05-01', end: '2026-08-31' },
          ],
        },
      });
      const outcome = run(shareOfItems, data, params);
      expect(outcome.data).toMatchObject({ matching: 1, total: 2, missing: 'Ends today' });
      expect(outcome.status).toBe('partly');
    });

    it('is not described while no sprint has finished', () => {
      const data = partnership({ work_plan: { sprints: [{ name: 'Running', start: '2026-05-01', end: '2026-08-31' }] } });
      expect(run(shareOfItems, data, params).status).toBe('not_described');
    });
  });

  describe('stories from the last 12 months that cite a metric (practice 26, `within_months` in `among`)', () => {
    const params = {
      list: 'communications.stories',
      of: 'stories from the last 12 months',
      that: 'cite a scorecard metric',
      among: [{ field: 'date', within_months: 12 }],
      conditions: [{ field: 'cites_metrics', present: true }],
      met_share: 0.5,
      partly_share: 0.2,
    };
    const story = (date: string, title: string, cites?: string[]) => ({ date, title, audience: 'public' as const, ...(cites ? { cites_metrics: cites } : {}) });

    it('leaves out stories older than 12 months or dated after the as-of date', () => {
      const data = partnership({
        communications: {
          stories: [story('2025-01-01', 'Old'), story('2026-02-01', 'Cited', ['Reach']), story('2026-03-01', 'Uncited'), story('2026-08-01', 'Future')],
        },
      });
      const outcome = run(shareOfItems, data, params);
      expect(outcome.data).toMatchObject({ matching: 1, total: 2, missing: 'Uncited' });
      expect(outcome.status).toBe('met');
    });

    it('does not count an empty citation list', () => {
      const data = partnership({ communications: { stories: [story('2026-02-01', 'Empty', []), story('2026-03-01', 'None')] } });
      const outcome = run(shareOfItems, data, params);
      expect(outcome.status).toBe('not_met');
      expect(outcome.data).toMatchObject({ matching: 0, total: 2 });
    });
  });

  describe('teams with team-building in the last 12 months (practice 13, `within_months` on a list)', () => {
    const params = {
      list: 'teams',
      of: 'teams',
      that: 'held a team-building session in the last 12 months',
      conditions: [{ field: 'team_building', within_months: 12 }],
      met_share: 0.75,
      partly_share: 0.25,
    };
    const team = (name: string, ...dates: string[]) => ({ name, team_building: dates.map((date) => ({ date, activity: 'Retreat' })) });

    it('is met at exactly 75% (3 of 4); a session exactly one year back counts, a future one does not', () => {
      const data = partnership({ teams: [team('A', '2026-03-01'), team('B', '2025-06-30'), team('C', '2024-01-01', '2026-01-01'), team('D', '2026-09-01')] });
      const outcome = run(shareOfItems, data, params);
      expect(outcome.status).toBe('met');
      expect(outcome.data).toMatchObject({ matching: 3, total: 4, missing: 'D' });
      expect(outcome.path).toEqual(['teams', 3]);
    });

    it('is partly met at exactly 25% (1 of 4), and not met below', () => {
      const partly = partnership({ teams: [team('A', '2026-03-01'), team('B'), team('C', '2025-06-29'), { name: 'D' }] });
      expect(run(shareOfItems, partly, params).status).toBe('partly');
      const none = partnership({ teams: [team('A', '2025-01-01'), { name: 'B' }] });
      expect(run(shareOfItems, none, params).status).toBe('not_met');
    });
  });

  describe('meetings that share an agenda and record decisions (practice 18, `equals`)', () => {
    const params = {
      list: 'meetings',
      of: 'meetings',
      that: 'share an agenda beforehand and record decisions',
      conditions: [
        { field: 'agenda_shared', equals: true },
        { field: 'decisions_recorded', equals: true },
      ],
      met_share: 0.8,
      partly_share: 0.5,
    };

    it('needs both flags to be true; an unstated flag does not count', () => {
      const data = partnership({
        meetings: [
          { name: 'Steering', cadence: 'monthly', agenda_shared: true, decisions_recorded: true },
          { name: 'Working group', cadence: 'weekly', agenda_shared: true },
          { name: 'All hands', cadence: 'quarterly', agenda_shared: false, decisions_recorded: true },
        ],
      });
      const outcome = run(shareOfItems, data, params);
      expect(outcome.status).toBe('not_met');
      expect(outcome.data).toMatchObject({ matching: 1, total: 3, missing: 'Working group, All hands' });
      expect(outcome.related).toEqual([['meetings', 2]]);
    });
  });

  it('names an item without a name by its position in the list', () => {
    const params = { list: 'learning.retrospectives', of: 'retrospectives', that: 'recorded lessons', conditions: [{ field: 'lessons', present: true }], met_share: 0.9, partly_share: 0.5 };
    const data = partnership({ learning: { retrospectives: [{ kind: 'pre_mortem', date: '2026-01-01', lessons: ['x'] }, { kind: 'after_action_review', date: '2026-02-01' }] } });
    const outcome = run(shareOfItems, data, params);
    expect(outcome.status).toBe('partly');
    expect(outcome.data.missing).toBe('#2');
  });
});

describe('partnersCoveredBy', () => {
  // Practice 6.
  const spotlights = {
    list: 'communications.internal_updates',
    partner_field: 'features',
    what: 'partner spotlights',
    within_months: 12,
    met_share: 0.5,
    partly_share: 0.2,
  };
  const update = (date: string, features: string[]) => ({ date, kind: 'spotlight' as const, features });
  const fourPartners = [partner('a'), partner('b'), partner('c'), partner('d')];

  it('is met when every active partner was featured in the last 12 months', () => {
    const data = partnership({ partners: fourPartners, communications: { internal_updates: [update('2026-01-01', ['a', 'b']), update('2026-04-01', ['c', 'd'])] } });
    const outcome = run(partnersCoveredBy, data, spotlights);
    expect(outcome.status).toBe('met');
    expect(outcome.messageId).toBe('covered');
    expect(outcome.path).toEqual(['communications', 'internal_updates', 1]);
  });

  it('is met at exactly half, naming those not yet featured', () => {
    const data = partnership({ partners: fourPartners, communications: { internal_updates: [update('2026-01-01', ['a', 'b'])] } });
    const outcome = run(partnersCoveredBy, data, spotlights);
    expect(outcome.status).toBe('met');
    expect(outcome.data).toMatchObject({ covered: 2, active: 4, share: '50%' });
    expect(messageOf(partnersCoveredBy, outcome, spotlights)).toContain('C, D');
  });

  it('is partly met at exactly 20% (1 of 5), and not met below (1 of 6 = 17%)', () => {
    const five = [...fourPartners, partner('e')];
    const partly = run(partnersCoveredBy, partnership({ partners: five, communications: { internal_updates: [update('2026-01-01', ['a'])] } }), spotlights);
    expect(partly.status).toBe('partly');
    expect(partly.data).toMatchObject({ covered: 1, active: 5, share: '20%' });
    const six = [...five, partner('f')];
    const notMet = run(partnersCoveredBy, partnership({ partners: six, communications: { internal_updates: [update('2026-01-01', ['a'])] } }), spotlights);
    expect(notMet.status).toBe('not_met');
  });

  it('does not count features older than 12 months or dated after the as-of date', () => {
    const data = partnership({
      partners: fourPartners,
      communications: { internal_updates: [update('2025-06-29', ['a', 'b']), update('2025-06-30', ['c']), update('2026-07-01', ['d'])] },
    });
    const outcome = run(partnersCoveredBy, data, spotlights);
    expect(outcome.data).toMatchObject({ covered: 1, active: 4, missing: 'A, B, D' });
    expect(outcome.status).toBe('partly');
  });

  it('judges only partners active on the as-of date: a featured partner who left does not raise the share', () => {
    const data = partnership({
      partners: [partner('gone', { left: '2026-03-01' }), partner('a'), partner('b'), partner('later', { joined: '2026-08-01' })],
      communications: { internal_updates: [update('2026-01-01', ['gone', 'a'])] },
    });
    const outcome = run(partnersCoveredBy, data, spotlights);
    expect(outcome.data).toMatchObject({ covered: 1, active: 2, missing: 'B' });
    expect(outcome.status).toBe('met');
  });

  it('reads a single partner id as well as a list (practice 8, recognition)', () => {
    const recognition = { ...spotlights, list: 'communications.recognition', partner_field: 'recipient', what: 'recognition' };
    const data = partnership({
      partners: fourPartners,
      communications: { recognition: [{ date: '2026-02-01', recipient: 'a', for: 'Hosting' }, { date: '2026-03-01', recipient: 'b', for: 'Data' }, { date: '2026-04-01', recipient: 'a', for: 'Again' }] },
    });
    const outcome = run(partnersCoveredBy, data, recognition);
    expect(outcome.data).toMatchObject({ covered: 2, active: 4 });
    expect(outcome.status).toBe('met');
  });

  it('is not met for an empty list', () => {
    const outcome = run(partnersCoveredBy, partnership({ partners: fourPartners, communications: { internal_updates: [] } }), spotlights);
    expect(outcome.status).toBe('not_met');
    expect(outcome.data).toMatchObject({ covered: 0, active: 4 });
    expect(outcome.path).toEqual(['communications', 'internal_updates']);
  });

  it('is not described without the list, or without active partners', () => {
    expect(run(partnersCoveredBy, partnership({ partners: fourPartners }), spotlights).status).toBe('not_described');
    const noneActive = run(
      partnersCoveredBy,
      partnership({ partners: [partner('gone', { left: '2025-01-01' })], communications: { internal_updates: [update('2024-12-01', ['gone'])] } }),
      spotlights,
    );
    expect(noneActive.status).toBe('not_described');
    expect(noneActive.messageId).toBe('no_partners');
    expect(noneActive.path).toEqual(['partners']);
  });
});
