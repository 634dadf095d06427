// A small, known question log for the insights tests: two days of questions, one older day outside the
// period, and feedback.
import { randomUUID } from 'node:crypto';
import { databaseOver, type QuestionRow } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrations.js';
import type { Sql } from '../../src/db/sql.js';

const DAY = 86_400_000;
export const NOW = Date.UTC(2026, 10, 30, 12);

/** Two days of questions, one older day outside the period, and feedback. */
export async function seed(sql: Sql): Promise<void> {
  await migrate(sql);
  const db = databaseOver(sql);
  const q = (daysAgo: number, question: string, outcome: QuestionRow['outcome'], over: Partial<QuestionRow> = {}): QuestionRow => ({
    id: randomUUID(), at: new Date(NOW - daysAgo * DAY), platform: 'slack', userHash: 'h1', question, outcome, resultIds: [], latencyMs: 1, ...over,
  });
  const rows = [
    q(1, 'article 6', 'answered', { resultIds: ['article-6', 'quote-hrw'], intent: 'reference', latencyMs: 2 }),
    q(1, 'Article 6?', 'answered', { resultIds: ['article-6'], intent: 'reference', latencyMs: 4 }),
    q(1, 'recipes for pizza', 'refused', { reason: 'no_match', intent: 'search' }),
    q(0, 'Pizza recipe?', 'refused', { reason: 'no_match', intent: 'search', platform: 'discord' }),
    q(0, 'article 99', 'unsure', { reason: 'unknown_article', resultIds: ['article-9'], intent: 'reference', latencyMs: 3 }),
    q(0, 'does it cover ransomware', 'answered', { resultIds: ['term-ransomware'], intent: 'search', latencyMs: 100 }),
    q(0, 'x'.repeat(600), 'too_long'),
    q(0, '', 'answered', { question: undefined, resultIds: ['article-7'] }),
    q(20, 'old question about weather', 'refused', { reason: 'no_match' }),
  ];
  await db.writeQuestions(rows);
  await db.writeFeedback({ requestId: rows[5]!.id, userHash: 'h2', at: new Date(NOW), platform: 'slack', vote: 'down', comment: 'It should say ransomware is not named', resultIds: [] });
  await db.writeFeedback({ requestId: rows[0]!.id, userHash: 'h2', at: new Date(NOW), platform: 'slack', vote: 'up', resultIds: [] });
}

