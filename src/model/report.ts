/**
 * The report: the one result object every output format is drawn from. Its zod
 * schema gives the TypeScript types and schema/report.schema.json; the runtime
 * never needs to parse a report except when reading a baseline.
 */
import * as z from 'zod/mini';
import { CHECK_STATUSES } from '../checks/check.js';
import { BANDS, TRIANGULATION_LABELS } from './labels.js';
import { isoDate } from './partnership.js';

/** The version of the JSON report's format; a reader refuses a report of a later one by name. */
export const REPORT_SCHEMA_VERSION = 1;

export type { Band } from './labels.js';

const score = z.nullable(z.number().check(z.gte(0), z.lte(100)));
const pathSchema = z.array(z.union([z.string(), z.number()]));

export const locationSchema = z.strictObject({
  path: pathSchema,
  line: z.int(),
  column: z.int(),
});

export const checkResultSchema = z.strictObject({
  check: z.string(),
  status: z.enum(CHECK_STATUSES),
  messageId: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
  location: locationSchema,
  related: z.array(locationSchema),
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


export const practiceResultSchema = z.strictObject({
  number: z.int(),
  id: z.string(),
  title: z.string(),
  short: z.string(),
  principle: z.string(),
  weight: z.number(),
  /** Evidence and perception combined when both exist (weights in the rubric), otherwise whichever exists. */
  score,
  band: z.enum(BANDS),
  evidence: z.strictObject({ score, band: z.enum(BANDS), checks: z.array(checkResultSchema) }),
  perception: z.nullable(perceptionSchema),
  labels: z.array(z.enum(TRIANGULATION_LABELS)),
  /** Set when the partnership has decided not to pursue this practice (config `suppress`); it is then not scored. */
  notApplicable: z.nullable(z.strictObject({ reason: z.string() })),
  finding: z.string(),
  location: locationSchema,
  priority: z.number(),
  recommendation: z.string(),
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
  bands: z.strictObject({ strong: z.number(), developing: z.number() }),
  overall: z.strictObject({
    score,
    band: z.enum(BANDS),
    evidenceScore: score,
    perception: z.nullable(pooledPerceptionSchema),
    described: z.int(),
    total: z.int(),
    /** True when too few practices have evidence for the overall band to mean much. */
    provisional: z.boolean(),
  }),
  survey: z.nullable(
    z.strictObject({
      /** Present only with --include-comments: free text by principle, sorted, without names. */
      comments: z.nullable(z.array(z.strictObject({ principle: z.string(), title: z.string(), texts: z.array(z.string()) }))),
      respondents: z.int(),
      complete: z.int(),
      minGroupSize: z.int(),
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
    z.strictObject({ rank: z.int(), practice: z.int(), title: z.string(), band: z.enum(BANDS), score, priority: z.number(), action: z.string() }),
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
