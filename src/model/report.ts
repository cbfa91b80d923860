/**
 * The report: the one result object every output format is drawn from. Its zod
 * schema gives the TypeScript types and schema/report.schema.json; the runtime
 * never needs to parse a report except when reading a baseline.
 */
import * as z from 'zod/mini';
import { CHECK_STATUSES } from '../checks/check.js';

export const BANDS = ['strong', 'developing', 'gap', 'not_described'] as const;
export type Band = (typeof BANDS)[number];

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

export const practiceResultSchema = z.strictObject({
  number: z.int(),
  id: z.string(),
  title: z.string(),
  principle: z.string(),
  weight: z.number(),
  score,
  band: z.enum(BANDS),
  evidence: z.strictObject({ score, band: z.enum(BANDS), checks: z.array(checkResultSchema) }),
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
  score,
  band: z.enum(BANDS),
  practices: z.array(z.int()),
});

export const reportSchema = z.strictObject({
  schemaVersion: z.literal(1),
  tool: z.strictObject({ name: z.string(), version: z.string() }),
  rubric: z.strictObject({ id: z.string(), version: z.string(), title: z.string() }),
  asOf: z.string(),
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
    described: z.int(),
    total: z.int(),
  }),
  principles: z.array(principleResultSchema),
  practices: z.array(practiceResultSchema),
  recommendations: z.array(
    z.strictObject({ rank: z.int(), practice: z.int(), title: z.string(), band: z.enum(BANDS), score, priority: z.number(), action: z.string() }),
  ),
  strengths: z.array(z.strictObject({ practice: z.int(), title: z.string(), score: z.number() })),
  notDescribed: z.array(z.strictObject({ practice: z.int(), title: z.string(), add: z.array(z.string()) })),
});

export type Report = z.infer<typeof reportSchema>;
export type PracticeResult = Report['practices'][number];
export type PrincipleResult = Report['principles'][number];
export type CheckResult = PracticeResult['evidence']['checks'][number];
export type Location = CheckResult['location'];
