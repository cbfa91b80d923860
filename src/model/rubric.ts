/**
 * The rubric file format (rubrics/*.yaml). The practices, their evidence checks and
 * thresholds, the survey statements and the advice are data; this schema says what
 * a rubric must contain. Check parameters are validated separately, against each
 * named check's own parameter schema.
 */
import * as z from 'zod/mini';

const text = z.string().check(z.minLength(1, 'must not be empty'));
const slug = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'an id uses lower-case letters, digits and "-"'));

export const checkUseSchema = z.strictObject({
  check: text,
  /** Relative weight of this check within its practice (bounded, so weighted sums stay finite). */
  weight: z._default(z.number().check(z.gt(0), z.lte(100)), 1),
  params: z._default(z.record(z.string(), z.unknown()), {}),
});

export const practiceSchema = z.strictObject({
  number: z.int().check(z.gte(1), z.lte(999)),
  id: slug,
  principle: slug,
  title: text,
  /** A label for tables and charts. */
  short: z.string().check(z.minLength(1), z.maxLength(32)),
  /** Importance used for prioritising: priority = weight x (100 - score). */
  weight: z.number().check(z.gte(1), z.lte(3)),
  good: text,
  statement: text,
  question: text,
  checks: z.array(checkUseSchema).check(z.minLength(1, 'every practice needs at least one evidence check')),
  advice: z.strictObject({ gap: text, developing: text, strong: text }),
});

export const principleSchema = z.strictObject({
  number: z.int().check(z.gte(1), z.lte(99)),
  id: slug,
  title: text,
  short: z.string().check(z.minLength(1), z.maxLength(24)),
  summary: text,
});

export const rubricSchema = z.strictObject({
  id: slug,
  version: text,
  title: text,
  source: z.optional(text),
  bands: z.strictObject({
    strong: z.number().check(z.gt(0), z.lte(100)),
    developing: z.number().check(z.gt(0), z.lte(100)),
    min_described_share: z.number().check(z.gte(0), z.lte(1)),
  }),
  combine: z.strictObject({
    evidence: z.number().check(z.gte(0), z.lte(1)),
    perception: z.number().check(z.gte(0), z.lte(1)),
  }),
  /** How evidence and perception are compared; the labels' wording is here too, so it is data like the rest. */
  triangulation: z.strictObject({
    low_mean: z.number().check(z.gte(1), z.lte(5)),
    high_mean: z.number().check(z.gte(1), z.lte(5)),
    // On a 1-5 scale a standard deviation is at most 2 and a gap between groups at most 4.
    divergent_sd: z.number().check(z.gt(0), z.lte(2)),
    divergent_group_gap: z.number().check(z.gt(0), z.lte(4)),
    labels: z.strictObject({
      confirmed_strength: text,
      confirmed_gap: text,
      paper_only: text,
      hidden_strength: text,
      divergent: text,
    }),
  }),
  survey: z.strictObject({
    scale: z.array(text).check(z.length(5, 'the agreement scale has exactly five labels, 1 to 5')),
    dont_know: text,
    intro: text,
  }),
  principles: z.array(principleSchema).check(z.minLength(1)),
  practices: z.array(practiceSchema).check(z.minLength(1)),
});

export type Rubric = z.infer<typeof rubricSchema>;
export type Practice = Rubric['practices'][number];
export type Principle = Rubric['principles'][number];
export type CheckUse = Practice['checks'][number];
