// Shutdown: handler.drain() waits for an answer that is still being delivered, here a chat.postMessage
// that Slack rate-limited and the client is about to retry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handler } from '../../src/runtime/handler.js';
import pino from 'pino';
import { answer, createState } from '../../adapters/slack/state.js';
import { testEngine, testHandler } from '../helpers/engine.js';
import { BOT_USER_ID } from './fakeSlack.js';
import { startHarness, type Harness } from './harness.js';
import { visibleText } from './slackChecks.js';
import { createMemoryStore } from '../../src/runtime/state/store.js';

describe('Slack shutdown', () => {
  let h: Harness;
  let handler: Handler;
  beforeAll(async () => {
    handler = testHandler();
    h = await startHarness({ handler });
  });
  afterAll(() => h.close());

  it('drain() does not resolve before a mention answer rate-limited with Retry-After: 1 has been posted', async () => {
    h.fake.failNext('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } });
    await h.event({ type: 'app_mention', user: 'U0ALICE', text: `<@${BOT_USER_ID}> article 6`, ts: '1800000000.000100', channel: 'C0GENERAL' });
    // The moment that matters: answered, first post refused, the retry a second away.
    await h.fake.waitFor(() => h.fake.calls.find((c) => c.method === 'chat.postMessage'), 'the rate-limited attempt');
    expect(h.fake.posts('chat.postMessage')).toHaveLength(0);
    await handler.drain(10_000);
    const [posted] = h.fake.posts('chat.postMessage');
    expect(posted?.body.thread_ts).toBe('1800000000.000100');
    expect(visibleText(posted!.body)).toMatch(/Article 6/);
  });

});

describe('answers waiting for their turn (state.answer)', () => {
  it('are in flight for drain(): queued behind each other, all are delivered before it resolves', async () => {
    const handler = testHandler();
    const state = createState({
      handler, engine: testEngine(), logger: pino({ level: 'silent' }), store: createMemoryStore(), health: { isReady: () => true },
      config: { botToken: 'xoxb-test', mode: 'http', signingSecret: 's', port: 0, publicAnswers: false },
    });
    const delivered: string[] = [];
    const asks = [1, 2, 3].map((n) => answer(state, { text: `article ${n}`, user: `U${n}`, channel: 'C1' }, async (reply) => { delivered.push(reply.type); }));
    await handler.drain(5_000);
    expect(delivered).toHaveLength(3);
    await Promise.all(asks);
  });
});
