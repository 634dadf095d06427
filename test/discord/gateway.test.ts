// The gateway connection itself: what the client identifies with, heartbeats, and surviving the server
// dropping the connection mid-session (resume, or a fresh identify when the session cannot be resumed).
import { afterEach, describe, expect, it } from 'vitest';
import { GatewayIntentBits } from 'discord.js';
import pino from 'pino';
import { startDiscord } from '../../adapters/discord/index.js';
import { testEngine, testHandler } from '../helpers/engine.js';
import { FakeDiscord } from './fakeDiscord.js';
import { interact, startBot, until, visible, type Bot } from './harness.js';
import { APP_ID, OPTION, TOKEN, slashCommand } from './payloads.js';
import { createMemoryStore } from '../../src/runtime/state/store.js';

let bot: Bot | undefined;
afterEach(async () => { await bot?.stop(); bot = undefined; });

const article = (n: number) => slashCommand('article', [{ name: 'number', type: OPTION.integer, value: n }]);

describe('gateway', () => {
  it('fetches the gateway URL over REST, identifies with no privileged intent, and keeps the session alive with heartbeats', async () => {
    bot = await startBot();
    const { fake } = bot;
    expect(fake.calls[0]).toMatchObject({ method: 'GET', path: '/gateway/bot', authorization: `Bot ${TOKEN}` });
    // Message Content is not needed: mentions, replies to the bot and DMs arrive with their content.
    const want = GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages;
    expect(fake.lastIdentify).toMatchObject({ token: TOKEN, intents: want });
    // Unacknowledged heartbeats make discord.js drop the connection as a zombie and resume; three
    // heartbeats on the first session show the fake's ACKs are understood.
    await until(() => fake.heartbeats >= 3, 3000);
    expect(fake.identifies).toBe(1);
    expect(fake.resumes).toBe(0);
  });

  it('a wrong token fails start-up with an error instead of hanging', async () => {
    const fake = await FakeDiscord.start();
    try {
      const start = startDiscord({
        handler: testHandler(), engine: testEngine(), logger: pino({ level: 'silent' }), store: createMemoryStore(), health: { isReady: () => true },
        config: { token: 'wrong-token', applicationId: APP_ID, apiUrl: fake.apiUrl },
      }, { clientOptions: { rest: { retries: 0 } } });
      await expect(start).rejects.toThrow(/token/i);
      expect(fake.identifies).toBe(0);
    } finally {
      await fake.close();
    }
  });

  it('the fake, like a new application, refuses Message Content, so every test here runs without it', async () => {
    const fake = await FakeDiscord.start();
    try {
      const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent];
      const start = startDiscord({
        handler: testHandler(), engine: testEngine(), logger: pino({ level: 'silent' }), store: createMemoryStore(), health: { isReady: () => true },
        config: { token: TOKEN, applicationId: APP_ID, apiUrl: fake.apiUrl },
      }, { clientOptions: { intents, rest: { retries: 0 } } });
      await expect(start).rejects.toThrow(/disallowed intent/i);
    } finally {
      await fake.close();
    }
  });

  it('resumes after the server drops the connection, and answers the next interaction', async () => {
    bot = await startBot();
    const { fake } = bot;
    expect((await interact(fake, article(6))).body.type).toBe(4);
    expect(bot.adapter.connected?.()).toBe(true);
    fake.disconnect(4000); // unknown error: resumable
    await until(() => fake.resumes === 1);
    await until(() => bot!.adapter.connected?.() === true); // what /readyz reports
    const call = await interact(fake, article(7));
    expect(visible(call.body.data)).toContain('Illegal access');
    expect(fake.identifies).toBe(1); // resumed, not a new session
  });

  it('an interaction sent while disconnected is replayed on resume and answered', async () => {
    bot = await startBot();
    const { fake } = bot;
    fake.disconnect(4000);
    await until(() => !fake.connected);
    const call = await interact(fake, article(8)); // dispatched into the outage, delivered on resume
    expect(fake.resumes).toBe(1);
    expect(visible(call.body.data)).toContain('Article 8');
  });

  it('identifies afresh when the session cannot be resumed', async () => {
    // No identify throttling in tests: discord.js otherwise waits up to 6.5 s before a second identify.
    bot = await startBot({ tuning: { clientOptions: { ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) } } } });
    const { fake } = bot;
    fake.disconnect(4007); // invalid sequence: the session is gone
    await until(() => fake.identifies === 2);
    const call = await interact(fake, article(6));
    expect(visible(call.body.data)).toContain('Respect for human rights');
    expect(fake.resumes).toBe(0);
  });
});
