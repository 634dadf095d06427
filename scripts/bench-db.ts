// npm run bench:db — what keeping the question log costs.
//  1. Write cost per request: the same questions through the real handler and engine, 20 at a time,
//     with no log and with the log on the embedded database (PGlite, in memory) and on PostgreSQL
//     (DATABASE_URL or 127.0.0.1:5432/test, a schema of its own, dropped after): the p50/p99 answer
//     latency each way, the difference being what the log adds.
//  2. Insights on 1 million logged questions (generated in SQL over 30 days), per database: the time
//     of the report's queries and grouping, and the memory (RSS, with PGlite's in the process).
import './lib/cli.js';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { databaseOver } from '../src/db/database.js';
import { insightsRows } from '../src/db/insights.js';
import { migrate } from '../src/db/migrations.js';
import { pseudonymiser } from '../src/db/pseudonym.js';
import { openSql, type Sql } from '../src/db/sql.js';
import { buildInsights } from '../src/insights/report.js';
import { openEngine } from '../src/knowledge/open.js';
import { createHandler } from '../src/runtime/handler.js';
import { unlimited } from '../src/runtime/rateLimit.js';
import { createRecorder, type Recorder } from '../src/runtime/recorder.js';

const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5000);
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const QUESTIONS = ['article 6', 'does it cover ransomware?', 'what did HRW say?', 'how do I cook pasta', 'timeline', 'can the police read my messages',
  'article 99', 'what are the objectives?', 'extradition', 'is hacking a crime under the treaty'];
const logger = pino({ level: 'silent' });
const engine = openEngine();
const mib = (n: number) => `${Math.round(n / 1048576)} MiB`;
const pct = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

async function open(kind: 'pglite' | 'postgres'): Promise<{ sql: Sql; drop(): Promise<void> }> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const sql = await openSql(kind === 'postgres' ? { url: PG_URL, schema } : { schema });
  await migrate(sql);
  return { sql, drop: async () => { if (kind === 'postgres') await sql.exec(`DROP SCHEMA ${schema} CASCADE`); await sql.close(); } };
}

async function answerTimes(recorder?: Recorder): Promise<number[]> {
  const handler = createHandler({ engine, logger, rateLimiter: unlimited, maxQuestionLength: 500, record: recorder?.question });
  const times: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < REQUESTS) {
      const i = next++;
      const t = performance.now();
      await handler.handle({ text: QUESTIONS[i % QUESTIONS.length]!, user: `U${i % 300}`, platform: 'slack', workspace: 'T1', channelType: 'channel' });
      // The next request waits for the event loop, as a real one would: writes in between are counted.
      await new Promise((r) => setImmediate(r));
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: 20 }, worker));
  return times;
}

async function writeCost(): Promise<void> {
  await answerTimes(); // warm-up
  const base = await answerTimes();
  console.log(`write cost per request (${REQUESTS} requests, 20 at a time)`);
  console.log(`  no log      p50 ${pct(base, 0.5).toFixed(3)} ms  p99 ${pct(base, 0.99).toFixed(3)} ms`);
  for (const kind of ['pglite', 'postgres'] as const) {
    const { sql, drop } = await open(kind);
    const recorder = createRecorder({
      openDatabase: async () => ({ ...databaseOver(sql), close: async () => undefined }), pseudonymise: pseudonymiser('bench-secret-0123456789'),
      logQuestions: 'full', retentionDays: 90, logger,
    });
    recorder.open();
    await new Promise((r) => setTimeout(r, 200));
    const started = performance.now();
    const times = await answerTimes(recorder);
    await recorder.close(60_000);
    const written = (await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM questions'))[0]!.n;
    const seconds = (performance.now() - started) / 1000;
    console.log(`  ${kind.padEnd(10)}  p50 ${pct(times, 0.5).toFixed(3)} ms  p99 ${pct(times, 0.99).toFixed(3)} ms  (p99 added ${(pct(times, 0.99) - pct(base, 0.99)).toFixed(3)} ms; ${written} rows in ${seconds.toFixed(1)} s)`);
    await drop();
  }
}

async function seed(sql: Sql, rows: number): Promise<void> {
  const list = `ARRAY[${QUESTIONS.map((q) => `'${q.replace(/'/g, "''")}'`).join(',')}, 'pizza recipe ' || (g % 500)]`;
  await sql.exec(`
    INSERT INTO questions (id, at, platform, workspace, channel_type, user_hash, question, intent, outcome, reason, result_ids, latency_ms)
    SELECT gen_random_uuid(), now() - (g % 43200) * interval '1 minute', (ARRAY['slack','discord'])[1 + g % 2], 'T' || (g % 20), 'channel',
           md5((g % 5000)::text), (${list})[1 + g % 11],
           'search', (ARRAY['answered','answered','answered','answered','answered','answered','unsure','refused','refused','rate_limited'])[1 + g % 10],
           CASE WHEN g % 10 IN (7, 8) THEN 'no_match' WHEN g % 10 = 6 THEN 'unknown_article' END,
           ARRAY['article-' || (1 + g % 68)], (g % 1000) / 100.0
      FROM generate_series(1, ${rows}) AS g`);
  await sql.exec(`INSERT INTO feedback (request_id, user_hash, at, platform, vote, comment, result_ids)
    SELECT id, user_hash, at, platform, CASE WHEN random() < 0.3 THEN 'down' ELSE 'up' END, 'comment', result_ids FROM questions WHERE random() < 0.001`);
}

/** One database per process, so each memory figure is its own (WebAssembly memory is never returned). */
async function insightsCost(kind: 'pglite' | 'postgres'): Promise<void> {
  {
    const { sql, drop } = await open(kind);
    const t0 = performance.now();
    await seed(sql, ROWS);
    const seeded = (performance.now() - t0) / 1000;
    const before = process.memoryUsage().rss;
    let peak = before;
    let heap = 0;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); heap = Math.max(heap, process.memoryUsage().heapUsed); }, 20);
    for (const days of [7, 30]) {
      const since = new Date(Date.now() - days * 86_400_000);
      const t = performance.now();
      const report = buildInsights(await insightsRows(sql, { since }), { since });
      // PGlite's queries hold the event loop, so the sampler may not run during them: sample here too.
      peak = Math.max(peak, process.memoryUsage().rss);
      heap = Math.max(heap, process.memoryUsage().heapUsed);
      console.log(`  ${kind.padEnd(10)} ${String(days).padStart(2)} days: ${report.total.toLocaleString('en')} questions in ${((performance.now() - t) / 1000).toFixed(2)} s`);
    }
    clearInterval(sampler);
    console.log(`  ${kind.padEnd(10)} seeding ${seeded.toFixed(1)} s; during the reports RSS ${mib(before)} → peak ${mib(peak)}, JS heap peak ${mib(heap)}${kind === 'pglite' ? ' (RSS includes the database)' : ' (the server\'s memory not included)'}`);
    await drop();
  }
}

const only = process.argv.indexOf('--insights');
if (only >= 0) await insightsCost(process.argv[only + 1] === 'postgres' ? 'postgres' : 'pglite');
else {
  await writeCost();
  console.log(`insights on ${ROWS.toLocaleString('en')} logged questions (30 days; report over the last 7 days and over all 30)`);
  for (const kind of ['pglite', 'postgres']) {
    execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, '--insights', kind], { stdio: 'inherit', env: process.env });
  }
}
