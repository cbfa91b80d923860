/**
 * The config file (.pesrc.yaml): defaults for `pes assess` that a partnership keeps
 * beside its file, so CI and people run the same gates. Command-line flags win.
 */
import * as z from 'zod/mini';

import { AUDIENCES } from './formats.js';
import { FAIL_ON } from './labels.js';
import { SEVERITIES, type SeverityKey } from './severity.js';

const level = z.optional(z.enum(SEVERITIES));

const practiceKey = z.union([z.int().check(z.gte(1)), z.string().check(z.minLength(1))]);

export const configSchema = z.strictObject({
  // Which names are formats is for the renderers' registry to say (src/render/formats.ts); the CLI checks it on reading the file.
  format: z.optional(z.string().check(z.describe('Default output format: one of the `pes assess --format` choices.'))),
  audience: z.optional(z.enum(AUDIENCES).check(z.describe('Who reads the reports: partners (plain words) or coordinator (with YAML paths and lines). Default: partners for html and markdown, coordinator otherwise.'))),
  rubric: z.optional(z.string().check(z.minLength(1), z.describe('Rubric file, relative to this config file.'))),
  responses: z.optional(z.array(z.string().check(z.minLength(1))).check(z.describe('Response folders or files, relative to this config file.'))),
  min_group_size: z.optional(z.int().check(z.gte(1))),
  max_input_mb: z.optional(z.number().check(z.gt(0))),
  gates: z.optional(
    z.strictObject({
      fail_under: z.optional(z.number().check(z.gte(0), z.lte(100))),
      fail_on: z.optional(z.enum(FAIL_ON)),
      fail_on_regression: z.optional(z.boolean()),
      /** Practice number or id -> the lowest acceptable score. */
      practices: z.optional(z.record(z.string(), z.number().check(z.gte(0), z.lte(100)))),
    }),
  ),
  /**
   * The annotation level of each band and survey signal in GitHub annotations, SARIF and
   * JUnit (error, warning, notice or none); the rest keep their defaults.
   */
  severity: z.optional(
    z.strictObject({
      strong: level,
      developing: level,
      gap: level,
      not_described: level,
      paper_only: level,
      divergent: level,
      hidden_strength: level,
      confirmed_gap: level,
      confirmed_strength: level,
    } satisfies Record<SeverityKey, typeof level>).check(z.describe('Annotation level per band and survey signal: error, warning, notice or none.')),
  ),
  /** Practices the partnership has deliberately decided not to pursue; shown with the reason, never scored. */
  suppress: z.optional(z.array(z.strictObject({ practice: practiceKey, reason: z.string().check(z.minLength(1, 'say why the practice is not pursued')) }))),
});

export type Config = z.infer<typeof configSchema>;
