// /treaty subcommands, autocomplete and the message context menu, through the real discord.js client
// talking to the fake Discord, answered by the real handler and engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord.js';
import { FAILURE_MESSAGE, INTRO, replyMessage } from '../../adapters/shared/messages.js';
import * as w from '../../adapters/discord/wording.js';
import { createMemoryRateLimiter } from '../../src/runtime/rateLimit.js';
import { handlerFrom, testEngine, testHandler } from '../helpers/engine.js';
import { interact, recording, sendProblems, startBot, visible, type Bot } from './harness.js';
import type { Reply } from '../../src/runtime/handler.js';
import { ALICE, APP_ID, CHANNEL_ID, GUILD_ID, OPTION, autocomplete, contextMenu, messagePayload, slashCommand, type Json } from './payloads.js';

const handler = recording();
let bot: Bot;
beforeAll(async () => { bot = await startBot({ handler }); });
afterAll(async () => { await bot?.stop(); });

const int = (name: string, value: number) => ({ name, type: OPTION.integer, value });
const str = (name: string, value: string) => ({ name, type: OPTION.string, value });
const bool = (name: string, value: boolean) => ({ name, type: OPTION.boolean, value });
const lastRequest = () => handler.requests.at(-1)!;

async function command(subcommand: string, options: Parameters<typeof slashCommand>[1] = []) {
  const call = await interact(bot.fake, slashCommand(subcommand, options));
  expect(call.body.type).toBe(4); // CHANNEL_MESSAGE_WITH_SOURCE: answered at once, no defer needed
  return { data: call.body.data as Json, text: visible(call.body.data as Json) };
}

