/**
 * Why a file failed its generated validator, told by the zod schema the validator
 * was generated from. Only invalid files come here, so zod is loaded only for them.
 */
import { configSchema } from '../model/config.js';
import { partnershipSchema } from '../model/partnership.js';
import { responseSchema } from '../model/responses.js';
import type { LocatedError } from './located-error.js';
import { validateSource } from './validate.js';
import type { YamlSource } from './yaml-source.js';

const SCHEMAS = { partnership: partnershipSchema, config: configSchema, response: responseSchema };

export function explainInvalid(kind: keyof typeof SCHEMAS, source: YamlSource): LocatedError[] {
  const validation = validateSource(SCHEMAS[kind], source);
  if (validation.ok) throw new Error(`the generated validator and the ${kind} schema disagree; run \`npm run generate\``);
  return validation.errors;
}
