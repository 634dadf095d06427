import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { createEngine } from '../../src/retrieval/engine.js';

const loaded = loadKnowledge();
if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
const kb = loaded.kb;
const engine = createEngine(kb);
const ask = (q: string): Answer => engine.ask(q);
const ids = (a: Answer) => a.results.map((r) => r.id);
const titles = (a: Answer) => a.results.map((r) => r.title);

describe('references', () => {
  it('answers an article with its summary, labelled, cited and linked', () => {
    const a = ask('article 6');
    expect(a.intent).toBe('reference');
    expect(a.results[0]).toMatchObject({ id: 'article-6', title: 'Respect for human rights', isSummary: true, article: 6 });
    expect(a.results[0]!.citation).toMatchObject({ locator: 'Article 6', url: 'https://docs.un.org/en/A/RES/79/243' });
    expect(a.suggestions.length).toBeGreaterThan(0);
  });

  it('answers lists, ranges and paragraph references', () => {
    expect(ids(ask('articles 14 and 15'))).toEqual(['article-14', 'article-15']);
    expect(ids(ask('arts 12-14'))).toEqual(['article-12', 'article-13', 'article-14']);
    expect(ids(ask('Art 6(2)'))).toEqual(['article-6']);
    expect(ids(ask('art. 36'))).toEqual(['article-36']);
  });

  it('answers chapters by roman or arabic number, listing their articles', () => {
    for (const q of ['chapter V', 'chapter 5']) {
      const a = ask(q);
      expect(a.results[0]!.title).toBe('International cooperation');
      expect(a.results[0]!.text).toContain('37 Extradition');
    }
  });

  it('says how many articles there are for an unknown article, without searching', () => {
    const a = ask('article 99');
    expect(a).toMatchObject({ abstained: true, outcome: { type: 'unknown_article', numbers: [99], articleCount: 68 }, results: [] });
    expect(a.suggestions.length).toBeGreaterThan(0);
    expect(ask('chapter XII').outcome).toEqual({ type: 'unknown_chapter', chapter: 'XII', chapterCount: 9 });
  });
});

describe('intents', () => {
  it('objectives: Article 1 first, then the source passages on aims', () => {
    const a = ask('what are the objectives?');
    expect(a.intent).toBe('purpose');
    expect(a.results[0]!.id).toBe('article-1');
    const passages = a.results.filter((r) => r.kind === 'passage');
    expect(passages.length).toBeGreaterThanOrEqual(1);
    expect(passages.some((p) => p.text.includes('aims to strengthen international cooperation'))).toBe(true);
  });

  it('a speaker or organisation brings their quotes first, with speaker and stance', () => {
    for (const [q, speaker] of [['What did HRW say?', 'Human Rights Watch'], ['EFF', 'Electronic Frontier Foundation (EFF)'], ['UNODC view', 'UN Office on Drugs and Crime (UNODC)'], ['Katitza Rodriguez', 'Electronic Frontier Foundation (EFF)']] as const) {
      const first = ask(q).results[0]!;
      expect(first.kind, q).toBe('quote');
      expect(first.organisation, q).toBe(speaker);
      expect(first.stance).toBeDefined();
    }
  });

  it('a quote is followed by the passage reporting it when that passage says more', () => {
    const a = ask('what did EFF say');
    expect(a.results[0]!.kind).toBe('quote');
    expect(a.results.some((r) => r.kind === 'passage' && r.text.includes('weak provisions on the protection of personal data'))).toBe(true);
  });

  it('critics and supporters filter voices by stance', () => {
    expect(ask('what do critics say').results.filter((r) => r.kind === 'quote').every((r) => r.stance === 'critical')).toBe(true);
    expect(ask('who supports the convention').results[0]!.stance).toBe('supportive');
  });

  it('timeline lists dated facts in order; "when" questions bring facts first', () => {
    const timeline = ask('timeline');
    expect(timeline.intent).toBe('timeline');
    const dates = timeline.results.map((r) => r.text.match(/\d{1,2} \w+ \d{4}/)?.[0]);
    expect(dates[0]).toContain('2019');
    expect(timeline.results.length).toBeGreaterThanOrEqual(4);
    const force = ask('when does it enter into force?');
    expect(force.results[0]!.kind).toBe('fact');
    expect(force.results.some((r) => r.id === 'article-65' || r.text.includes('Article 65'))).toBe(true);
  });

  it('contested topics show a provision and both critical and supportive voices, labelled', () => {
    // Also a verdict on the whole treaty, and a contested topic in everyday words (through the lexicon).
    for (const q of ['human rights safeguards', 'privacy', 'surveillance concerns', 'is this treaty good or bad', 'is it dangerous?', 'could a dictatorship use this to go after bloggers?']) {
      const a = ask(q);
      expect(a.intent, q).toBe('balanced');
      expect(a.results.some((r) => r.kind === 'article'), q).toBe(true);
      expect(a.results.some((r) => r.stance === 'critical'), q).toBe(true);
      expect(a.results.some((r) => r.stance === 'supportive'), q).toBe(true);
    }
  });

  it('sources lists the source documents, each shown by its opening paragraph cited as such, then the official text', () => {
    const a = ask('sources');
    expect(a.intent).toBe('sources');
    expect(a.results.map((r) => r.kind)).toEqual(['source', 'fact']);
    expect(a.results[0]!.citation.locator).toBe('paragraph 1');
    expect(a.results[1]!.text).toContain('A/RES/79/243');
  });

  it('a reference with more words answers both: the referenced entry first, then the rest of the question', () => {
    const a = ask('what does article 7 say about hacking tools');
    expect(a.results[0]!.id).toBe('article-7');
    expect(a.results.some((r) => r.id === 'article-11')).toBe(true);
    expect(ids(ask('what does article 24 say'))).toEqual(['article-24']);
  });

  it('words after "chapter" that are no numeral are searched, not refused', () => {
    for (const q of ['which chapter did they add?', 'chapter mix', 'what does chapter civil say']) expect(ask(q).outcome.type, q).not.toBe('unknown_chapter');
    expect(ask('article 99999999999').outcome.type).not.toBe('unknown_article');
  });
});

