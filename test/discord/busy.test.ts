// The answer queue full (src/runtime/turns.ts, limit 0 here): through the real discord.js client, a
// slash command is told "busy" at once and only the asker sees it, and a mention gets a short "busy"
// reply, instead of silence. The handler is the real one: its busy path is what answers.
import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUSY_MESSAGE } from '../../adapters/shared/messages.js';
import { interact, sendProblems, startBot, visible, type Bot } from './harness.js';
import { ALICE, BOT, BOT_ID, messagePayload, slashCommand, OPTION } from './payloads.js';

let bot: Bot;
beforeAll(async () => { bot = await startBot({ tuning: { turns: { limit: 0 } } }); });
afterAll(async () => { await bot?.stop(); });

describe('Discord with the answer queue full', () => {
  it('/treaty ask is answered "busy" in the interaction response itself, ephemeral, without deferring', async () => {
    const interaction = slashCommand('ask', [{ name: 'question', type: OPTION.string, value: 'article 6' }], { user: ALICE });
    const call = await interact(bot.fake, interaction);
    expect(call.body.type).toBe(4); // CHANNEL_MESSAGE_WITH_SOURCE: no "thinking…" first
    expect(call.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(call.body.data.content).toBe(BUSY_MESSAGE);
  });

  it('a mention gets a reply saying "busy", not silence and not an answer', async () => {
    const mention = messagePayload({ author: ALICE, content: `<@${BOT_ID}> article 6`, mentions: [BOT] });
    bot.fake.dispatch('MESSAGE_CREATE', mention);
    const reply = await bot.fake.waitForCall((c) => c.method === 'POST' && c.body?.message_reference?.message_id === mention.id);
    expect(visible(reply.body)).toBe(BUSY_MESSAGE);
    expect(reply.body.embeds ?? []).toEqual([]);
  });

  it('every "busy" sent stays inside the limits and pings nobody', () => {
    expect(sendProblems(bot.fake)).toEqual([]);
  });
});
