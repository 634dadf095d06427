// Part of assemble: how each intent's answer is composed from the hits (quotes, a balanced view,
// purpose, sources, timeline, why, when, and the plain search answer).
import type { Answer, Result } from '../../answer.js';
import type { Corpus } from '../corpus.js';
import { processed } from '../corpus.js';
import { PURPOSE_QUERY, QUOTE_QUERY } from '../intents.js';
import type { Hit } from '../searchIndex.js';
import { quoteResults, SEARCH_RESULTS, type Assembler } from './assemble.js';
import type { Scope } from './scope.js';

export interface Composer {
  sources(query: string): Answer;
  timeline(query: string): Answer;
  purpose(query: string): Answer;
  /** "quotes", "what do critics say", "what was said about X": undefined when no quote is about X. */
  quotesAbout(query: string, scope: Scope, terms: string[]): Answer | undefined;
  speakers(query: string, scope: Scope, hits: Hit[]): Answer;
  /**
   * A contested topic: the provisions on it, then critical and supportive voices, then the reporting.
   * A question asking for criticism (`stance`) gets the critical voice first.
   */
  balanced(query: string, hits: Hit[], terms: string[], topics: string[], stance?: 'critical' | 'supportive'): Answer;
  /** Why it exists or why it matters: the source's reporting explains; the articles only provide. */
  why(query: string, hits: Hit[]): Answer;
  /** Dated facts first, when they answer the question as fully as its best entry does. */
  when(query: string, ranked: Hit[], coverage: (h: Hit) => number): Answer;
  /** "Which chapter is X in": the chapter of the best article first. */
  chapter(query: string, ranked: Hit[]): Answer;
  search(query: string, ranked: Hit[]): Answer;
  /** Another instrument: not covered; offer what this convention says on its relation to others. */
  otherInstrument(query: string, name: string): Answer;
  /** How this convention relates to another instrument: the provision on that first, then the rest. */
  relation(query: string, ranked: Hit[]): Answer;
  /** "difference between X and Y": the best entry for each side first, then the rest. */
  comparison(query: string, sides: Hit[][], ranked: Hit[]): Answer;
  /** Close to an answer but under the bar: "did you mean" the best two or three candidates. */
  unsure(query: string, ranked: Hit[]): Answer;
}

/** Candidates offered when unsure. */
const UNSURE_CANDIDATES = 3;

