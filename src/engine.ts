// The contract between the core and everything that uses it (adapters, CLI, evaluation).
import type { Answer, Result } from './answer.js';
import type { ConversationContext } from './conversation/context.js';

export type { ConversationContext } from './conversation/context.js';

export interface Catalog {
  articles: { number: number; title: string; chapter: string }[];
  chapters: { number: number; roman: string; title: string; first: number; last: number }[];
  /** People and organisations quoted in the knowledge base, for autocomplete and `quotes` help. */
  speakers: { name: string; organisation?: string; role?: string }[];
  sources: { id: string; title: string; publisher?: string; date?: string; url?: string }[];
}

export interface Engine {
  /**
   * Answer a question or reference ("article 6", "quotes HRW", "timeline"). Never throws on input.
   * With the previous turn's `context`, a follow-up ("and the penalties?", "tell me more") is answered
   * in its light (src/conversation/); a question that stands alone ignores it.
   */
  ask(question: string, context?: ConversationContext): Answer;
  /** One entry, whole, as a result (for "show full passage" buttons). */
  result(id: string): Result | undefined;
  catalog: Catalog;
}
