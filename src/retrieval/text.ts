// Text normalisation shared by indexing and querying, so both sides see the same terms.
import { stemmer } from 'stemmer';

/** Longest question the core searches; longer input is cut here so latency stays bounded. */
export const MAX_SEARCHED_CHARS = 1000;

// Zero-width characters and bidirectional controls: invisible, but they split or disguise words.
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;
// C0/C1 control characters other than ordinary whitespace.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * The question as the core treats it: Unicode-normalised (NFKC folds full-width and stylised letters
 * to plain ones), invisible and control characters removed, whitespace collapsed, length capped.
 */
export function normalizeQuery(input: string): string {
  let text = input.length > MAX_SEARCHED_CHARS * 4 ? input.slice(0, MAX_SEARCHED_CHARS * 4) : input;
  // Lone surrogates (from broken clients) would make normalize() and later JSON output misbehave.
  text = text.toWellFormed().normalize('NFKC').replace(INVISIBLE, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (text.length > MAX_SEARCHED_CHARS) {
    text = text.slice(0, MAX_SEARCHED_CHARS);
    // Do not leave half a surrogate pair at the cut.
    if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
    text = text.trim();
  }
  return text;
}

/** Lower-case and strip accents, so "Rodríguez" and "rodriguez" are one term. */
export function fold(word: string): string {
  // Plain ASCII (most words) has no accents to strip: NFD would leave it unchanged.
  if (ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}
const ASCII = /^[\x00-\x7F]*$/;

/** Split on anything that is not a letter or digit (the apostrophe of "world's" splits too). */
export function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

// Function words that carry no topic. Dropping them keeps scores about content and keeps the index small.
export const STOP_WORDS = new Set(
  ('a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him himself ' +
    'his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ' +
    'ourselves out over own same she should so some such than that the their theirs them themselves then there these they this ' +
    'those through to too under until up very was we were what when where which while who whom why will with would you your ' +
    'yours yourself yourselves tell show give explain please say says said think know want let lets s t don doesn isn ' +
    'anything something thing things does mean means meaning much many really whats whos hi hello hey thanks thank ' +
    // Verbs and time words that carry no topic of their own ("what happens next", "what time is it").
    'happen happens happened happening going get gets got time today tomorrow tonight yesterday now currently ' +
    // How people ask about any provision ("does it require", "does it cover"): every article does one.
    'require requires required must shall cover covers covered deal deals dealt')
    .split(' '),
);

/** Words that name the subject itself: every entry is about them, so they are no evidence of a match. */
export const SUBJECT_WORDS = new Set(['convention', 'conventions', 'treaty', 'treaties', 'un', 'united', 'nations', 'cybercrime', 'cybercrimes', 'agreement', 'instrument', 'text']);

/**
 * British -ise/-isation spellings as -ize/-ization, so "criminalise" meets "criminalization". Applied to
 * index and query alike, so a word that merely ends that way ("promise") maps consistently on both sides.
 */
function americanSpelling(word: string): string {
  return word.length > 5 ? word.replace(/is(ation|ations|e|ed|es|ing)$/, 'iz$1') : word;
}

export function stem(word: string): string {
  // Digits and very short words are kept as they are: the stemmer would mangle "24" or "un".
  return word.length <= 2 || /\d/.test(word) ? word : stemmer(americanSpelling(word));
}

// Stemming is the costly step of indexing, and a corpus repeats its words: remember each token's term.
// Bounded, because questions bring new words without end.
const termCache = new Map<string, string | null>();
const TERM_CACHE_SIZE = 50_000;

/** Index and query term: folded and stemmed, or null for a stop word. */
export function processTerm(token: string): string | null {
  let term = termCache.get(token);
  if (term !== undefined) return term;
  const word = fold(token);
  term = STOP_WORDS.has(word) ? null : stem(word);
  if (termCache.size >= TERM_CACHE_SIZE) termCache.clear();
  termCache.set(token, term);
  return term;
}

/** A bare number or an amount written short ("2024", "5k", "3m"): it tells nothing to search for. */
export function isNumber(word: string): boolean {
  return /^\d+(k|m|bn)?$/.test(word);
}

/** The content words of a question: folded, not stop words, not subject words. */
export function contentWords(text: string): string[] {
  return tokenize(text)
    .map(fold)
    .filter((w) => !STOP_WORDS.has(w) && !SUBJECT_WORDS.has(w));
}
