/**
 * The partnership file format. This zod schema is the single source of truth: the
 * TypeScript types, the validation messages and schema/partnership.schema.json all
 * come from it. Objects are strict so that a misspelt key is reported, not ignored.
 */
import * as z from 'zod/mini';
import { isIsoDate } from './dates.js';
import {
  ACTION_STATUSES,
  AGREEMENTS,
  CADENCES,
  ENGAGEMENT_KINDS,
  EXPERIMENT_STATUSES,
  FUNDING_KINDS,
  INTEGRATION_LEVELS,
  RELATIONSHIP_MODELS,
  RESULTS_CHAIN,
  RETROSPECTIVE_KINDS,
  SCORECARD_CATEGORIES,
  SECTORS,
  TIERS,
} from './vocabulary.js';

const about = (description: string) => z.describe(description);

const text = (description: string) => z.string().check(z.minLength(1, 'must not be empty'), about(description));
const list = <T extends z.ZodMiniType>(item: T, description: string) => z.array(item).check(about(description));
const share = (description: string) => z.number().check(z.gte(0), z.lte(1), about(description));
/**
 * Every number has a ceiling far above any real partnership, so that sums and ratios
 * of them stay finite: a file cannot push a score to Infinity or NaN.
 */
const MAX_COUNT = 1_000_000_000;
const MAX_AMOUNT = 1e15;
const count = (description: string) => z.int().check(z.gte(0), z.lte(MAX_COUNT), about(description));
const money = (description: string) => z.number().check(z.gte(0), z.lte(MAX_AMOUNT), about(description));
const measure = (description: string) => z.number().check(z.gte(-MAX_AMOUNT), z.lte(MAX_AMOUNT), about(description));

export const isoDate = (description: string) =>
  z.string().check(
    // The pattern also reaches the JSON Schema, so editors flag a malformed date as you type.
    z.regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date written YYYY-MM-DD', abort: true }),
    z.refine(isIsoDate, { message: 'not a real calendar date' }),
    about(description),
  );

const partnerId = z.string().check(
  z.regex(/^[a-z0-9][a-z0-9_-]*$/, 'a partner id uses lower-case letters, digits, "-" and "_"'),
  about('Short stable id, used to refer to the partner elsewhere in the file: lower-case letters, digits, `-` and `_`, starting with a letter or digit.'),
);
const partnerRef = (description: string) => z.string().check(z.minLength(1, 'must not be empty'), about(description));

const brand = z.strictObject({
  name: z.optional(text('The name people actually use for the partnership.')),
  logo: z.optional(text('Where the logo lives (a path or URL).')),
  co_branding_guidelines: z.optional(text('How partners show the partnership logo next to their own.')),
  traditions: z.optional(list(text('A tradition'), 'Rituals that mark membership: how meetings open, how wins are celebrated.')),
}).check(about('The partnership\'s identity: its name in use, logo, co-branding guidance and traditions.'));

const partnershipIdentity = z.strictObject({
  name: text('Name of the partnership.'),
  purpose: z.optional(text('The common purpose, short enough to say in about 30 seconds.')),
  founded: z.optional(isoDate('When the partnership was founded.')),
  last_purpose_review: z.optional(isoDate('When the partners last met to realign on vision, mission and purpose.')),
  integration: z.optional(z.enum(INTEGRATION_LEVELS).check(about('The degree of integration the partners agreed on.'))),
  relationship_model: z.optional(z.enum(RELATIONSHIP_MODELS).check(about('How the partners relate to each other: prime/sub, peer, or a hybrid of the two.'))),
  brand: z.optional(brand),
}).check(about('Who the partnership is and what it is for.'));

const backbone = z.strictObject({
  exists: z.boolean().check(about('Whether a named group holds the backbone function.')),
  name: z.optional(text('Who holds the backbone function.')),
  staff: z.optional(
    list(
      z.strictObject({
        name: z.optional(text('Staff member.')),
        role: text('Their backbone role.'),
        fte: z.number().check(z.gt(0), z.lte(1), about('Share of a full-time post (1 is a full-time post).')),
        dedicated: z.boolean().check(about('True when they do no mission work of their own, only backbone work.')),
      }),
      'Backbone staff.',
    ),
  ),
  funded_by: z.optional(list(text('A funding source'), 'Who pays for the backbone.')),
  annual_budget: z.optional(money('Backbone budget per year.')),
}).check(about('The backbone function: who coordinates the partnership, with what people and money.'));

