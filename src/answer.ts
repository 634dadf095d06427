// The platform-neutral answer the core returns. Adapters only render it; every user-facing
// sentence about an outcome is chosen at the edge (adapters/shared/messages.ts).
import type { EntryCore, SinceFact, Stance } from './knowledge/types.js';

/**
 * One entry as shown: `text` is verbatim when `isSummary` is false, otherwise our own summary, to be
 * labelled as such.
 */
export interface Result extends EntryCore {
  /** Relative relevance within this answer (1 = best); not comparable across answers. */
  score: number;
  speaker?: string;
  role?: string;
  organisation?: string;
  stance?: Stance;
  /** Article number for kind 'article'. */
  article?: number;
  /**
   * The day the text speaks as of, shown as "As of <date>": a status fact's last check, or the date of
   * a passage or quote that events have overtaken (then listed in `since`).
   */
  asOf?: string;
  /** Dated facts that happened after the text spoke of them as the future, shown as "Since then:". */
  since?: SinceFact[];
}

/** Why the answer has the results it has. Expected failures are values, not exceptions. */
export type Outcome =
  | { type: 'answered' }
  /** `englishOnly`: the question is mostly in another script, and the knowledge base is in English. */
  | { type: 'no_match'; englishOnly?: boolean }
  | { type: 'empty_question' }
  | { type: 'unknown_article'; numbers: number[]; articleCount: number }
  | { type: 'unknown_chapter'; chapter: string; chapterCount: number }
  /** A follow-up asked for voices on the topic before, and none of the quoted voices address it. */
  | { type: 'no_voices'; topic: string; stance?: 'critical' | 'supportive' }
  /** The question is about another treaty, declaration or law (`name`), which the bot does not cover. */
  | { type: 'other_instrument'; name: string }
  /**
   * The best matches came close but not close enough to answer: the candidates (also offered as
   * suggestions) are what the question may have meant. Counted as a refusal.
   */
  | { type: 'unsure'; candidates: { id: string; title: string }[] };

export type Intent = 'reference' | 'quotes' | 'timeline' | 'purpose' | 'sources' | 'balanced' | 'search';

export interface Answer {
  /** The question as asked (after length capping and normalisation of control characters). */
  query: string;
  /** True when the knowledge base has no answer: results is then empty. */
  abstained: boolean;
  outcome: Outcome;
  intent: Intent;
  results: Result[];
  /** Questions the bot can answer, offered when it abstains or as follow-ups. */
  suggestions: string[];
  /**
   * Set when the question was read as following on from the previous turn: that turn's result ids
   * (`from`) and question, its article in focus, and what it was about ("Article 7") for a
   * "(following on from Article 7)" line. Asking again with the same context gives the same answer.
   */
  context?: { from: string[]; about: string; question: string; article?: number };
}
