// Interactions the bot cannot read. Malformed gateway events (no member or user, no member.user, no
// data) are logged and ignored, and the process keeps answering; commands whose options do not match
// the registered definitions (a stale or foreign registration) get an ephemeral "out of date" reply
// instead of Discord's "The application did not respond".
import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUT_OF_DATE } from '../../adapters/discord/wording.js';
import { interact, startBot, visible, type Bot } from './harness.js';
import { ALICE, OPTION, contextMenu, messagePayload, slashCommand, snowflake, type Json } from './payloads.js';

let bot: Bot;
beforeAll(async () => { bot = await startBot(); });
afterAll(async () => { await bot?.stop(); });

const without = (payload: Json, ...keys: string[]) => Object.fromEntries(Object.entries(payload).filter(([k]) => !keys.includes(k)));

async function stillAnswers(): Promise<void> {
  const call = await interact(bot.fake, slashCommand('article', [{ name: 'number', type: OPTION.integer, value: 6 }]));
  expect(visible(call.body.data as Json)).toContain('Article 6');
}

describe('malformed INTERACTION_CREATE events', () => {
  it.each([
    ['without member or user', (p: Json) => without(p, 'member', 'user')],
    ['without member.user', (p: Json) => ({ ...p, member: without(p.member as Json, 'user') })],
    ['without data', (p: Json) => without(p, 'data')],
  ])('%s: ignored, and the next command is answered', async (_what, spoil) => {
    bot.fake.dispatch('INTERACTION_CREATE', spoil(slashCommand('article', [{ name: 'number', type: OPTION.integer, value: 6 }])));
    await stillAnswers();
  });
});

describe('commands the bot cannot read', () => {
  it.each([
    ['an option of the wrong type', slashCommand('article', [{ name: 'number', type: OPTION.string, value: 'six' }])],
    ['no subcommand', (() => { const p = slashCommand('article'); (p.data as Json).options = []; return p; })()],
    ['a context-menu target missing from resolved', (() => { const p = contextMenu(messagePayload({ author: ALICE, content: 'hi' })); (p.data as Json).resolved = { messages: {} }; return p; })()],
  ])('%s: an ephemeral "out of date" reply', async (_what, payload) => {
    const call = await interact(bot.fake, { ...payload, id: snowflake() });
    const data = call.body.data as Json;
    expect(data.content).toBe(OUT_OF_DATE);
    expect((data.flags as number) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    await stillAnswers();
  });
});