export function createComposer(corpus: Corpus, out: Assembler): Composer {
  const { index, articleIndex, quotes, sources, datedFacts, entry } = corpus;
  // What the convention is for does not depend on how the question is worded: found once, here.
  const purposeResults = (() => {
    const seen = new Set<string>();
    const hits = index.search(processed(PURPOSE_QUERY));
    return [...out.fromHits(out.ofKind(hits, 'article'), 1, seen), ...out.fromHits(out.ofKind(hits, 'passage'), 2, seen)];
  })();
  const quoteWords = new Set(processed(QUOTE_QUERY));
  // The provision on how the convention relates to other treaties, found by its own alias.
  const relationArticle = (corpus.named.get(processed('relationship with other treaties').join(' ')) ?? []).map((id) => entry(id)!).find((e) => e.kind === 'article');
  const relationSuggestions = relationArticle?.kind === 'article' ? [out.articleSuggestion(relationArticle.number), 'What are the objectives?'] : ['What are the objectives?'];
  /** What to ask to get an entry: an article by number, a quote by its speaker, anything else by title. */
  const askFor = (id: string): string => {
    const e = entry(id)!;
    if (e.kind === 'article') return out.articleSuggestion(e.number);
    if (e.kind === 'quote') return `What did ${e.speaker} say?`;
    if (e.kind === 'term') return `What is ${e.title}?`;
    return e.title;
  };

  return {
    sources(query) {
      // The documents quoted, then where the convention's own official text is (every article cites it).
      const official = out.fromHits(out.ofKind(index.search(processed('official text')), 'fact'), 1, new Set());
      return out.answer(query, 'sources', [...sources.map((s) => out.toResult(s, 1)), ...official]);
    },
    timeline: (query) => out.answer(query, 'timeline', datedFacts.map((f) => out.toResult(f, 1)), undefined, ['When does it enter into force?', 'article 64', 'article 65']),
    purpose: (query) => out.answer(query, 'purpose', purposeResults, undefined, ['What did Human Rights Watch say?', 'timeline', 'chapter II']),
    quotesAbout(query, scope, terms) {
      const about = terms.filter((t) => !quoteWords.has(t));
      const aboutHits = index.search(about);
      if (about.length && !aboutHits.some((h) => entry(h.id)!.kind === 'quote')) return undefined;
      return out.answer(query, 'quotes', quoteResults(corpus, out, [], aboutHits, scope.intents.stance, !about.length));
    },
    speakers: (query, scope, hits) => out.answer(query, 'quotes', quoteResults(corpus, out, scope.speakerQuotes, hits, scope.intents.stance)),
    balanced(query, hits, terms, topics, stance) {
      const seen = new Set<string>();
      // Provisions are found by the topic and what the question says of it ("real-time surveillance of
      // traffic"), not by words asking for opinions ("concerns", "critics").
      const topicTerms = processed(topics.join(' '));
      const about = [...new Set([...topicTerms, ...terms.filter((t) => !quoteWords.has(t))])];
      const found = articleIndex.search(about.length ? about : terms);
      // Provisions on the topic itself come first ("abuse" alone would find the child abuse offences).
      const onTopic = found.filter((h) => h.queryTerms.some((t) => topicTerms.includes(t)));
      const articles = out.fromHits(onTopic.length ? [...onTopic, ...found.filter((h) => !onTopic.includes(h))] : found, 2, seen);
      const voice = (stance: 'critical' | 'supportive'): Result[] => {
        const q = hits.map((h) => entry(h.id)!).find((e) => e.kind === 'quote' && e.stance === stance) ?? quotes.find((q) => q.stance === stance);
        if (!q || seen.has(q.id)) return [];
        seen.add(q.id);
        return [out.toResult(q, 0.5)];
      };
      const critical = voice('critical');
      const supportive = voice('supportive');
      const passage = out.fromHits(out.ofKind(hits, 'passage'), 1, seen);
      const results = stance === 'critical'
        ? [...critical, ...articles.slice(0, 1), ...passage, ...supportive, ...articles.slice(1)]
        : [...articles.slice(0, 1), ...passage, ...critical, ...supportive, ...articles.slice(1)];
      return out.answer(query, 'balanced', results);
    },
    why(query, hits) {
      const seen = new Set<string>();
      const passages = out.fromHits(out.ofKind(hits, 'passage'), 2, seen);
      return out.answer(query, 'search', [...passages, ...out.fromHits(hits, SEARCH_RESULTS - passages.length, seen)]);
    },
    when(query, ranked, coverage) {
      const seen = new Set<string>();
      // "How long does denunciation take to take effect" asks of denunciation, not of the timeline.
      const best = ranked[0] ? coverage(ranked[0]) : 0;
      const facts = out.fromHits(out.ofKind(ranked, 'fact').filter((h) => coverage(h) >= best), 2, seen);
      const results = [...facts, ...out.fromHits(ranked, SEARCH_RESULTS - facts.length, seen)];
      return out.answer(query, facts.length ? 'timeline' : 'search', results, undefined, facts.length ? [] : out.followUps(results));
    },
    chapter(query, ranked) {
      const article = ranked.map((h) => entry(h.id)!).find((e) => e.kind === 'article');
      const chapter = article?.kind === 'article' ? corpus.chapterByNumber.get(article.chapter.number) : undefined;
      if (!chapter) return this.search(query, ranked);
      const seen = new Set([chapter.id]);
      return out.answer(query, 'search', [out.toResult(chapter, 1), ...out.fromHits(ranked, SEARCH_RESULTS - 1, seen)]);
    },
    otherInstrument: (query, name) => out.answer(query, 'search', [], { type: 'other_instrument', name }, relationSuggestions),
    relation(query, ranked) {
      const seen = new Set<string>();
      const first = relationArticle ? [out.toResult(relationArticle, 1)] : [];
      if (relationArticle) seen.add(relationArticle.id);
      return out.answer(query, 'search', [...first, ...out.fromHits(ranked, SEARCH_RESULTS - first.length, seen)]);
    },
    comparison(query, sides, ranked) {
      const seen = new Set<string>();
      const tops = sides.flatMap((hits) => out.fromHits(hits, 1, seen));
      const results = [...tops, ...out.fromHits(ranked, Math.max(0, SEARCH_RESULTS - tops.length), seen)];
      return out.answer(query, 'search', results, undefined, out.followUps(results));
    },
    unsure(query, ranked) {
      const candidates: { id: string; title: string }[] = [];
      const asks = new Set<string>();
      for (const h of ranked) {
        if (candidates.length >= UNSURE_CANDIDATES) break;
        const e = entry(h.id)!;
        if (e.kind === 'passage' || asks.has(askFor(h.id))) continue;
        asks.add(askFor(h.id));
        candidates.push({ id: e.id, title: e.title });
      }
      if (candidates.length < 2) return out.answer(query, 'search', []);
      return out.answer(query, 'search', [], { type: 'unsure', candidates }, [...asks]);
    },
    search(query, ranked) {
      const results = out.withLinkedArticles(out.fromHits(ranked, SEARCH_RESULTS, new Set()));
      return out.answer(query, 'search', results, undefined, out.followUps(results));
    },
  };
}
