// The typed shape of everything under knowledge/. The loader (load.ts) is the only producer of
// these values, and it validates every field before anything is indexed.

import type { Lexicon } from './lexicon.js';

export const ENTRY_KINDS = ['source', 'passage', 'quote', 'article', 'chapter', 'fact', 'term'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const STANCES = ['supportive', 'critical', 'neutral'] as const;
export type Stance = (typeof STANCES)[number];

/** Where a piece of text comes from, precise enough for a reader to check it. */
export interface Citation {
  /** Title of the source document, e.g. "UN Convention against Cybercrime finalized" or the convention. */
  source: string;
  publisher?: string;
  /** ISO date (YYYY-MM-DD) of the source. */
  date?: string;
  url?: string;
  /** Where in the source: "Article 7", "paragraph 5", "Chapter II". */
  locator: string;
}

interface EntryBase {
  /** Stable id, used in links, logs and tests: lower-case letters, digits and dashes. */
  id: string;
  kind: EntryKind;
  title: string;
  /** Verbatim source text (source, passage, quote) or our own summary (article, chapter, fact, term). */
  text: string;
  /** True when `text` is our own words and must be shown labelled as a summary. */
  isSummary: boolean;
  citation: Citation;
  /** Everyday words people use for this entry; indexed as their own boosted field. */
  aliases: string[];
  /** Everyday questions this entry answers (articles, terms, facts); indexed as their own field, never shown. */
  asks: string[];
  /** File the entry was loaded from and the line of each field (and of `text`), for error messages. */
  origin: { file: string; line: number; lines?: Record<string, number> };
  /**
   * The day the text speaks as of, when it can go stale: a fact's `checked` day, or the date of a
   * passage or quote that `since` facts have overtaken. Set by the loader.
   */
  asOf?: string;
  /** Dated facts that happened after a passage or quote spoke of them as the future, oldest first. */
  since?: SinceFact[];
}

/** A dated fact as shown under "Since then:" beside the passage or quote it overtook. */
export interface SinceFact {
  id: string;
  title: string;
  /** ISO date (YYYY-MM-DD) of the event. */
  date: string;
  /** Our summary of the fact. */
  text: string;
}

/**
 * How an editor marked a passage or quote that speaks of what was then the future: the ids of the
 * dated facts that have happened since (`since:`), or `stillCurrent: true` when it still reads true.
 */
export interface DatedMarks {
  sinceIds: string[];
  stillCurrent: boolean;
}

/** What every entry shows a reader: the part of an entry an answer carries (see Result). */
export type EntryCore = Pick<EntryBase, 'id' | 'kind' | 'title' | 'text' | 'isSummary' | 'citation'>;

export interface SourceEntry extends EntryBase {
  kind: 'source';
  /** Marks for its passages, by paragraph number (front matter `passages:`), with the line of each. */
  passageMarks: Map<number, DatedMarks & { line: number }>;
  /** Section headings as they appear in the text, used to split it into passages. */
  sections: string[];
  /** Paragraphs (or a leading stamp) that are metadata, not text: a date stamp, publisher lines. */
  notText: string[];
}

export interface PassageEntry extends EntryBase, DatedMarks {
  kind: 'passage';
  sourceId: string;
  /** 1-based paragraph number within the source. */
  paragraph: number;
  section?: string;
}

export interface QuoteEntry extends EntryBase, DatedMarks {
  kind: 'quote';
  sourceId: string;
  speaker: string;
  role?: string;
  organisation?: string;
  stance: Stance;
  date: string;
}

export interface ArticleEntry extends EntryBase {
  kind: 'article';
  number: number;
  chapter: { number: number; roman: string; title: string };
  related: number[];
  /** Verbatim official text, once imported (npm run knowledge -- import-official). */
  officialText?: string;
}

export interface ChapterEntry extends EntryBase {
  kind: 'chapter';
  number: number;
  roman: string;
  articles: { first: number; last: number };
}

export interface FactEntry extends EntryBase {
  kind: 'fact';
  /** ISO date the fact refers to (an event's day), when it has one. */
  date?: string;
  /** Articles the fact is about, e.g. entry into force → 65. */
  articles: number[];
  /** ISO date an editor last checked a fact that can go stale (status, signatures) against the record. */
  checked?: string;
}

export interface TermEntry extends EntryBase {
  kind: 'term';
  /** Articles where the term matters most. */
  articles: number[];
}

export type Entry =
  | SourceEntry
  | PassageEntry
  | QuoteEntry
  | ArticleEntry
  | ChapterEntry
  | FactEntry
  | TermEntry;

/** The whole knowledge base, validated. */
export interface KnowledgeBase {
  entries: Entry[];
  /** Everyday words → the convention's words (knowledge/lexicon.yml); empty when there is none. */
  lexicon: Lexicon;
  byId: Map<string, Entry>;
  articles: ArticleEntry[];
  chapters: ChapterEntry[];
}
