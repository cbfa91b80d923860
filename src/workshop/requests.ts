/**
 * What a phone may send, checked before anything is applied: a request that does not
 * match is refused whole with 400, and the server carries on. The response that
 * would result is then checked again against the response-file schema itself.
 */
import * as z from 'zod/mini';
import { answerSchema } from '../model/responses.js';
import { RESPONDENT_SECTORS, ROLES } from '../model/vocabulary.js';
import { LIMITS, type JoinRequest, type Operation } from './protocol.js';

const seq = z.int().check(z.gte(1), z.lte(Number.MAX_SAFE_INTEGER));
const id = z.string().check(z.minLength(1), z.maxLength(64));
const freeText = (max: number) => z.string().check(z.maxLength(max));

const operationSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    seq,
    kind: z.literal('profile'),
    organisation: z.optional(freeText(LIMITS.organisationChars).check(z.minLength(1))),
    sector: z.optional(z.enum(RESPONDENT_SECTORS)),
    role: z.optional(z.enum(ROLES)),
    name: z.optional(freeText(LIMITS.nameChars).check(z.minLength(1))),
  }),
  z.strictObject({ seq, kind: z.literal('answer'), practice: id, answer: answerSchema }),
  z.strictObject({ seq, kind: z.literal('comment'), principle: id, text: freeText(LIMITS.commentChars) }),
]);

const operationsSchema = z.strictObject({
  ops: z.array(operationSchema).check(z.minLength(1), z.maxLength(LIMITS.opsPerRequest)),
});

const joinSchema = z.strictObject({ code: z.string().check(z.maxLength(32)) });

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A batch of operations, in the order the phone made them (strictly increasing `seq`). */
export function parseOperations(body: string): Parsed<Operation[]> {
  const parsed = parseJson(body, operationsSchema);
  if (!parsed.ok) return parsed;
  const ops = parsed.value.ops as Operation[];
  for (let index = 1; index < ops.length; index++) {
    if (ops[index]!.seq <= ops[index - 1]!.seq) return { ok: false, message: 'operations must come in the order they were made (increasing seq)' };
  }
  return { ok: true, value: ops };
}

export function parseJoin(body: string): Parsed<JoinRequest> {
  return parseJson(body, joinSchema);
}

function parseJson<T>(body: string, schema: z.ZodMiniType<T>): Parsed<T> {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, message: 'the request body is not JSON' };
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return { ok: false, message: `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}` };
  }
  return { ok: true, value: result.data };
}
