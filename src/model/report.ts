/**
 * The report: the one result object every output format is drawn from. Its zod
 * schema gives the TypeScript types and schema/report.schema.json; the runtime
 * never needs to parse a report except when reading a baseline.
 */
import * as z from 'zod/mini';
import { BANDS, CHECK_STATUSES, REPORT_SCHEMA_VERSION, TRIANGULATION_LABELS } from './labels.js';
import { isoDate } from './partnership.js';

export type { Band } from './labels.js';

const score = z.nullable(z.number().check(z.gte(0), z.lte(100)));
const pathSchema = z.array(z.union([z.string(), z.number()]));

const locationShape = {
  path: pathSchema,
  line: z.int(),
  column: z.int(),
};
export const locationSchema = z.strictObject(locationShape);

export const checkResultSchema = z.strictObject({
  check: z.string(),
  /** What the check tests, with the rubric's thresholds filled in. */
  description: z.string(),
  status: z.enum(CHECK_STATUSES),
  /** Its weight within the practice, and the points it earned (a check not described earns 0). */
  weight: z.number(),
  points: z.number(),
  /** The practice's defining test: failing it caps the practice (see `evidence.cap`). */
  critical: z.boolean(),
  messageId: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
  location: locationSchema,
  related: z.array(locationSchema),
  /** The fact of the field guide the check rests on. */
  basis: z.string(),
  /** What to do when the check is not met, with the field to record it in. */
  fix: z.string(),
});

const groupFigureSchema = z.strictObject({ dimension: z.string(), group: z.string(), n: z.int(), mean: z.number() });

export const perceptionSchema = z.strictObject({
  n: z.int(),
  mean: z.nullable(z.number()),
  sd: z.nullable(z.number()),
  min: z.nullable(z.number()),
  max: z.nullable(z.number()),
  distribution: z.array(z.int()),
  dontKnow: z.int(),
  score,
  groups: z.array(groupFigureSchema),
});

const pooledPerceptionSchema = z.strictObject({ n: z.int(), mean: z.nullable(z.number()), score });

export const groupGapSchema = z.strictObject({
  dimension: z.string(),
  high: z.strictObject({ group: z.string(), mean: z.number() }),
  low: z.strictObject({ group: z.string(), mean: z.number() }),
  gap: z.number(),
});

const changeShape = { before: score, after: score, delta: z.nullable(z.number()) };
const changeSchema = z.strictObject(changeShape);

const share = z.number().check(z.gte(0), z.lte(1));

/** How much of a principle's or the whole rubric's weight the file gives evidence for. */
const coverageShape = {
  /** Share of the practice weight with evidence: a practice counts in proportion to its checks' weight that is described. */
  coverage: share,
  /** Practices with any evidence, of the `total` assessed (practices not pursued are left out of both). */
  described: z.int(),
  total: z.int(),
  /** True when coverage is below the rubric's `scoring.provisional_below`: the score rests on too little of the file to trust its band. */
  provisional: z.boolean(),
};


export const practiceResultSchema = z.strictObject({
  number: z.int(),
  id: z.string(),
  title: z.string(),
  short: z.string(),
  principle: z.string(),
  weight: z.number(),
  /**
   * Evidence and perception combined (weights in the rubric) when the survey answered it, otherwise the evidence
   * score; null when the practice has no evidence (it then counts as 0 in its principle and the overall) or is not pursued.
   */
  score,
  band: z.enum(BANDS),
  /** Share of the practice's check weight that the file describes. */
  coverage: share,
  /** Which guide practice this is and the fact it rests on. */
  basis: z.string(),
  evidence: z.strictObject({
    /** Points of every check, weighted, the ones not described counting 0; null when no check is described. */
    score,
    band: z.enum(BANDS),
    /** The ceiling a failing critical check put on the score, or null. */
    cap: z.nullable(z.strictObject({ check: z.string(), status: z.enum(CHECK_STATUSES), limit: z.number() })),
    checks: z.array(checkResultSchema),
  }),
  perception: z.nullable(perceptionSchema),
  labels: z.array(z.enum(TRIANGULATION_LABELS)),
  /** The survey answered this practice, but with fewer answers than the rubric's `triangulation.min_answers`: no signal, too few answers to tell. */
  tooFewAnswers: z.boolean(),
  /** Set when the partnership has decided not to pursue this practice (config `suppress`); it is then not scored. */
  notApplicable: z.nullable(z.strictObject({ reason: z.string() })),
  finding: z.string(),
  location: locationSchema,
  priority: z.number(),
  /**
   * What to do, most urgent first: for a practice that is not strong, the fixes of its failing checks (critical
   * ones first, then the worst); for a strong one, how to keep it, then any check still open; for a practice
   * with a survey signal, the signal's advice (followed by the fixes only for a divergent one).
   */
  advice: z.array(z.string()),
  needs: z.array(z.string()),
});

