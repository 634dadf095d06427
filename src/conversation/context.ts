// What one conversation turn leaves for the next: the question as asked, the ids of the results shown
// and the article in focus. Nothing else is kept (privacy: no user, no answer text), and only for the
// conversation's window (see memory.ts).
import type { Answer } from '../answer.js';

export interface ConversationContext {
  /** The previous question, as asked. */
  question: string;
  /** Ids of the results the previous answer showed, best first. */
  ids: string[];
  /** The article the previous answer was about, if any ("the next one" moves from it). */
  article?: number;
}

/** Results remembered per turn: what a reader saw on screen, not the long tail. */
export const REMEMBERED_RESULTS = 5;

/** The context a shown answer leaves, or undefined when it showed nothing to follow on from. */
export function contextOf(answer: Answer): ConversationContext | undefined {
  const shown = answer.results.slice(0, REMEMBERED_RESULTS);
  // An unsure answer offered what the question may have meant: the next turn often says which
  // ("what if they used it to get money?"), so those candidates are what it follows on from.
  if (!shown.length && answer.outcome.type === 'unsure' && answer.outcome.candidates.length) {
    return { question: answer.query, ids: answer.outcome.candidates.slice(0, REMEMBERED_RESULTS).map((c) => c.id) };
  }
  if (!shown.length) return undefined;
  const article = shown.find((r) => r.article !== undefined)?.article;
  return { question: answer.query, ids: shown.map((r) => r.id), ...(article !== undefined ? { article } : {}) };
}

/** The context an answer was given in (what asking again needs), from its `context` field. */
export function askedIn(answer: Answer): ConversationContext | undefined {
  const c = answer.context;
  return c && { question: c.question, ids: c.from, ...(c.article !== undefined ? { article: c.article } : {}) };
}

/** A stored context back from JSON; anything malformed (an old or foreign value) is no context. */
export function parseContext(json: string | undefined): ConversationContext | undefined {
  if (!json) return undefined;
  try {
    const v = JSON.parse(json) as Partial<ConversationContext>;
    if (typeof v.question !== 'string' || !Array.isArray(v.ids) || !v.ids.every((id) => typeof id === 'string')) return undefined;
    const article = Number.isInteger(v.article) ? v.article : undefined;
    return { question: v.question, ids: v.ids.slice(0, REMEMBERED_RESULTS), ...(article !== undefined ? { article } : {}) };
  } catch {
    return undefined;
  }
}
