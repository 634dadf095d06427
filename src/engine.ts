// The contract between the core and everything that uses it (adapters, CLI, evaluation).
import type { Answer, Result } from './answer.js';

export interface Catalog {
  articles: { number: number; title: string; chapter: string }[];
  chapters: { number: number; roman: string; title: string; first: number; last: number }[];
  /** People and organisations quoted in the knowledge base, for autocomplete and `quotes` help. */
  speakers: { name: string; organisation?: string; role?: string }[];
  sources: { id: string; title: string; publisher?: string; date?: string; url?: string }[];
}

export interface Engine {
  /** Answer a question or reference ("article 6", "quotes HRW", "timeline"). Never throws on input. */
  ask(question: string): Answer;
  /** One entry, whole, as a result (for "show full passage" buttons). */
  result(id: string): Result | undefined;
  catalog: Catalog;
}
