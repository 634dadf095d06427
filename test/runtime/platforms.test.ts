// A full configuration starts the right adapters — the real Slack (Bolt) and Discord (discord.js)
// adapters, connecting to the platforms' local test servers on loopback, never the internet.
import { PassThrough } from 'node:stream';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { AdapterStartError, startBot, type RunningBot } from '../../adapters/bot.js';
import { parseConfig, type Config } from '../../src/runtime/config.js';
import { FakeDiscord } from '../discord/fakeDiscord.js';
import { APP_ID, TOKEN } from '../discord/payloads.js';
import { startFakeSlack, type FakeSlack } from '../slack/fakeSlack.js';
import { testEngine } from '../helpers/engine.js';
import { runMain } from './spawnMain.js';

const BOT = ['xoxb', '111', '222', 'abcdefABCDEF'].join('-');
const APP = ['xapp', '1', 'A111', '222', 'abcdef'].join('-');
const SECRET = 'test-signing-secret-0123456789abcdef';

/** The fake Slack Web API plus a Socket Mode WebSocket that says hello, as Slack's does. */
async function slackWithSocket(): Promise<{ fake: FakeSlack; connections(): number; close(): Promise<void> }> {
  const fake = await startFakeSlack();
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  fake.setResult('apps.connections.open', { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link` });
  wss.on('connection', (ws) => ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0APP' } })));
  return {
    fake,
    connections: () => [...wss.clients].filter((ws) => ws.readyState === ws.OPEN).length,
    async close() {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await fake.close();
    },
  };
}

async function until(check: () => boolean, what: string, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function config(env: Record<string, string>): Config {
  // No question log: these tests are about platforms, and the embedded database would land in the repo.
  const result = parseConfig({ LOG_QUESTIONS: 'off', ...env });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config;
}

const consoleOptions = () => ({ input: new PassThrough(), output: new PassThrough(), interactive: false, user: 'tester' });

describe('startBot with platform credentials', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('Slack bot + app token and Discord token + id: Slack in Socket Mode and Discord, no console; ready', async () => {
    const slack = await slackWithSocket();
    cleanups.push(() => slack.close());
    const discord = await FakeDiscord.start();
    cleanups.push(() => discord.close());
    const lines: { msg: string; mode?: string }[] = [];
    const logger = pino({ level: 'info' }, { write: (l: string) => void lines.push(JSON.parse(l)) });

    const bot = await startBot({
      config: { ...config({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: slack.fake.apiUrl, DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: discord.apiUrl }), healthPort: 0 },
      logger, healthHost: '127.0.0.1', openEngine: testEngine, console: consoleOptions(),
    });
    cleanups.push(() => bot.stop());

    expect(bot.adapters.map((a) => a.name).sort()).toEqual(['discord', 'slack']);
    expect(lines.some((l) => l.msg === 'starting slack (socket mode)')).toBe(true);
    expect(lines.some((l) => l.msg === 'starting discord')).toBe(true);
    expect(slack.fake.calls.find((c) => c.method === 'apps.connections.open')?.authorization).toBe(`Bearer ${APP}`);
    expect(discord.connected).toBe(true);
    expect((await fetch(`http://127.0.0.1:${bot.health!.port}/readyz`)).status).toBe(200);

    await bot.stop();
    expect(discord.connected).toBe(false);
  });

  it('Slack bot token + signing secret: Slack over HTTP, whose own /readyz follows the bot', async () => {
    const fake = await startFakeSlack();
    cleanups.push(() => fake.close());
    const parsed = config({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl });
    // Port 0 (any free port) is for tests only; parseConfig rightly refuses it.
    const bot = await startBot({
      config: { ...parsed, slack: { ...parsed.slack!, port: 0 } },
      logger: pino({ level: 'silent' }), openEngine: testEngine, console: consoleOptions(),
    });
    cleanups.push(() => bot.stop());
    expect(bot.adapters.map((a) => a.name)).toEqual(['slack']);
    expect(fake.calls.find((c) => c.method === 'auth.test')?.authorization).toBe(`Bearer ${BOT}`);
    const port = (bot.adapters[0] as { port?: number }).port!;
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    await bot.stop();
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it('an adapter that cannot connect fails the start, named, and leaves nothing running', async () => {
    const slack = await slackWithSocket();
    cleanups.push(() => slack.close());
    const discord = await FakeDiscord.start();
    cleanups.push(() => discord.close());
    const start = startBot({
      config: { ...config({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: slack.fake.apiUrl, DISCORD_TOKEN: 'not-the-token', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: discord.apiUrl }), healthPort: 0 },
      logger: pino({ level: 'silent' }), healthHost: '127.0.0.1', openEngine: testEngine, console: consoleOptions(),
    });
    const error = await start.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(AdapterStartError);
    expect((error as AdapterStartError).adapter).toBe('discord');
    // Slack had connected in parallel; the failed start disconnected it again.
    expect(slack.fake.calls.some((c) => c.method === 'apps.connections.open')).toBe(true);
    await until(() => slack.connections() === 0, 'the Slack socket to close');
  });
});

describe('npm start with platform credentials', () => {
  it('starts Slack (Socket Mode) and Discord against the local test servers, logs which, and stops on SIGTERM', async () => {
    const slack = await slackWithSocket();
    const discord = await FakeDiscord.start();
    try {
      const result = await runMain({
        env: { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: slack.fake.apiUrl, DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: discord.apiUrl, LOG_LEVEL: 'info', LOG_PRETTY: 'false' },
        signal: { name: 'SIGTERM', when: ({ stdout }) => stdout.includes('"msg":"ready"') },
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const logs = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { msg: string; adapters?: string[] });
      expect(logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['starting slack (socket mode)', 'starting discord', 'shutting down', 'stopped']));
      expect(logs.find((l) => l.msg === 'ready')?.adapters?.sort()).toEqual(['discord', 'slack']);
      expect(result.stdout).not.toContain(BOT);
      expect(result.stdout).not.toContain(APP);
      expect(result.stdout).not.toContain(TOKEN);
    } finally {
      await slack.close();
      await discord.close();
    }
  });

  it('exits 1 naming the adapter and the settings to check when a platform refuses the credentials', async () => {
    const discord = await FakeDiscord.start();
    try {
      const result = await runMain({ env: { DISCORD_TOKEN: 'wrong-token', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: discord.apiUrl } });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^Cannot start: an adapter did not connect:\n {2}- discord: .+\(check DISCORD_TOKEN/);
      expect(result.stderr).not.toContain('wrong-token');
    } finally {
      await discord.close();
    }
  });
});
