import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentWords, fold, isNumber, MAX_SEARCHED_CHARS, normalizeQuery, processTerm } from '../../src/retrieval/text.js';

describe('query normaliser', () => {
  it('removes controls and invisible characters, folds compatibility forms, collapses whitespace', () => {
    expect(normalizeQuery('  article\u0000 7\u200b\n\t ')).toBe('article 7');
    expect(normalizeQuery('ａｒｔｉｃｌｅ ６')).toBe('article 6');
    expect(normalizeQuery('hac\u200bking')).toBe('hacking');
    expect(normalizeQuery('\u202eevil\u202c')).toBe('evil');
    expect(normalizeQuery('lone \ud800 surrogate').isWellFormed()).toBe(true);
  });

  it('caps the searched length', () => {
    expect(normalizeQuery('privacy '.repeat(20_000)).length).toBeLessThanOrEqual(MAX_SEARCHED_CHARS);
  });

  it('folds accents and case for matching', () => {
    expect(fold('Rodríguez')).toBe('rodriguez');
    expect(processTerm('Objectives')).toBe(processTerm('objective'));
    expect(processTerm('the')).toBeNull();
    expect(contentWords('What is the UN convention about hacking?')).toEqual(['hacking']);
  });

  it('is idempotent, bounded and free of control characters for any input (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 3000 }), fc.string({ unit: 'binary', maxLength: 3000 }), fc.string({ unit: 'grapheme', maxLength: 3000 })), (input) => {
        const once = normalizeQuery(input);
        expect(normalizeQuery(once)).toBe(once);
        expect(once.length).toBeLessThanOrEqual(MAX_SEARCHED_CHARS);
        expect(once).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\u202E]/);
        expect(once).toBe(once.trim());
        expect(once.isWellFormed()).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('numbers', () => {
  it('count bare numbers and short amounts ("5k") as numbers, never words with digits in them', () => {
    for (const w of ['2024', '5k', '10k', '3m', '2bn']) expect(isNumber(w), w).toBe(true);
    for (const w of ['5g', 'k9', 'c2', 'mp3', 'scam']) expect(isNumber(w), w).toBe(false);
  });
});
