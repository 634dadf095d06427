// The one interface the bot and the scripts use to keep what they learn: open (and migrate) the
// database, write questions and feedback, apply retention, forget a user. Every query is here or in a
// sibling file of src/db/, written once for PGlite and PostgreSQL alike.
import { migrate } from './migrations.js';
import { openSql, type OpenOptions, type Queryable, type Sql } from './sql.js';

export type Outcome = 'answered' | 'unsure' | 'refused' | 'rate_limited' | 'too_long' | 'help' | 'shutting_down' | 'busy';
export type ChannelType = 'dm' | 'channel' | 'thread';

export interface QuestionRow {
  id: string;
  at: Date;
  platform: string;
  workspace?: string;
  channelType?: ChannelType;
  userHash: string;
  /** Undefined when LOG_QUESTIONS=redacted. */
  question?: string;
  intent?: string;
  outcome: Outcome;
  reason?: string;
  resultIds: string[];
  latencyMs: number;
}

export interface FeedbackRow {
  requestId: string;
  userHash: string;
  at: Date;
  platform: string;
  vote: 'up' | 'down';
  /** "What was wrong?", at most 500 characters; a later vote without one keeps the earlier comment. */
  comment?: string;
  resultIds: string[];
}

export interface Deleted {
  questions: number;
  feedback: number;
}

export interface Database {
  readonly sql: Sql;
  writeQuestions(rows: QuestionRow[]): Promise<void>;
  writeFeedback(row: FeedbackRow): Promise<void>;
  /** Retention: delete every question and feedback row older than `cutoff`. */
  deleteOlderThan(cutoff: Date): Promise<Deleted>;
  /** Delete every row of one pseudonymous user. */
  forgetUser(userHash: string): Promise<Deleted>;
  close(): Promise<void>;
}

export const MAX_COMMENT = 500;

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const sql = await openSql(options);
  try {
    await migrate(sql);
  } catch (error) {
    await sql.close().catch(() => undefined);
    throw error;
  }
  return databaseOver(sql);
}

export function databaseOver(sql: Sql): Database {
  return {
    sql,
    writeQuestions: (rows) => writeQuestions(sql, rows),
    writeFeedback: (row) => writeFeedback(sql, row),
    deleteOlderThan: (cutoff) => deleteWhere(sql, 'at < $1', [cutoff]),
    forgetUser: (userHash) => deleteWhere(sql, 'user_hash = $1', [userHash]),
    close: () => sql.close(),
  };
}

/** Many rows in one statement: the batch travels as one JSON parameter, the same on both databases. */
async function writeQuestions(db: Queryable, rows: QuestionRow[]): Promise<void> {
  if (!rows.length) return;
  const json = rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    platform: r.platform,
    workspace: r.workspace ?? null,
    channel_type: r.channelType ?? null,
    user_hash: r.userHash,
    question: r.question ?? null,
    intent: r.intent ?? null,
    outcome: r.outcome,
    reason: r.reason ?? null,
    result_ids: r.resultIds,
    latency_ms: r.latencyMs,
  }));
  // ON CONFLICT: a batch retried after a lost acknowledgement must not fail on rows already written.
  await db.query(
    `INSERT INTO questions SELECT * FROM json_populate_recordset(NULL::questions, $1::json) ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(json)],
  );
}

async function writeFeedback(db: Queryable, f: FeedbackRow): Promise<void> {
  const comment = f.comment === undefined ? null : [...f.comment].slice(0, MAX_COMMENT).join('');
  await db.query(
    `INSERT INTO feedback (request_id, user_hash, at, platform, vote, comment, result_ids)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (request_id, user_hash) DO UPDATE
       SET vote = EXCLUDED.vote, at = EXCLUDED.at, comment = COALESCE(EXCLUDED.comment, feedback.comment),
           result_ids = CASE WHEN cardinality(EXCLUDED.result_ids) > 0 THEN EXCLUDED.result_ids ELSE feedback.result_ids END`,
    [f.requestId, f.userHash, f.at, f.platform, f.vote, comment, f.resultIds],
  );
}

async function deleteWhere(sql: Sql, where: string, params: unknown[]): Promise<Deleted> {
  return sql.transaction(async (tx) => {
    const q = await tx.query<{ n: number }>(`WITH d AS (DELETE FROM questions WHERE ${where} RETURNING 1) SELECT count(*)::int AS n FROM d`, params);
    const f = await tx.query<{ n: number }>(`WITH d AS (DELETE FROM feedback WHERE ${where} RETURNING 1) SELECT count(*)::int AS n FROM d`, params);
    return { questions: q[0]?.n ?? 0, feedback: f[0]?.n ?? 0 };
  });
}
