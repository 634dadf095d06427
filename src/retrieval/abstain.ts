// When to say "not covered" instead of stretching a weak match into an answer.
//
// Raw BM25 scores cannot decide this: they are not comparable across queries, and MiniSearch multiplies
// a document's score by the number of query terms it matched. The rule therefore uses two normalised
// signals, each a weighted share of the question's content words (stop words and the subject's own
// name such as "convention" or "treaty" removed, since every entry is about them). Each word weighs
// what it tells in everyday English (wordWeights.ts): "actually" or "stuff" little, "pasta" or
// "ransomware" fully, so a common word the knowledge base lacks cannot sink a question.
//   - vocabulary coverage: the share of the words the knowledge base knows: exactly; through the
//     lexicon; as a longer form of a known word ("hackers" of "hack"); or as a typo of one, but only
//     for words of 6+ letters (or 5+ after stemming), because a short word one letter away from a
//     known word is more often another word ("movie" and "move") than a typo ("acess" and "access");
//   - top coverage: the share the best result matches by itself, or a runner-up in the top three when
//     it matches more than half (BM25 may rank a one-word match of a rare word first).
// A question is answered only when most of its words are known (vocabulary ≥ 0.6) and the best result
// matches at least half of them. "How do I cook pasta" knows none of its words; "best pizza in New
// York" knows "new" and "york" (from a fact about New York) but not what weighs most. The thresholds
// were calibrated on the tuned part of the evaluation set (npm run eval), never on single questions.
import type { Hit, SearchIndex } from './searchIndex.js';
import type { TermGroup } from './stages/expand.js';

export const MIN_VOCABULARY_COVERAGE = 0.6;
export const MIN_TOP_COVERAGE = 0.5;
// Under the bar but close: most words known and the best entry matching a good part of them. Such a
// question is probably about one of the best entries, worded in a way we could not read for sure:
// offer them ("did you mean …") rather than a flat refusal. Still counted as a refusal.
/**
 * A long question tells a story around what it asks ("my gran lost money to a fake bank text"): no one
 * entry holds half its words. The best entry must match a (weighted) share of the question of at
 * least this many words' worth (MIN_TOP_WORDS ÷ its number of words), or half, whichever is less.
 */
export const MIN_TOP_WORDS = 1.6;
export const UNSURE_VOCABULARY_COVERAGE = 0.5;
export const UNSURE_TOP_COVERAGE = 0.3;
const TOP_HITS = 3;

export interface AbstentionDecision {
  abstain: boolean;
  /** Abstaining, but close enough to offer the best matches as what the question may mean. */
  unsure: boolean;
  vocabularyCoverage: number;
  topCoverage: number;
}

/**
 * A word found only through WordNet's words for it (stages/wordnet.ts) counts this much as known or
 * matched: WordNet is broad and unreviewed, so it may help a question over the bar but not alone carry
 * one (WordNet reads "dumping" as "selling": right for stolen passwords, not for waste).
 */
export const WORDNET_CREDIT = 0.5;

/** 1 for a group found by its own (or the lexicon's) terms, WORDNET_CREDIT if only by WordNet's. */
function credit(g: TermGroup, found: (t: string) => boolean): number {
  return g.fromWordNet && !found(g.terms[0]!) ? WORDNET_CREDIT : 1;
}

/** The weighted share of the groups a hit matches by any of their terms. */
export function groupCoverage(groups: TermGroup[], h: Hit): number {
  let matched = 0, total = 0;
  for (const g of groups) {
    total += g.weight;
    if (g.terms.some((t) => h.queryTerms.includes(t))) matched += g.weight * credit(g, (t) => h.queryTerms.includes(t));
  }
  return total ? matched / total : 0;
}

export function decideAbstention(groups: TermGroup[], hits: Hit[], index: SearchIndex): AbstentionDecision {
  if (!groups.length || !hits.length) return { abstain: true, unsure: false, vocabularyCoverage: 0, topCoverage: 0 };
  const typoLength = (t: string, word: string) => t.length >= 5 || word.length >= 6;
  const matchedSomewhere = (t: string) => hits.some((h) => h.queryTerms.includes(t));
  const knownTerm = (g: TermGroup, t: string) => index.hasTerm(t) || index.hasStemOf(t) || (typoLength(t, g.word) && matchedSomewhere(t));
  const isKnown = (g: TermGroup) => g.fromLexicon || g.terms.some((t) => knownTerm(g, t));
  let known = 0, total = 0;
  for (const g of groups) {
    total += g.weight;
    if (isKnown(g)) known += g.weight * credit(g, (t) => knownTerm(g, t));
  }
  const vocabularyCoverage = known / total;
  const coverage = (h: Hit) => groupCoverage(groups, h);
  // The best hit must match half the words; a lower-ranked one can rescue the question only by
  // matching more than half.
  const needed = Math.min(MIN_TOP_COVERAGE, MIN_TOP_WORDS / groups.length);
  const runnerUp = Math.max(0, ...hits.slice(1, TOP_HITS).map(coverage));
  const topCoverage = runnerUp > needed ? Math.max(coverage(hits[0]!), runnerUp) : coverage(hits[0]!);
  const abstain = vocabularyCoverage < MIN_VOCABULARY_COVERAGE || topCoverage < needed;
  return {
    abstain,
    unsure: abstain && vocabularyCoverage >= UNSURE_VOCABULARY_COVERAGE && topCoverage >= UNSURE_TOP_COVERAGE,
    vocabularyCoverage,
    topCoverage,
  };
}
