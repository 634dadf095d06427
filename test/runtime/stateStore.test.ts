import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/runtime/state/store.js';

describe('memory state store', () => {
  it('lets exactly one claim win until the key expires', async () => {
    let t = 0;
    const store = createMemoryStore(10, () => t);
    expect(await store.claim('event:1', 'a', 1000)).toBe(true);
    expect(await store.claim('event:1', 'b', 1000)).toBe(false);
    expect(await store.get('event:1')).toBe('a');
    t = 1000;
    expect(await store.get('event:1')).toBeUndefined();
    expect(await store.claim('event:1', 'c', 1000)).toBe(true);
  });

  it('gives a taken value to one taker only', async () => {
    const store = createMemoryStore();
    await store.set('share:1', 'answer', 60_000);
    expect(await store.take('share:1')).toBe('answer');
    expect(await store.take('share:1')).toBeUndefined();
  });

  it('stays bounded: the oldest key goes first', async () => {
    const store = createMemoryStore(2);
    await store.set('a', '1', 60_000);
    await store.set('b', '2', 60_000);
    await store.set('c', '3', 60_000);
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('c')).toBe('3');
    await store.delete('c');
    expect(await store.get('c')).toBeUndefined();
  });
});
