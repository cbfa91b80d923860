/**
 * A survey response file (responses/<respondent-id>.yaml): one respondent's profile
 * and answers, written answer by answer. The `pes_response` marker tells a response
 * file from any other YAML, so a foreign file is refused, never overwritten.
 */
import * as z from 'zod/mini';
import { isoDate } from './partnership.js';
import { DONT_KNOW, RESPONDENT_SECTORS, RESPONSE_FORMAT, ROLES } from './vocabulary.js';

export const answerSchema = z.union([z.int().check(z.gte(1), z.lte(5)), z.literal(DONT_KNOW)]);
export type Answer = z.infer<typeof answerSchema>;

const respondentId = z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'a respondent id uses lower-case letters, digits, "-" and "_"'));

export const responseSchema = z.strictObject({
  pes_response: z.literal(RESPONSE_FORMAT),
  rubric: z.string().check(z.minLength(1)),
  partnership: z.string().check(z.minLength(1)),
  respondent: z.strictObject({
    id: respondentId,
    organisation: z.optional(z.string().check(z.minLength(1))),
    sector: z.optional(z.enum(RESPONDENT_SECTORS)),
    role: z.optional(z.enum(ROLES)),
    /** Only when the respondent chose to give it; never shown in a report. */
    name: z.optional(z.string().check(z.minLength(1))),
  }),
  date: isoDate('The day the answers were given.'),
  /** How the answers were gathered: the interactive survey, or an imported form export. */
  source: z.optional(z.string()),
  complete: z.boolean(),
  /** Practice id -> 1-5 agreement, or dont_know. */
  answers: z.record(z.string(), answerSchema),
  /** Principle id -> free text. Reports show it only with --include-comments, and never with a name. */
  comments: z.optional(z.record(z.string(), z.string())),
});

export type SurveyResponse = z.infer<typeof responseSchema>;
