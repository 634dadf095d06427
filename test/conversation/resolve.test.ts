// The conversation stage over the real knowledge base: each kind of follow-up, carried from a real
// first turn's context, and the guarantee that a question standing alone ignores the context.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer.js';
import { askedIn, contextOf, parseContext, type ConversationContext } from '../../src/conversation/context.js';
import { testEngine } from '../helpers/engine.js';

const engine = testEngine();
const ids = (a: Answer) => a.results.map((r) => r.id);
/** Ask `first`, then `next` in its context. */
const follow = (first: string, next: string): Answer => engine.ask(next, contextOf(engine.ask(first)));

describe('conversation context', () => {
  it('is the question, the shown ids and the article in focus, and survives JSON', () => {
    const ctx = contextOf(engine.ask('article 7'))!;
    expect(ctx).toEqual({ question: 'article 7', ids: ['article-7'], article: 7 });
    expect(parseContext(JSON.stringify(ctx))).toEqual(ctx);
    expect(parseContext('{"question":1}')).toBeUndefined();
    expect(parseContext('not json')).toBeUndefined();
    expect(contextOf(engine.ask('how do I cook pasta'))).toBeUndefined();
  });

  it('leaves a question that stands alone exactly as without context', () => {
    const ctx = contextOf(engine.ask('article 7'));
    for (const q of ['article 12', 'what is sextortion', 'What did Human Rights Watch say?', 'explain dual criminality', 'timeline', 'what about pizza?']) {
      expect(engine.ask(q, ctx), q).toEqual(engine.ask(q));
    }
  });

  it('is deterministic: the same question and context give the same answer', () => {
    const ctx = contextOf(engine.ask('article 7'));
    expect(engine.ask('and the penalties?', ctx)).toEqual(engine.ask('and the penalties?', ctx));
  });

  it('carries the topic into an ellipsis, the new words leading', () => {
    const a = follow('article 7', 'and the penalties?');
    expect(ids(a)[0]).toBe('article-21');
    expect(ids(a)).toContain('article-7');
    expect(a.context).toEqual({ from: ['article-7'], about: 'Article 7', question: 'article 7', article: 7 });
    // The context in the answer is enough to ask again and get the same answer (page buttons do).
    expect(engine.ask('and the penalties?', askedIn(a))).toEqual(a);
    // Without context the same words say nothing of illegal access.
    expect(ids(engine.ask('and the penalties?'))).not.toContain('article-7');
  });

  it("lets the question's own answer vote beside what was on screen", () => {
    // Withdrawing is denunciation (Article 67), which the full search reads from everyday words; the
    // article on screen stays in view.
    const a = follow('article 65', 'and how does a state withdraw?');
    expect(ids(a)[0]).toBe('article-67');
    expect(ids(a)).toContain('article-65');
    expect(a.context?.about).toBe('Article 65');
  });

  it('asks a question the asker says is new without its opener, and without context', () => {
    const a = follow('article 65', 'Different topic: what is grooming?');
    expect(a.context).toBeUndefined();
    expect(a.query).toBe('Different topic: what is grooming?');
    expect(a.results).toEqual(engine.ask('what is grooming?').results);
  });

  it('leaves a question about another treaty or law alone, whatever its pronouns', () => {
    const q = 'Is the GDPR stricter than the US CLOUD Act?';
    expect(follow('article 7', q)).toEqual(engine.ask(q));
  });

  it('tells more: the full entry shown, then its related entries', () => {
    const a = follow('article 7', 'tell me more');
    expect(ids(a)[0]).toBe('article-7');
    expect(ids(a).slice(1)).toEqual(expect.arrayContaining(['article-8', 'article-9']));
    expect(a.context?.about).toBe('Article 7');
    expect(engine.ask('tell me more').context).toBeUndefined();
  });

  it('names the article behind a term shown', () => {
    const a = follow('what is sextortion', 'which article is that in?');
    expect(a.results[0]).toMatchObject({ kind: 'article', article: 16 });
    expect(a.context?.about).toBe('Sextortion');
  });

  it('names the article shown rather than guesses from a passage beside it', () => {
    const a = engine.ask('which article is that in?', { question: 'human rights', ids: ['article-6', 'unis-unodc-2024-08-12-p9'] });
    expect(ids(a)).toEqual(['article-6']);
    // A passage alone: the articles its words are about.
    expect(engine.ask('which article is that in?', { question: 'human rights', ids: ['unis-unodc-2024-08-12-p9'] }).results.every((r) => r.kind === 'article')).toBe(true);
  });

  it('names the chapter behind an article shown', () => {
    const chapter = engine.catalog.chapters.find((c) => c.first <= 26 && 26 <= c.last)!;
    const a = follow('article 26', 'which chapter is that in?');
    expect(ids(a)).toEqual([`chapter-${chapter.number}`]);
    expect(a.context?.about).toBe('Article 26');
  });

  it('steps through article numbers, and says so past the last one', () => {
    expect(ids(follow('article 7', 'the next one'))).toEqual(['article-8']);
    expect(ids(follow('article 7', 'previous article'))).toEqual(['article-6']);
    const last = engine.catalog.articles.length;
    expect(follow(`article ${last}`, 'next one').outcome).toMatchObject({ type: 'unknown_article', numbers: [last + 1] });
  });

  it('counts a place in the treaty alone, and in a chapter on screen', () => {
    const { chapters, articles } = engine.catalog;
    const last = engine.ask("what's the last chapter about");
    expect(ids(last)).toEqual([`chapter-${chapters.length}`]);
    expect(last.context).toBeUndefined();
    // It stands alone: the same answer in any context.
    expect(follow('article 7', "what's the last chapter about")).toEqual(last);
    expect(ids(engine.ask('the last article'))).toEqual([`article-${articles.length}`]);
    const inChapter = follow('chapter 4', 'what is the second article in it?');
    expect(ids(inChapter)).toEqual([`article-${chapters[3]!.first + 1}`]);
    expect(inChapter.context?.about).toBe('Chapter IV');
  });

  it('remembers an unsure answer by the candidates it offered', () => {
    const unsure: Answer = { query: 'faking a signature', abstained: true, intent: 'search', results: [], suggestions: [],
      outcome: { type: 'unsure', candidates: [{ id: 'article-12', title: 'Computer-related forgery' }, { id: 'article-13', title: 'Computer-related theft or fraud' }] } };
    expect(contextOf(unsure)).toEqual({ question: 'faking a signature', ids: ['article-12', 'article-13'] });
    expect(contextOf({ ...unsure, outcome: { type: 'no_match' } })).toBeUndefined();
  });

  it('answers "who said that" with the voice on screen first', () => {
    const shown: ConversationContext = { question: 'will this be used to spy on people', ids: ['article-24', 'quote-hrw-legal-basis-for-repression'] };
    const a = engine.ask('who said that', shown);
    expect(ids(a)[0]).toBe('quote-hrw-legal-basis-for-repression');
    expect(a.context?.about).toBe('Article 24');
    // Several on screen: in the order they were shown.
    const two = engine.ask('who said that', { question: 'reactions', ids: ['quote-katitza-rodriguez-ai-training-data', 'quote-ghada-waly-milestone'] });
    expect(ids(two).slice(0, 2)).toEqual(['quote-katitza-rodriguez-ai-training-data', 'quote-ghada-waly-milestone']);
  });

  it('finds the voices on a topic through the words the lexicon gives the same meaning', () => {
    // "Interception" is nowhere in the critics' words; "surveillance", which the lexicon pairs with it, is.
    const a = engine.ask('what did critics say about that?', { question: 'wiretapping', ids: ['term-lawful-interception'] });
    expect(a.outcome).toEqual({ type: 'answered' });
    expect(a.results.filter((r) => r.kind === 'quote').every((r) => r.stance === 'critical')).toBe(true);
  });

  it('gives the voices on the topic, or says none of them address it', () => {
    const none = follow('article 7', 'what did critics say about that?');
    expect(none.outcome).toEqual({ type: 'no_voices', topic: 'Article 7', stance: 'critical' });
    expect(none.results).toEqual([]);
    const some = follow('what are the human rights safeguards?', 'and what did critics say about that?');
    expect(some.results.length).toBeGreaterThan(0);
    const quotes = some.results.filter((r) => r.kind === 'quote');
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.every((r) => r.stance === 'critical')).toBe(true);
    // Then the passages that report them, for context.
    const passages = some.results.slice(quotes.length);
    expect(passages.every((p) => p.kind === 'passage' && quotes.some((q) => p.text.includes(q.text)))).toBe(true);
  });

  it('takes the entry on screen as "it" when it holds the new words, however low a long text scores on them', () => {
    // "data" names other entries best, but Article 24 holds it too and is on screen: "that" is Article 24.
    const a = follow('article 24', 'does that cover data?');
    expect(ids(a)[0]).toBe('article-24');
    expect(a.context?.about).toBe('Article 24');
    // Nothing points back: the question's own words decide, as without context.
    expect(follow('article 24', 'what is grooming')).toEqual(engine.ask('what is grooming'));
  });

  it('reads a personal pronoun after a quote as its speaker: only what was on screen answers', () => {
    const a = follow('what did Ghada Waly say', "what's her title?");
    expect(a.context).toBeDefined();
    // The passage that names her role, not the convention's own title.
    expect(a.results[0]?.kind).toBe('passage');
    expect(ids(a).slice(0, 2)).not.toContain('fact-full-title');
    // "Its title" may be the convention's: no person on screen, no such restriction.
    expect(ids(follow('article 7', 'and what is its full title?'))).toContain('fact-full-title');
  });

  it('lets a question that names an entry (its title or alias) and points nowhere stand alone', () => {
    for (const [first, next] of [['article 27', 'definition of subscriber information'], ['article 30', 'content data means what']]) {
      const a = follow(first!, next!);
      expect(a.context, next).toBeUndefined();
      expect(a).toEqual(engine.ask(next!));
    }
    // Words that only narrow what is on screen, naming no entry, still follow on.
    expect(follow('article 31', 'Third-party protections?').context?.about).toBe('Article 31');
  });

  it('asks "who decides that?" and "any exceptions?" of what was shown, across kinds of first turn', () => {
    // Words the knowledge base lacks ("decides", "exceptions") ask something of the subject on screen.
    for (const [first, top] of [['article 16', 'article-16'], ['what is grooming', 'term-grooming'], ['what is the 24/7 network', 'article-41']] as const) {
      for (const q of ['who decides that?', 'any exceptions?', 'are there exceptions to this?']) {
        const a = follow(first, q);
        expect(ids(a)[0], `${first} → ${q}`).toBe(top);
        expect(a.context, `${first} → ${q}`).toBeDefined();
      }
    }
    // Alone they find nothing; an ellipsis naming an unknown thing is still refused.
    expect(engine.ask('any exceptions?').abstained).toBe(true);
    expect(follow('article 16', 'what about pizza?').context).toBeUndefined();
    // An existential question that finds its own answer stands alone.
    const own = 'is there a definition of child sexual abuse material?';
    expect(follow('article 7', own)).toEqual(engine.ask(own));
  });

  it('ignores a context whose entries no longer exist', () => {
    const stale: ConversationContext = { question: 'old', ids: ['article-999'] };
    expect(engine.ask('tell me more', stale)).toEqual(engine.ask('tell me more'));
  });
});

describe('conversation stage on any input', () => {
  const ctx = contextOf(engine.ask('article 7'));
  it('never throws, answers the same twice, and a question with its own reference ignores the context', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('', 'and ', 'what about ', 'is that '), (words, opener) => {
      const q = `${opener}${words}`;
      const a = engine.ask(q, ctx);
      expect(engine.ask(q, ctx)).toEqual(a);
      expect(a.results.length).toBeLessThanOrEqual(10);
      if (a.context) expect(a.context.from).toEqual(ctx!.ids);
      expect(engine.ask(`${q} article 12`, ctx).context).toBeUndefined();
    }), { numRuns: 150 });
  });
});
