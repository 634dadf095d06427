// The state stores conversation tests run against: this process's memory, and Redis (the shared server
// on 127.0.0.1:6379, under a key prefix of the test's own). Call closeStores() after the tests.
import pino from 'pino';
import { connectRedisState, type RedisState } from '../../src/runtime/state/redis.js';
import { createMemoryStore, type StateStore } from '../../src/runtime/state/store.js';
import { SHARED_REDIS_URL, uniquePrefix } from './redis.js';

const opened: RedisState[] = [];

export const STORES: [string, () => Promise<StateStore>][] = [
  ['memory', async () => createMemoryStore()],
  ['redis', async () => {
    const state = await connectRedisState({ url: SHARED_REDIS_URL, prefix: uniquePrefix('conversations'), logger: pino({ level: 'silent' }) });
    opened.push(state);
    return state.store;
  }],
];

export async function closeStores(): Promise<void> {
  await Promise.all(opened.splice(0).map((s) => s.store.close()));
}