describe('/treaty subcommands', () => {
  it('article number:6 asks the core for "article 6" and answers publicly with the article', async () => {
    const { data, text } = await command('article', [int('number', 6)]);
    expect(lastRequest()).toEqual({ text: 'article 6', user: ALICE.id, channel: CHANNEL_ID, platform: 'discord', conversation: `discord:command:${CHANNEL_ID}:${ALICE.id}`, workspace: GUILD_ID, channelType: 'channel' });
    expect(text).toContain('Article 6: Respect for human rights');
    expect(text).toContain('https://docs.un.org/en/A/RES/79/243');
    expect(((data.flags as number) ?? 0) & MessageFlags.Ephemeral).toBe(0);
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('the same interaction delivered twice (a replayed event) is answered once', async () => {
    const interaction = slashCommand('article', [int('number', 7)]);
    const asked = handler.requests.length;
    bot.fake.dispatch('INTERACTION_CREATE', interaction);
    await interact(bot.fake, interaction);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bot.fake.calls.filter((c) => c.path.includes(`/interactions/${interaction.id}/`))).toHaveLength(1);
    expect(handler.requests.length - asked).toBe(1);
  });

  it('article number:99 explains there are 68 articles', async () => {
    const { text } = await command('article', [int('number', 99)]);
    expect(text).toContain('There is no article 99: the convention has 68 articles');
  });

  it('ask question answers a free question with the results the engine finds', async () => {
    const question = 'What are the objectives of the convention?';
    const { text } = await command('ask', [str('question', question)]);
    expect(lastRequest().text).toBe(question);
    const expected = testEngine().ask(question).results[0]!;
    expect(text).toContain(expected.title);
  });

  it('chapter number:4 answers with chapter IV', async () => {
    const { text } = await command('chapter', [int('number', 4)]);
    expect(lastRequest().text).toBe('chapter 4');
    expect(text).toContain('Procedural measures and law enforcement');
  });

  it('quotes speaker:HRW shows who said it and their stance', async () => {
    const { data } = await command('quotes', [str('speaker', 'HRW')]);
    expect(lastRequest().text).toBe('quotes HRW');
    const fields = (data.embeds as Json[]).flatMap((e) => e.fields as { name: string; value: string }[]);
    expect(fields.find((f) => f.name === w.SPEAKER_LABEL)?.value).toContain('Human Rights Watch');
    expect(fields.some((f) => f.name === w.STANCE_LABEL && /Critical|Supportive|Neutral/.test(f.value))).toBe(true);
  });

  it('timeline answers with dated facts', async () => {
    const { text } = await command('timeline');
    expect(lastRequest().text).toBe('timeline');
    expect(text).toContain(testEngine().ask('timeline').results[0]!.title);
  });

  it('help lists the subcommands, only to the asker', async () => {
    const { data, text } = await command('help');
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(text).toContain(INTRO);
    for (const usage of ['/treaty article number:6', '/treaty chapter number:4', '/treaty quotes speaker:HRW', '/treaty timeline']) expect(text).toContain(usage);
  });

  it('private:true answers ephemerally', async () => {
    const { data, text } = await command('article', [int('number', 6), bool('private', true)]);
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(text).toContain('Respect for human rights');
  });

  it('a question over the length limit is refused, only to the asker', async () => {
    const { data, text } = await command('ask', [str('question', 'why '.repeat(200))]);
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(text).toBe(replyMessage({ type: 'too_long', requestId: '', length: 799, maxLength: 500 }));
  });

  it('works in a direct message with the bot', async () => {
    const call = await interact(bot.fake, slashCommand('article', [int('number', 7)], { dm: true }));
    expect(visible(call.body.data)).toContain('Illegal access');
  });
});

describe('autocomplete', () => {
  async function choices(subcommand: string, option: string, typed: string, type: number = OPTION.integer) {
    const call = await interact(bot.fake, autocomplete(subcommand, option, typed, type));
    expect(call.body.type).toBe(8); // APPLICATION_COMMAND_AUTOCOMPLETE_RESULT
    const list = call.body.data.choices as { name: string; value: string | number }[];
    expect(list.length).toBeLessThanOrEqual(25);
    for (const c of list) expect(c.name.length).toBeLessThanOrEqual(100);
    return list;
  }

  it('offers at most 25 of the 68 articles when nothing is typed', async () => {
    const list = await choices('article', 'number', '');
    expect(list).toHaveLength(25);
    expect(list[0]).toEqual({ name: 'Article 1: Statement of purpose', value: 1 });
  });

  it('typed digits match article numbers, the exact number first', async () => {
    const list = await choices('article', 'number', '6');
    expect(list.map((c) => c.value)).toEqual([6, 60, 61, 62, 63, 64, 65, 66, 67, 68]);
  });

  it('typed words match article titles', async () => {
    const list = await choices('article', 'number', 'human rig');
    expect(list.map((c) => c.value)).toContain(6);
    expect(list.every((c) => /human/i.test(c.name))).toBe(true);
    expect(await choices('article', 'number', 'illegal access')).toEqual([{ name: 'Article 7: Illegal access', value: 7 }]);
  });

  it('chapters match by title', async () => {
    const list = await choices('chapter', 'number', 'crim');
    expect(list).toEqual([{ name: 'Chapter II: Criminalization (articles 7–21)', value: 2 }]);
  });

  it('speakers and organisations match by name and acronym', async () => {
    const names = (await choices('quotes', 'speaker', 'deb', OPTION.string)).map((c) => c.value);
    expect(names).toContain('Deborah Brown');
    const orgs = (await choices('quotes', 'speaker', 'hrw', OPTION.string)).map((c) => c.value);
    expect(orgs).toContain('Human Rights Watch');
  });
});

describe('"Ask the treaty bot" message context menu', () => {
  it("answers about the selected message's text, publicly", async () => {
    const target = messagePayload({ author: { id: '1400000000000000009', username: 'carol' }, content: 'article 7' });
    const call = await interact(bot.fake, contextMenu(target));
    expect(lastRequest()).toMatchObject({ text: 'article 7', user: ALICE.id, platform: 'discord' });
    expect(call.body.type).toBe(4);
    expect(visible(call.body.data)).toContain('Illegal access');
    expect((call.body.data.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
  });

  it('a message without text gets an ephemeral explanation', async () => {
    const before = handler.requests.length;
    const call = await interact(bot.fake, contextMenu(messagePayload({ author: ALICE, content: '' })));
    expect(call.body.data).toMatchObject({ content: w.NO_TEXT, flags: MessageFlags.Ephemeral });
    expect(handler.requests.length).toBe(before);
  });
});

describe('slow answers', () => {
  it('defers the interaction, then edits the original response with the answer', async () => {
    const real = recording();
    const slow = handlerFrom(async (r) => { await new Promise((res) => setTimeout(res, 150)); return real.handle(r); });
    const slowBot = await startBot({ handler: slow, tuning: { deferAfterMs: 20 } });
    try {
      const interaction = slashCommand('article', [int('number', 6), bool('private', true)]);
      const callback = await interact(slowBot.fake, interaction);
      expect(callback.body).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } }); // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
      const edit = await slowBot.fake.waitForCall((c) => c.method === 'PATCH' && c.path.endsWith(`/${interaction.token}/messages/@original`));
      expect(visible(edit.body)).toContain('Respect for human rights');
      expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
      expect(sendProblems(slowBot.fake)).toEqual([]);
    } finally {
      await slowBot.stop();
    }
  });
});

