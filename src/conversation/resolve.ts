// The conversation stage around the retrieval engine: a question and the previous turn's context in,
// an Answer out. A question that stands alone is answered exactly as without context; one that leans
// on the previous turn (followUp.ts says how) is resolved against it, and the Answer says so
// (`context.from`), so a wrong carry-over is visible and the asker can correct it by asking in full.
import type { Answer, Result } from '../answer.js';
import type { Engine } from '../engine.js';
import type { ChapterEntry, Entry, PassageEntry } from '../knowledge/types.js';
import { processed, type Corpus } from '../retrieval/corpus.js';
import { parseReferences } from '../retrieval/references.js';
import type { Hit } from '../retrieval/searchIndex.js';
import { expand, type TermGroup } from '../retrieval/stages/expand.js';
import { foldSpace } from '../knowledge/passages.js';
import { contentWords, fold, normalizeQuery, processTerm, tokenize } from '../retrieval/text.js';
import type { ConversationContext } from './context.js';
import { afterNewTopic, classifyFollowUp, ordinalOf, type FollowUp, type Marker, type Ordinal } from './followUp.js';

/** Results a "tell me more" shows: what was shown first, then its related entries. */
const MORE_RESULTS = 4;
/** Results a carried-over question shows at least (a plain search shows three). */
const CARRIED_RESULTS = 3;
/** Quotes and their passages a "what did critics say about that?" shows at most. */
const VOICES_RESULTS = 5;
/** Articles a "which article" answer names at most. */
const WHICH_RESULTS = 3;
/** Priors of a carried-over question: the entry in focus is 1, others shown this, their links a share. */
const SHOWN_PRIOR = 0.6;
const LINKED_PRIOR = 0.5;
/** How much being on screen weighs against matching the new words (a full match scores 1). */
const PRIOR_WEIGHT = 0.9;
/** How much the question's own answer (the whole pipeline: lexicon, asks, reranking) weighs, by its relative score. */
const ALONE_WEIGHT = 0.5;
/** Share of the new words the knowledge base must know for a follow-up to be answered. */
const MIN_KNOWN = 0.5;
/** A topic word in at most this share of entries tells what a quote is about. */
const TELLING_SHARE = 0.05;
/** A lexicon's alternative terms weigh this much against the word as typed (as in the search stage). */
const LEXICON_WEIGHT = 0.6;
/** Hits of the new words considered. */
const MATCHED_HITS = 30;
/** A question with no word pointing back is carried only when what was shown matches this share of its words. */
const MIN_COVERAGE = 0.6;
/** …or half of them, when that is two words or more ("concurrent investigations: any duty to consult?"). */
const MIN_COVERAGE_OF_MANY = 0.5;
const ASKS_ARTICLE = /\b(?:which|what)\s+(?:article|provision)s?\b/;
/** "Who is she?" after a quote: the passage naming the speaker's role comes before the quote itself. */
const SPEAKER_PRIOR = 1.1;
const ABOUT_SPEAKER = /\b(?:she|he|her|his)\b|\bwho\s+(?:is|was)\b|\b(?:title|role|job|position|organi[sz]ation|org)\b/;
/** Pronouns that can only mean a person (never the convention or the asker's side). */
const PERSONAL = /\b(?:she|he|her|his|him)\b/;
/** Words that only colour a follow-up ("who is she exactly?", "what if they actually post them"). */
const FILLER = new Set(['exactly', 'actually', 'actual', 'really', 'basically', 'everything', 'anything', 'everyone', 'anyone', 'anybody',
  'someone', 'somebody', 'else', 'only', 'just', 'even', 'also', 'ok', 'okay', 'so', 'then', 'well', 'still', 'again', 'lol', 'pls', 'please', 'one']);
const withoutFiller = (query: string) => tokenize(query).filter((w) => !FILLER.has(fold(w))).join(' ');

/** A text's content words, stemmed as the index stems them. */
const stems = (text: string): string[] => contentWords(text).map(processTerm).filter((t): t is string => !!t);

/** A question's content words without its references ("article 7" names no topic by its words). */
const ownWords = (question: string): string => contentWords(parseReferences(question).rest).join(' ');

type BaseEngine = Pick<Engine, 'ask' | 'result' | 'catalog'>;

