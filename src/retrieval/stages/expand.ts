// Stage: expand. The question's content words become weighted groups of index terms: each word
// (or a lexicon phrase) weighs what it tells in everyday English, and may be found under the
// convention's own words for it ("teens" → child, "locked up" → imprisonment). Later stages judge
// coverage by groups, so a word found by any of its alternatives counts once, at its own weight.
import type { Concept, Lexicon } from '../../knowledge/lexicon.js';
import { processed } from '../corpus.js';
import { layersOf, type Layers } from '../options.js';
import { contentWords, fold, isNumber, processTerm, tokenize } from '../text.js';
import { wordWeight } from '../wordWeights.js';

/** A lexicon's alternatives weigh this much in search against the word as typed. */
const LEXICON_BOOST = 0.6;
/** Longest lexicon phrase, in words. */
const MAX_PHRASE = 5;

export interface TermGroup {
  /** The word as typed (folded), or the lexicon phrase. */
  word: string;
  /** How much the group tells, from MIN_WEIGHT to 1 (1 for all when word weights are off). */
  weight: number;
  /** Index terms that find it: the word's own term first (if it has one), then lexicon terms. */
  terms: string[];
  /** Found through the lexicon: known by definition. */
  fromLexicon: boolean;
  /** Terms after the first are WordNet's words for it (stages/wordnet.ts): weaker evidence. */
  fromWordNet?: boolean;
  /** The lexicon's words for it, as written there. */
  means?: string;
}

export interface Meaning {
  terms: string[];
  means: string;
}

export interface Terms {
  /** The question's own content terms (no lexicon), in question order. */
  plain: string[];
  /** Every term searched for, in question order, once each. */
  terms: string[];
  groups: TermGroup[];
  /** Search boost per term, for terms weighing other than 1. */
  boosts: Map<string, number>;
}

/** The lexicon's phrases as word sequences, to the terms they mean. */
export function compileLexicon(lexicon: Lexicon): Map<string, Meaning> {
  const phrases = new Map<string, Meaning>();
  for (const c of lexicon.concepts) for (const w of c.words) phrases.set(w, { terms: meaningTerms(c), means: c.means });
  return phrases;
}

function meaningTerms(c: Concept): string[] {
  return [...new Set(tokenize(c.means).map(processTerm).filter((t): t is string => !!t && !isNumber(t)))];
}

/** Without a lexicon (the default), the groups are the question's own words. */
export function expand(query: string, phrases: Map<string, Meaning> = new Map(), layers: Layers = layersOf(), termsOfArt?: ReadonlySet<string>): Terms {
  const tokens = tokenize(fold(query));
  const starts = firstWordsOf(phrases);
  const groups: TermGroup[] = [];
  const weigh = (words: string[]) => (layers.wordWeights ? Math.max(...words.map((w) => wordWeight(w, termsOfArt))) : 1);
  for (let i = 0; i < tokens.length; ) {
    let matched = 0;
    if (layers.lexicon && starts.has(tokens[i]!)) {
      for (let n = Math.min(MAX_PHRASE, tokens.length - i); n >= 1 && !matched; n--) {
        const words = tokens.slice(i, i + n);
        const meaning = phrases.get(words.join(' '));
        if (!meaning) continue;
        matched = n;
        // The phrase's own words still find it, beside the lexicon's words for it.
        const content = contentWords(words.join(' '));
        const own = content.map(ownTerm).filter((t): t is string => !!t);
        groups.push({ word: words.join(' '), weight: weigh(content.length ? content : words), terms: [...new Set([...own, ...meaning.terms])], fromLexicon: true, means: meaning.means });
      }
    }
    if (matched) { i += matched; continue; }
    const word = tokens[i]!;
    const own = contentWords(word).length ? ownTerm(word) : undefined;
    if (own) groups.push({ word, weight: weigh([word]), terms: [own], fromLexicon: false });
    i++;
  }
  const quoted = quotedWords(query);
  if (quoted.size) for (const g of groups) if (g.word.split(' ').every((w) => quoted.has(w))) g.weight *= QUOTED_WEIGHT;
  return { plain: processed(query), ...merge(groups) };
}

/**
 * Words the question puts in quotation marks ("what is 'dual criminality'", "the 'symbol' line") are
 * the ones the asker is sure of: they weigh this many times their weight.
 */
const QUOTED_WEIGHT = 2;
// An opening mark after a space (or at the start), a closing one before a space or punctuation, so
// the apostrophes of "it's" and "States'" open nothing.
const QUOTED = /(?:^|[\s(\[])['‘"“«]([^'‘’"“”«»]{1,80}?)['’"”»](?=$|[\s.,;:!?)\]])/gu;

function quotedWords(query: string): Set<string> {
  const words = new Set<string>();
  for (const m of query.matchAll(QUOTED)) for (const w of tokenize(fold(m[1]!))) words.add(w);
  return words;
}

// The words a lexicon phrase can start with, once per lexicon: most words of a question start none,
// and need no look-up of the phrases from them.
const firstWords = new WeakMap<Map<string, Meaning>, Set<string>>();

function firstWordsOf(phrases: Map<string, Meaning>): Set<string> {
  let starts = firstWords.get(phrases);
  if (!starts) {
    starts = new Set([...phrases.keys()].map((p) => p.split(' ')[0]!));
    firstWords.set(phrases, starts);
  }
  return starts;
}

/** A word's own index term, unless it is a number or a short amount ("5k"). */
function ownTerm(word: string): string | undefined {
  return isNumber(word) ? undefined : processTerm(word) ?? undefined;
}

/** One group per term a word contributes first; lexicon alternatives search at a lower boost. */
function merge(all: TermGroup[]): Omit<Terms, 'plain'> {
  const groups: TermGroup[] = [];
  const seen = new Set<string>();
  const boosts = new Map<string, number>();
  const terms: string[] = [];
  for (const g of all) {
    const ownTerms = new Set(contentWords(g.word).map(ownTerm));
    if (seen.has(g.terms.join(' '))) continue;
    seen.add(g.terms.join(' '));
    groups.push(g);
    g.terms.forEach((t) => {
      const boost = g.fromLexicon && !ownTerms.has(t) ? LEXICON_BOOST / Math.sqrt(g.terms.length) : 1;
      if (!boosts.has(t) || boosts.get(t)! < boost) boosts.set(t, boost);
      if (!terms.includes(t)) terms.push(t);
    });
  }
  for (const [t, b] of boosts) if (b === 1) boosts.delete(t);
  return { terms, groups, boosts };
}
