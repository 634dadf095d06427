// Mentions in a channel and direct messages, through the real discord.js client: the bot replies to the
// message, ignores bots and messages not meant for it, and never pings anyone, whatever the question holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILURE_MESSAGE } from '../../adapters/shared/messages.js';
import { handlerFrom } from '../helpers/engine.js';
import { LIVE_MENTION, interact, recording, sendProblems, startBot, visible, type Bot } from './harness.js';
import {
  ALICE, BOB, BOT, BOT_ID, BOT_ROLE_ID, CHANNEL_ID, DM_CHANNEL_ID, GUILD_ID, OPTION, OTHER_BOT, ROLE_ID, messagePayload, slashCommand,
} from './payloads.js';

const handler = recording();
let bot: Bot;
beforeAll(async () => { bot = await startBot({ handler }); });
afterAll(async () => { await bot?.stop(); });

/** Dispatch MESSAGE_CREATE and wait for the bot's reply to that message. */
async function say(message: ReturnType<typeof messagePayload>, to: Bot = bot) {
  to.fake.dispatch('MESSAGE_CREATE', message);
  return to.fake.waitForCall((c) => c.method === 'POST' && c.body?.message_reference?.message_id === message.id);
}

/** Dispatch messages the bot should ignore; once a later question is answered, they have been seen. */
async function expectIgnored(messages: ReturnType<typeof messagePayload>[]) {
  const before = handler.requests.length;
  for (const m of messages) bot.fake.dispatch('MESSAGE_CREATE', m);
  await say(messagePayload({ author: ALICE, content: `<@${BOT_ID}> timeline`, mentions: [BOT] }));
  expect(handler.requests.slice(before).map((r) => r.text)).toEqual(['timeline']);
  const ids = new Set(messages.map((m) => m.id));
  expect(bot.fake.calls.some((c) => ids.has(c.body?.message_reference?.message_id))).toBe(false);
}

/** One of the bot's earlier answers in the channel, as Discord sends it inside a reply to it. */
const botAnswer = messagePayload({ author: BOT, content: 'About: article 6' });