describe('search', () => {
  it('maps everyday words to provisions through aliases', () => {
    expect(titles(ask('hacking'))[0]).toBe('Illegal access');
    expect(titles(ask('revenge porn'))).toContain('Non-consensual dissemination of intimate images');
    expect(titles(ask('MLAT'))).toContain('General principles and procedures relating to mutual legal assistance');
  });

  it('forgives typos and stems words', () => {
    expect(titles(ask('ilegal acess'))[0]).toBe('Illegal access');
    expect(titles(ask('amending the convention'))).toContain('Amendment');
    expect(titles(ask('prevention measures'))).toContain('Preventive measures');
  });

  it('keeps answers short and ranked', () => {
    const a = ask('extradition');
    expect(a.results.length).toBeGreaterThan(0);
    expect(a.results.length).toBeLessThanOrEqual(5);
    expect(a.results[0]!.score).toBe(1);
  });
});

describe('abstention', () => {
  it.each(['what is the weather in Vienna', 'recipe for lasagne', 'who won the football match', 'xkcd qwpoeiru zzzz', 'translate hello into German', 'what is the capital of Peru'])('%s → not covered, with suggestions', (q) => {
    const a = ask(q);
    expect(a.abstained).toBe(true);
    expect(a.results).toEqual([]);
    expect(a.outcome.type).toBe('no_match');
    expect(a.suggestions.length).toBeGreaterThanOrEqual(3);
  });

  it('says it reads English only when a question is mostly in another script', () => {
    for (const q of ['Зачем эта конвенция?', '公约的目的是什么']) expect(ask(q).outcome).toEqual({ type: 'no_match', englishOnly: true });
    expect(ask('how do I cook pasta').outcome).toEqual({ type: 'no_match' });
  });

  it('every suggestion the bot makes is itself answered', () => {
    const questions = ['zzzz', 'objectives', 'timeline', 'article 7', 'article 99', 'hacking', 'ransomware', 'chapter XII', 'privacy', 'quotes'];
    for (const q of questions) {
      for (const s of ask(q).suggestions) expect(ask(s).abstained, `${q} → ${s}`).toBe(false);
    }
  });
});

describe('bad input', () => {
  it('empty and whitespace-only questions get an empty-question outcome', () => {
    for (const q of ['', '   ', '\n\t', '\u200b\u200b']) expect(ask(q).outcome.type).toBe('empty_question');
  });

  it('huge, binary, emoji and mixed-script questions answer without throwing', () => {
    const huge = ask('privacy '.repeat(12_500));
    expect(huge.query.length).toBeLessThanOrEqual(1000);
    expect(huge.abstained).toBe(false);
    for (const q of ['\u0000\u0001\u0002\u0003', '🍕🔥💥', 'Зачем эта конвенция? 为什么 hacking', '\ud800\udc00\ud800', 'a'.repeat(100_000), '<!channel> @everyone article 7']) {
      const a = ask(q);
      expect(Array.isArray(a.results)).toBe(true);
      expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    }
    expect(ids(ask('<!channel> @everyone article 7'))).toEqual(['article-7']);
  });
});

describe('truth', () => {
  const sourceText = new Map(kb.entries.filter((e) => e.kind === 'source').map((s) => [s.citation.source, s.text]));

  it('every result shown as verbatim appears word for word in the source it cites', () => {
    const questions = ['objectives', 'What did HRW say?', 'human rights safeguards', 'civil society', 'NextGov', 'milestone', 'quotes', 'sources', 'what happens next', 'why was it needed'];
    let checked = 0;
    for (const q of questions) {
      for (const r of ask(q).results) {
        if (r.isSummary) continue;
        const source = sourceText.get(r.citation.source);
        expect(source, `${q}: ${r.id} cites ${r.citation.source}`).toBeDefined();
        expect(source!.replace(/\s+/g, ' '), `${q}: ${r.id}`).toContain(r.text.replace(/\s+/g, ' '));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });
});
