/**
 * What people said, folded: the figures survey aggregation produces and the report,
 * the triangulation and the renderers read. Kept in the model so that reading them
 * needs none of the survey code.
 */

export const DIMENSIONS = ['sector', 'role', 'organisation'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface Spread {
  n: number;
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
  /** Counts of answers 1..5. */
  distribution: [number, number, number, number, number];
  dontKnow: number;
  /** The mean on the 0-100 scale, or null without answers. */
  score: number | null;
}

export interface GroupFigure {
  dimension: Dimension;
  group: string;
  n: number;
  mean: number;
}

export interface PracticePerception extends Spread {
  practice: string;
  groups: GroupFigure[];
}

export interface PrinciplePerception {
  principle: string;
  n: number;
  mean: number | null;
  score: number | null;
}

export interface DimensionSummary {
  dimension: Dimension;
  /** Groups shown separately, with their respondent counts. */
  shown: { group: string; respondents: number }[];
  /** Respondents whose own group is too small to show under its name (pooled as "others" when that pool is large enough). */
  withheld: number;
}

export interface SurveyAggregate {
  /** Free-text comments by principle, only when the user asked for them; never with a name or a respondent id. */
  comments: { principle: string; texts: string[] }[] | null;
  /** Respondents counted (without late ones, unless they were included). */
  respondents: number;
  complete: number;
  minGroupSize: number;
  /** Fewer respondents than the rubric's `triangulation.caution_below`: a few voices, not the partnership's view. */
  smallSample: boolean;
  /** Responses dated after the as-of date: like evidence from after it, left out unless the user asked to include them. */
  late: { count: number; included: boolean };
  practices: PracticePerception[];
  principles: PrinciplePerception[];
  overall: { n: number; mean: number | null; score: number | null };
  dimensions: DimensionSummary[];
}

/** One respondent's own averages, shown at the end of their survey. */
export interface PersonalSummary {
  answered: number;
  dontKnow: number;
  principles: { title: string; mean: number | null }[];
}
