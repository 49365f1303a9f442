/**
 * Per-address limits: a fixed window per address, counted in memory (one
 * process). Over the limit: 429 with Retry-After, in seconds.
 */
import type { Limit } from './config.js';

export class RateLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly limit: Limit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request from `address`: 0 when allowed, else the seconds until the window ends. */
  take(address: string): number {
    const now = this.now();
    const windowMs = this.limit.windowSeconds * 1000;
    if (now - this.windowStart >= windowMs) {
      // A new window: forget every address (the map never outgrows one window's callers).
      this.windowStart = now;
      this.counts.clear();
    }
    const count = (this.counts.get(address) ?? 0) + 1;
    this.counts.set(address, count);
    if (count <= this.limit.max) return 0;
    return Math.max(1, Math.ceil((this.windowStart + windowMs - now) / 1000));
  }
}
