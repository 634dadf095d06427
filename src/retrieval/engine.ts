// The retrieval core: a question in, an Answer of verbatim passages and labelled summaries out.
// Order of work: normalise → references → intents → search → abstain or assemble.
import type { Answer, Intent, Outcome, Result } from '../answer.js';
import type { Catalog, Engine } from '../engine.js';
import type { ChapterEntry, Entry, EntryKind, KnowledgeBase, QuoteEntry } from '../knowledge/types.js';
import { decideAbstention } from './abstain.js';
import { detectIntents, PURPOSE_QUERY, QUOTE_QUERY } from './intents.js';
import { parseReferences, type References } from './references.js';
import { buildSearchIndex, type Hit } from './searchIndex.js';
import { findSpeakers } from './speakers.js';
import { foldSpace } from '../knowledge/passages.js';
import { contentWords, fold, normalizeQuery, processTerm, SUBJECT_WORDS, tokenize } from './text.js';

/** How many results a plain search answer shows: short answers are the point. */
const SEARCH_RESULTS = 3;
/** Terms found in more than this share of entries are too common to search by (see ask). */
const MAX_DOCUMENT_SHARE = 0.5;
/** Scores are scaled by (share of the question's words matched) to this power (see preferCoverage). */
const COVERAGE_POWER = 2;
/** A passage is "mostly" a quote shown beside it when the quote is at least this share of its text. */
const MOSTLY_QUOTE = 0.5;
/** How many of the best hits the re-ranking rules look at. */
const RESCORED_HITS = 30;
/** Search results added after referenced entries when the question asks more than the reference. */
const EXTRA_RESULTS = 2;
/** Results scoring below this share of the best one are noise, not answers. */
const MIN_RELATIVE_SCORE = 0.25;

export const DEFAULT_SUGGESTIONS = ['What are the objectives?', 'article 6', 'What did Human Rights Watch say?', 'timeline', 'Does it cover ransomware?'];

/** Content words as index terms (stemmed), each mapped to the word as typed; bare numbers dropped. */
function processedWords(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const word of contentWords(text)) {
    const term = /^\d+$/.test(word) ? null : processTerm(word);
    if (term && !out.has(term)) out.set(term, word);
  }
  return out;
}

function processed(text: string): string[] {
  return [...processedWords(text).keys()];
}

