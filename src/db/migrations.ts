// The schema, as numbered SQL migrations applied in order at start. A migration, once landed, is never
// edited: a change is a new one at the end. Each runs in its own transaction together with the row that
// records it, so a failure leaves the database at the previous version, never half-way.
import type { Sql } from './sql.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'question log',
    sql: `
      CREATE TABLE questions (
        id uuid PRIMARY KEY,                 -- the request id, also carried by feedback buttons
        at timestamptz NOT NULL,
        platform text NOT NULL,              -- slack, discord, console
        workspace text,                      -- Slack team or Discord guild id; NULL in DMs and the console
        channel_type text,                   -- dm, channel, thread
        user_hash text NOT NULL,             -- keyed HMAC of the platform user id, never the id itself
        question text,                       -- NULL when LOG_QUESTIONS=redacted
        intent text,
        outcome text NOT NULL,               -- answered, unsure, refused, rate_limited, too_long, help, shutting_down
        reason text,                         -- why, for unsure and refused (no_match, unknown_article, ...)
        result_ids text[] NOT NULL DEFAULT '{}',
        latency_ms real NOT NULL
      );
      CREATE INDEX questions_at ON questions (at);
      CREATE INDEX questions_user ON questions (user_hash);
    `,
  },
  {
    version: 2,
    name: 'feedback',
    sql: `
      -- No foreign key to questions: feedback may arrive before its question row is written (writes are
      -- batched), and must survive LOG_QUESTIONS=off, where there is no question row at all.
      CREATE TABLE feedback (
        request_id uuid NOT NULL,
        user_hash text NOT NULL,
        at timestamptz NOT NULL,
        platform text NOT NULL,
        vote text NOT NULL CHECK (vote IN ('up', 'down')),
        comment text CHECK (char_length(comment) <= 500),
        result_ids text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (request_id, user_hash)
      );
      CREATE INDEX feedback_at ON feedback (at);
      CREATE INDEX feedback_user ON feedback (user_hash);
    `,
  },
  {
    version: 3,
    name: 'slack installations',
    sql: `
      -- One row per workspace (or Enterprise Grid org) that added the app with "Add to Slack".
      CREATE TABLE slack_installations (
        enterprise_id text NOT NULL DEFAULT '',
        team_id text NOT NULL DEFAULT '',
        installation jsonb NOT NULL,         -- @slack/oauth's Installation, tokens included
        installed_at timestamptz NOT NULL,
        PRIMARY KEY (enterprise_id, team_id)
      );
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS.at(-1)!.version;

/** Bring the schema up to `target` (the latest by default); returns the versions applied. */
export async function migrate(sql: Sql, target = LATEST_VERSION): Promise<number[]> {
  await sql.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: number[] = [];
  for (const m of MIGRATIONS.filter((m) => m.version <= target)) {
    const done = await sql.transaction(async (tx) => {
      // Replicas starting together on one PostgreSQL: the lock makes the second wait, then skip.
      await tx.query('SELECT pg_advisory_xact_lock(7140014)');
      const rows = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (rows.length) return false;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}

export async function schemaVersion(sql: Sql): Promise<number> {
  const rows = await sql.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return rows[0]?.v ?? 0;
}

/** Statements end with ';' at the end of a line; comments are dropped. Enough for our own SQL. */
function splitStatements(text: string): string[] {
  return text.replace(/--[^\n]*/g, '').split(/;\s*(?:\n|$)/).map((s) => s.trim()).filter(Boolean);
}