const inKind = z.strictObject({
  description: text('What is offered (skills, goods, space...).'),
  value: z.optional(money('Estimated value per year.')),
  matched_need: z.nullable(text('The partnership need this contribution meets; write `null` when none is matched yet.')),
});

const partner = z.strictObject({
  id: partnerId,
  name: text('Organisation name.'),
  sector: z.enum(SECTORS).check(about('Sector of the organisation.')),
  tier: z.enum(TIERS).check(about('Core partner, member, or the wider community of interest.')),
  joined: isoDate('When the partner joined.'),
  left: z.optional(isoDate('When the partner left, if it has.')),
  agreement: z.optional(z.enum(AGREEMENTS).check(about('The agreement that binds the partner.'))),
  onboarded: z.optional(isoDate('When the partner went through onboarding.')),
  cash: z.optional(money('Cash contribution per year.')),
  in_kind: z.optional(list(inKind, 'In-kind contributions.')),
  assumed_integration: z.optional(z.enum(INTEGRATION_LEVELS).check(about('The degree of integration this partner believes the partnership has.'))),
  knowledge: z.optional(list(text('An area'), 'Technical knowledge the partner brings.')),
  skills: z.optional(list(text('A skill'), 'Soft skills the partner brings.')),
  connections: z.optional(list(text('A connection'), 'Social capital: who the partner can reach.')),
  learning_goals: z.optional(list(text('A goal'), 'What the partner wants to learn through the partnership.')),
});

const member = z.strictObject({
  name: text('Team member.'),
  partner: z.optional(partnerRef('Partner id of their organisation.')),
  joined: isoDate('When they joined the team.'),
  left: z.optional(isoDate('When they left the team.')),
});

const team = z.strictObject({
  name: text('Team name.'),
  launched: z.optional(isoDate('When the team was formally launched.')),
  relaunched: z.optional(isoDate('When the team was last formally relaunched.')),
  sets_own_priorities: z.optional(z.boolean().check(about('Whether the team chooses its own priorities within the shared goals.'))),
  members: z.optional(list(member, 'Members, past and present.')),
  team_building: z.optional(
    list(z.strictObject({ date: isoDate('When a deliberate team-building session took place.'), activity: text('What the team did together.') }), 'Deliberate team-building sessions.'),
  ),
});

const governance = z.strictObject({
  decision_rules: z.optional(text('How decisions are made and who makes them.')),
  roles: z.optional(
    list(
      z.strictObject({
        name: text('Role or membership level.'),
        responsibilities: z.optional(text('What the role must do.')),
        rights: z.optional(text('What the role may do or decide.')),
        gives: z.optional(text('What the role contributes.')),
        gets: z.optional(text('What the role receives in return.')),
      }),
      'Roles, responsibilities, rights and give/get terms.',
    ),
  ),
  joining_process: z.optional(text('How a new partner joins.')),
  leaving_process: z.optional(text('How a partner leaves.')),
  onboarding: z.optional(text('How newcomers learn the purpose, the rules and the decisions already made.')),
  communication_protocol: z.optional(
    z.strictObject({
      public_statements: text('When and how a partner may speak publicly for or about the partnership.'),
      credit: z.optional(text('How partners take credit for shared results.')),
      adopted: z.optional(isoDate('When the protocol was adopted. A protocol adopted after `as_of` does not count yet.')),
    }).check(about('The agreed rules for speaking publicly about the partnership and sharing credit.')),
  ),
}).check(about('How the partnership governs itself: decisions, roles, joining, leaving, onboarding.'));

const decision = z.strictObject({
  id: z.optional(text('Id, so that later decisions can refer to it.')),
  date: isoDate('When it was decided.'),
  decision: text('What was decided.'),
  rationale: z.optional(text('Why.')),
  revisits: z.optional(text('The `id` of an earlier decision that this one reopens.')),
});

const meeting = z.strictObject({
  name: text('Meeting name.'),
  cadence: z.enum(CADENCES).check(about('How often it meets.')),
  agenda_shared: z.optional(z.boolean().check(about('An agenda goes out beforehand.'))),
  decisions_recorded: z.optional(z.boolean().check(about('Decisions are written down.'))),
  working_on_share: z.optional(share('Share of the time spent working ON the partnership (how it works) rather than IN it.')),
  last_held: z.optional(isoDate('When it last met.')),
});

