// Conversations through the real discord.js client: a chain of replies to the bot's answers, and a
// DM, each carry follow-ups, shown with "(following on from …)"; a fresh mention starts anew. One store
// for the adapter and the conversations, as bot.ts wires them: memory, then Redis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversations } from '../../src/conversation/memory.js';
import { testHandler } from '../helpers/engine.js';
import { closeStores, STORES } from '../helpers/stores.js';
import { recording, sendProblems, startBot, visible, type Bot } from './harness.js';
import { ALICE, BOT, BOT_ID, messagePayload } from './payloads.js';

afterAll(closeStores);

describe.each(STORES)('Discord conversations (%s store)', (_name, open) => {
  let handler: ReturnType<typeof recording>;
  let bot: Bot;
  beforeAll(async () => {
    const store = await open();
    handler = recording(testHandler({ conversations: createConversations(store) }));
    bot = await startBot({ handler, store });
  });
  afterAll(async () => { await bot?.stop(); });

  /** Dispatch MESSAGE_CREATE; the bot's reply to it, and that reply as a message one can reply to. */
  async function say(message: ReturnType<typeof messagePayload>) {
    bot.fake.dispatch('MESSAGE_CREATE', message);
    const call = await bot.fake.waitForCall((c) => c.method === 'POST' && c.body?.message_reference?.message_id === message.id);
    // As Discord sends the bot's answer inside a reply to it: with what it replied to.
    const sent = messagePayload({
      author: BOT, content: call.body.content, id: call.response.id, dm: message.channel_type === 1, extra: { message_reference: call.response.message_reference },
    });
    return { call, text: visible(call.body), sent };
  }

  it('a chain of replies to the bot follows on from the answer replied to', async () => {
    const first = await say(messagePayload({ author: ALICE, content: `<@${BOT_ID}> article 7`, mentions: [BOT] }));
    expect(first.text).not.toContain('following on from');
    const second = await say(messagePayload({ author: ALICE, content: 'the next one', replyTo: first.sent }));
    expect(second.text).toContain('(following on from Article 7)');
    expect(second.text).toContain('Article 8');
    // Two replies down, still the same conversation.
    const third = await say(messagePayload({ author: ALICE, content: 'previous article', replyTo: second.sent }));
    expect(third.text).toContain('(following on from Article 8)');
    expect(third.text).toContain('Article 7');
    const [a, b, c] = handler.requests.slice(-3).map((r) => r.conversation);
    expect(a).toBeDefined();
    expect(new Set([a, b, c]).size).toBe(1);
    // A new mention that replies to nothing is a new conversation.
    const fresh = await say(messagePayload({ author: ALICE, content: `<@${BOT_ID}> the next one`, mentions: [BOT] }));
    expect(fresh.text).not.toContain('following on from');
    expect(sendProblems(bot.fake)).toEqual([]);
  });

  it('a direct message follows on from the one before it', async () => {
    await say(messagePayload({ author: ALICE, content: 'article 27', dm: true }));
    const next = await say(messagePayload({ author: ALICE, content: 'tell me more', dm: true }));
    expect(next.text).toContain('(following on from Article 27)');
    expect(handler.requests.at(-1)).toMatchObject({ conversation: `discord:dm:${ALICE.id}` });
  });
});
