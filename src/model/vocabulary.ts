/**
 * The fixed words of the file formats (enums), as plain constants. The zod schemas
 * use them, and so does code that must not load zod at start-up (checks, survey).
 */

/** The integration spectrum, from working side by side to acting as one team (Practice 15). */
export const INTEGRATION_LEVELS = ['parallel_play', 'coordinated', 'cooperative', 'collaborative', 'fully_integrated'] as const;
export type IntegrationLevel = (typeof INTEGRATION_LEVELS)[number];

export const SECTORS = ['private', 'public', 'civil_society', 'community', 'academic', 'funder'] as const;
export const TIERS = ['core', 'member', 'community_of_interest'] as const;
export const AGREEMENTS = ['contract', 'mou', 'informal', 'none'] as const;
export const RELATIONSHIP_MODELS = ['prime_sub', 'peer', 'hybrid'] as const;
export const CADENCES = ['weekly', 'biweekly', 'monthly', 'quarterly', 'semiannual', 'annual', 'ad_hoc'] as const;
export type Cadence = (typeof CADENCES)[number];
export const RESULTS_CHAIN = ['input', 'output', 'outcome', 'impact'] as const;
export const SCORECARD_CATEGORIES = ['target_population_impact', 'partnership_effectiveness', 'finance', 'learning_growth'] as const;
export const ENGAGEMENT_KINDS = ['survey', 'focus_group', 'co_design_workshop', 'interview', 'user_testing', 'listening_session'] as const;
export const RETROSPECTIVE_KINDS = ['after_action_review', 'pre_mortem', 'post_mortem', 'appreciative_inquiry'] as const;
export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export const EXPERIMENT_STATUSES = ['planned', 'running', 'succeeded', 'failed', 'stopped'] as const;
export const FUNDING_KINDS = ['grant', 'dues', 'contract', 'earned', 'sponsorship', 'government'] as const;

/** Survey responses. */
export const ROLES = ['leadership', 'partner_staff', 'backbone', 'target_population', 'community_of_interest'] as const;
export type Role = (typeof ROLES)[number];
/** How each role is put to a respondent, in the survey, its templates and its import. */
export const ROLE_LABELS: Record<Role, string> = {
  leadership: 'Leadership (board, steering group, chair)',
  partner_staff: 'Staff of a partner organisation',
  backbone: 'Backbone / coordination team',
  target_population: 'Member of the target population',
  community_of_interest: 'Community of interest (supporter, observer)',
};
export const RESPONSE_FORMAT = 1;
export const DONT_KNOW = 'dont_know';
export const RESPONDENT_SECTORS = [...SECTORS, 'other'] as const;
