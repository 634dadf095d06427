// The insights report editors read: what was asked, what the bot could not answer (grouped by content
// words, so "ransomware payments?" and "Ransomware payment" are one line), what was judged wrong, and how
// fast it answered. Built from the database's rows; rendered as text, JSON or (scripts/) HTML.
import type { DayCount, InsightsRows, ThumbsDown } from '../db/insights.js';
import { contentWords, stem } from '../retrieval/text.js';

export interface QuestionGroup {
  /** The content words the questions share (stemmed), e.g. ["pizza", "recip"]. */
  words: string[];
  count: number;
  /** Up to three distinct questions as asked, most recent first. */
  examples: string[];
  reasons: string[];
}

export interface Insights {
  since: string;
  platform: string | null;
  total: number;
  outcomes: Record<string, number>;
  /** Shares of the questions the bot tried to answer (answered + unsure + refused). */
  rates: { answered: number; unsure: number; refused: number };
  perDay: DayCount[];
  refused: QuestionGroup[];
  unsure: QuestionGroup[];
  /** Questions kept without text (LOG_QUESTIONS=redacted): counted, never grouped. */
  redacted: number;
  votes: { up: number; down: number };
  thumbsDown: ThumbsDown[];
  topResults: { id: string; count: number }[];
  intents: { intent: string; count: number }[];
  latencyMs: { p50: number | null; p99: number | null };
}

const TOP_GROUPS = 20;

export function buildInsights(rows: InsightsRows, filter: { since: Date; platform?: string }): Insights {
  const tried = (rows.outcomes.answered ?? 0) + (rows.outcomes.unsure ?? 0) + (rows.outcomes.refused ?? 0);
  const share = (n: number | undefined) => (tried ? Math.round(((n ?? 0) / tried) * 1000) / 1000 : 0);
  return {
    since: filter.since.toISOString(),
    platform: filter.platform ?? null,
    total: Object.values(rows.outcomes).reduce((a, b) => a + b, 0),
    outcomes: rows.outcomes,
    rates: { answered: share(rows.outcomes.answered), unsure: share(rows.outcomes.unsure), refused: share(rows.outcomes.refused) },
    perDay: rows.perDay,
    refused: groupQuestions(rows.asked.filter((a) => a.outcome === 'refused')),
    unsure: groupQuestions(rows.asked.filter((a) => a.outcome === 'unsure')),
    redacted: rows.redacted,
    votes: rows.votes,
    thumbsDown: rows.thumbsDown,
    topResults: rows.topResults,
    intents: rows.intents,
    latencyMs: rows.latency,
  };
}

/** Questions with the same content words (stemmed, order ignored) are one group; biggest first. */
export function groupQuestions(asked: { question: string; reason: string | null }[], top = TOP_GROUPS): QuestionGroup[] {
  const groups = new Map<string, QuestionGroup>();
  for (const { question, reason } of asked) {
    const words = [...new Set(contentWords(question).map(stem))].sort();
    const key = words.join(' ') || question.trim().toLowerCase();
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { words, count: 0, examples: [], reasons: [] }));
    g.count += 1;
    if (g.examples.length < 3 && !g.examples.includes(question)) g.examples.push(question);
    if (reason && !g.reasons.includes(reason)) g.reasons.push(reason);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.words.join(' ').localeCompare(b.words.join(' '))).slice(0, top);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ms = (x: number | null) => (x === null ? '–' : `${x.toFixed(2)} ms`);
const one = (s: string) => s.replace(/\s+/g, ' ').trim();

export function insightsText(r: Insights): string {
  const lines: string[] = [];
  lines.push(`Insights since ${r.since.slice(0, 10)}${r.platform ? ` on ${r.platform}` : ''}: ${r.total} question(s)`);
  lines.push(`  answered ${pct(r.rates.answered)} · unsure ${pct(r.rates.unsure)} · refused ${pct(r.rates.refused)}`
    + `  (rate limited ${r.outcomes.rate_limited ?? 0}, too long ${r.outcomes.too_long ?? 0}, help ${r.outcomes.help ?? 0})`);
  lines.push(`  answer time p50 ${ms(r.latencyMs.p50)} · p99 ${ms(r.latencyMs.p99)}`);
  lines.push(`  feedback 👍 ${r.votes.up} · 👎 ${r.votes.down}`);
  if (r.redacted) lines.push(`  ${r.redacted} question(s) kept without text (LOG_QUESTIONS=redacted)`);
  lines.push('', 'Questions per day (answered / unsure / refused of total)');
  for (const d of r.perDay) lines.push(`  ${d.day}  ${d.answered} / ${d.unsure} / ${d.refused} of ${d.total}`);
  const groups = (title: string, gs: QuestionGroup[]) => {
    lines.push('', title);
    if (!gs.length) lines.push('  none');
    for (const g of gs) lines.push(`  ${String(g.count).padStart(5)} × ${one(g.examples[0] ?? '')}${g.reasons.length ? `  [${g.reasons.join(', ')}]` : ''}`);
  };
  groups('Most frequent refused questions (add them to the evaluation set: npm run insights -- --to-eval FILE)', r.refused);
  groups('Most frequent unsure questions', r.unsure);
  lines.push('', 'Answers judged 👎');
  if (!r.thumbsDown.length) lines.push('  none');
  for (const t of r.thumbsDown) {
    lines.push(`  ${t.at.slice(0, 16).replace('T', ' ')}  ${one(t.question ?? '(question not kept)')} → ${t.resultIds.slice(0, 3).join(', ') || 'no results'}`);
    if (t.comment) lines.push(`      “${one(t.comment)}”`);
  }
  lines.push('', 'Most asked articles and topics (first result shown)');
  if (!r.topResults.length) lines.push('  none');
  for (const t of r.topResults) lines.push(`  ${String(t.count).padStart(5)} × ${t.id}`);
  lines.push('', `Kinds of question: ${r.intents.map((i) => `${i.intent} ${i.count}`).join(' · ') || 'none'}`);
  return `${lines.join('\n')}\n`;
}

/** Refused and 👎 questions as evaluation-set lines (test/eval/*.jsonl), their expected phrases to fill in. */
export function evalLines(r: Insights): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (q: string, from: string, note?: string) => {
    const key = q.trim().toLowerCase();
    if (!key || seen.has(key)) return;
    seen.add(key);
    out.push(JSON.stringify({ q: q.trim(), expect: ['FILL IN a phrase the right passage contains, or set expect to null if out of scope'], from, ...(note ? { note } : {}) }));
  };
  for (const g of r.refused) for (const q of g.examples) add(q, `refused (${g.reasons.join(', ')}), asked ${g.count}×`);
  for (const t of r.thumbsDown) if (t.question) add(t.question, '👎', t.comment ?? undefined);
  return out;
}