export function withFollowUps(corpus: Corpus, base: BaseEngine): Engine {
  const { entry, articleByNumber, articleIndex, quotes } = corpus;
  const passages = corpus.kb.entries.filter((e) => e.kind === 'passage');
  const full = (id: string) => base.result(id);

  /** The entries the previous turn showed that still exist, best first. */
  const shownEntries = (ctx: ConversationContext): Entry[] => ctx.ids.map(entry).filter((e): e is Entry => e !== undefined);

  /** The articles an entry is about: itself, the ones a term or fact names, or the best matches of its words. */
  const articlesBehind = (e: Entry): number[] => {
    if (e.kind === 'article') return [e.number];
    if (e.kind === 'term' || e.kind === 'fact') return e.articles;
    if (e.kind === 'chapter') return [];
    const terms = [...new Set(stems(e.text))];
    const hits = articleIndex.search(terms);
    const best = hits[0]?.score ?? 0;
    return hits.filter((h) => h.score >= best * 0.5).slice(0, 2).map((h) => (entry(h.id) as { number: number }).number);
  };

  const focusArticle = (ctx: ConversationContext, shown: Entry[]): number | undefined =>
    ctx.article ?? shown.map(articlesBehind).find((ns) => ns.length)?.[0];

  /** "Article 7" or the entry's title: what the "(following on from …)" line names. */
  const nameOf = (e: Entry): string => (e.kind === 'article' ? `Article ${e.number}` : e.kind === 'chapter' ? `Chapter ${e.roman}` : e.title);

  /** The words that say what the previous turn was about, to carry into a question that leans on it. */
  const topicOf = (ctx: ConversationContext, shown: Entry[]): string => {
    const first = shown[0];
    const own = ownWords(ctx.question);
    if (!first) return own;
    // A quote or passage is what someone said about the question's topic: the question names it best.
    if ((first.kind === 'quote' || first.kind === 'passage' || first.kind === 'source') && own) return own;
    return first.title;
  };

  const withContext = (a: Answer, shown: Entry[], ctx: ConversationContext): Answer =>
    ({ ...a, context: { from: ctx.ids, about: nameOf(shown[0]!), question: ctx.question, ...(ctx.article !== undefined ? { article: ctx.article } : {}) } });

  const answerOf = (query: string, results: Result[], intent: Answer['intent'], suggestions: string[] = []): Answer => ({
    query, abstained: results.length === 0, outcome: results.length ? { type: 'answered' } : { type: 'no_match' }, intent, results, suggestions,
  });

  const dedupe = (results: Result[]): Result[] => {
    const seen = new Set<string>();
    return results.filter((r) => !seen.has(r.id) && seen.add(r.id));
  };
  const articleResults = (numbers: number[]) => numbers.flatMap((n) => {
    const a = articleByNumber.get(n);
    const r = a ? full(a.id) : undefined;
    return r ? [r] : [];
  });

  function more(query: string, shown: Entry[]): Answer {
    const related = shown.flatMap((e) => {
      if (e.kind === 'article') return articleResults(e.related);
      if (e.kind === 'term' || e.kind === 'fact') return articleResults(e.articles);
      if (e.kind === 'chapter') return articleResults([e.articles.first]);
      // A passage goes on with the source's next paragraph; a quote with the passage that reports it.
      const reading = e.kind === 'passage' ? nextParagraph(e) : e.kind === 'quote' ? reporting(e) : [];
      return [...reading.flatMap((p) => full(p.id) ?? []), ...articleResults(articlesBehind(e))];
    });
    const first = full(shown[0]!.id);
    const results = dedupe([...(first ? [first] : []), ...related.filter((r) => !shown.some((e) => e.id === r.id))]).slice(0, MORE_RESULTS);
    return answerOf(query, results, 'search');
  }

  function which(query: string, f: Extract<FollowUp, { type: 'which' }>, shown: Entry[]): Answer {
    // The articles an article, term or fact shown names; only when none does, the best guesses from a
    // passage's or quote's words.
    const named = shown.filter((e) => e.kind === 'article' || e.kind === 'term' || e.kind === 'fact').flatMap(articlesBehind);
    const numbers = [...new Set(named.length ? named : shown.flatMap(articlesBehind))];
    if (f.unit === 'article') return answerOf(query, articleResults(numbers.slice(0, WHICH_RESULTS)), 'reference');
    // "Which chapter is that in?": the chapters of those articles, or the chapter itself.
    const chapters = [...new Set([...shown.flatMap((e) => (e.kind === 'chapter' ? [e.number] : [])), ...numbers.flatMap((n) => articleByNumber.get(n)?.chapter.number ?? [])])];
    return answerOf(query, chapters.slice(0, WHICH_RESULTS).flatMap((n) => { const c = corpus.chapterByNumber.get(n); return (c && full(c.id)) ?? []; }), 'reference');
  }

  function step(query: string, f: Extract<FollowUp, { type: 'step' }>, ctx: ConversationContext, shown: Entry[]): Answer | undefined {
    if (f.unit === 'chapter') {
      const chapter = shown.find((e) => e.kind === 'chapter') ?? articleByNumber.get(focusArticle(ctx, shown) ?? 0)?.chapter;
      return chapter ? base.ask(`chapter ${chapter.number + f.by}`) : undefined;
    }
    const chapter = shown[0]?.kind === 'chapter' ? shown[0] : undefined;
    const from = chapter ? (f.by > 0 ? chapter.articles.last : chapter.articles.first) : focusArticle(ctx, shown);
    // Past the first or last article, the core's own "there is no article 0/69" answer says why.
    return from === undefined ? undefined : { ...base.ask(`article ${from + f.by}`), query };
  }

  /**
   * Quotes of the stance asked for whose words are about the topic (any of its stemmed words), or,
   * for "who else…", those not shown yet.
   */
  function voices(query: string, f: Extract<FollowUp, { type: 'voices' }>, ctx: ConversationContext, shown: Entry[]): Answer {
    const pool = quotes.filter((q) => !f.stance || q.stance === f.stance);
    // The topic in its own words and the asker's ("human rights safeguards" shown as "Conditions and safeguards").
    const terms = new Set(stems(`${topicOf(ctx, shown)} ${ownWords(ctx.question)}`));
    // …and the words the lexicon gives the same meaning ("interception" beside "surveillance").
    const kin = kinTerms(terms);
    // One telling word of the topic ("surveillance"), or two of its common ones ("legal" alone is everywhere).
    // A quote is about what it says and what the passage reporting it says around it.
    const about = (q: Entry) => {
      const said = [q, ...reporting(q)].map((e) => `${e.title} ${e.aliases.join(' ')} ${e.text}`).join(' ');
      const saidTerms = new Set(contentWords(said).map((w) => processTerm(w) ?? ''));
      const shared = [...terms].filter((t) => saidTerms.has(t));
      const telling = (t: string) => saidTerms.has(t) && corpus.index.documentShare(t) <= TELLING_SHARE;
      return shared.length >= 2 || shared.some(telling) || [...kin].some(telling);
    };
    // "Who said that?": the voices already on screen (a quote, or one a shown passage reports) first.
    const place = (q: Entry) => shown.findIndex((e) => e.id === q.id || (e.kind === 'passage' && foldSpace(e.text).includes(foldSpace(q.text))));
    const onScreen = f.others ? [] : pool.filter((q) => place(q) >= 0).sort((a, b) => place(a) - place(b));
    const found = f.others ? pool.filter((q) => !ctx.ids.includes(q.id)) : dedupeEntries([...onScreen, ...pool.filter(about)]);
    // The quotes, then the passages reporting them, for context (as a first question's quotes come).
    const results = dedupe([...found, ...found.flatMap(reporting)].flatMap((e) => full(e.id) ?? [])).slice(0, VOICES_RESULTS);
    if (results.length) return answerOf(query, results, 'quotes');
    const who = f.stance === 'critical' ? ' critics' : f.stance === 'supportive' ? ' supporters' : ' people';
    return { ...answerOf(query, [], 'quotes', [`What did${who} say?`, 'quotes']),
      outcome: { type: 'no_voices', topic: nameOf(shown[0]!), ...(f.stance ? { stance: f.stance } : {}) } };
  }

  /** How likely each entry is to be "it" before reading the new words: what was shown, then what it links to. */
  function priors(shown: Entry[], aboutSpeaker: boolean): Map<string, number> {
    const prior = new Map<string, number>();
    const give = (id: string | undefined, p: number) => { if (id && p > (prior.get(id) ?? 0)) prior.set(id, p); };
    shown.forEach((e, i) => {
      const weight = i === 0 ? 1 : SHOWN_PRIOR;
      give(e.id, weight);
      const linked = e.kind === 'article' ? e.related : e.kind === 'term' || e.kind === 'fact' ? e.articles : e.kind === 'chapter' ? [] : articlesBehind(e);
      for (const n of linked) give(articleByNumber.get(n)?.id, weight * LINKED_PRIOR);
      // A quote's own passage says who spoke, in what role: "who is she?" is answered there.
      if (e.kind === 'quote') for (const p of reporting(e)) give(p.id, aboutSpeaker ? weight * SPEAKER_PRIOR : weight * LINKED_PRIOR);
    });
    return prior;
  }

  /** Terms the lexicon gives one meaning together with any of these ("surveillance interception"). */
  const kinTerms = (terms: Set<string>): Set<string> => {
    const kin = new Set<string>();
    for (const m of corpus.phrases.values()) if (m.terms.some((t) => terms.has(t))) for (const t of m.terms) if (!terms.has(t)) kin.add(t);
    return kin;
  };

  const dedupeEntries = (entries: Entry[]): Entry[] => [...new Map(entries.map((e) => [e.id, e])).values()];

  /** The paragraph after a passage in its source, if any. */
  const nextParagraph = (p: Entry): Entry[] => {
    const { sourceId, paragraph } = p as PassageEntry;
    return passages.filter((q) => (q as PassageEntry).sourceId === sourceId && (q as PassageEntry).paragraph === paragraph + 1);
  };

  /** The passages of its source that contain a quote. */
  const reporting = (q: Entry): Entry[] => {
    const words = foldSpace(q.text);
    return passages.filter((p) => (p as { sourceId: string }).sourceId === (q as { sourceId: string }).sourceId && foldSpace(p.text).includes(words));
  };

  /** An entry's index terms (title, aliases, questions it answers, text), read once. */
  const entryTerms = new Map<string, Set<string>>();
  const termsOf = (id: string): Set<string> => {
    let terms = entryTerms.get(id);
    const e = entry(id);
    if (!terms) entryTerms.set(id, (terms = new Set(e ? processed(`${e.title} ${e.aliases.join(' ')} ${e.asks.join(' ')} ${e.text}`) : [])));
    return terms;
  };

  /** Does the question name the entry: all the words of its title, or of one of its aliases? */
  const namedBy = (query: string, id: string): boolean => {
    const e = entry(id);
    const asked = new Set(stems(query));
    return !!e && [e.title, ...e.aliases].some((name) => {
      const ws = stems(name);
      return ws.length > 0 && ws.every((w) => asked.has(w));
    });
  };

  /** Entries ranked by their match of the new words plus their prior; coverage = share of the words matched. */
  function rankInContext(query: string, words: TermGroup[], marker: Marker, shown: Entry[], alone: Answer) {
    const terms = [...new Set(words.flatMap((g) => g.terms))];
    const boosts = new Map(words.flatMap((g) => (g.fromLexicon ? g.terms.slice(1).map((t) => [t, LEXICON_WEIGHT] as const) : [])));
    const found = terms.length ? corpus.index.search(terms, boosts) : [];
    const top = found[0]?.score ?? 0;
    const prior = priors(shown, ABOUT_SPEAKER.test(fold(query)));
    // An entry on screen or linked to it is matched however far down the search's hits it fell (a long
    // article holding "conditions" among hundreds that do).
    const inHits = new Set(found.map((h) => h.id));
    const hits = [...found, ...[...prior.keys()].filter((id) => !inHits.has(id)).flatMap((id) => {
      const has = termsOf(id);
      const matched = terms.filter((t) => has.has(t));
      return matched.length ? [{ id, score: 0, queryTerms: matched }] : [];
    })];
    // The share of the question's words an entry matches, by any of their terms; unknown words count against it.
    const share = (h: Hit) => words.filter((g) => g.terms.some((t) => h.queryTerms.includes(t))).length / words.length;
    const coverage = new Map(hits.map((h) => [h.id, share(h)]));
    // The best hits, by relative score × coverage, and every entry on screen or linked to it however
    // far down it ranked. When a word points back, an entry on screen scores by its coverage alone: a
    // long article scores low on a word a short term is named by ("who provides it?" after Article 58
    // beside the term "service provider"), yet when it holds the new words as fully, it is "it".
    const onScreen = new Set(marker === 'none' ? [] : shown.map((e) => e.id));
    const match = new Map(hits.filter((h, i) => i < MATCHED_HITS || prior.has(h.id))
      .map((h) => [h.id, (onScreen.has(h.id) ? 1 : h.score / top) * coverage.get(h.id)!]));
    // A narrowing question asks about the scope of what is on screen: that weighs double.
    const weight = marker === 'narrow' ? 2 * PRIOR_WEIGHT : PRIOR_WEIGHT;
    // The question's own answer votes too, unless what is on screen holds all the new words: the full
    // search reads everyday words better than the bare index ("how does a state withdraw?" after
    // Article 65 is denunciation), while "does that cover data?" after Article 24 is Article 24.
    const screenHoldsAll = shown.some((e) => (coverage.get(e.id) ?? 0) >= 1);
    const vote = screenHoldsAll ? 0 : ALONE_WEIGHT;
    const aloneScore = new Map(alone.abstained ? [] : alone.results.map((r) => [r.id, r.score]));
    const score = (id: string) => (match.get(id) ?? 0) + vote * (aloneScore.get(id) ?? 0) + weight * (prior.get(id) ?? 0);
    // "Which article protects them?": only articles can answer.
    const kinds = ASKS_ARTICLE.test(fold(query)) ? ['article'] : ['article', 'chapter', 'fact', 'term', 'quote', 'passage'];
    // "What's her title?" after a quote: a personal pronoun is the person on screen, so only what was
    // on screen (the quote, the passage naming its speaker) can answer.
    const onlyShown = PERSONAL.test(fold(query)) && shown.some((e) => e.kind === 'quote');
    const ranked = [...new Set([...match.keys(), ...prior.keys(), ...aloneScore.keys()])]
      .filter((id) => kinds.includes(entry(id)?.kind ?? '') && (!onlyShown || prior.has(id)))
      .sort((a, b) => score(b) - score(a) || a.localeCompare(b));
    return { ranked, coverage, prior };
  }

  /**
   * The question's own words, searched as usual, re-ranked with what the conversation was about: each
   * entry scores its match of the new words (relative score × share of the words it matches) plus a
   * prior for having been shown or linked to what was shown. New words that name another topic outrank
   * the prior ("what about grooming?"); words that only narrow it ("third-party protections?") find
   * the entry already on screen; no new words at all ("where?") mean the entry in focus.
   */
  function carry(query: string, f: Extract<FollowUp, { type: 'carry' }>, ctx: ConversationContext, shown: Entry[]): Answer | undefined {
    const alone = base.ask(query);
    // "Who decides that?", "any exceptions?": asked of what was shown (an existential question only
    // when it finds nothing alone: "is there a treaty body?" names its own topic).
    const about = f.about === true && (f.marker !== 'none' || alone.abstained);
    const asked: Marker = about && f.marker === 'none' ? 'strong' : f.marker;
    // A question about another treaty or law names its own topic ("is the GDPR stricter than…").
    if (alone.outcome.type === 'other_instrument') return undefined;
    // The question's words, each with the convention's own words for it (the lexicon: "money" → financial).
    const expanded = expand(withoutFiller(query), corpus.phrases).groups;
    // Words the knowledge base has never seen ("what about pizza?") are no follow-up: refuse as alone.
    const isKnown = (g: TermGroup) => g.fromLexicon || g.terms.some((t) => corpus.index.hasTerm(t) || corpus.index.hasStemOf(t));
    const unknown = expanded.length > 0 && expanded.filter(isKnown).length < expanded.length * MIN_KNOWN;
    // …unless what was shown is its subject: then the words it lacks ask something of that ("who decides that?").
    if (unknown && !about) return undefined;
    const words = unknown ? [] : expanded;
    // Only question words ("where?", "who is she?"): all the rest is what was on screen.
    const marker: Marker = words.length ? asked : 'strong';
    const { ranked, coverage, prior } = rankInContext(query, words, marker, shown, alone);
    const aloneTop = alone.results[0]?.id;
    if (marker !== 'strong' && ranked[0] === aloneTop) return undefined;
    if (marker === 'none') {
      // Nothing points back: carried only when what was on screen answers the new words at least as
      // well as the question's own best answer, or the question finds nothing alone but the screen does.
      // An answer of its own kind (quotes, dates, sources) is a new question.
      if (!alone.abstained && alone.intent !== 'search') return undefined;
      // "What counts as subscriber information?": its own best answer is named by the question's words.
      if (aloneTop && namedBy(query, aloneTop)) return undefined;
      const screenBest = [...prior.keys()].reduce((best, id) => Math.max(best, coverage.get(id) ?? 0), 0);
      const ownBest = alone.abstained ? 0 : (coverage.get(aloneTop!) ?? 0);
      const enough = screenBest * words.length >= 2 ? MIN_COVERAGE_OF_MANY : MIN_COVERAGE;
      if (!prior.has(ranked[0] ?? '') || ownBest > screenBest || screenBest < enough) return undefined;
    }
    // The question's own best answer keeps a place, in case the carry-over was wrong.
    const hedge = aloneTop && !ranked.slice(0, CARRIED_RESULTS).includes(aloneTop) ? [aloneTop] : [];
    const results = [...ranked.slice(0, CARRIED_RESULTS - hedge.length), ...hedge].flatMap((id) => full(id) ?? []);
    if (!results.length) return undefined;
    return withContext({ ...alone, abstained: false, outcome: { type: 'answered' }, intent: 'search', results }, shown, ctx);
  }

  function resolve(query: string, ctx: ConversationContext): Answer | undefined {
    const f = classifyFollowUp(query);
    if (f.type === 'standalone') return undefined;
    const shown = shownEntries(ctx);
    if (!shown.length) return undefined;
    switch (f.type) {
      case 'more': return withContext(more(query, shown), shown, ctx);
      case 'which': return withContext(which(query, f, shown), shown, ctx);
      case 'voices': return withContext(voices(query, f, ctx, shown), shown, ctx);
      case 'carry': return carry(query, f, ctx, shown);
      case 'ordinal': {
        // Counted in the treaty, it needs no context (ask() places it); in a chapter, the one on screen.
        const a = f.within ? placeIn(f, shown) : undefined;
        return a && withContext({ ...a, query }, shown, ctx);
      }
      case 'step': {
        const a = step(query, f, ctx, shown);
        return a && withContext(a, shown, ctx);
      }
    }
  }

  /** "The last chapter", "the second article in it": the place counted in the treaty, or in the chapter on screen. */
  function placeIn(o: Ordinal, shown: Entry[] = []): Answer | undefined {
    const chapter = o.within ? shown.find((e): e is ChapterEntry => e.kind === 'chapter') : undefined;
    if (o.within) {
      // Only articles are counted inside a chapter, and only its own ("the tenth article" of a short one is not there).
      if (!chapter || o.unit !== 'article') return undefined;
      const n = o.position > 0 ? chapter.articles.first + o.position - 1 : chapter.articles.last + o.position + 1;
      return n >= chapter.articles.first && n <= chapter.articles.last ? base.ask(`article ${n}`) : undefined;
    }
    const count = o.unit === 'chapter' ? corpus.chapterByNumber.size : articleByNumber.size;
    // Past the end, the core's own "there is no article 69" answer says why.
    return base.ask(`${o.unit} ${o.position > 0 ? o.position : count + o.position + 1}`);
  }

  return {
    ...base,
    ask(question, context) {
      const query = normalizeQuery(question);
      const resolved = context ? resolve(query, context) : undefined;
      if (resolved) return resolved;
      // "Different topic: what is grooming?" is asked without its opener, which names no topic.
      const fresh = afterNewTopic(query);
      // A place in the treaty ("what's the last chapter about?") stands alone, with or without context.
      const ordinal = ordinalOf(fresh ?? query);
      const placed = ordinal && !ordinal.within ? placeIn(ordinal) : undefined;
      if (placed) return { ...placed, query };
      return fresh ? { ...base.ask(fresh), query } : base.ask(question);
    },
  };
}
