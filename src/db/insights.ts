// The insights report's queries: counts and percentiles are computed by the database (one pass over
// the period, on an index of time), only refused and unsure questions come back as text, to be grouped.
import type { Queryable } from './sql.js';

export interface InsightsFilter {
  since: Date;
  platform?: string;
}

export interface DayCount { day: string; total: number; answered: number; unsure: number; refused: number }
export interface Asked { question: string; outcome: 'refused' | 'unsure'; reason: string | null }
export interface ThumbsDown { requestId: string; at: string; question: string | null; comment: string | null; resultIds: string[] }

export interface InsightsRows {
  perDay: DayCount[];
  outcomes: Record<string, number>;
  latency: { p50: number | null; p99: number | null };
  asked: Asked[];
  redacted: number;
  votes: { up: number; down: number };
  thumbsDown: ThumbsDown[];
  topResults: { id: string; count: number }[];
  intents: { intent: string; count: number }[];
}

/** At most this many refused and unsure questions are grouped (the most recent). */
export const MAX_GROUPED = 200_000;
const MAX_THUMBS_DOWN = 200;

export async function insightsRows(db: Queryable, { since, platform }: InsightsFilter): Promise<InsightsRows> {
  const where = `at >= $1 AND ($2::text IS NULL OR platform = $2)`;
  const p = [since, platform ?? null];
  const perDay = await db.query<DayCount>(
    `SELECT to_char(date_trunc('day', at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, count(*)::int AS total,
            (count(*) FILTER (WHERE outcome = 'answered'))::int AS answered,
            (count(*) FILTER (WHERE outcome = 'unsure'))::int AS unsure,
            (count(*) FILTER (WHERE outcome = 'refused'))::int AS refused
       FROM questions WHERE ${where} GROUP BY 1 ORDER BY 1`, p);
  const outcomeRows = await db.query<{ outcome: string; n: number }>(`SELECT outcome, count(*)::int AS n FROM questions WHERE ${where} GROUP BY 1`, p);
  const latency = await db.query<{ p50: number | null; p99: number | null }>(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms) AS p99
       FROM questions WHERE ${where} AND outcome IN ('answered', 'unsure', 'refused')`, p);
  const asked = await db.query<Asked>(
    `SELECT question, outcome, reason FROM questions WHERE ${where} AND outcome IN ('refused', 'unsure') AND question IS NOT NULL
      ORDER BY at DESC LIMIT ${MAX_GROUPED}`, p);
  const redacted = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM questions WHERE ${where} AND question IS NULL`, p);
  const votes = await db.query<{ up: number; down: number }>(
    `SELECT (count(*) FILTER (WHERE vote = 'up'))::int AS up, (count(*) FILTER (WHERE vote = 'down'))::int AS down FROM feedback WHERE ${where}`, p);
  const thumbsDown = await db.query<{ request_id: string; at: Date | string; question: string | null; comment: string | null; result_ids: string[] }>(
    `SELECT f.request_id, f.at, q.question, f.comment, CASE WHEN cardinality(f.result_ids) > 0 THEN f.result_ids ELSE coalesce(q.result_ids, '{}') END AS result_ids
       FROM feedback f LEFT JOIN questions q ON q.id = f.request_id
      WHERE f.at >= $1 AND ($2::text IS NULL OR f.platform = $2) AND f.vote = 'down'
      ORDER BY (f.comment IS NULL), f.at DESC LIMIT ${MAX_THUMBS_DOWN}`, p);
  // The first result is what the asker was shown first: the article or topic the question was about.
  const topResults = await db.query<{ id: string; count: number }>(
    `SELECT result_ids[1] AS id, count(*)::int AS count FROM questions
      WHERE ${where} AND outcome IN ('answered', 'unsure') AND cardinality(result_ids) > 0 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 15`, p);
  const intents = await db.query<{ intent: string; count: number }>(
    `SELECT intent, count(*)::int AS count FROM questions WHERE ${where} AND intent IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1`, p);
  return {
    perDay,
    outcomes: Object.fromEntries(outcomeRows.map((r) => [r.outcome, r.n])),
    latency: { p50: num(latency[0]?.p50), p99: num(latency[0]?.p99) },
    asked,
    redacted: redacted[0]?.n ?? 0,
    votes: votes[0] ?? { up: 0, down: 0 },
    thumbsDown: thumbsDown.map((r) => ({
      requestId: r.request_id, at: new Date(r.at).toISOString(), question: r.question, comment: r.comment, resultIds: r.result_ids,
    })),
    topResults,
    intents,
  };
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Math.round(Number(v) * 1000) / 1000);
