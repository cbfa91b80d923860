/** JSON Schemas generated from the zod schemas, for editors and for consumers of the JSON report. */
import * as z from 'zod/mini';
import { partnershipSchema } from './partnership.js';
import { reportSchema } from './report.js';

export const SCHEMA_FILES = {
  partnership: 'schema/partnership.schema.json',
  report: 'schema/report.schema.json',
} as const;

const TITLES = {
  partnership: 'partnership-health: partnership file',
  report: 'partnership-health: JSON report',
};

export function jsonSchema(which: keyof typeof SCHEMA_FILES): Record<string, unknown> {
  const schema = which === 'partnership' ? partnershipSchema : reportSchema;
  // draft-07 is what YAML editors (yaml-language-server) understand best.
  const generated = z.toJSONSchema(schema, { target: 'draft-07', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...generated, title: TITLES[which] };
}
