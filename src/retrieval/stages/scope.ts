// Stage: scope and intent. What the question is about and what kind of answer it wants: the people
// it names, and the intents (quotes, dates, purpose, sources, contested topics, why, tasks).
import type { QuoteEntry } from '../../knowledge/types.js';
import type { Corpus } from '../corpus.js';
import { detectIntents, type IntentSignals } from '../intents.js';
import { findSpeakers } from '../speakers.js';

export interface Scope {
  intents: IntentSignals;
  /** Quotes by the people or organisations the question names. */
  speakerQuotes: QuoteEntry[];
}

export function scope(corpus: Corpus, query: string): Scope {
  return { intents: detectIntents(query), speakerQuotes: findSpeakers(query, corpus.quotes) };
}
