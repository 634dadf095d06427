// The insights report on a seeded database, on PGlite and PostgreSQL: counts per day and outcome,
// refused questions grouped by content words, 👎 with comments, most asked results, answer times; the
// text and JSON forms; and the lines --to-eval writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insightsRows } from '../../src/db/insights.js';
import type { Sql } from '../../src/db/sql.js';
import { buildInsights, evalLines, insightsText, type Insights } from '../../src/insights/report.js';
import { KINDS, freshSql } from './databases.js';
import { NOW, seed } from './seed.js';

const DAY = 86_400_000;

describe.each(KINDS)('insights on %s', (kind) => {
  let sql: Sql;
  let report: Insights;
  const since = new Date(NOW - 7 * DAY);
  beforeAll(async () => {
    sql = await freshSql(kind);
    await seed(sql);
    report = buildInsights(await insightsRows(sql, { since }), { since });
  });
  afterAll(async () => sql?.close());

  it('counts questions per day and outcome within the period only', () => {
    expect(report.total).toBe(8);
    expect(report.perDay).toEqual([
      { day: '2026-11-29', total: 3, answered: 2, unsure: 0, refused: 1 },
      { day: '2026-11-30', total: 5, answered: 2, unsure: 1, refused: 1 },
    ]);
    expect(report.outcomes).toEqual({ answered: 4, unsure: 1, refused: 2, too_long: 1 });
    expect(report.rates).toEqual({ answered: 0.571, unsure: 0.143, refused: 0.286 });
    expect(report.redacted).toBe(1);
  });

  it('groups refused questions by content words, with why; lists unsure ones apart', () => {
    expect(report.refused).toEqual([{ words: ['pizza', 'recip'], count: 2, examples: ['Pizza recipe?', 'recipes for pizza'], reasons: ['no_match'] }]);
    expect(report.unsure.map((g) => [g.examples, g.reasons])).toEqual([[['article 99'], ['unknown_article']]]);
  });

  it('lists 👎 answers with the question, what was shown and the comment; counts votes', () => {
    expect(report.votes).toEqual({ up: 1, down: 1 });
    expect(report.thumbsDown).toEqual([expect.objectContaining({ question: 'does it cover ransomware', comment: 'It should say ransomware is not named', resultIds: ['term-ransomware'] })]);
  });

  it('ranks the most asked articles and topics, the kinds of question, and answer-time percentiles', () => {
    expect(report.topResults[0]).toEqual({ id: 'article-6', count: 2 });
    expect(report.intents[0]).toEqual({ intent: 'reference', count: 3 });
    expect(report.latencyMs.p50).toBe(2); // of 1, 1, 1, 2, 3, 4, 100 (limits and help not counted)
    expect(report.latencyMs.p99).toBeGreaterThan(90);
  });

  it('filters by platform', async () => {
    const slack = buildInsights(await insightsRows(sql, { since, platform: 'discord' }), { since, platform: 'discord' });
    expect(slack.total).toBe(1);
    expect(slack.refused[0]!.examples).toEqual(['Pizza recipe?']);
  });

  it('renders text and JSON an editor can read; --to-eval lines parse and carry the question', () => {
    const text = insightsText(report);
    expect(text).toMatch(/8 question\(s\)/);
    expect(text).toMatch(/answered 57\.1% · unsure 14\.3% · refused 28\.6%/);
    expect(text).toMatch(/2 × Pizza recipe\?\s+\[no_match\]/);
    expect(text).toContain('“It should say ransomware is not named”');
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    const lines = evalLines(report).map((l) => JSON.parse(l) as { q: string; expect: unknown; from: string; note?: string });
    expect(lines.map((l) => l.q)).toEqual(['Pizza recipe?', 'recipes for pizza', 'does it cover ransomware']);
    expect(lines[2]).toMatchObject({ from: '👎', note: 'It should say ransomware is not named' });
  });
});
