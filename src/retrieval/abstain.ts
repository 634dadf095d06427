// When to say "not covered" instead of stretching a weak match into an answer.
//
// Raw BM25 scores cannot decide this: they are not comparable across queries, and MiniSearch multiplies
// a document's score by the number of query terms it matched. The rule therefore uses two normalised
// signals, each a share of the question's content words (stop words and the subject's own name such as
// "convention" or "treaty" removed, since every entry is about them):
//   - vocabulary coverage: the share of content words the knowledge base contains at all: exactly; as
//     a longer form of a known word ("hackers" of "hack"); or as a typo of one, but only for words of
//     6+ letters (or 5+ after stemming), because a short word one letter away from a known word is more
//     often another word ("movie" and "move") than a typo ("acess" and "access");
//   - top coverage: the share of content words the best result matches by itself, or a runner-up in the
//     top three when it matches more than half (BM25 may rank a one-word match of a rare word first).
// A question is answered only when most of its words are known (vocabulary ≥ 0.6) and the best result
// matches at least half of them. "How do I cook pasta" knows none of its words; "best pizza in New
// York" knows "new" and "york" (from a fact about New York) but not half of its content. The
// thresholds were calibrated on the evaluation set (npm run eval), never on single questions.
import type { Hit, SearchIndex } from './searchIndex.js';

export const MIN_VOCABULARY_COVERAGE = 0.6;
export const MIN_TOP_COVERAGE = 0.5;
const TOP_HITS = 3;

export interface AbstentionDecision {
  abstain: boolean;
  vocabularyCoverage: number;
  topCoverage: number;
}

/** `words` maps each term to the word as typed (before stemming). */
export function decideAbstention(terms: string[], hits: Hit[], index: SearchIndex, words: Map<string, string>): AbstentionDecision {
  if (!terms.length || !hits.length) return { abstain: true, vocabularyCoverage: 0, topCoverage: 0 };
  const typoLength = (t: string) => t.length >= 5 || (words.get(t) ?? t).length >= 6;
  const matchedSomewhere = (t: string) => hits.some((h) => h.queryTerms.includes(t));
  const known = terms.filter((t) => index.hasTerm(t) || index.hasStemOf(t) || (typoLength(t) && matchedSomewhere(t)));
  const vocabularyCoverage = known.length / terms.length;
  const coverage = (h: Hit) => h.queryTerms.filter((t) => terms.includes(t)).length / terms.length;
  // The best hit must match half the words; a lower-ranked one can rescue the question only by
  // matching more than half.
  const runnerUp = Math.max(0, ...hits.slice(1, TOP_HITS).map(coverage));
  const topCoverage = runnerUp > MIN_TOP_COVERAGE ? Math.max(coverage(hits[0]!), runnerUp) : coverage(hits[0]!);
  return {
    abstain: vocabularyCoverage < MIN_VOCABULARY_COVERAGE || topCoverage < MIN_TOP_COVERAGE,
    vocabularyCoverage,
    topCoverage,
  };
}
