// Stage: rerank. MiniSearch's BM25 order, corrected by what it cannot see: how much of the question
// each entry covers, words written together, and questions that are an entry's very name.
import type { Corpus } from '../corpus.js';
import type { Hit } from '../searchIndex.js';
import { contentWords } from '../text.js';

/** Scores are scaled by (share of the question's words matched) to this power (see preferCoverage). */
const COVERAGE_POWER = 2;
/** How many of the best hits the re-ranking rules look at. */
const RESCORED_HITS = 30;

/** Rescale the best hits' scores and re-sort them; hits further down are too weak to matter. */
function rescoreHead(hits: Hit[], factor: (h: Hit) => number): Hit[] {
  const head = hits.slice(0, RESCORED_HITS).map((h) => ({ ...h, score: h.score * factor(h) }));
  return [...head.sort((a, b) => b.score - a.score), ...hits.slice(RESCORED_HITS)];
}

/**
 * An entry that matches every word of the question beats one that matches some of them very well
 * (a section heading that repeats two words, say): scores are scaled by the square of the share of
 * the question's words each entry matches.
 */
function preferCoverage(hits: Hit[], terms: string[]): Hit[] {
  return terms.length < 2 ? hits : rescoreHead(hits, (h) => (h.queryTerms.length / terms.length) ** COVERAGE_POWER);
}

/**
 * Words the question writes together ("legally binding") that an entry also has together are stronger
 * evidence than the same words apart: such entries' scores double. MiniSearch has no phrase search, so
 * this looks at the best hits' text, which is cheap.
 */
function boostPhrase(corpus: Corpus, hits: Hit[], query: string): Hit[] {
  const words = contentWords(query).filter((w) => !/^\d+$/.test(w));
  if (words.length < 2) return hits;
  const phrase = ` ${words.join(' ')} `;
  return rescoreHead(hits, (h) => (corpus.foldedText.get(h.id)!.includes(phrase) ? 2 : 1));
}

export function rerank(corpus: Corpus, hits: Hit[], query: string, terms: string[], searched: string[]): Hit[] {
  // A question that is exactly an entry's title or alias ("hacking", "revenge porn") names that
  // entry: it comes first, whatever the term statistics of longer aliases elsewhere say.
  const exact = new Set(corpus.named.get(terms.join(' ')) ?? []);
  const phrased = boostPhrase(corpus, preferCoverage(hits, searched), query);
  return exact.size ? [...phrased.filter((h) => exact.has(h.id)), ...phrased.filter((h) => !exact.has(h.id))] : phrased;
}
