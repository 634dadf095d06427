// Per-user rate limiting behind a small interface, so a shared store (Redis, a database) can replace
// the in-memory limiter when the bot runs as several replicas.

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Count one request by `key` and say whether it may proceed. */
  take(key: string): Promise<RateDecision>;
}

/**
 * Sliding window: a user may make `limit` requests in any `windowMs`. Keeps only the timestamps
 * inside the window, and forgets users whose window has emptied, so memory stays bounded by
 * active users.
 */
export function createMemoryRateLimiter(limit: number, windowMs = 60_000, now: () => number = Date.now): RateLimiter {
  const hits = new Map<string, number[]>();
  let lastSweep = now();
  return {
    async take(key) {
      const t = now();
      if (t - lastSweep > windowMs) {
        for (const [k, times] of hits) if (times[times.length - 1]! <= t - windowMs) hits.delete(k);
        lastSweep = t;
      }
      const times = (hits.get(key) ?? []).filter((x) => x > t - windowMs);
      if (times.length >= limit) {
        hits.set(key, times);
        const retryAfterSeconds = Math.max(1, Math.ceil((times[0]! + windowMs - t) / 1000));
        return { allowed: false, retryAfterSeconds };
      }
      times.push(t);
      hits.set(key, times);
      return { allowed: true };
    },
  };
}

/** No limit: for the local console, where the only user is the person at the keyboard. */
export const unlimited: RateLimiter = { take: async () => ({ allowed: true }) };
