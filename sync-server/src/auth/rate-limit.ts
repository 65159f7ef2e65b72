/**
 * A small in-memory token bucket per key (the client's IP): enough to make guessing invite
 * codes hopeless (8 characters from 31 symbols is ~8.5e11 codes; at 10 attempts a minute
 * per address that is out of reach) without a database round trip per request.
 */
export interface RateLimiterOptions {
  /** Attempts available at once. */
  burst: number;
  /** Attempts regained per minute. */
  perMinute: number;
  /** Clock in ms; tests pass their own. */
  now?: () => number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly now: () => number;

  constructor(private readonly options: RateLimiterOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Takes one attempt for `key`; returns 0 when allowed, else seconds until the next one. */
  take(key: string): number {
    const now = this.now();
    const { burst, perMinute } = this.options;
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 60_000) * perMinute);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.prune(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) / perMinute) * 60);
  }

  /** Full buckets carry no information; forget them so memory stays bounded. */
  private prune(now: number): void {
    const { burst, perMinute } = this.options;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 60_000) * perMinute >= burst) {
        this.buckets.delete(key);
      }
    }
  }
}
