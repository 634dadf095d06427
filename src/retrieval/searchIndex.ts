// The MiniSearch index over every entry except whole source documents (their paragraphs are indexed
// as passages). Aliases are their own boosted field rather than query-time synonyms: expanding the
// query would inflate scores and break AND (minisearch issues #311, #278).
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Entry, EntryKind } from '../knowledge/types.js';
import { processTerm, tokenize } from './text.js';
import { zipf } from './wordWeights.js';

/** A common word of everyday English (in the word-frequency table), as a processed term. */
const isEnglishWord = (term: string): boolean => zipf(term) !== undefined;

interface IndexedDoc {
  id: string;
  kind: EntryKind;
  title: string;
  aliases: string;
  /** Everyday questions the entry answers (its `asks:`): never shown, only searched. */
  asks: string;
  text: string;
}

/** A search result; MiniSearch's own result objects are used as they are, not copied. */
export interface Hit {
  id: string;
  score: number;
  /** The processed query terms this entry matched (exactly, by prefix or fuzzily). */
  queryTerms: string[];
}

/**
 * Hits kept per search. Answers show a handful, and anything below a quarter of the best score is
 * dropped anyway; keeping the tail would only cost time on large corpora.
 */
export const MAX_HITS = 200;

export interface SearchIndex {
  /** `boosts`: a weight per term for terms that weigh other than 1. */
  search(terms: string[], boosts?: Map<string, number>): Hit[];
  /** Whether a processed term occurs anywhere in the knowledge base, exactly. */
  hasTerm(term: string): boolean;
  /**
   * Whether the term is a longer form of a known word the stemmer did not reduce ("hacker" of "hack"):
   * a known word of 4+ letters that is the term minus at most 3 trailing letters.
   */
  hasStemOf(term: string): boolean;
  /** The share of entries (0 to 1) that contain the term. */
  documentShare(term: string): number;
}

const FIELD_BOOST = { title: 3, aliases: 2.5, asks: 1.5, text: 1 };

// Summaries of whole chapters and glossary entries are broader than an article or a passage; at equal
// relevance the specific entry should win.
const KIND_BOOST: Record<EntryKind, number> = { article: 1, passage: 1, quote: 1, fact: 1, term: 0.85, chapter: 0.8, source: 0 };

/** Typos: one edit from 4 letters, two from 8; shorter words must match exactly (too many neighbours). */
export const fuzzyDistance = (term: string): number => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0);

/** Text as index terms (folded, stemmed, no stop words), space-separated. */
function analyse(text: string): string {
  return tokenize(text).map(processTerm).filter((t): t is string => t !== null).join(' ');
}

/**
 * An entry with its fields already analysed, so tokenizing and stemming happen once per entry: the
 * vocabulary and document frequencies below are read from the same terms MiniSearch indexes.
 */
function toDoc(entry: Entry, withAsks: boolean): IndexedDoc {
  // Who said a quote is searched like an alias: "Deborah Brown", "Human Rights Watch". (One field
  // fewer to look up for every query term.)
  const people = entry.kind === 'quote' ? [entry.speaker, entry.role, entry.organisation] : [];
  const aliases = [...entry.aliases, ...people].filter(Boolean).join(' ');
  const asks = withAsks ? analyse(entry.asks.join(' ')) : '';
  return { id: entry.id, kind: entry.kind, title: analyse(entry.title), aliases: analyse(aliases), asks, text: analyse(entry.text) };
}

/** Fields and queries are analysed before they reach MiniSearch: it only splits on spaces. */
const splitTerms = (text: string): string[] => text.split(' ').filter(Boolean);

export interface IndexOptions {
  /** Index entries' `asks:` questions (default true). */
  asks?: boolean;
}

export function buildSearchIndex(entries: Entry[], options: IndexOptions = {}): SearchIndex {
  const docs = entries.filter((e) => e.kind !== 'source').map((e) => toDoc(e, options.asks !== false));
  // Document frequency of every term; its keys are the vocabulary.
  const documentFrequency = new Map<string, number>();
  const vocabulary = { has: (term: string) => documentFrequency.has(term) };
  const kinds = new Map(docs.map((d) => [d.id, d.kind]));
  const mini = new MiniSearch<IndexedDoc>({
    fields: ['title', 'aliases', 'asks', 'text'],
    storeFields: [],
    tokenize: splitTerms,
    processTerm: (term) => term,
    searchOptions: {
      boost: FIELD_BOOST,
      // A word the knowledge base contains needs no completion or typo tolerance; expanding it anyway
      // would only add near neighbours ("intercept" → "interest") and, on a large corpus, most of the
      // search time. Nor does a common English word the knowledge base lacks ("evening", "drop"): it is
      // a word, not a typo of one. Other unknown words get both.
      prefix: (term) => term.length >= 5 && !vocabulary.has(term) && !isEnglishWord(term),
      fuzzy: (term) => (!vocabulary.has(term) && !isEnglishWord(term) && fuzzyDistance(term)) || false,
      maxFuzzy: 2,
    },
  });
  mini.addAll(docs);
  for (const d of docs) {
    for (const term of new Set(splitTerms(`${d.title} ${d.aliases} ${d.asks} ${d.text}`))) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  return {
    search(terms, boosts) {
      if (!terms.length) return [];
      // Terms are already processed, as the index's are.
      const boostTerm = boosts?.size ? (term: string) => boosts.get(term) ?? 1 : undefined;
      const results: SearchResult[] = mini.search(terms.join(' '), boostTerm ? { boostTerm } : undefined);
      // The kind boost multiplies a document's whole score, so it is applied here once per result
      // rather than through MiniSearch's boostDocument, which is called for every term and field.
      // Boosts are at most 1, so re-sorting a margin past MAX_HITS keeps the top MAX_HITS right.
      const top = results.slice(0, MAX_HITS * 2) as Hit[];
      for (const r of top) r.score *= KIND_BOOST[kinds.get(r.id)!];
      return top.sort((a, b) => b.score - a.score).slice(0, MAX_HITS);
    },
    hasTerm: (term) => vocabulary.has(term),
    documentShare: (term) => (documentFrequency.get(term) ?? 0) / Math.max(1, docs.length),
    hasStemOf: (term) => {
      for (let cut = 1; cut <= 3 && term.length - cut >= 4; cut++) if (vocabulary.has(term.slice(0, -cut))) return true;
      return false;
    },
  };
}
