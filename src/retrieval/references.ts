// Parse references to articles and chapters ("article 6", "Art 6(2)", "arts 12-14", "articles 14 and 15",
// "chapter V", "chapter 4") before searching: the tokenizer would otherwise see bare numbers.

export interface References {
  articles: number[];
  /** Chapter numbers; 0 stands for a chapter written in a form that names no chapter. */
  chapters: { number: number; written: string }[];
  /** The question with the references cut out, for searching what else it asks. */
  rest: string;
}

/** Most articles one reference expands to ("arts 1-68" would otherwise flood an answer). */
export const MAX_REFERENCED = 10;

// Up to six digits, and not the start of a longer number: a 20-digit "article" is no reference, and
// echoing a number other than the one typed would be worse than searching.
const NUM = String.raw`\d{1,6}(?!\d)(?:\s*\(\s*[\da-z]{1,3}\s*\))*`;
// Canonical roman numerals from I to XXXIX only: "chapter did", "chapter mix" or "chapter civil" are
// words, not chapters, and must fall through to search.
const ROMAN_NUMERAL = String.raw`(?:x{1,3}(?:ix|iv|v?i{0,3})|ix|iv|v?i{1,3}|v)\b`;
const SEP = String.raw`\s*(?:,|&|\band\b|\bor\b|\bto\b|-|–|—|\bthrough\b)\s*`;
const ARTICLE_REF = new RegExp(String.raw`\b(?:articles?|arts?\.?|art\.)\s*(${NUM}(?:${SEP}${NUM})*)`, 'giu');
const CHAPTER_NUMBER = String.raw`(?:${ROMAN_NUMERAL}|\d{1,6}(?!\d))`;
const CHAPTER_REF = new RegExp(String.raw`\b(?:chapters?|ch\.|chap\.?)\s*(${CHAPTER_NUMBER})(?:\s*(?:,|&|\band\b)\s*(${CHAPTER_NUMBER}))*`, 'giu');
const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

export function romanToNumber(roman: string): number {
  const digits = [...roman.toLowerCase()].map((ch) => ROMAN[ch] ?? NaN);
  let total = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits[i]!;
    total += d < (digits[i + 1] ?? 0) ? -d : d;
  }
  // Reject non-canonical forms such as "iiii" or "vx" by converting back.
  return Number.isFinite(total) && total > 0 && numberToRoman(total) === roman.toLowerCase() ? total : 0;
}

export function numberToRoman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, symbol] of table) while (n >= value) { out += symbol; n -= value; }
  return out;
}

function articleNumbers(list: string): number[] {
  const out: number[] = [];
  // Drop paragraph markers "(2)(a)" first: the answer is the whole article.
  const cleaned = list.replace(/\(\s*[\da-z]{1,3}\s*\)/giu, ' ');
  const parts = cleaned.split(/(\s*(?:-|–|—|\bto\b|\bthrough\b)\s*)/iu);
  let rangeStart: number | undefined;
  for (const part of parts) {
    if (/^\s*(?:-|–|—|to|through)\s*$/iu.test(part)) continue;
    const numbers = (part.match(/\d{1,6}/g) ?? []).map(Number);
    if (!numbers.length) continue;
    if (rangeStart !== undefined && parts.length > 1) {
      const end = numbers[0]!;
      for (let n = rangeStart + 1; n < end && out.length < MAX_REFERENCED; n++) out.push(n);
    }
    out.push(...numbers);
    rangeStart = numbers[numbers.length - 1];
  }
  return out;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const NUMBER_WORD = new RegExp(String.raw`\b(${NUMBER_WORDS.join('|')})\b`, 'giu');
const WORD_BEFORE_NUMBER = /\b([a-z]{5,9})(?=\s*(?:\d|\b(?:[ivxlc]{1,6})\b))/giu;

/** Real words near "chapter" or "article" that are not typos of them ("the UN Charter"). */
const REAL_WORDS = new Set(['charter', 'charters', 'chapel', 'chapels', 'particle', 'particles', 'artists', 'artisan', 'artisans']);

/** Levenshtein distance, for the few words that introduce a reference. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Spell references out the way the patterns expect: number words become digits ("chapter three"), and a
 * misspelt "article" or "chapter" before a number is corrected ("artical 7", "chaptre 4").
 */
function canonical(text: string): string {
  const introduced = text.replace(NUMBER_WORD, (word, _w, offset: number) => {
    const before = text.slice(Math.max(0, offset - 12), offset);
    return /(?:article|articles|art|arts|chapter|chapters)\.?\s*$/iu.test(before) ? String(NUMBER_WORDS.indexOf(word.toLowerCase())) : word;
  });
  return introduced.replace(WORD_BEFORE_NUMBER, (word: string) => {
    const lower = word.toLowerCase();
    const targets = ['article', 'articles', 'chapter', 'chapters'];
    if (REAL_WORDS.has(lower) || targets.includes(lower)) return word;
    for (const target of targets) if (lower[0] === target[0] && distance(lower, target) <= 2) return target;
    return word;
  });
}

export function parseReferences(input: string): References {
  const text = canonical(input);
  const articles: number[] = [];
  const chapters: References['chapters'] = [];
  let rest = text.replace(ARTICLE_REF, (_match, list: string) => {
    articles.push(...articleNumbers(list));
    return ' ';
  });
  rest = rest.replace(CHAPTER_REF, (match: string) => {
    const refs = match.replace(/^\s*(?:chapters?|ch\.|chap\.?)\s*/iu, '').split(/\s*(?:,|&|\band\b)\s*/iu);
    for (const written of refs) {
      if (!written) continue;
      const number = /^\d+$/.test(written) ? Number(written) : romanToNumber(written);
      chapters.push({ number, written: /^\d+$/.test(written) ? written : written.toUpperCase() });
    }
    return ' ';
  });
  const unique = [...new Set(articles)].slice(0, MAX_REFERENCED);
  return { articles: unique, chapters: chapters.slice(0, MAX_REFERENCED), rest: rest.replace(/\s+/g, ' ').trim() };
}
