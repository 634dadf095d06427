// Every query of the question log, feedback, retention and forget, on PGlite and on PostgreSQL; and
// the migrations, from an empty database and from the previous version.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseOver, type QuestionRow } from '../../src/db/database.js';
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../src/db/migrations.js';
import type { Sql } from '../../src/db/sql.js';
import { KINDS, freshSql } from './databases.js';

const DAY = 86_400_000;

function row(over: Partial<QuestionRow> = {}): QuestionRow {
  return {
    id: randomUUID(), at: new Date(), platform: 'slack', workspace: 'T1', channelType: 'channel', userHash: 'h-alice',
    question: 'what is article 6?', intent: 'reference', outcome: 'answered', resultIds: ['article-6'], latencyMs: 1.25, ...over,
  };
}

describe.each(KINDS)('database on %s', (kind) => {
  let sql: Sql;
  afterEach(async () => sql?.close());

  it('migrates an empty database to the latest version, and a second run changes nothing', async () => {
    sql = await freshSql(kind);
    expect(await migrate(sql)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await schemaVersion(sql)).toBe(LATEST_VERSION);
    expect(await migrate(sql)).toEqual([]);
    const tables = await sql.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`);
    expect(tables.map((r) => r.t)).toEqual(['feedback', 'questions', 'schema_migrations', 'slack_installations']);
  });

  it('migrates from the previous version keeping its rows', async () => {
    sql = await freshSql(kind);
    await migrate(sql, LATEST_VERSION - 1);
    expect(await schemaVersion(sql)).toBe(LATEST_VERSION - 1);
    const db = databaseOver(sql);
    const kept = row();
    await db.writeQuestions([kept]);
    expect(await migrate(sql)).toEqual([LATEST_VERSION]);
    const rows = await sql.query<{ id: string }>('SELECT id FROM questions');
    expect(rows.map((r) => r.id)).toEqual([kept.id]);
  });

  it('writes a batch of questions with every field; a batch written twice is not duplicated', async () => {
    sql = await freshSql(kind);
    await migrate(sql);
    const db = databaseOver(sql);
    const a = row({ resultIds: ['article-6', 'quote-hrw'] });
    const b = row({ platform: 'discord', workspace: undefined, channelType: 'dm', question: undefined, intent: undefined, outcome: 'refused', reason: 'no_match', resultIds: [] });
    await db.writeQuestions([a, b]);
    await db.writeQuestions([a]);
    const rows = await sql.query('SELECT * FROM questions ORDER BY platform DESC');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: a.id, platform: 'slack', workspace: 'T1', channel_type: 'channel', user_hash: 'h-alice', question: 'what is article 6?', intent: 'reference', outcome: 'answered', reason: null, result_ids: ['article-6', 'quote-hrw'], latency_ms: 1.25 });
    expect(rows[1]).toMatchObject({ id: b.id, platform: 'discord', workspace: null, channel_type: 'dm', question: null, outcome: 'refused', reason: 'no_match', result_ids: [] });
    expect(new Date(rows[0]!.at as string).getTime()).toBe(a.at.getTime());
  });

  it('keeps one vote per user and request: a later vote replaces it, a comment stays unless replaced, 500 characters at most', async () => {
    sql = await freshSql(kind);
    await migrate(sql);
    const db = databaseOver(sql);
    const requestId = randomUUID();
    const vote = { requestId, userHash: 'h-bob', at: new Date(), platform: 'slack', resultIds: ['article-6'] };
    await db.writeFeedback({ ...vote, vote: 'up' });
    await db.writeFeedback({ ...vote, vote: 'down', comment: 'x'.repeat(600), resultIds: [] });
    await db.writeFeedback({ ...vote, vote: 'down', resultIds: [] });
    const rows = await sql.query<{ vote: string; comment: string; result_ids: string[] }>('SELECT * FROM feedback');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ vote: 'down', result_ids: ['article-6'] });
    expect(rows[0]!.comment).toBe('x'.repeat(500));
  });

  it('retention deletes questions and feedback older than the cut-off, and nothing newer', async () => {
    sql = await freshSql(kind);
    await migrate(sql);
    const db = databaseOver(sql);
    const old = row({ at: new Date(Date.now() - 100 * DAY) });
    const recent = row({ at: new Date(Date.now() - 10 * DAY) });
    await db.writeQuestions([old, recent]);
    await db.writeFeedback({ requestId: old.id, userHash: 'h-alice', at: old.at, platform: 'slack', vote: 'down', resultIds: [] });
    expect(await db.deleteOlderThan(new Date(Date.now() - 90 * DAY))).toEqual({ questions: 1, feedback: 1 });
    expect((await sql.query<{ id: string }>('SELECT id FROM questions')).map((r) => r.id)).toEqual([recent.id]);
  });

  it('forget deletes one user\'s questions and feedback, and no one else\'s', async () => {
    sql = await freshSql(kind);
    await migrate(sql);
    const db = databaseOver(sql);
    const mine = row({ userHash: 'h-carol' });
    await db.writeQuestions([mine, row({ userHash: 'h-carol' }), row({ userHash: 'h-dave' })]);
    await db.writeFeedback({ requestId: mine.id, userHash: 'h-carol', at: new Date(), platform: 'slack', vote: 'up', resultIds: [] });
    expect(await db.forgetUser('h-carol')).toEqual({ questions: 2, feedback: 1 });
    expect((await sql.query<{ user_hash: string }>('SELECT user_hash FROM questions')).map((r) => r.user_hash)).toEqual(['h-dave']);
  });
});
