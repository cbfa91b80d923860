/**
 * Per-client limits (token buckets): a client may burst up to `capacity` requests,
 * then `perSecond` more each second. The table of clients is bounded, so a flood
 * from many addresses cannot grow the server's memory without end.
 */
export interface Bucket {
  capacity: number;
  perSecond: number;
}

export type Taken = { ok: true } | { ok: false; retryAfterSeconds: number };

const MAX_CLIENTS = 10_000;

export class RateLimiter {
  private readonly clients = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly bucket: Bucket) {}

  /** Whether a request would be allowed now, without counting it. */
  peek(client: string, now: number): Taken {
    const state = this.clients.get(client);
    if (!state) return { ok: true };
    const tokens = Math.min(this.bucket.capacity, state.tokens + ((now - state.at) / 1000) * this.bucket.perSecond);
    return tokens >= 1 ? { ok: true } : { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.bucket.perSecond)) };
  }

  take(client: string, now: number): Taken {
    const { capacity, perSecond } = this.bucket;
    const state = this.clients.get(client) ?? { tokens: capacity, at: now };
    const tokens = Math.min(capacity, state.tokens + ((now - state.at) / 1000) * perSecond);
    if (tokens < 1) {
      this.clients.set(client, { tokens, at: now });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perSecond)) };
    }
    this.clients.delete(client);
    // Re-inserted so the map stays in order of last use, and the least recently seen client is the one let go.
    this.clients.set(client, { tokens: tokens - 1, at: now });
    if (this.clients.size > MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value!);
    return { ok: true };
  }
}
