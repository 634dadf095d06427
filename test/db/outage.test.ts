// A database that fails while the bot runs (read-only, or the server gone) never stops an answer: one
// warning per outage, /readyz stays ready and names it, at most maxPending records wait, and writing
// resumes when the database is back.
import { createServer, type Server, type Socket, connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startBot } from '../../adapters/bot.js';
import { databaseOver, openDatabase } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrations.js';
import { pseudonymiser } from '../../src/db/pseudonym.js';
import { parseConfig } from '../../src/runtime/config.js';
import { createHandler } from '../../src/runtime/handler.js';
import { unlimited } from '../../src/runtime/rateLimit.js';
import { createRecorder } from '../../src/runtime/recorder.js';
import { testEngine } from '../helpers/engine.js';
import { startHarness } from '../slack/harness.js';
import { POSTGRES_URL, freshSql, schemaName } from './databases.js';
import { KEY, logged, rowsOnce } from './logged.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => { for (const c of cleanups.splice(0).reverse()) await c(); });

function capture() {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (l: string) => void lines.push(JSON.parse(l)) });
  return { logger, warnings: () => lines.filter((l) => l.level === 40 && /database unavailable/.test(l.msg)), lines };
}

/** A TCP proxy to PostgreSQL that can be cut (the server "goes down") and restored on the same port. */
async function proxy(): Promise<{ url: string; down(): Promise<void>; up(): Promise<void> }> {
  const target = new URL(POSTGRES_URL);
  let server: Server | undefined;
  let port = 0;
  const sockets = new Set<Socket>();
  const up = async () => {
    server = createServer((client) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      for (const s of [client, upstream]) { sockets.add(s); s.on('close', () => sockets.delete(s)); s.on('error', () => undefined); }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  };
  await up();
  return {
    url: `postgres://${target.username}@127.0.0.1:${port}${target.pathname}`,
    up,
    async down() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    },
  };
}

async function ask(slack: Awaited<ReturnType<typeof startHarness>>, text: string): Promise<string> {
  const { responseUrl } = await slack.command(text);
  return JSON.stringify(await slack.fake.responseAt(new URL(responseUrl).pathname));
}

describe('database failures while running', () => {
  it('PGlite turned read-only: answers continue, one warning, rows written once it is writable again', async () => {
    const { logger, warnings } = capture();
    const log = await logged('pglite', { logger });
    cleanups.push(() => log.close());
    const slack = await startHarness({ handler: log.handler, recorder: log.recorder });
    cleanups.push(() => slack.close());
    await ask(slack, 'article 6');
    await rowsOnce(log.sql, 'questions', 1);
    await log.sql.exec('SET default_transaction_read_only = on');
    for (const q of ['article 7', 'article 8', 'timeline']) expect(await ask(slack, q)).toMatch(/Article|timeline|20\d\d/i);
    await new Promise((r) => setTimeout(r, 200));
    expect(log.recorder.status()).toBe('unavailable');
    expect(warnings()).toHaveLength(1);
    await log.sql.exec('SET default_transaction_read_only = off');
    expect(await rowsOnce(log.sql, 'questions', 4)).toHaveLength(4);
    expect(log.recorder.status()).toBe('ok');
  });

  it('PostgreSQL gone: answers continue, one warning, rows written once it is back', async () => {
    const { logger, warnings } = capture();
    const pg = await proxy();
    const schema = schemaName();
    const inspect = await freshSql('postgres', schema);
    cleanups.push(() => inspect.close());
    await migrate(inspect);
    const recorder = createRecorder({
      openDatabase: () => openDatabase({ url: pg.url, schema }), pseudonymise: pseudonymiser(KEY), logQuestions: 'full', retentionDays: 90, logger, retryMs: 50, maxRetryMs: 100,
    });
    recorder.open();
    cleanups.push(() => recorder.close(2000));
    const handler = createHandler({ engine: testEngine(), logger, rateLimiter: unlimited, maxQuestionLength: 500, record: recorder.question });
    const slack = await startHarness({ handler, recorder });
    cleanups.push(() => slack.close());
    await ask(slack, 'article 6');
    await rowsOnce(inspect, 'questions', 1);
    await pg.down();
    for (const q of ['article 7', 'article 8', 'timeline']) expect(await ask(slack, q)).toMatch(/Article|timeline|20\d\d/i);
    const deadline = Date.now() + 5000;
    while (recorder.status() !== 'unavailable' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(recorder.status()).toBe('unavailable');
    await pg.up();
    expect(await rowsOnce(inspect, 'questions', 4)).toHaveLength(4);
    expect(warnings()).toHaveLength(1);
  });

  it('keeps at most maxPending records while the database cannot be opened, the newest; /readyz stays ready and names it', async () => {
    const { logger, warnings } = capture();
    const sql = await freshSql('pglite');
    cleanups.push(() => sql.close());
    let reachable = false;
    await migrate(sql);
    const recorder = createRecorder({
      openDatabase: async () => { if (!reachable) throw new Error('connect ECONNREFUSED'); return { ...databaseOver(sql), close: async () => undefined }; },
      pseudonymise: pseudonymiser(KEY), logQuestions: 'full', retentionDays: 90, logger, maxPending: 5, retryMs: 30, maxRetryMs: 30,
    });
    const parsed = parseConfig({ LOG_QUESTIONS: 'off' });
    if (!parsed.ok) throw new Error('config');
    const input = new PassThrough();
    const output = new PassThrough();
    output.resume();
    const bot = await startBot({
      config: { ...parsed.config, healthPort: 0 }, logger, healthHost: '127.0.0.1', openEngine: testEngine, recorder,
      console: { input, output, interactive: false, user: 'tester' },
    });
    cleanups.push(() => bot.stop());
    for (let i = 1; i <= 12; i += 1) input.write(`article ${i}\n`);
    await new Promise((r) => setTimeout(r, 300));
    const ready = await fetch(`http://127.0.0.1:${bot.health!.port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', degraded: ['database'] });
    expect(warnings()).toHaveLength(1);
    reachable = true;
    const rows = await rowsOnce<{ question: string }>(sql, 'questions', 5);
    await new Promise((r) => setTimeout(r, 100));
    expect((await sql.query<{ question: string }>('SELECT question FROM questions ORDER BY at')).map((r) => r.question))
      .toEqual(['article 8', 'article 9', 'article 10', 'article 11', 'article 12']);
    expect(rows.length).toBe(5);
    expect(await (await fetch(`http://127.0.0.1:${bot.health!.port}/readyz`)).json()).toEqual({ status: 'ready' });
  });
});
