// Cross-request state (event ids already answered, threads the bot answered in, answers waiting for
// "Share in channel", conversation context…) behind one small interface, so that several replicas or
// shards can share it. The in-memory store is the default; a Redis store implements the same contract
// when REDIS_URL is set. Values are strings (JSON where structured); every key expires.

export interface StateStore {
  /** Store `value` under `key` for `ttlMs` only if the key is absent. True when this call stored it:
   *  exactly one caller wins, across every process sharing the store (event de-duplication). */
  claim(key: string, value: string, ttlMs: number): Promise<boolean>;
  get(key: string): Promise<string | undefined>;
  /** Store (or replace) `value` under `key` for `ttlMs`. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Read and delete in one step: whoever takes a value is the only one to get it. */
  take(key: string): Promise<string | undefined>;
  delete(key: string): Promise<void>;
  /** Release connections; the memory store has none. */
  close(): Promise<void>;
}

interface Item { value: string; expires: number }

/**
 * The default store: a Map in this process, bounded (the oldest key goes first when `limit` is
 * reached) and expiring, so memory stays flat however long the bot runs.
 */
export function createMemoryStore(limit = 50_000, now: () => number = Date.now): StateStore {
  const items = new Map<string, Item>();
  const live = (key: string): Item | undefined => {
    const item = items.get(key);
    if (item && item.expires <= now()) {
      items.delete(key);
      return undefined;
    }
    return item;
  };
  const put = (key: string, value: string, ttlMs: number) => {
    items.delete(key);
    items.set(key, { value, expires: now() + ttlMs });
    while (items.size > limit) items.delete(items.keys().next().value as string);
  };
  return {
    async claim(key, value, ttlMs) {
      if (live(key)) return false;
      put(key, value, ttlMs);
      return true;
    },
    async get(key) {
      return live(key)?.value;
    },
    async set(key, value, ttlMs) {
      put(key, value, ttlMs);
    },
    async take(key) {
      const item = live(key);
      items.delete(key);
      return item?.value;
    },
    async delete(key) {
      items.delete(key);
    },
    async close() {},
  };
}
