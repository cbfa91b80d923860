import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, newJoinCode, newKey, normaliseJoinCode, participantToken, sameSecret, tokenRespondent } from '../../src/workshop/secrets.js';

describe('join codes', () => {
  it('are random, of the unambiguous alphabet, and spread evenly over it', () => {
    const codes = Array.from({ length: 3000 }, newJoinCode);
    expect(new Set(codes).size).toBe(codes.length);
    const counts = new Map<string, number>();
    for (const code of codes) {
      expect(code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`));
      for (const symbol of code) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    }
    // 18,000 symbols over 31: about 580 each; a biased draw (byte % 31) would give the first symbols ~10% more.
    const expected = (codes.length * JOIN_CODE_LENGTH) / JOIN_CODE_ALPHABET.length;
    for (const symbol of JOIN_CODE_ALPHABET) expect(Math.abs((counts.get(symbol) ?? 0) - expected)).toBeLessThan(expected * 0.2);
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it('are read as people type them', () => {
    expect(normaliseJoinCode(' k7q-f2m ')).toBe('K7QF2M');
  });
});

describe('participant tokens', () => {
  const key = newKey();

  it('name their respondent and cannot be forged or moved to another respondent', () => {
    const token = participantToken(key, 'r-0cb25517');
    expect(tokenRespondent(key, token)).toBe('r-0cb25517');
    expect(tokenRespondent(key, token.replace('r-0cb25517', 'r-0cb25518'))).toBeNull();
    expect(tokenRespondent(newKey(), token)).toBeNull();
    expect(tokenRespondent(key, `${token}x`)).toBeNull();
    for (const junk of ['', '.', 'r-1', '.abc', 'x'.repeat(500)]) expect(tokenRespondent(key, junk)).toBeNull();
  });

  it('compare secrets of any length without error', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret('', 'abc')).toBe(false);
  });
});
