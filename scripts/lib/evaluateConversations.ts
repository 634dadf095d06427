// Conversation quality as numbers, from test/eval/conversations.jsonl: one conversation a line,
// {"id", "persona", "turns": [{"q", "expect"}, {"q", "expect", "followUp": true|false}, …]}. Each turn
// is asked with the context the engine's own previous answer left (as the bot does), and scored:
//   - follow-up Recall@1/@3: turns marked followUp: true whose top 1/3 results hold an expected phrase;
//   - wrong carry-over: turns marked followUp: false answered in the previous turn's context.
// The set is split once, seeded by conversation id, into a tuned part (work from its misses) and a
// held-out third (read only its figures): a conversation's part never changes as the set grows.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Answer } from '../../src/answer.js';
import { contextOf, type ConversationContext } from '../../src/conversation/context.js';
import { hitAt } from './evaluate.js';

export const CONVERSATIONS_FILE = fileURLToPath(new URL('../../test/eval/conversations.jsonl', import.meta.url));
/** Changing the seed would re-deal the parts, and the held-out part would no longer be unseen. */
const SPLIT_SEED = 'treaty-conversations-2026-11-30';

export interface EvalTurn { q: string; expect: string[] | null; followUp?: boolean }
export interface EvalConversation { id: string; persona?: string; turns: EvalTurn[] }

export interface ConversationMetrics {
  conversations: number;
  /** Later turns marked followUp: true that expect an answer. */
  followUps: number;
  followUpRecallAt1: number;
  followUpRecallAt3: number;
  /** Later turns marked followUp: false. */
  standalone: number;
  wrongCarryOverRate: number;
  /** Turns that expect a refusal (expect: null), and the share refused. */
  refusals: number;
  refusalRate: number;
  misses: { id: string; q: string; why: string; got: string[] }[];
}

export function loadConversations(path = CONVERSATIONS_FILE): EvalConversation[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as EvalConversation);
}

/** FNV-1a over seed and id: a stable, seeded coin for each conversation. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h;
}

export const isHeldOut = (c: EvalConversation): boolean => hash(`${SPLIT_SEED}:${c.id}`) % 3 === 0;

export function splitConversations(all: EvalConversation[]): { tuned: EvalConversation[]; heldOut: EvalConversation[] } {
  return { tuned: all.filter((c) => !isHeldOut(c)), heldOut: all.filter(isHeldOut) };
}

export function scoreConversations(conversations: EvalConversation[], ask: (q: string, context?: ConversationContext) => Answer): ConversationMetrics {
  let followUps = 0, r1 = 0, r3 = 0, standalone = 0, wrong = 0, refusals = 0, refused = 0;
  const misses: ConversationMetrics['misses'] = [];
  for (const c of conversations) {
    let context: ConversationContext | undefined;
    c.turns.forEach((turn, i) => {
      const a = ask(turn.q, context);
      const got = a.results.slice(0, 3).map((r) => r.id);
      // As the bot does: an answer with nothing to show leaves the conversation where it was.
      context = contextOf(a) ?? context;
      if (i === 0 || turn.followUp === undefined) return;
      if (turn.expect === null) {
        refusals++;
        if (a.abstained) refused++;
        else misses.push({ id: c.id, q: turn.q, why: 'should refuse', got });
      }
      if (turn.followUp === false) {
        standalone++;
        if (a.context) {
          wrong++;
          misses.push({ id: c.id, q: turn.q, why: `wrong carry-over from ${a.context.about}`, got });
        }
      } else if (turn.expect !== null) {
        followUps++;
        if (hitAt(a, turn.expect, 1)) r1++;
        if (hitAt(a, turn.expect, 3)) r3++;
        else misses.push({ id: c.id, q: turn.q, why: a.context ? `missed (following on from ${a.context.about})` : 'missed (no context used)', got });
      }
    });
  }
  const ratio = (n: number, d: number) => (d ? n / d : 0);
  return {
    conversations: conversations.length, followUps, followUpRecallAt1: ratio(r1, followUps), followUpRecallAt3: ratio(r3, followUps),
    standalone, wrongCarryOverRate: ratio(wrong, standalone), refusals, refusalRate: ratio(refused, refusals), misses,
  };
}

/** The section `npm run eval` prints: both parts' figures, and the misses of the tuned part only. */
export function conversationReport(all: EvalConversation[], ask: (q: string, context?: ConversationContext) => Answer): string {
  const { tuned, heldOut } = splitConversations(all);
  const t = scoreConversations(tuned, ask);
  const h = scoreConversations(heldOut, ask);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(10);
  const row = (name: string, pick: (m: ConversationMetrics) => number) => `${name.padEnd(28)}${pct(pick(t))}${pct(pick(h))}`;
  const lines = [
    `Conversations: ${all.length} (tuned ${tuned.length}, held-out ${heldOut.length}); follow-up turns ${t.followUps}/${h.followUps}, stand-alone later turns ${t.standalone}/${h.standalone}`,
    `${''.padEnd(28)}${'tuned'.padStart(10)}${'held-out'.padStart(10)}`,
    row('Follow-up Recall@1', (m) => m.followUpRecallAt1),
    row('Follow-up Recall@3', (m) => m.followUpRecallAt3),
    row('Wrong carry-over', (m) => m.wrongCarryOverRate),
    row('Refused when expected', (m) => m.refusalRate),
  ];
  if (t.misses.length) {
    lines.push('', `Tuned misses (${t.misses.length}; held-out misses are not shown):`);
    for (const m of t.misses) lines.push(`  ${m.id} ${m.q}  →  ${m.why}: ${m.got.join(', ') || '(abstained)'}`);
  }
  return lines.join('\n');
}
