// Conversations kept through the real handler and engine, in the memory store and in Redis (the shared
// server on 127.0.0.1:6379, under a key prefix of this run's own): two turns carry over, the window
// expires, conversations never leak into each other, and a failing store costs only the context.
import { afterAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer.js';
import { CONVERSATION_WINDOW_MS, createConversations } from '../../src/conversation/memory.js';
import type { Reply } from '../../src/runtime/handler.js';
import { createMemoryStore, type StateStore } from '../../src/runtime/state/store.js';
import { testHandler } from '../helpers/engine.js';
import { closeStores, STORES } from '../helpers/stores.js';

afterAll(closeStores);

const answerOf = (reply: Reply): Answer => {
  if (reply.type !== 'answer') throw new Error(`expected an answer, got ${reply.type}`);
  return reply.answer;
};

function conversing(store: StateStore, windowMs?: number) {
  const handler = testHandler({ conversations: createConversations(store, windowMs) });
  return async (text: string, conversation?: string) =>
    answerOf(await handler.handle({ text, user: 'U1', platform: 'console', ...(conversation ? { conversation } : {}) }));
}

describe.each(STORES)('conversations in the %s store', (_name, open) => {
  it('carry a conversation over two turns, and keep only the question and result ids', async () => {
    const store = await open();
    const ask = conversing(store);
    expect((await ask('article 7', 'c1')).context).toBeUndefined();
    const next = await ask('the next one', 'c1');
    expect(next.results[0]).toMatchObject({ id: 'article-8' });
    expect(next.context).toMatchObject({ from: ['article-7'], about: 'Article 7' });
    const kept = JSON.parse((await store.get('conversation:turn:c1'))!);
    expect(kept).toEqual({ question: 'the next one', ids: ['article-8'], article: 8 });
  });

  it('never leak from one conversation into another, nor into a request without one', async () => {
    const ask = conversing(await open());
    await ask('article 7', 'channel-a:thread-1');
    expect((await ask('the next one', 'channel-b:thread-1')).context).toBeUndefined();
    expect((await ask('the next one')).context).toBeUndefined();
    expect((await ask('the next one', 'channel-a:thread-1')).results[0]?.id).toBe('article-8');
  });

  it('forget a conversation once its window has passed', async () => {
    const ask = conversing(await open(), 300);
    await ask('article 7', 'short');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await ask('the next one', 'short')).context).toBeUndefined();
  });

  it('leave the previous turn in place when an answer shows nothing', async () => {
    const ask = conversing(await open());
    await ask('article 7', 'c2');
    expect((await ask('how do I cook pasta', 'c2')).abstained).toBe(true);
    expect((await ask('tell me more', 'c2')).context?.about).toBe('Article 7');
  });
});

describe('conversation window', () => {
  it('is 30 minutes: a DM answered 29 minutes later follows on, 31 minutes later it stands alone', async () => {
    let now = 0;
    const ask = conversing(createMemoryStore(100, () => now));
    await ask('article 7', 'dm');
    now += 29 * 60_000;
    expect((await ask('the next one', 'dm')).context).toBeDefined();
    now += CONVERSATION_WINDOW_MS + 60_000;
    expect((await ask('the next one', 'dm')).context).toBeUndefined();
  });

  it('a store that fails costs the context, never the answer', async () => {
    const broken: StateStore = { ...createMemoryStore(), get: () => Promise.reject(new Error('down')), set: () => Promise.reject(new Error('down')) };
    const ask = conversing(broken);
    expect((await ask('article 7', 'x')).results[0]?.id).toBe('article-7');
    expect((await ask('the next one', 'x')).context).toBeUndefined();
  });
});
