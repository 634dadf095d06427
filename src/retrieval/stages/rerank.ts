// Stage: rerank. MiniSearch's BM25 order, corrected by what it cannot see: how much of the question
// each entry covers, words written together, and questions that are an entry's very name.
import { groupCoverage } from '../abstain.js';
import type { Corpus } from '../corpus.js';
import type { TermGroup } from './expand.js';
import type { Hit } from '../searchIndex.js';
import { contentWords, fold, isNumber, tokenize } from '../text.js';

/** Scores are scaled by (share of the question's words matched) to this power (see preferCoverage). */
const COVERAGE_POWER = 2;
/** How many of the best hits the re-ranking rules look at. */
const RESCORED_HITS = 30;

/** Rescale the best hits' scores and re-sort them; hits further down are too weak to matter. */
function rescoreHead(hits: Hit[], factor: (h: Hit) => number): Hit[] {
  // Copies only what a Hit is: spreading MiniSearch's result would copy its match details too.
  const head = hits.slice(0, RESCORED_HITS).map((h): Hit => ({ id: h.id, score: h.score * factor(h), queryTerms: h.queryTerms }));
  return [...head.sort((a, b) => b.score - a.score), ...hits.slice(RESCORED_HITS)];
}

/**
 * An entry that matches every word of the question beats one that matches some of them very well
 * (a section heading that repeats two words, say): scores are scaled by the square of the share of
 * the question's words each entry matches.
 */
function preferCoverage(hits: Hit[], groups: TermGroup[]): Hit[] {
  return groups.length < 2 ? hits : rescoreHead(hits, (h) => groupCoverage(groups, h) ** COVERAGE_POWER);
}

/**
 * Words the question writes together ("legally binding") that an entry also has together are stronger
 * evidence than the same words apart: such entries' scores double. MiniSearch has no phrase search, so
 * this looks at the best hits' text, which is cheap.
 */
function boostPhrase(corpus: Corpus, hits: Hit[], query: string): Hit[] {
  const words = contentWords(query).filter((w) => !isNumber(w));
  if (words.length < 2) return hits;
  const phrase = ` ${words.join(' ')} `;
  return rescoreHead(hits, (h) => (corpus.foldedText.get(h.id)!.includes(phrase) ? 2 : 1));
}

/**
 * An entry whose whole title (two words or more) the question writes ("what does 'proceeds of crime'
 * mean") is the entry asked about: its score triples, enough to stand beside the definitions
 * article that "what does X mean in plain words" also finds.
 */
function boostTitle(corpus: Corpus, hits: Hit[], terms: string[]): Hit[] {
  const asked = ` ${terms.join(' ')} `;
  return rescoreHead(hits, (h) => {
    const title = corpus.titleTerms.get(h.id);
    return title && title.includes(' ') && asked.includes(` ${title} `) ? 3 : 1;
  });
}

/**
 * A general provision ("General principles of …", "Scope of …") introduces the specific ones after it;
 * at equal relevance the specific one answers the question ("cross-border interception" is Article 46,
 * not the general Article 40).
 */
const GENERAL_TITLE = /^(?:general principles|scope of)\b/i;
const GENERAL_FACTOR = 0.8;

function preferSpecific(corpus: Corpus, hits: Hit[]): Hit[] {
  return rescoreHead(hits, (h) => (GENERAL_TITLE.test(corpus.entry(h.id)!.title) ? GENERAL_FACTOR : 1));
}

/** "What does X mean", "define X", "X in plain words": a question for a definition. */
const DEFINITION = /\b(?:mean|means|meaning|definition|define|defined|stand for|stands for|in plain words|in normal words|in simple terms)\b/;

/**
 * Asked what X means, the glossary entry titled X is the answer in plain words: it comes first, above
 * the definitions article (Article 2) and the provisions that use X.
 */
function preferGlossary(corpus: Corpus, hits: Hit[], query: string, terms: string[]): Hit[] {
  if (!DEFINITION.test(tokenize(fold(query)).join(' '))) return hits;
  const asked = ` ${terms.join(' ')} `;
  const glossary = hits.slice(0, RESCORED_HITS).filter((h) => corpus.entry(h.id)!.kind === 'term' && asked.includes(` ${corpus.titleTerms.get(h.id)} `));
  return glossary.length ? [...glossary, ...hits.filter((h) => !glossary.includes(h))] : hits;
}

export function rerank(corpus: Corpus, hits: Hit[], query: string, terms: string[], groups: TermGroup[]): Hit[] {
  // A question that is exactly an entry's title or alias ("hacking", "revenge porn") names that
  // entry: it comes first, whatever the term statistics of longer aliases elsewhere say.
  // An entry titled so names it more than one listing it among aliases: titles come first.
  const key = terms.join(' ');
  const phrased = preferGlossary(corpus, boostTitle(corpus, boostPhrase(corpus, preferSpecific(corpus, preferCoverage(hits, groups)), query), terms), query, terms);
  const titled = new Set(corpus.titled.get(key) ?? []);
  const aliased = new Set((corpus.named.get(key) ?? []).filter((id) => !titled.has(id)));
  if (!titled.size && !aliased.size) return phrased;
  return [...phrased.filter((h) => titled.has(h.id)), ...phrased.filter((h) => aliased.has(h.id)), ...phrased.filter((h) => !titled.has(h.id) && !aliased.has(h.id))];
}
