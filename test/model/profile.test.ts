/**
 * The profile table (src/model/profile.ts) and the respondent schema say the same:
 * a question the table asks has a field to go in, with the same choices, and a field
 * the schema keeps is asked. A profile question added to one and not the other fails here.
 */
import { describe, expect, it } from 'vitest';
import { PROFILE_QUESTIONS } from '../../src/model/profile.js';
import { responseSchema } from '../../src/model/responses.js';

type Field = { _zod: { def: { innerType: { options?: readonly string[] } } } };
const respondent = responseSchema.shape.respondent.shape as unknown as Record<string, Field>;

describe('the profile table', () => {
  it('asks for every respondent field but the id, in the order the response file keeps them', () => {
    expect(PROFILE_QUESTIONS.map((question) => question.key)).toEqual(Object.keys(respondent).filter((key) => key !== 'id'));
  });

  it("offers exactly the schema's choices, and free text where the schema takes any text", () => {
    for (const question of PROFILE_QUESTIONS) {
      expect(question.choices?.map((choice) => choice.value), question.key).toEqual(respondent[question.key]!._zod.def.innerType.options);
    }
  });

  it('words every question and choice for a person, not as an id', () => {
    for (const question of PROFILE_QUESTIONS) {
      expect(question.question, question.key).toMatch(/^[A-Z].*[?)]$/);
      for (const choice of question.choices ?? []) expect(choice.label, choice.value).not.toContain('_');
    }
  });
});
