// One contract for every StateStore: the memory store and the Redis store (the shared server on
// 127.0.0.1:6379, under a key prefix of this run's own) must behave alike, so adapters never care
// which one they were given. Then what only Redis has: sharing between processes' connections, and
// falling back (once logged) while Redis is down, then sharing again when it is back.
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { connectRedisState, type RedisState } from '../../src/runtime/state/redis.js';
import { createMemoryStore, type StateStore } from '../../src/runtime/state/store.js';
import { SHARED_REDIS_URL, capturingLogger, startPrivateRedis, uniquePrefix, waitUntil, warnings } from '../helpers/redis.js';

const silent = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const opened: RedisState[] = [];
afterAll(async () => { await Promise.all(opened.map((s) => s.close())); });

async function redisState(prefix = uniquePrefix('store'), url = SHARED_REDIS_URL, logger = silent): Promise<RedisState> {
  const state = await connectRedisState({ url, prefix, logger });
  opened.push(state);
  return state;
}

const stores: [string, () => Promise<StateStore>][] = [
  ['memory', async () => createMemoryStore()],
  ['redis', async () => (await redisState()).store],
];

describe.each(stores)('state store contract: %s', (_name, make) => {
  it('lets exactly one of many concurrent claims win, and keeps the winner\'s value', async () => {
    const store = await make();
    const wins = await Promise.all(Array.from({ length: 20 }, (_, i) => store.claim('event:1', `v${i}`, 60_000)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await store.get('event:1')).toBe(`v${wins.indexOf(true)}`);
  });

  it('expires keys: a claim can be won again and a value is gone after its time', async () => {
    const store = await make();
    expect(await store.claim('event:2', 'a', 80)).toBe(true);
    await store.set('thread:1', 'x', 80);
    expect(await store.claim('event:2', 'b', 80)).toBe(false);
    await sleep(200);
    expect(await store.get('thread:1')).toBeUndefined();
    expect(await store.claim('event:2', 'c', 80)).toBe(true);
  });

  it('sets, replaces, takes once and deletes', async () => {
    const store = await make();
    expect(await store.get('missing')).toBeUndefined();
    await store.set('share:1', 'first', 60_000);
    await store.set('share:1', 'second', 60_000);
    expect(await store.get('share:1')).toBe('second');
    const taken = await Promise.all([store.take('share:1'), store.take('share:1')]);
    expect(taken.filter((t) => t !== undefined)).toEqual(['second']);
    await store.set('gone', 'x', 60_000);
    await store.delete('gone');
    expect(await store.get('gone')).toBeUndefined();
    expect(await store.take('gone')).toBeUndefined();
  });

  it('keeps unicode and JSON values intact', async () => {
    const store = await make();
    const value = JSON.stringify({ q: 'données 👩‍💻 «article 6»', ids: ['a', 'b'] });
    await store.set('conv:1', value, 60_000);
    expect(await store.get('conv:1')).toBe(value);
  });
});

describe('memory state store', () => {
  it('stays bounded: the oldest key goes first', async () => {
    const store = createMemoryStore(2);
    await store.set('a', '1', 60_000);
    await store.set('b', '2', 60_000);
    await store.set('c', '3', 60_000);
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('c')).toBe('3');
  });
});

describe('redis state store', () => {
  it('is shared between connections with the same prefix, and separate under another', async () => {
    const prefix = uniquePrefix('shared');
    const [one, two, other] = await Promise.all([redisState(prefix), redisState(prefix), redisState()]);
    expect(await one.store.claim('event:E1', '1', 60_000)).toBe(true);
    expect(await two.store.claim('event:E1', '1', 60_000)).toBe(false);
    expect(await other.store.claim('event:E1', '1', 60_000)).toBe(true);
  });

  it('limits a user across connections: 5 a minute gives 5, not 10', async () => {
    const prefix = uniquePrefix('rate');
    const [one, two] = await Promise.all([redisState(prefix), redisState(prefix)]);
    const [a, b] = [one.rateLimiter(5), two.rateLimiter(5)];
    const decisions = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).take('slack:U1')));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    const refused = decisions.find((d) => !d.allowed);
    expect(refused && !refused.allowed && refused.retryAfterSeconds).toBeGreaterThanOrEqual(55);
    expect((await a.take('slack:U2')).allowed).toBe(true);
  });

  it('falls back while Redis is down (one warning, no waiting), and shares again once it is back', async () => {
    const redis = await startPrivateRedis();
    try {
      const { logger, lines } = capturingLogger();
      const state = await redisState(uniquePrefix('faults'), redis.url, logger);
      expect(state.degraded()).toEqual([]);
      await redis.stop();
      const started = performance.now();
      for (let i = 0; i < 20; i++) expect(await state.store.claim(`event:down${i}`, '1', 60_000)).toBe(true);
      expect(await state.store.claim('event:down0', '1', 60_000)).toBe(false); // per-process de-dup still holds
      expect((await state.rateLimiter(5).take('slack:U1')).allowed).toBe(true);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(state.degraded()).toEqual(['redis']);
      expect(warnings(lines)).toHaveLength(1);
      expect(String(warnings(lines)[0]!.msg)).toMatch(/redis unreachable/);

      await redis.start();
      await waitUntil(() => state.degraded().length === 0, 8000, 'redis back');
      expect(lines.some((l) => String(l.msg).includes('redis is back'))).toBe(true);
      expect(warnings(lines)).toHaveLength(1);
      expect(await state.store.claim('event:after', '1', 60_000)).toBe(true);
    } finally {
      await redis.stop();
    }
  });

  it('a hung Redis (connection open, no answers) costs one short timeout, not one per request', async () => {
    const redis = await startPrivateRedis();
    try {
      const { logger, lines } = capturingLogger();
      const state = await redisState(uniquePrefix('hung'), redis.url, logger);
      redis.pause();
      const started = performance.now();
      const claims = await Promise.all(Array.from({ length: 5 }, (_, i) => state.store.claim(`event:hung${i}`, '1', 60_000)));
      for (let i = 0; i < 20; i++) await state.store.get(`event:hung${i}`);
      expect(claims).toEqual([true, true, true, true, true]);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(state.degraded()).toEqual(['redis']);
      expect(warnings(lines)).toHaveLength(1);
      redis.resume();
      // The next probe (at most a second later) finds it answering again.
      await waitUntil(async () => { await state.store.get('probe'); return state.degraded().length === 0; }, 5000, 'redis answering again');
      expect(lines.some((l) => String(l.msg).includes('redis is back'))).toBe(true);
    } finally {
      redis.resume();
      await redis.stop();
    }
  });

  it('starts degraded when Redis cannot be reached, without waiting long', async () => {
    const { logger, lines } = capturingLogger();
    const started = performance.now();
    const state = await redisState(uniquePrefix('absent'), 'redis://127.0.0.1:1', logger);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(state.degraded()).toEqual(['redis']);
    expect(await state.store.claim('k', 'v', 1000)).toBe(true);
    expect(warnings(lines)).toHaveLength(1);
  });
});
