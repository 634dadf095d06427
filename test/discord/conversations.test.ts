// Conversations through the real discord.js client: a chain of replies to the bot's answers, a DM and
// one person's /treaty commands in a channel each carry follow-ups, shown with "(following on from …)"; a fresh mention starts anew. One store
// for the adapter and the conversations, as bot.ts wires them: memory, then Redis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversations } from '../../src/conversation/memory.js';
import { testHandler } from '../helpers/engine.js';
import { closeStores, STORES } from '../helpers/stores.js';
import { interact, messageBody, recording, sendProblems, startBot, visible, type Bot } from './harness.js';
import { ALICE, BOB, BOT, BOT_ID, CHANNEL_ID, DM_CHANNEL_ID, OPTION, messagePayload, slashCommand, type User } from './payloads.js';

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

  /** /treaty <subcommand> by someone, in the channel or a DM: the text of its answer. */
  async function command(subcommand: string, option: { name: string; type: number; value: string | number }, who: User, dm = false) {
    const call = await interact(bot.fake, slashCommand(subcommand, [option], { user: who, dm }));
    return visible(messageBody(call) ?? {});
  }
  const ask = (question: string) => ({ name: 'question', type: OPTION.string, value: question });

  it('one person\'s /treaty commands in a channel are a conversation, and nobody else\'s', async () => {
    expect(await command('article', { name: 'number', type: OPTION.integer, value: 7 }, ALICE)).not.toContain('following on from');
    const text = await command('ask', ask('and the penalties?'), ALICE);
    expect(text).toContain('(following on from Article 7)');
    expect(handler.requests.at(-1)).toMatchObject({ conversation: `discord:command:${CHANNEL_ID}:${ALICE.id}` });
    // Another person in the same channel, or the same person in a DM, starts anew.
    expect(await command('ask', ask('the next one'), BOB)).not.toContain('following on from');
    expect(await command('ask', ask('the next one'), ALICE, true)).not.toContain('following on from');
    expect(handler.requests.at(-1)).toMatchObject({ conversation: `discord:command:${DM_CHANNEL_ID}:${ALICE.id}` });
    // A question that stands alone takes nothing from the one before.
    expect(await command('ask', ask('what is sextortion'), ALICE)).not.toContain('following on from');
    expect(sendProblems(bot.fake)).toEqual([]);
  });
});
