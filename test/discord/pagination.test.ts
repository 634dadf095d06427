// Previous/Next buttons on long answers, clicked through the real discord.js client: only the asker may
// turn the pages, and the pages expire.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord.js';
import type { DiscordPage } from '../../adapters/discord/limits.js';
import { PageStore } from '../../adapters/discord/pagination.js';
import { createMemoryStore } from '../../src/runtime/state/store.js';
import { render } from '../../adapters/discord/render.js';
import * as w from '../../adapters/discord/wording.js';
import { testEngine } from '../helpers/engine.js';
import { interact, sendProblems, startBot, visible, type Bot } from './harness.js';
import { ALICE, BOB, BOT, BOT_ID, buttonClick, messagePayload, slashCommand, type Json } from './payloads.js';

/** How many pages the real timeline answer takes (2 with today's knowledge base). */
const TOTAL = render({ type: 'answer', requestId: 'r', answer: testEngine().ask('timeline') }).length;
let clock = 1_000_000;
let bot: Bot;
beforeAll(async () => { bot = await startBot({ tuning: { pages: { ttlMs: 5 * 60_000, now: () => clock } } }); });
afterAll(async () => { await bot?.stop(); });

type Button = { custom_id: string; label: string; disabled: boolean };
const buttons = (message: Json): Button[] => ((message.components ?? []) as { components: Button[] }[]).flatMap((row) => row.components);
const button = (message: Json, label: string): Button => buttons(message).find((b) => b.label === label)!;

/** /treaty timeline by Alice: an answer long enough for two pages. */
async function timeline(): Promise<{ token: string; message: Json }> {
  const interaction = slashCommand('timeline', [], { user: ALICE });
  await interact(bot.fake, interaction);
  return { token: interaction.token as string, message: bot.fake.messageFor(interaction.token as string) };
}

async function click(message: Json, label: string, who = ALICE) {
  const call = await interact(bot.fake, buttonClick(message, button(message, label).custom_id, { user: who }));
  return call.body as { type: number; data: Json };
}

describe('pagination buttons', () => {
  it('the timeline needs more than one page (otherwise this file tests nothing)', () => {
    expect(TOTAL).toBeGreaterThan(1);
  });

  it('the first page has Previous (disabled), a page label and Next', async () => {
    const { message } = await timeline();
    expect(buttons(message).map((b) => [b.label, b.disabled])).toEqual([[w.PREVIOUS, true], [`Page 1 of ${TOTAL}`, true], [w.NEXT, false]]);
    expect(message.content).toContain(`(page 1 of ${TOTAL})`);
  });

  it('the asker turns to the next page and back; the message is updated in place', async () => {
    const { message } = await timeline();
    const next = await click(message, w.NEXT);
    expect(next.type).toBe(7); // UPDATE_MESSAGE
    expect(next.data.content).toContain(`(page 2 of ${TOTAL})`);
    expect(visible(next.data)).not.toBe(visible(message));
    expect(buttons(next.data).map((b) => [b.label, b.disabled])).toEqual([[w.PREVIOUS, false], [`Page 2 of ${TOTAL}`, true], [w.NEXT, TOTAL === 2]]);
    const back = await click(next.data, w.PREVIOUS);
    expect(back.type).toBe(7);
    expect(visible(back.data)).toBe(visible(message));
  });

  it('someone else clicking is refused, ephemerally, and the message stays as it is', async () => {
    const { message } = await timeline();
    const refused = await click(message, w.NEXT, BOB);
    expect(refused).toEqual({ type: 4, data: expect.objectContaining({ content: w.NOT_YOURS, flags: MessageFlags.Ephemeral }) });
  });

  it('the buttons expire after a few minutes', async () => {
    const { message } = await timeline();
    clock += 5 * 60_000 + 1;
    const expired = await click(message, w.NEXT);
    expect(expired.data).toMatchObject({ content: w.EXPIRED, flags: MessageFlags.Ephemeral });
  });

  it('a long answer to a mention is paginated for its author too', async () => {
    const mention = messagePayload({ author: BOB, content: `<@${BOT_ID}> timeline`, mentions: [BOT] });
    bot.fake.dispatch('MESSAGE_CREATE', mention);
    const reply = await bot.fake.waitForCall((c) => c.body?.message_reference?.message_id === mention.id);
    const sent: Json = { ...messagePayload({ author: BOT, content: reply.body.content }), ...reply.body };
    expect((await click(sent, w.NEXT, ALICE)).data.content).toBe(w.NOT_YOURS);
    expect((await click(sent, w.NEXT, BOB)).type).toBe(7);
  });

  it('every message sent in this file stays inside the limits and pings nobody', () => {
    expect(sendProblems(bot.fake)).toEqual([]);
  });
});

describe('page store', () => {
  const engine = testEngine();
  const reply = { type: 'answer' as const, requestId: 'r', answer: engine.ask('timeline') };
  const nextId = (page: DiscordPage) => page.components[0]!.components.map((c) => ('custom_id' in c ? c.custom_id : ''))[2]!;

  it('any process sharing the store turns the pages: they are rebuilt from the question, not kept', async () => {
    const shared = createMemoryStore();
    const first = await new PageStore(shared, engine).start('u', reply);
    const elsewhere = await new PageStore(shared, testEngine()).turn(nextId(first), 'u');
    expect(elsewhere).toMatchObject({ ok: true, page: { content: expect.stringContaining(`(page 2 of ${TOTAL})`) } });
    expect(await new PageStore(createMemoryStore(), engine).turn(nextId(first), 'u')).toEqual({ ok: false, reason: 'expired' });
  });

  it('expires the pages when the knowledge base would now answer differently', async () => {
    const shared = createMemoryStore();
    const first = await new PageStore(shared, engine).start('u', reply);
    const changed = { ...engine, ask: (q: string) => ({ ...engine.ask(q), results: engine.ask(q).results.slice(1) }) };
    expect(await new PageStore(shared, changed).turn(nextId(first), 'u')).toEqual({ ok: false, reason: 'expired' });
  });

  it('stores nothing for one-page replies, and ignores ids it did not make', async () => {
    const shared = createMemoryStore();
    const store = new PageStore({ ...shared, set: async () => { throw new Error('stored'); } }, engine);
    const single = await store.start('u', { type: 'answer', requestId: 'r', answer: engine.ask('article 6') });
    expect(single.components).toEqual([]);
    expect((await store.start('u', { type: 'help', requestId: 'r' })).components).toEqual([]);
    expect(await store.turn('treaty-page:nope', 'u')).toBeUndefined();
    expect(await store.turn('something-else', 'u')).toBeUndefined();
  });
});
