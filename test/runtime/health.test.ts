// GET /healthz and /readyz on HEALTH_PORT: the server alone, then as the bot runs it (ready once the
// knowledge base is indexed and the adapters started, unready from the moment shutdown begins).
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../adapters/bot.js';
import { parseConfig, type Config } from '../../src/runtime/config.js';
import { startHealthServer, type HealthServer } from '../../src/runtime/health.js';
import { testEngine } from '../helpers/engine.js';

async function get(port: number, path: string, method = 'GET'): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { method });
  return { status: res.status, body: await res.json() };
}

describe('health server', () => {
  let server: HealthServer | undefined;
  afterEach(async () => server?.close());

  it('/healthz is 200 at once; /readyz is 503 until ready, then 200', async () => {
    let ready = false;
    server = await startHealthServer({ port: 0, host: '127.0.0.1', isReady: () => ready });
    expect(await get(server.port, '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await get(server.port, '/readyz')).toEqual({ status: 503, body: { status: 'not_ready' } });
    ready = true;
    expect(await get(server.port, '/readyz')).toEqual({ status: 200, body: { status: 'ready' } });
    expect((await get(server.port, '/healthz?verbose=1')).status).toBe(200);
  });

  it('/readyz stays 200 on a fallback, and its body names the degraded part', async () => {
    let degraded: string[] = ['redis'];
    server = await startHealthServer({ port: 0, host: '127.0.0.1', isReady: () => true, degraded: () => degraded });
    expect(await get(server.port, '/readyz')).toEqual({ status: 200, body: { status: 'ready', degraded: ['redis'] } });
    degraded = [];
    expect(await get(server.port, '/readyz')).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('other paths are 404 and other methods 405', async () => {
    server = await startHealthServer({ port: 0, host: '127.0.0.1', isReady: () => true });
    expect((await get(server.port, '/')).status).toBe(404);
    expect((await get(server.port, '/healthz', 'POST')).status).toBe(405);
  });

  it('close() returns promptly even with a keep-alive connection open', async () => {
    const s = await startHealthServer({ port: 0, host: '127.0.0.1', isReady: () => true });
    await get(s.port, '/healthz');
    const started = Date.now();
    await s.close();
    expect(Date.now() - started).toBeLessThan(500);
  });
});

function consoleConfig(env: Record<string, string> = {}): Config {
  // No question log here (test/db/ covers it); the embedded database would land in the repo.
  const result = parseConfig({ LOG_QUESTIONS: 'off', ...env });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return { ...result.config, healthPort: 0 };
}

describe('the bot with a health server', () => {
  let bot: RunningBot | undefined;
  afterEach(async () => bot?.stop());

  it('is ready once started, unready while stopping, and closes the health server on stop', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    bot = await startBot({
      config: consoleConfig(), logger: pino({ level: 'silent' }), healthHost: '127.0.0.1', openEngine: testEngine,
      console: { input, output, interactive: false, user: 'tester' },
    });
    const port = bot.health!.port;
    expect(bot.adapters.map((a) => a.name)).toEqual(['console']);
    expect(await get(port, '/readyz')).toEqual({ status: 200, body: { status: 'ready' } });

    const stopping = bot.stop();
    expect(bot.isReady()).toBe(false);
    await stopping;
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
