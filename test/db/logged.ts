// A real handler whose requests are recorded into a fresh schema of either database, for tests that
// drive the real adapters and then read what was kept.
import pino from 'pino';
import { databaseOver } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrations.js';
import { pseudonymiser } from '../../src/db/pseudonym.js';
import type { Sql } from '../../src/db/sql.js';
import { createHandler, type Handler } from '../../src/runtime/handler.js';
import type { Logger } from '../../src/runtime/logger.js';
import { createMemoryRateLimiter } from '../../src/runtime/rateLimit.js';
import { createRecorder, type LogQuestions, type Recorder } from '../../src/runtime/recorder.js';
import { testEngine } from '../helpers/engine.js';
import { freshSql, type Kind } from './databases.js';

export const KEY = 'test-pseudonym-secret-0123456789';

export interface Logged {
  sql: Sql;
  recorder: Recorder;
  handler: Handler;
  close(): Promise<void>;
}

export async function logged(kind: Kind, options: { logQuestions?: LogQuestions; perMinute?: number; logger?: Logger } = {}): Promise<Logged> {
  const sql = await freshSql(kind);
  await migrate(sql);
  const logger = options.logger ?? pino({ level: 'silent' });
  // The recorder gets its own view of the database: closing it must not drop the schema under the test.
  const recorder = createRecorder({
    openDatabase: async () => ({ ...databaseOver(sql), close: async () => undefined }),
    pseudonymise: pseudonymiser(KEY),
    logQuestions: options.logQuestions ?? 'full',
    retentionDays: 90,
    logger,
    retryMs: 20,
  });
  recorder.open();
  const handler = createHandler({
    engine: testEngine(), logger, rateLimiter: createMemoryRateLimiter(options.perMinute ?? 1000), maxQuestionLength: 500, record: recorder.question,
  });
  return { sql, recorder, handler, close: async () => { await recorder.close(2000); await sql.close(); } };
}

/** Rows of a table once there are at least `n` (writes are batched, a moment after each answer). */
export async function rowsOnce<T = Record<string, unknown>>(sql: Sql, table: string, n: number, order = 'at'): Promise<T[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const rows = await sql.query(`SELECT * FROM ${table} ORDER BY ${order}`);
    if (rows.length >= n) return rows as T[];
    if (Date.now() > deadline) throw new Error(`expected ${n} rows in ${table}, found ${rows.length}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** How many rows of any table hold this text anywhere (the whole row as text). */
export async function rowsContaining(sql: Sql, text: string): Promise<number> {
  let n = 0;
  for (const table of ['questions', 'feedback', 'slack_installations']) {
    const rows = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} t WHERE t::text LIKE $1`, [`%${text}%`]);
    n += rows[0]!.n;
  }
  return n;
}
