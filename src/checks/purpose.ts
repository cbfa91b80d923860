/** Practice 1: a purpose short enough to say in about thirty seconds. */
import type { ZodMini } from './check.js';
import { defineCheck, gradeAtMost } from './check.js';
import { wholeNumber } from './params.js';
import { words } from './read.js';

export const purposeIsConcise = defineCheck({
  name: 'purposeIsConcise',
  description: 'The purpose statement has at most {max_words} words, about thirty seconds spoken (partly met up to {partly_max_words}).',
  params: (z: ZodMini) => z.strictObject({ max_words: wholeNumber(z), partly_max_words: wholeNumber(z) }),
  needs: '`partnership.purpose`',
  messages: {
    concise: 'purpose statement: {words} words, sayable in about {seconds} seconds',
    long: 'purpose statement: {words} words, about {seconds} seconds to say; cut it to {max_words} words',
  },
  evaluate({ partnership }, params) {
    const purpose = partnership.partnership.purpose;
    if (purpose === undefined) return { status: 'not_described', messageId: 'not_described', data: {}, path: ['partnership'] };
    const count = words(purpose);
    // About 150 words a minute is an unhurried speaking pace.
    const seconds = Math.round((count / 150) * 60);
    const status = gradeAtMost(count, params.max_words, params.partly_max_words);
    return { status, messageId: status === 'met' ? 'concise' : 'long', data: { words: count, seconds, max_words: params.max_words }, path: ['partnership', 'purpose'] };
  },
});
