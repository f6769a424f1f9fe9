// The documented ClickHouse Cloud API limit (10 requests per 10-second window per API key) as a token bucket.

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly requests: number,
    private readonly windowMs: number,
  ) {}

  /** Takes one token for `key` at time `now` (ms); returns the whole seconds to wait when the bucket is empty. */
  take(key: string, now: number): number | undefined {
    const b = this.buckets.get(key) ?? { tokens: this.requests, at: now };
    b.tokens = Math.min(this.requests, b.tokens + ((now - b.at) * this.requests) / this.windowMs);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens < 1) return Math.max(1, Math.ceil(((1 - b.tokens) * this.windowMs) / this.requests / 1000));
    b.tokens -= 1;
    return undefined;
  }
}
