/**
 * No check is met on absent data: every check use of the built-in rubric, run against
 * files that state nothing it needs, is "not described", and a file that honestly says
 * "none" everywhere (`[]` and empty sections) never meets anything.
 */
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.js';
import type { Partnership } from '../../src/model/partnership.js';
import { AS_OF, partner, partnership } from '../helpers/partnership.js';
import { builtinRubric } from '../helpers/rubric.js';

const rubric = await builtinRubric();
const uses = rubric.practices.flatMap((practice) => practice.checks.map((use, index) => ({ practice: practice.number, index: index + 1, use })));
const label = ({ practice, index, use }: (typeof uses)[number]) => `practice ${practice}, check ${index} (${use.check})`;
const evaluate = (use: (typeof uses)[number]['use'], data: Partnership) => CHECKS.get(use.check)!.evaluate({ partnership: data, asOf: AS_OF }, use.params);

/** Every section present, with nothing in it. */
const emptySections = partnership({
  partnership: { name: 'Empty', brand: {} },
  governance: {},
  communications: {},
  funding: {},
  target_population: { representation: {} },
  work_plan: {},
  learning: {},
});

/** Every list written as an honest `[]`, beside empty sections. */
const honestNone = partnership({
  partnership: { name: 'None', brand: { traditions: [] } },
  backbone: { exists: true, staff: [] },
  partners: [],
  teams: [],
  governance: { roles: [] },
  decisions: [],
  meetings: [],
  action_items: [],
  communications: { internal_updates: [], stories: [], roi_narratives: [], recognition: [], public_statements: [] },
  funding: { sources: [], give_get_tiers: [], prospects: [] },
  target_population: { jobs_to_be_done: [], engagement: [], representation: {} },
  work_plan: { priorities: [], not_doing: [], sprints: [], experiments: [], goals: [] },
  metrics: [],
  learning: { retrospectives: [] },
});

describe('every check of the rubric, with nothing to go on', () => {
  it.each(uses.map((entry) => [label(entry), entry] as const))('%s is not described for a file with only a name', (_, { use }) => {
    expect(evaluate(use, partnership()).status).toBe('not_described');
  });

  it.each(uses.map((entry) => [label(entry), entry] as const))('%s is not described when its sections exist but say nothing', (_, { use }) => {
    expect(evaluate(use, emptySections).status).toBe('not_described');
  });

  it.each(uses.map((entry) => [label(entry), entry] as const))('%s is never met by a file that honestly records "none" everywhere', (_, { use }) => {
    expect(evaluate(use, honestNone).status).not.toBe('met');
  });

  it('is not met on partners who say nothing about the fact a check needs', () => {
    // Partners listed, but none states its integration view, knowledge, learning goals, agreement or in-kind help.
    const quiet = partnership({ partnership: { name: 'Quiet', integration: 'cooperative' }, partners: [partner('a'), partner('b')] });
    const met = uses.filter(({ use }) => ['integrationAssumptionsAligned', 'inKindMatchedToNeeds'].includes(use.check)).filter(({ use }) => evaluate(use, quiet).status === 'met');
    expect(met.map(label)).toEqual([]);
  });
});

describe('intermediaries are not the target population (practices 21 and 22)', () => {
  const viaAssociation = (kind: string, date: string) => ({ date, kind, participants: 30, via: "Growers' Association" });
  const direct = (kind: string, date: string) => ({ date, kind, participants: 12 });
  const listening = uses.find(({ practice, use }) => practice === 21 && use.check === 'recentEvents')!.use;
  const coDesign = uses.find(({ practice, use }) => practice === 22 && use.check === 'recentEvents')!.use;
  const engaged = (engagement: object[]) => partnership({ target_population: { engagement: engagement as never } });

  it('does not count interviews and surveys run through a trade association as hearing the people themselves', () => {
    const outcome = evaluate(listening, engaged([viaAssociation('survey', '2026-01-10'), viaAssociation('focus_group', '2026-03-02'), viaAssociation('interview', '2026-05-05')]));
    expect(outcome.status).toBe('not_met');
    expect(evaluate(listening, engaged([direct('interview', '2026-01-10'), direct('focus_group', '2026-03-02')])).status).toBe('met');
  });

  it('does not count a co-design workshop run through an intermediary as co-creation with the target population', () => {
    expect(evaluate(coDesign, engaged([viaAssociation('co_design_workshop', '2026-02-01'), viaAssociation('co_design_workshop', '2026-04-01')])).status).toBe('not_met');
    expect(evaluate(coDesign, engaged([direct('co_design_workshop', '2026-02-01'), viaAssociation('co_design_workshop', '2026-04-01')])).status).toBe('partly');
  });
});