/** A masked link to the evil site Discord would render: `[text](https://evil…` with the `]` unescaped. */
const EVIL_LINK = /(?<!\\)\]\(\s*<?https:\/\/evil/;

const INJECTION = `article 6 @everyone @here <@&${ROLE_ID}> <@${BOB.id}> <@!${BOB.id}>`;

describe('mentions and direct messages', () => {
  it('a mention in a channel is answered with a reply to that message, the mention stripped', async () => {
    const message = messagePayload({ author: ALICE, content: `<@${BOT_ID}> article 6`, mentions: [BOT] });
    const call = await say(message);
    expect(call.path).toBe(`/channels/${CHANNEL_ID}/messages`);
    expect(call.body.message_reference).toMatchObject({ message_id: message.id });
    expect(call.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(handler.requests.at(-1)).toEqual({
      text: 'article 6', user: ALICE.id, channel: CHANNEL_ID, platform: 'discord', conversation: `discord:${CHANNEL_ID}:${message.id}`, workspace: GUILD_ID, channelType: 'channel',
    });
    expect(visible(call.body)).toContain('Article 6: Respect for human rights');
  });

  it('the nickname form of the mention works too', async () => {
    const call = await say(messagePayload({ author: ALICE, content: `what does <@!${BOT_ID}> know about chapter 2?`, mentions: [BOT] }));
    expect(handler.requests.at(-1)!.text).toBe('what does know about chapter 2?');
    expect(visible(call.body)).toContain('Criminalization');
  });

  it('a bare mention gets the help', async () => {
    const call = await say(messagePayload({ author: ALICE, content: `<@${BOT_ID}>`, mentions: [BOT] }));
    expect(visible(call.body)).toContain('/treaty article number:6');
  });

  it('a direct message is answered without any mention', async () => {
    const message = messagePayload({ author: BOB, content: 'article 7', dm: true });
    const call = await say(message);
    expect(call.path).toBe(`/channels/${DM_CHANNEL_ID}/messages`);
    expect(handler.requests.at(-1)).toEqual({ text: 'article 7', user: BOB.id, channel: DM_CHANNEL_ID, platform: 'discord', conversation: `discord:dm:${BOB.id}`, channelType: 'dm' });
    expect(visible(call.body)).toContain('Illegal access');
  });

  it('ignores bots, and channel messages that do not mention it', async () => {
    await expectIgnored([
      messagePayload({ author: ALICE, content: 'article 6, anyone?' }),
      messagePayload({ author: OTHER_BOT, content: `<@${BOT_ID}> article 6`, mentions: [BOT] }),
      messagePayload({ author: OTHER_BOT, content: 'article 6', dm: true }),
      messagePayload({ author: ALICE, content: `<@&${ROLE_ID}> article 6`, mentionRoles: [ROLE_ID] }),
    ]);
  });

  it("a mention of the bot's own role (what Discord's picker often offers) is a question, the mention stripped", async () => {
    const call = await say(messagePayload({ author: ALICE, content: `<@&${BOT_ROLE_ID}> article 6`, mentionRoles: [BOT_ROLE_ID] }));
    expect(handler.requests.at(-1)).toMatchObject({ text: 'article 6', user: ALICE.id });
    expect(visible(call.body)).toContain('Article 6: Respect for human rights');
  });

  it("a reply to one of the bot's messages is a question, without any mention", async () => {
    const call = await say(messagePayload({ author: BOB, content: 'and article 7?', replyTo: botAnswer }));
    expect(handler.requests.at(-1)).toMatchObject({ text: 'and article 7?', user: BOB.id });
    expect(visible(call.body)).toContain('Illegal access');
    expect(call.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('ignores replies to other people, and a reply to the bot whose text Discord withholds ("ping on reply" off)', async () => {
    const someone = messagePayload({ author: BOB, content: 'article 6 is the one' });
    await expectIgnored([
      messagePayload({ author: ALICE, content: 'article 7 too', replyTo: someone }),
      messagePayload({ author: ALICE, content: 'article 7 please', replyTo: botAnswer, pingOnReply: false }),
    ]);
  });

  it('a reply to the bot that does not name it gets an answer only when there is one, and never when it mentions others', async () => {
    const thanks = messagePayload({ author: BOB, content: 'thanks!', replyTo: botAnswer });
    const toCarol = messagePayload({ author: BOB, content: `<@${ALICE.id}> see article 7`, replyTo: botAnswer });
    bot.fake.dispatch('MESSAGE_CREATE', thanks);
    bot.fake.dispatch('MESSAGE_CREATE', toCarol);
    await say(messagePayload({ author: ALICE, content: `<@${BOT_ID}> timeline`, mentions: [BOT] })); // both seen by now
    const ids = new Set([thanks.id, toCarol.id]);
    expect(bot.fake.calls.some((c) => ids.has(c.body?.message_reference?.message_id))).toBe(false);
    expect(handler.requests.map((r) => r.text)).not.toContain(`<@${ALICE.id}> see article 7`);
  });

  it('answers are followed by related questions', async () => {
    const call = await say(messagePayload({ author: ALICE, content: `<@${BOT_ID}> article 6`, mentions: [BOT] }));
    expect(call.body.content).toMatch(/\nRelated: article 5 \(Protection of sovereignty\) · article \d+/);
  });
});

describe('failures', () => {
  it('if answering throws, the asker is told so in a reply that pings nobody', async () => {
    const failing = await startBot({ handler: handlerFrom(async () => { throw new Error('index corrupted'); }) });
    try {
      const message = messagePayload({ author: ALICE, content: `<@${BOT_ID}> article 6`, mentions: [BOT] });
      const call = await say(message, failing);
      expect(call.body).toMatchObject({ content: FAILURE_MESSAGE, allowed_mentions: { parse: [], replied_user: false } });
      // The listener did not die: the next message is handled too.
      expect((await say(messagePayload({ author: BOB, content: 'article 7', dm: true }), failing)).body.content).toBe(FAILURE_MESSAGE);
      expect(sendProblems(failing.fake)).toEqual([]);
    } finally {
      await failing.stop();
    }
  });
});

describe('mention injection', () => {
  it('a mention whose question holds @everyone, a role and a user pings nobody', async () => {
    const call = await say(messagePayload({ author: ALICE, content: `<@${BOT_ID}> ${INJECTION}`, mentions: [BOT, BOB] }));
    expect(call.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const text = visible(call.body);
    expect(text).toContain('@\u200beveryone'); // the question is echoed, but as text
    expect(text).not.toMatch(LIVE_MENTION);
  });

  it('a masked link in the question is shown as typed, never as a link hiding where it goes', async () => {
    const call = await say(messagePayload({ author: ALICE, content: `<@${BOT_ID}> [free nitro](https://evil.example) [x](https://evil.example/2) article 6`, mentions: [BOT] }));
    const text = visible(call.body);
    expect(text).toContain('\\[free nitro\\](https://evil.example)');
    expect(text).not.toMatch(EVIL_LINK);
  });

  it('so does /treaty ask with the same question', async () => {
    const call = await interact(bot.fake, slashCommand('ask', [{ name: 'question', type: OPTION.string, value: INJECTION }]));
    expect(call.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const text = visible(call.body.data);
    expect(text).toContain(`<@\u200b&${ROLE_ID}>`);
    expect(text).not.toMatch(LIVE_MENTION);
  });

  it('every message sent in this file stays inside the limits and pings nobody', () => {
    expect(sendProblems(bot.fake)).toEqual([]);
  });
});
