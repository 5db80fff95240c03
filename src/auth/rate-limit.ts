/**
 * A token bucket per key (a token id or a client address): `burst` requests at once, refilled at
 * `perMinute`. In memory: one server process is the unit Newsdesk rate-limits.
 */
export interface RateLimit {
  perMinute: number;
  burst: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until one request is allowed again; 0 when allowed. */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
    /** Buckets idle longer than this are dropped, so memory stays bounded under many addresses. */
    private readonly maxKeys = 100_000,
  ) {}

  take(key: string): RateDecision {
    const now = this.now();
    const ratePerMs = this.limit.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (now - bucket.at) * ratePerMs);
    bucket.at = now;
    if (this.buckets.size >= this.maxKeys && !this.buckets.has(key)) this.evictFull(now, ratePerMs);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000)) };
  }

  /** Forgets buckets that have refilled completely: they behave exactly like new ones. */
  private evictFull(now: number, ratePerMs: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * ratePerMs >= this.limit.burst) this.buckets.delete(key);
    }
  }
}