const actionItem = z.strictObject({
  action: text('What is to be done.'),
  owner: z.optional(text('Who owns it.')),
  due: z.optional(isoDate('When it is due.')),
  status: z.enum(ACTION_STATUSES).check(about('Where it stands.')),
});

const metricCitation = list(text('A metric name'), 'Names of metrics (from `metrics`) the piece cites.');

const communications = z.strictObject({
  cadence: z.optional(z.enum(CADENCES).check(about('How often the partnership communicates outward.'))),
  channels: z.optional(list(text('A channel'), 'Channels used (newsletter, video, briefing...).')),
  internal_updates: z.optional(
    list(
      z.strictObject({
        date: isoDate('When an update to the partners went out.'),
        kind: z.enum(['newsletter', 'spotlight', 'briefing', 'vignette']).check(about('Kind of internal update.')),
        features: z.optional(list(partnerRef('Partner id'), 'Partners featured.')),
      }),
      'Updates to the partners themselves.',
    ),
  ),
  stories: z.optional(
    list(
      z.strictObject({
        date: isoDate('When a shareable story was published.'),
        title: text('Title.'),
        audience: z.enum(['partners', 'funders', 'public', 'target_population', 'policymakers']).check(about('Who it is for.')),
        cites_metrics: z.optional(metricCitation),
      }),
      'Shareable stories and examples of impact.',
    ),
  ),
  roi_narratives: z.optional(
    list(
      z.strictObject({
        date: isoDate('When a return-on-investment narrative was written.'),
        title: text('Title.'),
        perspective: z.enum(['personal', 'collective', 'both']).check(about('Return for a partner, for the collective, or both.')),
        cites_metrics: z.optional(metricCitation),
      }),
      'Stories of the return on partners\' time and money.',
    ),
  ),
  recognition: z.optional(
    list(
      z.strictObject({
        date: isoDate('When a partner was thanked or credited.'),
        recipient: partnerRef('Partner id recognised.'),
        for: text('What for.'),
      }),
      'Public or internal acknowledgement of partners.',
    ),
  ),
  public_statements: z.optional(
    list(
      z.strictObject({
        date: isoDate('When a partner spoke publicly about the partnership.'),
        by: partnerRef('Partner id that spoke.'),
        title: text('What was said.'),
        followed_protocol: z.optional(z.boolean().check(about('Whether it went through the communication protocol.'))),
      }),
      'Press releases and public statements made by partners about the partnership.',
    ),
  ),
}).check(about('What the partnership tells the world and its own partners.'));

const funding = z.strictObject({
  sources: z.optional(
    list(
      z.strictObject({
        name: text('Funding source.'),
        kind: z.optional(z.enum(FUNDING_KINDS).check(about('Kind of funding.'))),
        amount: money('Amount per year.'),
        ends: z.optional(isoDate('When it ends. Money that ended before `as_of` no longer counts.')),
      }),
      'Where the money comes from.',
    ),
  ),
  give_get_tiers: z.optional(
    list(
      z.strictObject({
        tier: text('Membership level offered to prospective partners.'),
        give: text('What a partner at this level gives.'),
        get: text('What it gets.'),
      }),
      'What prospective partners give and get at each level.',
    ),
  ),
  prospects: z.optional(
    list(
      z.strictObject({
        name: text('Prospective partner or funder.'),
        stage: z.enum(['identified', 'approached', 'negotiating', 'committed', 'declined']).check(about('Stage in the pipeline.')),
        date: z.optional(isoDate('Last contact.')),
      }),
      'Partner-raising and fundraising pipeline.',
    ),
  ),
}).check(about('Where the money comes from, what partners give and get, and who might join.'));

const engagement = z.strictObject({
  date: isoDate('When an outreach or engagement activity took place.'),
  kind: z.enum(ENGAGEMENT_KINDS).check(about('Kind of activity.')),
  participants: z.optional(count('How many took part.')),
  via: z.optional(text('The intermediary it went through (for example a trade association). Leave it out when the activity was direct.')),
  notes: z.optional(text('What was learned.')),
});

