// What the pipeline's stages read about the knowledge base, built once per engine: the search
// indexes, entries by number and kind, and each entry's names and folded text.
import type { ArticleEntry, ChapterEntry, Entry, FactEntry, KnowledgeBase, QuoteEntry, SourceEntry } from '../knowledge/types.js';
import type { Layers } from './options.js';
import { compileLexicon, type Meaning } from './stages/expand.js';
import { buildSearchIndex, type SearchIndex } from './searchIndex.js';
import { contentWords, fold, isNumber, processTerm, tokenize } from './text.js';

export interface Corpus {
  kb: KnowledgeBase;
  /** Every entry but whole source documents. */
  index: SearchIndex;
  /** The articles alone: provisions on a topic, whatever the corpus size. */
  articleIndex: SearchIndex;
  entry(id: string): Entry | undefined;
  articleByNumber: Map<number, ArticleEntry>;
  chapterByNumber: Map<number, ChapterEntry>;
  quotes: QuoteEntry[];
  sources: SourceEntry[];
  datedFacts: FactEntry[];
  /** The lexicon's everyday phrases to the index terms they mean. */
  phrases: Map<string, Meaning>;
  /** Each entry's title and aliases as processed phrases, to the entries they name. */
  named: Map<string, string[]>;
  /** Each entry's title as a processed phrase. */
  titleTerms: Map<string, string>;
  /** The folded words of entries' titles: the knowledge base's terms of art (see wordWeight). */
  titleWords: Set<string>;
  /** Each entry's title alone as a processed phrase, to the entries it titles. */
  titled: Map<string, string[]>;
  /** Each entry's title, aliases and text as folded words between spaces, for phrase matching. */
  foldedText: Map<string, string>;
}

/** Content words as index terms (stemmed), each mapped to the word as typed; bare numbers dropped. */
export function processedWords(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const word of contentWords(text)) {
    const term = isNumber(word) ? null : processTerm(word);
    if (term && !out.has(term)) out.set(term, word);
  }
  return out;
}

export function processed(text: string): string[] {
  return [...processedWords(text).keys()];
}

export function buildCorpus(kb: KnowledgeBase, layers: Layers): Corpus {
  return {
    kb,
    phrases: compileLexicon(kb.lexicon),
    index: buildSearchIndex(kb.entries, { asks: layers.asks }),
    articleIndex: buildSearchIndex(kb.articles),
    entry: (id) => kb.byId.get(id),
    articleByNumber: new Map(kb.articles.map((a) => [a.number, a])),
    chapterByNumber: new Map(kb.chapters.map((c) => [c.number, c])),
    quotes: kb.entries.filter((e): e is QuoteEntry => e.kind === 'quote'),
    sources: kb.entries.filter((e): e is SourceEntry => e.kind === 'source'),
    datedFacts: kb.entries.filter((e): e is FactEntry => e.kind === 'fact' && !!e.date).sort((a, b) => (a.date! < b.date! ? -1 : 1)),
    named: namesIndex(kb.entries, true),
    titled: namesIndex(kb.entries, false),
    titleWords: new Set(kb.entries.filter((e) => e.kind !== 'source' && e.kind !== 'passage').flatMap((e) => tokenize(fold(e.title)))),
    titleTerms: new Map(kb.entries.map((e) => [e.id, processed(e.title).join(' ')])),
    foldedText: new Map(kb.entries.map((e) => [e.id, ` ${tokenize(fold(`${e.title} ${e.aliases.join(' , ')} ${e.text}`)).join(' ')} `])),
  };
}

function namesIndex(entries: Entry[], withAliases: boolean): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const e of entries) {
    if (e.kind === 'source' || e.kind === 'passage') continue;
    for (const name of withAliases ? [e.title, ...e.aliases] : [e.title]) {
      const key = processed(name).join(' ');
      if (key) names.set(key, [...(names.get(key) ?? []), e.id]);
    }
  }
  return names;
}
