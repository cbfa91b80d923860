import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/workshop/protocol.js';
import { parseJoin, parseOperations } from '../../src/workshop/requests.js';

const op = (extra: Record<string, unknown>) => ({ seq: 1, kind: 'answer', practice: 'align-on-purpose', answer: 4, ...extra });
const parse = (value: unknown) => parseOperations(JSON.stringify(value));

describe('what a phone may send', () => {
  it('accepts answers 1-5 and dont_know, profiles and comments, in order', () => {
    const parsed = parse({
      ops: [op({}), op({ seq: 2, answer: 'dont_know' }), { seq: 3, kind: 'profile', sector: 'community', role: 'target_population' }, { seq: 4, kind: 'comment', principle: 'purpose', text: '' }],
    });
    expect(parsed.ok && parsed.value.map((entry) => entry.kind)).toEqual(['answer', 'answer', 'profile', 'comment']);
  });

  it.each([
    ['not JSON', '{', 'not JSON'],
    ['an answer of 6', { ops: [op({ answer: 6 })] }, 'ops.0.answer'],
    ['an answer of 2.5', { ops: [op({ answer: 2.5 })] }, 'ops.0.answer'],
    ['an unknown kind', { ops: [op({ kind: 'delete' })] }, 'ops.0'],
    ['an extra field', { ops: [op({ admin: true })] }, 'ops.0'],
    ['an unknown sector', { ops: [{ seq: 1, kind: 'profile', sector: 'mafia' }] }, 'ops.0.sector'],
    ['an empty batch', { ops: [] }, 'ops'],
    ['too many operations', { ops: Array.from({ length: LIMITS.opsPerRequest + 1 }, (_, index) => op({ seq: index + 1 })) }, 'ops'],
    ['a comment over the limit', { ops: [{ seq: 1, kind: 'comment', principle: 'purpose', text: 'x'.repeat(LIMITS.commentChars + 1) }] }, 'ops.0.text'],
    ['a name over the limit', { ops: [{ seq: 1, kind: 'profile', name: 'x'.repeat(LIMITS.nameChars + 1) }] }, 'ops.0.name'],
    ['operations out of order', { ops: [op({ seq: 2 }), op({ seq: 2 })] }, 'increasing seq'],
    ['a seq of 0', { ops: [op({ seq: 0 })] }, 'ops.0.seq'],
    ['a prototype key', JSON.parse('{"ops":[{"seq":1,"kind":"answer","practice":"x","answer":3,"__proto__":{"admin":true}}]}'), 'ops.0'],
  ])('refuses %s, saying where', (_name, body, where) => {
    const parsed = typeof body === 'string' ? parseOperations(body) : parse(body);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toContain(where);
  });

  it('reads a join code and nothing else', () => {
    expect(parseJoin('{"code":"k7q-f2m"}')).toEqual({ ok: true, value: { code: 'k7q-f2m' } });
    expect(parseJoin('{"code":"x","token":"y"}').ok).toBe(false);
    expect(parseJoin('[]').ok).toBe(false);
  });
});
