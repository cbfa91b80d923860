import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/workshop/rate-limit.js';

describe('per-client rate limits', () => {
  it('allows a burst, then refills at the given rate, for each client apart', () => {
    const limiter = new RateLimiter({ capacity: 3, perSecond: 1 });
    const at = (ms: number) => limiter.take('a', ms).ok;
    expect([at(0), at(0), at(0), at(0)]).toEqual([true, true, true, false]);
    expect(limiter.take('b', 0).ok).toBe(true);
    expect(limiter.take('a', 500)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(at(1000)).toBe(true);
    expect(at(1000)).toBe(false);
  });

  it('says how long to wait, and peeking costs nothing', () => {
    const limiter = new RateLimiter({ capacity: 1, perSecond: 0.1 });
    expect(limiter.take('a', 0).ok).toBe(true);
    expect(limiter.peek('a', 0)).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(limiter.peek('a', 10_000)).toEqual({ ok: true });
    expect(limiter.take('a', 10_000).ok).toBe(true);
  });

  it('forgets the least recently seen clients beyond its table size, so a flood from many addresses stays bounded', () => {
    const limiter = new RateLimiter({ capacity: 1, perSecond: 0.001 });
    for (let client = 0; client < 20_000; client++) limiter.take(`10.0.${client}`, 0);
    expect((limiter as unknown as { clients: Map<string, unknown> }).clients.size).toBeLessThanOrEqual(10_000);
    expect(limiter.take('10.0.19999', 0).ok).toBe(false);
  });
});
