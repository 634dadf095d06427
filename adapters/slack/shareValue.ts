// What a "Share in channel" button carries, so that any replica can share the answer with nothing
// stored: the question as the engine saw it (and the previous turn, for a follow-up), the ids of the
// results shown, the request id and when.
// The engine is deterministic, so asking the question again rebuilds the same answer; the ids check
// that it is (a changed knowledge base makes the button expire instead of sharing something else).
// Signed (adapters/shared/signed.ts): a forged value cannot make the bot post anything.
import type { Answer } from '../../src/answer.js';
import { askedIn, parseContext, type ConversationContext } from '../../src/conversation/context.js';
import type { Signer } from '../shared/signed.js';
import { LIMITS } from './blocks.js';
import { MAX_RESULTS } from './render.js';

export interface ShareValue {
  /** The question (answer.query). */
  q: string;
  /** The conversation context it was answered in, if any: asked again in it. */
  c?: ConversationContext;
  /** Ids of the results shown. */
  ids: string[];
  /** Request id of the answer: sharing is claimed under it, so it is posted once. */
  r: string;
  /** When it was answered (ms): the button expires after SHARE_TTL_MS. */
  t: number;
}

export const SHARE_TTL_MS = 24 * 60 * 60_000;

export const shownIds = (answer: Answer) => answer.results.slice(0, MAX_RESULTS).map((r) => r.id);

/** The signed value, or undefined when it would not fit Slack's 2,000 characters (no button then). */
export function shareValue(signer: Signer, requestId: string, answer: Answer, now = Date.now()): string | undefined {
  const c = askedIn(answer);
  const value = signer.sign(JSON.stringify({ q: answer.query, ...(c ? { c } : {}), ids: shownIds(answer), r: requestId, t: now } satisfies ShareValue));
  return value.length <= LIMITS.buttonValue ? value : undefined;
}

/** The value if this bot signed it and it has not expired. */
export function openShareValue(signer: Signer, value: string, now = Date.now()): ShareValue | undefined {
  const payload = signer.open(value);
  if (payload === undefined) return undefined;
  try {
    const v = JSON.parse(payload) as ShareValue;
    const fresh = typeof v.t === 'number' && now - v.t < SHARE_TTL_MS;
    if (!fresh || typeof v.q !== 'string' || typeof v.r !== 'string' || !Array.isArray(v.ids)) return undefined;
    const c = v.c && parseContext(JSON.stringify(v.c));
    return { q: v.q, ids: v.ids, r: v.r, t: v.t, ...(c ? { c } : {}) };
  } catch {
    return undefined;
  }
}
