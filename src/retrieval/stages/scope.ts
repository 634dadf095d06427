// Stage: scope and intent. What the question is about and what kind of answer it wants: another
// instrument than this convention (refused, unless it asks how the two relate), the people it
// names, a comparison, and the intents (quotes, dates, purpose, sources, contested topics, why, tasks).
import type { QuoteEntry } from '../../knowledge/types.js';
import type { Corpus } from '../corpus.js';
import { findOtherInstrument, type OtherInstrument } from '../instruments.js';
import { detectIntents, type IntentSignals } from '../intents.js';
import { findSpeakers, namedSpeaker } from '../speakers.js';

export interface Scope {
  intents: IntentSignals;
  /** Quotes by the people or organisations the question names. */
  speakerQuotes: QuoteEntry[];
  /** A speaker the question names by a proper name ("what did Access Now say"), quoted or not. */
  namedSpeaker?: string;
  /** Another treaty, declaration or law the question names. */
  other?: OtherInstrument;
  /** "difference between X and Y", "X vs Y": the two sides, each searched on its own. */
  comparison?: [string, string];
}

// "difference between signing and ratifying", "whats the diff between X and Y", "X vs Y",
// "compare X with Y", "X or Y, which ...": the two phrases either side.
const COMPARISON = [
  /\b(?:difference|differences|diff|distinction|distinguish)\s+(?:is\s+there\s+)?between\s+(.+?)\s+(?:and|&|vs\.?|versus)\s+(.+?)(?:[?.!,;]|$)/i,
  /\bcompare\s+(.+?)\s+(?:and|with|to|vs\.?|versus)\s+(.+?)(?:[?.!,;]|$)/i,
  /^(?:what(?:'s| is)\s+)?(.+?)\s+(?:vs\.?|versus)\s+(.+?)(?:[?.!,;]|$)/i,
  /\bhow\s+(?:is|are|does|do)\s+(.+?)\s+differ(?:ent)?\s+from\s+(.+?)(?:[?.!,;]|$)/i,
];

export function findComparison(query: string): [string, string] | undefined {
  for (const pattern of COMPARISON) {
    const m = pattern.exec(query);
    if (m && m[1]!.trim() && m[2]!.trim()) return [m[1]!.trim(), m[2]!.trim()];
  }
  return undefined;
}

export function scope(corpus: Corpus, query: string): Scope {
  return {
    intents: detectIntents(query),
    speakerQuotes: findSpeakers(query, corpus.quotes),
    namedSpeaker: namedSpeaker(query),
    other: findOtherInstrument(query),
    comparison: findComparison(query),
  };
}