export function createEngine(kb: KnowledgeBase): Engine {
  const index = buildSearchIndex(kb.entries);
  const articleCount = kb.articles.length;
  const articleByNumber = new Map(kb.articles.map((a) => [a.number, a]));
  const chapterByNumber = new Map(kb.chapters.map((c) => [c.number, c]));
  const quotes = kb.entries.filter((e): e is QuoteEntry => e.kind === 'quote');
  const sources = kb.entries.filter((e) => e.kind === 'source');
  const datedFacts = kb.entries.filter((e) => e.kind === 'fact' && e.date).sort((a, b) => ((a as { date: string }).date < (b as { date: string }).date ? -1 : 1));
  const entry = (id: string) => kb.byId.get(id);
  const named = namesIndex(kb.entries);

  const toResult = (e: Entry, score: number): Result => {
    const base: Result = { id: e.id, kind: e.kind, title: e.title, text: e.text, isSummary: e.isSummary, citation: e.citation, score: Math.round(score * 1000) / 1000 };
    switch (e.kind) {
      case 'article':
        // Once the official text is imported, quote it verbatim instead of our summary.
        return e.officialText ? { ...base, text: e.officialText, isSummary: false, article: e.number } : { ...base, article: e.number };
      case 'quote':
        return { ...base, speaker: e.speaker, role: e.role, organisation: e.organisation, stance: e.stance };
      case 'chapter':
        return { ...base, text: `${e.text}\n\n${chapterArticleList(e)}` };
      case 'source': {
        // A source is shown by its opening paragraph, cited as that paragraph (not the whole document).
        const first = kb.entries.find((p) => p.kind === 'passage' && p.sourceId === e.id);
        return first ? { ...base, text: first.text, citation: first.citation } : base;
      }
      default:
        return base;
    }
  };
  const chapterArticleList = (c: ChapterEntry) => {
    const articles = kb.articles.filter((a) => a.chapter.number === c.number);
    if (articles.length === 1) return `Article ${articles[0]!.number}: ${articles[0]!.title}.`;
    return `Articles ${c.articles.first}–${c.articles.last}: ${articles.map((a) => `${a.number} ${a.title}`).join('; ')}.`;
  };

  const answer = (query: string, intent: Intent, shown: Result[], outcome: Outcome = { type: 'answered' }, suggestions: string[] = []): Answer => {
    const results = withoutRepeatedQuotes(shown);
    const abstained = results.length === 0;
    return {
      query,
      abstained,
      // An answer with nothing to show is a "no match", whatever path produced it.
      outcome: abstained && outcome.type === 'answered' ? { type: 'no_match', ...(mostlyNonLatin(query) ? { englishOnly: true } : {}) } : outcome,
      intent,
      results,
      suggestions: abstained && !suggestions.length ? DEFAULT_SUGGESTIONS : suggestions,
    };
  };

  /** Hits to results, best first, dropping weak tails and entries already shown. */
  const fromHits = (hits: Hit[], limit: number, seen: Set<string>): Result[] => {
    const out: Result[] = [];
    const top = hits[0]?.score ?? 0;
    for (const h of hits) {
      if (out.length >= limit) break;
      if (seen.has(h.id) || h.score < top * MIN_RELATIVE_SCORE) continue;
      seen.add(h.id);
      out.push(toResult(entry(h.id)!, h.score / top));
    }
    return out;
  };
  /** Rescale the best hits' scores and re-sort them; hits further down are too weak to matter. */
  const rescoreHead = (hits: Hit[], factor: (h: Hit) => number): Hit[] => {
    const head = hits.slice(0, RESCORED_HITS).map((h) => ({ ...h, score: h.score * factor(h) }));
    return [...head.sort((a, b) => b.score - a.score), ...hits.slice(RESCORED_HITS)];
  };
  /**
   * An entry that matches every word of the question beats one that matches some of them very well
   * (a section heading that repeats two words, say): scores are scaled by the square of the share of
   * the question's words each entry matches.
   */
  const preferCoverage = (hits: Hit[], terms: string[]): Hit[] =>
    terms.length < 2 ? hits : rescoreHead(hits, (h) => (h.queryTerms.length / terms.length) ** COVERAGE_POWER);
  /**
   * Words the question writes together ("legally binding") that an entry also has together are stronger
   * evidence than the same words apart: such entries' scores double. MiniSearch has no phrase search, so
   * this looks at the best hits' text, which is cheap.
   */
  const foldedText = new Map(kb.entries.map((e) => [e.id, ` ${tokenize(fold(`${e.title} ${e.aliases.join(' , ')} ${e.text}`)).join(' ')} `]));
  const boostPhrase = (hits: Hit[], query: string): Hit[] => {
    const words = contentWords(query).filter((w) => !/^\d+$/.test(w));
    if (words.length < 2) return hits;
    const phrase = ` ${words.join(' ')} `;
    return rescoreHead(hits, (h) => (foldedText.get(h.id)!.includes(phrase) ? 2 : 1));
  };

  /** A glossary entry points to provisions: show the first one it names right after it. */
  const withLinkedArticles = (results: Result[]): Result[] => {
    const out: Result[] = [];
    for (const r of results) {
      out.push(r);
      const e = entry(r.id)!;
      const linked = e.kind === 'term' ? articleByNumber.get(e.articles[0] ?? 0) : undefined;
      if (linked && !results.some((x) => x.id === linked.id) && !out.some((x) => x.id === linked.id)) out.push(toResult(linked, r.score));
    }
    return out.slice(0, Math.max(SEARCH_RESULTS, results.length));
  };
  // Filtering hits by kind ranks exactly as a search restricted to that kind would (a filter does not
  // change scores), without searching again: one full-index search per question.
  const ofKind = (hits: Hit[], kind: EntryKind) => hits.filter((h) => entry(h.id)!.kind === kind);
  // Provisions on a topic come from a small index of the articles alone, whatever the corpus size.
  const articleIndex = buildSearchIndex(kb.articles);

  function references(query: string, { articles, chapters, rest }: References): Answer {
    const unknownArticles = articles.filter((n) => !articleByNumber.has(n));
    const badChapter = chapters.find((c) => !chapterByNumber.has(c.number));
    const results: Result[] = [];
    for (const c of chapters) if (chapterByNumber.has(c.number)) results.push(toResult(chapterByNumber.get(c.number)!, 1));
    for (const n of articles) if (articleByNumber.has(n)) results.push(toResult(articleByNumber.get(n)!, 1));
    const related = articles.length === 1 ? (articleByNumber.get(articles[0]!)?.related ?? []) : [];
    const suggestions = related.slice(0, 3).map((n) => `article ${n} (${articleByNumber.get(n)!.title})`);
    let outcome: Outcome = { type: 'answered' };
    if (unknownArticles.length) outcome = { type: 'unknown_article', numbers: unknownArticles, articleCount };
    else if (badChapter) outcome = { type: 'unknown_chapter', chapter: badChapter.written, chapterCount: kb.chapters.length };
    // "In which chapter is data protection?", "article 7 and hacking": the words beside the reference ask
    // something too. Their best answers follow the referenced entries.
    if (results.length && processed(rest).length) {
      const more = search(rest);
      if (!more.abstained) results.push(...more.results.filter((r) => !results.some((x) => x.id === r.id)).slice(0, EXTRA_RESULTS));
    }
    const fallback = results.length ? suggestions : [`article ${Math.min(Math.max(1, articles[0] ?? 1), articleCount)}`, 'chapter I', ...DEFAULT_SUGGESTIONS.slice(0, 2)];
    return answer(query, 'reference', results, outcome, fallback);
  }

  function quotesFor(speakerQuotes: QuoteEntry[], hits: Hit[], stance: 'critical' | 'supportive' | undefined, all = false): Result[] {
    const seen = new Set<string>();
    const rank = new Map(hits.map((h, i) => [h.id, i]));
    let pool = speakerQuotes.length ? speakerQuotes : all ? quotes : quotes.filter((q) => rank.has(q.id));
    if (stance) pool = (pool.length ? pool : quotes).filter((q) => q.stance === stance);
    if (!pool.length) pool = stance ? quotes.filter((q) => q.stance === stance) : quotes;
    const ordered = [...pool].sort((a, b) => (rank.get(a.id) ?? 1e9) - (rank.get(b.id) ?? 1e9)).slice(0, all ? 5 : 3);
    const results = ordered.map((q) => { seen.add(q.id); return toResult(q, 1); });
    // Then the passage that reports it, for context.
    return [...results, ...fromHits(ofKind(hits, 'passage'), 1, seen)];
  }

  /** A contested topic: the provisions on it, then critical and supportive voices, then the reporting. */
  function balanced(hits: Hit[], terms: string[], topics: string[]): Result[] {
    const seen = new Set<string>();
    // Provisions are found by the topic itself ("surveillance"), not by words around it ("concerns").
    const topicTerms = processed(topics.join(' '));
    const articles = fromHits(articleIndex.search(topicTerms.length ? topicTerms : terms), 2, seen);
    const voice = (stance: 'critical' | 'supportive') => {
      const q = hits.map((h) => entry(h.id)!).find((e) => e.kind === 'quote' && e.stance === stance) ?? quotes.find((q) => q.stance === stance);
      if (!q || seen.has(q.id)) return [];
      seen.add(q.id);
      return [toResult(q, 0.5)];
    };
    const voices = [...voice('critical'), ...voice('supportive')];
    const passage = fromHits(ofKind(hits, 'passage'), 1, seen);
    return [...articles.slice(0, 1), ...passage, ...voices, ...articles.slice(1)];
  }

  // What the convention is for does not depend on how the question is worded: found once, here.
  const purposeResults = (() => {
    const seen = new Set<string>();
    const hits = index.search(processed(PURPOSE_QUERY));
    return [...fromHits(ofKind(hits, 'article'), 1, seen), ...fromHits(ofKind(hits, 'passage'), 2, seen)];
  })();
  const purpose = (query: string): Answer => answer(query, 'purpose', purposeResults, undefined, ['What did Human Rights Watch say?', 'timeline', 'chapter II']);

  return {
    catalog: buildCatalog(kb, quotes, sources),
    result: (id) => {
      const e = entry(id);
      if (!e) return undefined;
      return e.kind === 'source' ? { ...toResult(e, 1), text: e.text } : toResult(e, 1);
    },
    ask(raw) {
      const query = normalizeQuery(raw);
      if (!query) return answer(query, 'search', [], { type: 'empty_question' });
      const refs = parseReferences(query);
      return refs.articles.length || refs.chapters.length ? references(query, refs) : search(query);
    },
  };

  /** Everything but references: intents, then search, then abstain or assemble. */
  function search(query: string): Answer {
    const intents = detectIntents(query);
    if (intents.sources) {
      // The documents quoted, then where the convention's own official text is (every article cites it).
      const official = fromHits(ofKind(index.search(processed('official text')), 'fact'), 1, new Set());
      return answer(query, 'sources', [...sources.map((s) => toResult(s, 1)), ...official]);
    }
    if (intents.timelineOnly) return answer(query, 'timeline', datedFacts.map((f) => toResult(f, 1)), undefined, ['When does it enter into force?', 'article 64', 'article 65']);

    if (intents.task) return answer(query, 'search', []);
    const speakerQuotes = findSpeakers(query, quotes);
    const terms = processed(query);
    if (intents.quotes && !speakerQuotes.length) {
      // "quotes", "what do critics say": every voice of that stance; "what was said about X": voices on X.
      const quoteWords = new Set(processed(QUOTE_QUERY));
      const about = terms.filter((t) => !quoteWords.has(t));
      const aboutHits = index.search(about);
      if (!about.length || aboutHits.some((h) => entry(h.id)!.kind === 'quote')) return answer(query, 'quotes', quotesFor([], aboutHits, intents.stance, !about.length));
    }
    if (!terms.length && !speakerQuotes.length) {
      // Only the subject's own name ("the UN cybercrime treaty"): say what it is for.
      const namesSubject = tokenize(query).some((w) => SUBJECT_WORDS.has(fold(w)));
      return namesSubject ? purpose(query) : answer(query, 'search', []);
    }
    // Words in more than half of all entries ("States Parties") cannot tell entries apart; searching
    // them only costs time, a lot of it on a large corpus. They still count as known words.
    const telling = terms.filter((t) => index.documentShare(t) <= MAX_DOCUMENT_SHARE);
    const searched = telling.length ? telling : terms;
    const hits = index.search(searched);
    if (speakerQuotes.length) return answer(query, 'quotes', quotesFor(speakerQuotes, hits, intents.stance));
    if (intents.purpose) return purpose(query);

    const decision = decideAbstention(searched, hits, index, processedWords(query));
    if (decision.abstain) return answer(query, 'search', []);
    if (intents.contested.length) return answer(query, 'balanced', balanced(hits, terms, intents.contested));
    if (intents.why) {
      // Why it exists or why it matters: the source's reporting explains; the articles only provide.
      const seen = new Set<string>();
      const passages = fromHits(ofKind(hits, 'passage'), 2, seen);
      return answer(query, 'search', [...passages, ...fromHits(hits, SEARCH_RESULTS - passages.length, seen)]);
    }
    if (intents.when) {
      const seen = new Set<string>();
      const facts = fromHits(ofKind(hits, 'fact'), 2, seen);
      return answer(query, 'timeline', [...facts, ...fromHits(hits, SEARCH_RESULTS - facts.length, seen)]);
    }
    // A question that is exactly an entry's title or alias ("hacking", "revenge porn") names that
    // entry: it comes first, whatever the term statistics of longer aliases elsewhere say.
    const exact = new Set(named.get(terms.join(' ')) ?? []);
    const phrased = boostPhrase(preferCoverage(hits, searched), query);
    const ranked = exact.size ? [...phrased.filter((h) => exact.has(h.id)), ...phrased.filter((h) => !exact.has(h.id))] : phrased;
    const results = withLinkedArticles(fromHits(ranked, SEARCH_RESULTS, new Set()));
    const linked = (r: Result) => {
      const e = entry(r.id)!;
      return e.kind === 'article' ? e.related : e.kind === 'term' || e.kind === 'fact' ? e.articles : [];
    };
    const followUps = [...new Set(results.flatMap(linked))]
      .filter((n) => !results.some((r) => r.article === n)).slice(0, 3).map((n) => `article ${n} (${articleByNumber.get(n)!.title})`);
    return answer(query, 'search', results, undefined, followUps);
  }
}

