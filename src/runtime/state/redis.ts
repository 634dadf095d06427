// Shared state over Redis (REDIS_URL): a StateStore and a RateLimiter that every replica and shard
// sees alike. Redis is optional and must never stop the bot answering, so every call has a short
// timeout and, while Redis is unreachable, falls back to this process's own memory store and limiter
// (logged once per outage, not per request); the client keeps reconnecting and Redis is used again as
// soon as it is back. /readyz names the degraded part meanwhile (see `degraded`).
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { createMemoryRateLimiter, type RateDecision, type RateLimiter } from '../rateLimit.js';
import { createMemoryStore, type StateStore } from './store.js';

export interface RedisStateOptions {
  url: string;
  /** Prepended to every key, so several bots (or tests) can share one Redis. */
  prefix: string;
  logger: Logger;
  /** Longest a request may wait on one Redis call before the fallback answers instead. */
  timeoutMs?: number;
  /** How long start-up waits for the first connection before going on degraded. */
  connectTimeoutMs?: number;
}

export interface RedisState {
  store: StateStore;
  rateLimiter(perMinute: number, windowMs?: number): RateLimiter;
  /** ['redis'] while Redis is unreachable and per-process fallbacks answer; [] otherwise. */
  degraded(): string[];
  close(): Promise<void>;
}

/**
 * Sliding-window log, as the memory limiter keeps it, atomically in Redis: drop hits older than the
 * window, refuse when `limit` remain (with the oldest hit's time, for Retry-After), else add this one.
 * Redis's own clock, so replicas with skewed clocks still count one window.
 */
const RATE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, tonumber(oldest[2]) + window - now}
end
redis.call('ZADD', KEYS[1], now, now .. ':' .. ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
return {1, 0}`;

const PROBE_EVERY_MS = 1000;

type RateClient = Redis & { treatyRate(key: string, windowMs: number, limit: number, nonce: string): Promise<[number, number]> };

/** The URL as something safe to log: scheme, host and port, never the password. */
export function describeRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname.length > 1 ? u.pathname : ''}`;
  } catch {
    return 'redis';
  }
}

export async function connectRedisState(options: RedisStateOptions): Promise<RedisState> {
  const { logger, prefix } = options;
  const timeoutMs = options.timeoutMs ?? 250;
  const where = describeRedisUrl(options.url);
  const client = new Redis(options.url, {
    keyPrefix: prefix,
    lazyConnect: true,
    // Fail at once while disconnected instead of queueing: the fallback answers, nobody waits.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: timeoutMs,
    connectTimeout: 1000,
    // Reconnect for ever, at most a second apart, so sharing resumes soon after Redis is back.
    retryStrategy: (times) => Math.min(times * 100, 1000),
  }) as RateClient;
  client.defineCommand('treatyRate', { numberOfKeys: 1, lua: RATE_SCRIPT });

  let down = false;
  let closing = false;
  const wentDown = (err?: unknown) => {
    if (down) return;
    down = true;
    const reason = err instanceof Error ? err.message : undefined;
    logger.warn({ redis: where, reason }, 'redis unreachable: answering with per-process state and limits until it is back');
  };
  const cameBack = () => {
    if (down) logger.info({ redis: where }, 'redis is back: state shared again');
    down = false;
  };
  client.on('error', (err) => wentDown(err));
  client.on('close', () => { if (!closing) wentDown(); });
  client.on('ready', cameBack);

  const connected = client.connect().then(() => true, () => false);
  const first = await Promise.race([connected, new Promise<false>((resolve) => setTimeout(() => resolve(false), options.connectTimeoutMs ?? 1500).unref())]);
  if (first) logger.info({ redis: where, prefix }, 'shared state in redis');
  else wentDown(new Error('no connection at start-up'));

  /**
   * Redis when it is up and answers in time; the per-process fallback otherwise. While Redis is down
   * but the connection stays open (a hung server: commands time out), one call a second probes it and
   * the others answer locally at once, so requests do not each wait out the timeout.
   */
  let lastProbe = 0;
  const guarded = async <T>(shared: () => Promise<T>, local: () => Promise<T>): Promise<T> => {
    if (client.status !== 'ready') {
      wentDown();
      return local();
    }
    if (down) {
      if (Date.now() - lastProbe < PROBE_EVERY_MS) return local();
      lastProbe = Date.now();
    }
    try {
      const value = await shared();
      cameBack();
      return value;
    } catch (err) {
      lastProbe = Date.now();
      wentDown(err);
      return local();
    }
  };

  const fallback = createMemoryStore();
  const store: StateStore = {
    claim: (key, value, ttlMs) => guarded(
      async () => (await client.set(key, value, 'PX', ttlMs, 'NX')) === 'OK',
      () => fallback.claim(key, value, ttlMs),
    ),
    get: (key) => guarded(async () => (await client.get(key)) ?? undefined, () => fallback.get(key)),
    set: (key, value, ttlMs) => guarded(async () => { await client.set(key, value, 'PX', ttlMs); }, () => fallback.set(key, value, ttlMs)),
    take: (key) => guarded(async () => (await client.getdel(key)) ?? undefined, () => fallback.take(key)),
    delete: (key) => guarded(async () => { await client.del(key); }, () => fallback.delete(key)),
    async close() {
      closing = true;
      // quit() waits for replies in flight; a dead connection is simply dropped.
      if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    },
  };

  return {
    store,
    rateLimiter(perMinute, windowMs = 60_000) {
      const local = createMemoryRateLimiter(perMinute, windowMs);
      return {
        take: (key) => guarded<RateDecision>(async () => {
          const [allowed, waitMs] = await client.treatyRate(`rate:${key}`, windowMs, perMinute, Math.random().toString(36).slice(2));
          return allowed ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
        }, () => local.take(key)),
      };
    },
    degraded: () => (down || client.status !== 'ready' ? ['redis'] : []),
    close: () => store.close(),
  };
}