const targetPopulation = z.strictObject({
  description: z.optional(text('Who the partnership means to help or influence.')),
  jobs_to_be_done: z.optional(list(text('A job'), 'What they are trying to get done, in their words.')),
  representation: z.optional(
    z.strictObject({
      governance_seats: z.optional(count('Seats held by the target population in governance.')),
      design_team_members: z.optional(count('Target-population members of design teams.')),
    }).check(about('Where the target population has a say.')),
  ),
  engagement: z.optional(list(engagement, 'Outreach and engagement activities.')),
}).check(about('The people the partnership means to help or influence, and how it hears from them.'));

const sprint = z.strictObject({
  name: text('Sprint name.'),
  start: isoDate('When it starts.'),
  end: isoDate('When it ends.'),
  deliverables: z.optional(list(text('A deliverable'), 'What it delivers.')),
  lessons: z.optional(list(text('A lesson'), 'What it taught.')),
  co_designed_with_target_population: z.optional(z.boolean().check(about('Whether target-population members shaped or tested it.'))),
});

const workPlan = z.strictObject({
  horizon_months: z.optional(z.int().check(z.gt(0), z.lte(1200), about('How far ahead the goals look, in months.'))),
  goals: z.optional(list(text('A goal'), 'Mid-term goals.')),
  priorities: z.optional(list(text('A priority'), 'Current priorities, most important first.')),
  not_doing: z.optional(list(text('Something deliberately not done'), 'What the partnership has decided not to do.')),
  sprints: z.optional(list(sprint, 'Short delivery increments.')),
  experiments: z.optional(
    list(
      z.strictObject({
        name: text('Experiment or pilot.'),
        hypothesis: z.optional(text('What it tests.')),
        started: isoDate('When it started.'),
        status: z.enum(EXPERIMENT_STATUSES).check(about('Where it stands.')),
        lesson: z.optional(text('What was learned.')),
      }),
      'Experiments and pilots.',
    ),
  ),
}).check(about('What the partnership plans to do, and not to do, and how it delivers and experiments.'));

const metric = z.strictObject({
  name: text('Metric name, unique, cited by stories and ROI narratives.'),
  level: z.enum(RESULTS_CHAIN).check(about('Place in the results chain.')),
  category: z.enum(SCORECARD_CATEGORIES).check(about('Scorecard category.')),
  owner: z.optional(text('Who reports it.')),
  unit: z.optional(text('Unit.')),
  baseline: z.optional(measure('Starting value.')),
  target: z.optional(measure('Target value.')),
  current: z.optional(measure('Latest value.')),
  cadence: z.optional(z.enum(CADENCES).check(about('How often it is reported.'))),
  last_reported: z.optional(isoDate('When it was last reported.')),
});

const retrospective = z.strictObject({
  kind: z.enum(RETROSPECTIVE_KINDS).check(about('Kind of session.')),
  date: isoDate('When the session took place.'),
  subject: z.optional(text('What it looked at.')),
  lessons: z.optional(list(text('A lesson'), 'Lessons and replicable solutions.')),
});

const learning = z.strictObject({
  skills_mapped: z.optional(isoDate('When partners last mapped their knowledge and skills together, live.')),
  retrospectives: z.optional(list(retrospective, 'After-action reviews, pre-mortems, appreciative inquiry.')),
}).check(about('How the partnership learns from its own work.'));

export const partnershipSchema = z.strictObject({
  as_of: z.optional(isoDate('The date the assessment is made for: every date rule counts back from it, and later dates do not count yet. `--as-of` overrides it.')),
  partnership: partnershipIdentity,
  backbone: z.optional(backbone),
  partners: z.optional(list(partner, 'Partner organisations, past and present.')),
  teams: z.optional(list(team, 'Working teams.')),
  governance: z.optional(governance),
  decisions: z.optional(list(decision, 'The decision log.')),
  meetings: z.optional(list(meeting, 'Regular meetings.')),
  action_items: z.optional(list(actionItem, 'Open and closed action items.')),
  communications: z.optional(communications),
  funding: z.optional(funding),
  target_population: z.optional(targetPopulation),
  work_plan: z.optional(workPlan),
  metrics: z.optional(list(metric, 'The scorecard.')),
  learning: z.optional(learning),
});

export type Partnership = z.infer<typeof partnershipSchema>;
export type Partner = NonNullable<Partnership['partners']>[number];
export type Team = NonNullable<Partnership['teams']>[number];
export type Metric = NonNullable<Partnership['metrics']>[number];
