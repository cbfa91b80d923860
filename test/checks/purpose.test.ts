import { describe, expect, it } from 'vitest';
import { purposeIsConcise } from '../../src/checks/purpose.js';
import { messageOf } from '../helpers/message.js';
import { partnership, run } from '../helpers/partnership.js';

describe('purposeIsConcise', () => {
  // Practice 1.
  const params = { max_words: 75, partly_max_words: 150 };
  const wordsLong = (count: number) => Array.from({ length: count }, (_, i) => `word${i + 1}`).join(' ');
  const withPurpose = (purpose: string) => partnership({ partnership: { name: 'P', purpose } });

  it('is met at 75 words, about 30 seconds spoken (at 150 words a minute)', () => {
    const outcome = run(purposeIsConcise, withPurpose(wordsLong(75)), params);
    expect(outcome.status).toBe('met');
    expect(outcome.messageId).toBe('concise');
    expect(outcome.data).toMatchObject({ words: 75, seconds: 30 });
    expect(outcome.path).toEqual(['partnership', 'purpose']);
  });

  it('counts words however they are spaced', () => {
    const outcome = run(purposeIsConcise, withPurpose('  Every child\n reads   by age\teight. '), params);
    expect(outcome.data.words).toBe(6);
  });

  it('is partly met from 76 to 150 words, asking to cut to 75', () => {
    const outcome = run(purposeIsConcise, withPurpose(wordsLong(76)), params);
    expect(outcome.status).toBe('partly');
    expect(outcome.messageId).toBe('long');
    expect(outcome.data).toMatchObject({ words: 76, max_words: 75 });
    expect(() => messageOf(purposeIsConcise, outcome, params)).not.toThrow();
    // 150 words at 150 a minute: 60 seconds.
    const full = run(purposeIsConcise, withPurpose(wordsLong(150)), params);
    expect(full.status).toBe('partly');
    expect(full.data.seconds).toBe(60);
  });

  it('is not met above 150 words', () => {
    const outcome = run(purposeIsConcise, withPurpose(wordsLong(151)), params);
    expect(outcome.status).toBe('not_met');
    expect(outcome.path).toEqual(['partnership', 'purpose']);
  });

  it('is not described without a purpose, pointing at the partnership section', () => {
    const outcome = run(purposeIsConcise, partnership(), params);
    expect(outcome.status).toBe('not_described');
    expect(outcome.path).toEqual(['partnership']);
  });
});
