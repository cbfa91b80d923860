import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byCodePoint } from '../../src/model/order.js';

describe('order by code point', () => {
  it('puts a character past U+FFFF after U+E000-U+FFFF, where UTF-16 order puts it before', () => {
    expect(['\u{1F642}', '\uFB01', 'z', 'Z', 'ö'].sort(byCodePoint)).toEqual(['Z', 'z', 'ö', '\uFB01', '\u{1F642}']);
    expect('\u{1F642}' < '\uFB01').toBe(true);
  });

  it('agrees with comparing the code points one by one, for any strings', () => {
    const reference = (a: string, b: string) => {
      const x = [...a].map((c) => c.codePointAt(0)!);
      const y = [...b].map((c) => c.codePointAt(0)!);
      for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
      return x.length - y.length;
    };
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(Math.sign(byCodePoint(a, b))).toBe(Math.sign(reference(a, b)));
      }),
    );
  });
});