/** More letters of other scripts than Latin ones: "Зачем эта конвенция?", "公约的目的是什么". */
function mostlyNonLatin(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  const latin = letters.filter((ch) => /\p{Script=Latin}/u.test(ch)).length;
  return letters.length > 0 && latin < letters.length / 2;
}

/** Each entry's title and aliases as processed phrases ("hacking" → "hack"), to the entries they name. */
function namesIndex(entries: Entry[]): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const e of entries) {
    if (e.kind === 'source' || e.kind === 'passage') continue;
    for (const name of [e.title, ...e.aliases]) {
      const key = processed(name).join(' ');
      if (key) names.set(key, [...(names.get(key) ?? []), e.id]);
    }
  }
  return names;
}

/**
 * A passage that is mostly a quote already shown (with its speaker and stance) adds length, not
 * information: drop it. A passage that says more around the quote (what else the speaker's
 * organisation warned of, say) keeps its place as context.
 */
function withoutRepeatedQuotes(results: Result[]): Result[] {
  const quoted = results.filter((r) => r.kind === 'quote').map((r) => foldSpace(r.text));
  const repeats = (passage: string) => quoted.some((q) => passage.includes(q) && q.length >= passage.length * MOSTLY_QUOTE);
  return results.filter((r) => r.kind !== 'passage' || !repeats(foldSpace(r.text)));
}

function buildCatalog(kb: KnowledgeBase, quotes: QuoteEntry[], sources: Entry[]): Catalog {
  const speakers = new Map<string, Catalog['speakers'][number]>();
  for (const q of quotes) if (!speakers.has(q.speaker)) speakers.set(q.speaker, { name: q.speaker, organisation: q.organisation, role: q.role });
  return {
    articles: kb.articles.map((a) => ({ number: a.number, title: a.title, chapter: a.chapter.roman })),
    chapters: kb.chapters.map((c) => ({ number: c.number, roman: c.roman, title: c.title, first: c.articles.first, last: c.articles.last })),
    speakers: [...speakers.values()],
    sources: sources.map((s) => ({ id: s.id, title: s.title, publisher: s.citation.publisher, date: s.citation.date, url: s.citation.url })),
  };
}