export const principleResultSchema = z.strictObject({
  number: z.int(),
  id: z.string(),
  title: z.string(),
  short: z.string(),
  score,
  band: z.enum(BANDS),
  evidenceScore: score,
  ...coverageShape,
  perception: z.nullable(pooledPerceptionSchema),
  practices: z.array(z.int()),
});

export const reportSchema = z.strictObject({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  tool: z.strictObject({ name: z.string(), version: z.string() }),
  rubric: z.strictObject({ id: z.string(), version: z.string(), title: z.string() }),
  asOf: isoDate('The date the assessment counts from.'),
  inputs: z.strictObject({
    partnership: z.strictObject({ file: z.string(), sha256: z.string() }),
    rubric: z.strictObject({ file: z.string(), sha256: z.string() }),
    digest: z.string(),
  }),
  partnership: z.strictObject({ name: z.string() }),
  /** The rubric's scoring settings this report was made with. */
  scoring: z.strictObject({
    points: z.strictObject({ met: z.number(), partly: z.number(), not_met: z.number(), not_described: z.number() }),
    bands: z.strictObject({ strong: z.number(), developing: z.number() }),
    caps: z.strictObject({ critical_not_met: z.number(), critical_partly: z.number() }),
    provisionalBelow: z.number(),
  }),
  overall: z.strictObject({
    score,
    band: z.enum(BANDS),
    evidenceScore: score,
    ...coverageShape,
    perception: z.nullable(pooledPerceptionSchema),
  }),
  /** Values in the file that are placeholders (e.g. "TODO ..." or "..."): read as not described, listed so they get filled in. */
  placeholders: z.array(z.strictObject({ ...locationShape, value: z.string() })),
  survey: z.nullable(
    z.strictObject({
      /** Present only with --include-comments: free text by principle, sorted, without names. */
      comments: z.nullable(z.array(z.strictObject({ principle: z.string(), title: z.string(), texts: z.array(z.string()) }))),
      respondents: z.int(),
      complete: z.int(),
      minGroupSize: z.int(),
      /** Below the rubric's `triangulation.caution_below` respondents: every survey figure carries a small-sample caution. */
      smallSample: z.boolean(),
      /** Fewest 1-5 answers a practice needs before it gets a survey signal (the rubric's `triangulation.min_answers`). */
      minAnswers: z.int(),
      /** Response files dated after the as-of date: left out unless asked for (--include-late-responses). */
      late: z.strictObject({ count: z.int(), included: z.boolean() }),
      dimensions: z.array(
        z.strictObject({
          dimension: z.string(),
          shown: z.array(z.strictObject({ group: z.string(), respondents: z.int() })),
          withheld: z.int(),
        }),
      ),
    }),
  ),
  principles: z.array(principleResultSchema),
  practices: z.array(practiceResultSchema),
  recommendations: z.array(
    z.strictObject({ rank: z.int(), practice: z.int(), title: z.string(), band: z.enum(BANDS), score, priority: z.number(), advice: z.array(z.string()) }),
  ),
  strengths: z.array(z.strictObject({ practice: z.int(), title: z.string(), score: z.number() })),
  notDescribed: z.array(z.strictObject({ practice: z.int(), title: z.string(), add: z.array(z.string()) })),
  /** Practices where respondents disagree with each other, widest first. */
  disagreements: z.array(
    z.strictObject({ practice: z.int(), title: z.string(), n: z.int(), sd: z.number(), min: z.number(), max: z.number(), widestGroupGap: z.nullable(groupGapSchema) }),
  ),
  /** The change since an earlier report (--baseline), matched by practice and principle id. */
  baseline: z.nullable(
    z.strictObject({
      file: z.string(),
      asOf: isoDate('The as-of date of the baseline report.'),
      /** The rubric version the baseline was made with; the id is always the same as this report's. */
      rubricVersion: z.string(),
      overall: changeSchema,
      principles: z.array(z.strictObject({ id: z.string(), number: z.int(), ...changeShape })),
      practices: z.array(z.strictObject({ id: z.string(), number: z.int(), bandBefore: z.nullable(z.enum(BANDS)), ...changeShape })),
      /** Practices (and the overall score) that fell since the baseline. */
      regressions: z.array(z.strictObject({ what: z.string(), before: z.number(), after: z.number() })),
    }),
  ),
  /** A few plain sentences a non-numerate partner can retell: the band, the strongest principle, the biggest gap and its first step, the change since the baseline. */
  narrative: z.string(),
  /** The practices a workshop should discuss first, with the question to put to the room. */
  discussion: z.array(
    z.strictObject({ practice: z.int(), title: z.string(), reason: z.enum(['paper_only', 'divergent', 'low_perception']), detail: z.string(), question: z.string() }),
  ),
});

export type Report = z.infer<typeof reportSchema>;
export type PracticeResult = Report['practices'][number];
export type PrincipleResult = Report['principles'][number];
export type CheckResult = PracticeResult['evidence']['checks'][number];
export type Location = CheckResult['location'];
