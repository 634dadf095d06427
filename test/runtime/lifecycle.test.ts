// The real program (adapters/main.ts) as an operator and a supervisor see it: shutdown under load tells
// the truth (readyz false, "restarting" to newcomers, the dropped count and a non-zero exit), a second
// SIGTERM forces the exit, shutdown finishes with stdout gone, start-up can be interrupted or time out
// with a message, and a busy PORT is named as such.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdapterStartError, StartupTimeoutError, startBot } from '../../adapters/bot.js';
import { parseConfig } from '../../src/runtime/config.js';
import { testEngine } from '../helpers/engine.js';
import { freePort, waitUntil } from '../helpers/redis.js';
import { startFakeSlack, type FakeSlack } from '../slack/fakeSlack.js';
import { SECRET, command, startProgram, type Program } from './program.js';

/** An HTTP server that takes requests and never answers them (a response URL, or auth.test, hanging). */
async function blackHole(): Promise<{ url: string; received: () => number; server: Server }> {
  let received = 0;
  const server = createServer(() => { received++; });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received: () => received, server };
}

// Each program takes a second or two to start, so the tests run at once; anything left is killed at the end.
const running: Program[] = [];
afterAll(() => {
  for (const p of running.splice(0)) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
});

describe.concurrent('shutdown of the real program (Slack HTTP mode)', () => {
  let fake: FakeSlack;
  let hole: Awaited<ReturnType<typeof blackHole>>;
  beforeAll(async () => {
    fake = await startFakeSlack();
    hole = await blackHole();
  });
  afterAll(async () => {
    hole.server.closeAllConnections();
    hole.server.close();
    await fake.close();
  });

  async function started(shutdownMs: number) {
    const port = await freePort();
    const p = startProgram({ SLACK_BOT_TOKEN: 'xoxb-life', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(port), SHUTDOWN_TIMEOUT_MS: String(shutdownMs) });
    running.push(p);
    await waitUntil(() => p.logs.some((l) => l.msg === 'ready'), 40_000, 'ready');
    // An acknowledged command whose answer can never be delivered: its response URL does not answer.
    const before = hole.received();
    expect((await command(port, 'article 6', `${hole.url}/respond/stuck`)).status).toBe(200);
    await waitUntil(() => hole.received() > before, 5_000, 'the stuck delivery');
    return { p, port };
  }

  it('SIGTERM: /readyz false and "restarting" for newcomers at once; the dropped answer logged; exit 1', async ({ expect }) => {
    const { p, port } = await started(1_500);
    p.kill('SIGTERM');
    await waitUntil(() => p.logs.some((l) => l.msg === 'shutting down'), 5_000, 'shutting down');
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(503);
    const late = fake.responseUrl();
    expect((await command(port, 'article 7', late)).status).toBe(200);
    expect(JSON.stringify(await fake.responseAt(new URL(late).pathname))).toContain("I'm restarting");
    const { code, afterMs } = await p.exited;
    expect(code).toBe(1);
    expect(afterMs).toBeLessThan(8_000);
    expect(p.logs.find((l) => String(l.msg).includes('could not be answered'))).toMatchObject({ dropped: 1 });
    expect(p.logs.at(-1)).toMatchObject({ msg: 'stopped', dropped: 1 });
  }, 60_000);

  it('a second SIGTERM exits at once, without waiting for the drain', async ({ expect }) => {
    const { p } = await started(60_000);
    p.kill('SIGTERM');
    await waitUntil(() => p.logs.some((l) => l.msg === 'shutting down'), 5_000, 'shutting down');
    p.kill('SIGTERM');
    const { code, afterMs } = await p.exited;
    expect(code).toBe(143);
    expect(afterMs).toBeLessThan(3_000);
  }, 60_000);

  it('SIGTERM with stdout gone (its reader closed): shutdown still completes within the timeout', async ({ expect }) => {
    const { p } = await started(500);
    p.child.stdout!.destroy(); // every log line from now on meets EPIPE
    p.kill('SIGTERM');
    const { code, afterMs } = await p.exited;
    expect(code).toBe(1); // the stuck answer was dropped, and said so (to nobody)
    expect(afterMs).toBeLessThan(6_000);
  }, 60_000);
});

describe.concurrent('start-up of the real program', () => {
  it('SIGTERM while auth.test hangs: exits 0 with a message', async ({ expect }) => {
    const hole = await blackHole();
    const p = startProgram({ SLACK_BOT_TOKEN: 'xoxb-life', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${hole.url}/api/`, PORT: String(await freePort()) });
    running.push(p);
    await waitUntil(() => hole.received() > 0, 40_000, 'auth.test');
    p.kill('SIGTERM');
    const { code, signal } = await p.exited;
    hole.server.closeAllConnections();
    hole.server.close();
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(p.stderr()).toContain('Stopped by SIGTERM during start-up');
  }, 60_000);

  it('PORT already in use: says so, not "check the tokens"', async ({ expect }) => {
    const fake = await startFakeSlack();
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const port = (taken.address() as AddressInfo).port;
    const p = startProgram({ SLACK_BOT_TOKEN: 'xoxb-life', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(port) });
    running.push(p);
    const { code } = await p.exited;
    taken.close();
    await fake.close();
    expect(code).toBe(1);
    expect(p.stderr()).toMatch(/already in use/);
    expect(p.stderr()).toContain(String(port));
    expect(p.stderr()).not.toMatch(/check SLACK_BOT_TOKEN/);
  }, 60_000);
});

describe('start-up timeouts (in-process)', () => {
  const consoleOptions = { input: process.stdin, output: process.stdout, interactive: false, user: 't' };
  it.each([
    ['Slack whose auth.test never answers', (url: string) => ({ SLACK_BOT_TOKEN: 'xoxb-life', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${url}/api/`, PORT: '1' }), /auth\.test/],
    ['a Discord gateway that never answers', (url: string) => ({ DISCORD_TOKEN: 'x'.repeat(30), DISCORD_APPLICATION_ID: '1100000000000000001', DISCORD_API_URL: url }), /gateway/],
  ])('%s: fails after the timeout, naming what it waited for', async (_what, env, names) => {
    const hole = await blackHole();
    const parsed = parseConfig(env(hole.url));
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const started = Date.now();
    const error = await startBot({ config: parsed.config, logger: pino({ level: 'silent' }), openEngine: testEngine, console: consoleOptions, startupTimeoutMs: 400 })
      .then(() => undefined, (e: unknown) => e);
    hole.server.closeAllConnections();
    hole.server.close();
    expect(error).toBeInstanceOf(AdapterStartError);
    expect((error as AdapterStartError).cause).toBeInstanceOf(StartupTimeoutError);
    expect((error as Error).message).toMatch(names);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