describe('refusals and failures', () => {
  it('a user over the rate limit is told when to try again, ephemerally', async () => {
    const limited = await startBot({ handler: testHandler({ rateLimiter: createMemoryRateLimiter(1) }) });
    try {
      expect((await interact(limited.fake, slashCommand('timeline'))).body.data.flags ?? 0).toBe(0);
      const { body } = await interact(limited.fake, slashCommand('timeline'));
      expect(body.data.flags).toBe(MessageFlags.Ephemeral);
      expect(body.data.content).toMatch(/^You're asking faster than I can keep up with\. Try again in \d+ seconds?\.$/);
    } finally {
      await limited.stop();
    }
  });

  // Deferred publicly (no private option), the channel shows "thinking…"; what only the asker should see
  // must not land there. Discord cannot make it ephemeral, and a follow-up would just resolve it publicly.
  const sameForEveryone: [string, Reply | Error][] = [
    ['a rate-limit refusal', { type: 'rate_limited', requestId: 'r', retryAfterSeconds: 7 }],
    ['the help', { type: 'help', requestId: 'r' }],
    ['a failure', new Error('index corrupted')],
  ];
  for (const [what, outcome] of sameForEveryone) {
    it(`${what} after a public defer replaces the "thinking…" with a message only the asker sees`, async () => {
      const slow = handlerFrom(async () => {
        await new Promise((res) => setTimeout(res, 100));
        if (outcome instanceof Error) throw outcome;
        return outcome;
      });
      const slowBot = await startBot({ handler: slow, tuning: { deferAfterMs: 10 } });
      try {
        const interaction = slashCommand('ask', [str('question', 'help')]);
        const token = interaction.token as string;
        expect((await interact(slowBot.fake, interaction)).body).toEqual({ type: 5, data: { flags: 0 } });
        const followUp = await slowBot.fake.waitForCall((c) => c.method === 'POST' && c.path === `/webhooks/${APP_ID}/${token}`);
        expect(slowBot.fake.calls.some((c) => c.method === 'DELETE' && c.path === `/webhooks/${APP_ID}/${token}/messages/@original`)).toBe(true);
        expect(slowBot.fake.hasOriginal(token)).toBe(false);
        expect(slowBot.fake.followUpsFor(token).map((m) => m.flags)).toEqual([MessageFlags.Ephemeral]);
        const expected = outcome instanceof Error ? FAILURE_MESSAGE : outcome.type === 'help' ? INTRO : replyMessage(outcome)!;
        expect(visible(followUp.body)).toContain(expected);
        expect(sendProblems(slowBot.fake)).toEqual([]);
      } finally {
        await slowBot.stop();
      }
    });
  }

  it('if answering throws, the asker still hears that something went wrong', async () => {
    const broken = handlerFrom(async () => { throw new Error('index corrupted'); });
    const failing = await startBot({ handler: broken });
    try {
      const { body } = await interact(failing.fake, slashCommand('timeline'));
      expect(body.data).toMatchObject({ content: FAILURE_MESSAGE, flags: MessageFlags.Ephemeral });
    } finally {
      await failing.stop();
    }
  });
});

describe('every message sent in this file', () => {
  it('stays inside Discord limits and pings nobody', () => {
    expect(bot.fake.calls.length).toBeGreaterThan(10);
    expect(sendProblems(bot.fake)).toEqual([]);
  });
});
