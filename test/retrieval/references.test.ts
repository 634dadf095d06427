import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_REFERENCED, numberToRoman, parseReferences, romanToNumber } from '../../src/retrieval/references.js';

describe('reference parser', () => {
  it.each([
    ['article 6', [6]], ['art. 36', [36]], ['Art 6(2)', [6]], ['Article 6(2)(a)', [6]], ['articles 14 and 15', [14, 15]],
    ['arts 12-14', [12, 13, 14]], ['arts 12–14', [12, 13, 14]], ['articles 3, 5 & 9', [3, 5, 9]], ['art 1 to 3', [1, 2, 3]],
    ['ARTICLE 7', [7]], ['what does article 24 say about privacy', [24]], ['article 99', [99]],
  ])('%s → articles %j', (text, articles) => {
    expect(parseReferences(text).articles).toEqual(articles);
  });

  it.each([
    ['chapter V', 5], ['chapter 4', 4], ['Chapter IX', 9], ['chapter iv', 4], ['chapter XII', 12],
  ])('%s → chapter %d', (text, chapter) => {
    expect(parseReferences(text).chapters.map((c) => c.number)).toEqual([chapter]);
  });

  it.each(['chapter did', 'chapter mix', 'chapter civil', 'chapel 3', 'the UN Charter 51', 'chapter in the convention'])('%s is no chapter reference', (text) => {
    const refs = parseReferences(text);
    expect(refs.chapters).toEqual([]);
    expect(refs.rest).toBe(text); // nothing cut out of the question
  });

  it.each([
    ['artical 7', [7], []], ['articel 16', [16], []], ['article seven', [7], []], ['chapter three', [], [3]], ['chaptre 4', [], [4]],
  ])('%s: misspelt or spelled out, still a reference', (text, articles, chapters) => {
    const refs = parseReferences(text);
    expect(refs.articles).toEqual(articles);
    expect(refs.chapters.map((c) => c.number)).toEqual(chapters);
  });

  it('keeps the rest of the question for searching', () => {
    expect(parseReferences('what does article 7 say about hacking').rest).toBe('what does say about hacking');
    expect(parseReferences('the art of war').articles).toEqual([]);
  });

  it('caps how many articles a range expands to', () => {
    expect(parseReferences('arts 1-68').articles).toHaveLength(MAX_REFERENCED);
    expect(parseReferences('articles 1-1000000000').articles.length).toBeLessThanOrEqual(MAX_REFERENCED);
  });

  it('reads canonical roman numerals only', () => {
    for (let n = 1; n <= 40; n++) expect(romanToNumber(numberToRoman(n))).toBe(n);
    expect(romanToNumber('iiii')).toBe(0);
    expect(romanToNumber('vx')).toBe(0);
  });

  it('never throws and returns bounded, whole article numbers for any input (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.tuple(fc.constantFrom('article ', 'arts ', 'Art. ', 'chapter ', 'articles '), fc.string({ maxLength: 40 })).map(([a, b]) => a + b)), (text) => {
        const refs = parseReferences(text);
        expect(refs.articles.length).toBeLessThanOrEqual(MAX_REFERENCED);
        expect(refs.chapters.length).toBeLessThanOrEqual(MAX_REFERENCED);
        for (const n of refs.articles) expect(Number.isSafeInteger(n) && n >= 0).toBe(true);
        expect(refs.rest.length).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 500 },
    );
  });

  it('finds a written article reference wherever it stands in a sentence (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 68 }), fc.constantFrom('article', 'Art.', 'art', 'Article'), fc.stringMatching(/^[a-z ]{0,30}$/), (n, word, around) => {
        expect(parseReferences(`${around} ${word} ${n} ${around}`).articles).toContain(n);
      }),
    );
  });
});
