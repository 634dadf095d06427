// The conversation stage around the retrieval engine: a question and the previous turn's context in,
// an Answer out. A question that stands alone is answered exactly as without context; one that leans
// on the previous turn (followUp.ts says how) is resolved against it, and the Answer says so
// (`context.from`), so a wrong carry-over is visible and the asker can correct it by asking in full.
import type { Answer, Result } from '../answer.js';
import type { Engine } from '../engine.js';
import type { Entry } from '../knowledge/types.js';
import type { Corpus } from '../retrieval/corpus.js';
import { parseReferences } from '../retrieval/references.js';
import { contentWords, normalizeQuery, processTerm } from '../retrieval/text.js';
import type { ConversationContext } from './context.js';
import { classifyFollowUp, type FollowUp } from './followUp.js';

/** Results a "tell me more" shows: what was shown first, then its related entries. */
const MORE_RESULTS = 4;
/** Results a carried-over question shows at least (a plain search shows three). */
const CARRIED_RESULTS = 3;
/** Articles a "which article" answer names at most. */
const WHICH_RESULTS = 3;

/** A question's content words without its references ("article 7" names no topic by its words). */
const ownWords = (question: string): string => contentWords(parseReferences(question).rest).join(' ');

type BaseEngine = Pick<Engine, 'ask' | 'result' | 'catalog'>;

export function withFollowUps(corpus: Corpus, base: BaseEngine): Engine {
  const { entry, articleByNumber, articleIndex, quotes } = corpus;
  const full = (id: string) => base.result(id);

  /** The entries the previous turn showed that still exist, best first. */
  const shownEntries = (ctx: ConversationContext): Entry[] => ctx.ids.map(entry).filter((e): e is Entry => e !== undefined);

  /** The articles an entry is about: itself, the ones a term or fact names, or the best matches of its words. */
  const articlesBehind = (e: Entry): number[] => {
    if (e.kind === 'article') return [e.number];
    if (e.kind === 'term' || e.kind === 'fact') return e.articles;
    if (e.kind === 'chapter') return [];
    const terms = [...new Set(contentWords(e.text).map(processTerm).filter((t): t is string => !!t))];
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

  const withContext = (a: Answer, shown: Entry[]): Answer =>
    ({ ...a, context: { from: shown.map((e) => e.id), about: nameOf(shown[0]!) } });

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
      // A quote or passage: the provisions its words are about.
      return articleResults(articlesBehind(e));
    });
    const first = full(shown[0]!.id);
    const results = dedupe([...(first ? [first] : []), ...related.filter((r) => !shown.some((e) => e.id === r.id))]).slice(0, MORE_RESULTS);
    return answerOf(query, results, 'search');
  }

  function which(query: string, shown: Entry[]): Answer {
    const numbers = [...new Set(shown.flatMap(articlesBehind))].slice(0, WHICH_RESULTS);
    return answerOf(query, articleResults(numbers), 'reference');
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

  /** Quotes whose words are about the topic (any of its stemmed words), of the stance asked for. */
  function voices(query: string, f: Extract<FollowUp, { type: 'voices' }>, ctx: ConversationContext, shown: Entry[]): Answer {
    // The topic in its own words and the asker's ("human rights safeguards" shown as "Conditions and safeguards").
    const terms = new Set(contentWords(`${topicOf(ctx, shown)} ${ownWords(ctx.question)}`).map(processTerm).filter((t): t is string => !!t));
    const about = (e: Entry) => contentWords(`${e.title} ${e.aliases.join(' ')} ${e.text}`).some((w) => terms.has(processTerm(w) ?? ''));
    const found = quotes.filter((q) => (!f.stance || q.stance === f.stance) && about(q));
    const results = found.flatMap((q) => full(q.id) ?? []);
    if (results.length) return answerOf(query, results, 'quotes');
    const stance = f.stance ? ` ${f.stance}` : '';
    return { ...answerOf(query, [], 'quotes', [`What did${stance === ' critical' ? ' critics' : stance === ' supportive' ? ' supporters' : ' people'} say?`, 'quotes']),
      outcome: { type: 'no_voices', topic: nameOf(shown[0]!), ...(f.stance ? { stance: f.stance } : {}) } };
  }

  /**
   * The question's own words lead (they narrow or shift the topic: "and the penalties?" is about
   * sanctions); what was being talked about follows, so the answer ties the two together. When the
   * question's words find nothing alone ("does that apply to minors?"), the topic's words join them.
   * A bare "it" may be the convention itself: such a question, answered alone, stays so.
   */
  function carry(query: string, strong: boolean, ctx: ConversationContext, shown: Entry[]): Answer {
    const alone = base.ask(query);
    if (!alone.abstained && !strong) return alone;
    if (alone.abstained) {
      const withTopic = base.ask(`${query} ${topicOf(ctx, shown)}`);
      return withTopic.abstained ? alone : withContext({ ...withTopic, query }, shown);
    }
    const focus = full(shown[0]!.id);
    const lead = alone.results.slice(0, CARRIED_RESULTS - 1);
    const results = dedupe([...lead, ...(focus ? [focus] : []), ...alone.results.slice(CARRIED_RESULTS - 1)]).slice(0, Math.max(CARRIED_RESULTS, alone.results.length));
    if (results.every((r, i) => r.id === alone.results[i]?.id)) return alone;
    return withContext({ ...alone, results }, shown);
  }

  function resolve(query: string, ctx: ConversationContext): Answer | undefined {
    const f = classifyFollowUp(query);
    if (f.type === 'standalone') return undefined;
    const shown = shownEntries(ctx);
    if (!shown.length) return undefined;
    switch (f.type) {
      case 'more': return withContext(more(query, shown), shown);
      case 'which': return withContext(which(query, shown), shown);
      case 'voices': return withContext(voices(query, f, ctx, shown), shown);
      case 'carry': return carry(query, f.strong, ctx, shown);
      case 'step': {
        const a = step(query, f, ctx, shown);
        return a && withContext(a, shown);
      }
    }
  }

  return {
    ...base,
    ask(question, context) {
      const resolved = context ? resolve(normalizeQuery(question), context) : undefined;
      return resolved ?? base.ask(question);
    },
  };
}
