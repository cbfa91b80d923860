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
  /** The practice's defining test: when it fails, the easy checks cannot average the practice out of trouble (caps under `scoring.caps`). */
  critical: z._default(z.boolean(), false),
  /** Why this check tests the practice: the fact of the field guide it rests on, in this project's words. */
  basis: text,
  /** What to do when the check is not met, concretely, naming the field to record it in. */
  fix: text,
});

/** Advice for a practice whose survey signal says more than its band: the rubric's templates, or a practice's own. */
const signalAdvice = z.strictObject({
  paper_only: z.optional(text),
  divergent: z.optional(text),
  hidden_strength: z.optional(text),
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
  /** Which practice of the field guide this is, and the fact it rests on, in this project's words. */
  basis: text,
  checks: z.array(checkUseSchema).check(z.minLength(1, 'every practice needs at least one evidence check')),
  /** `strong`: how to keep the practice healthy. What to do otherwise comes from the failing checks' `fix`. */
  advice: z.strictObject({ strong: text, signals: z.optional(signalAdvice) }),
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
  /** The scoring rule's numbers (docs/scoring.md); the loader checks that they fit together. */
  scoring: z.strictObject({
    /** Points per check status. A check the file does not describe earns 0: there is no setting for it. */
    points: z.strictObject({
      met: z.number().check(z.gte(0), z.lte(100)),
      partly: z.number().check(z.gte(0), z.lte(100)),
      not_met: z.number().check(z.gte(0), z.lte(100)),
    }),
    bands: z.strictObject({
      strong: z.number().check(z.gt(0), z.lte(100)),
      developing: z.number().check(z.gt(0), z.lte(100)),
    }),
    /** Ceilings on a practice's score when a critical check fails. */
    caps: z.strictObject({
      /** A critical check not met, or not described: must lie in the gap band. */
      critical_not_met: z.number().check(z.gte(0), z.lte(100)),
      /** A critical check only partly met: must lie below strong. */
      critical_partly: z.number().check(z.gte(0), z.lte(100)),
    }),
    /** Below this share of the rubric's weight with evidence, a principle or the overall score is provisional. */
    provisional_below: z.number().check(z.gte(0), z.lte(1)),
    /** Set to true only on purpose: lets one met and one partly-met check of equal weight average into strong. */
    met_and_partly_may_be_strong: z._default(z.boolean(), false),
  }),
  combine: z.strictObject({
    evidence: z.number().check(z.gte(0), z.lte(1)),
    perception: z.number().check(z.gte(0), z.lte(1)),
  }),
  /** How evidence and perception are compared, and what to advise when they disagree: data like the rest. */
  triangulation: z.strictObject({
    low_mean: z.number().check(z.gte(1), z.lte(5)),
    high_mean: z.number().check(z.gte(1), z.lte(5)),
    // On a 1-5 scale a standard deviation is at most 2 and a gap between groups at most 4.
    divergent_sd: z.number().check(z.gt(0), z.lte(2)),
    divergent_group_gap: z.number().check(z.gt(0), z.lte(4)),
    /** Fewer 1-5 answers than this on a practice give no signal at all: "too few answers to tell". */
    min_answers: z.int().check(z.gte(2)),
    /** Fewer respondents than this put a small-sample caution on every survey figure. */
    caution_below: z.int().check(z.gte(1)),
    /**
     * Advice for practices with these signals, where the survey says more than the file: it replaces the failing
     * checks' fixes for paper only and hidden strength, and leads them for divergent.
     * `{question}` is the practice's question for the room, `{mean}` its survey mean, `{spread}` how far answers lie apart,
     * `{needs}` what the file would have to record.
     */
    advice: z.strictObject({ paper_only: text, divergent: text, hidden_strength: text }),
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
export type Scoring = Rubric['scoring'];
export type SignalLabel = keyof Rubric['triangulation']['advice'];
