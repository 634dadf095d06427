// Stage: WordNet, after expand. A question word that neither the knowledge base nor the lexicon knows
// ("columnists", "felons") may be found under the knowledge base's words for its main senses in
// WordNet ("journalist", "criminal"; data/wordnet.ts, precomputed by npm run build:wordnet), searched
// at a lower boost than the lexicon's reviewed words. The word keeps its own weight, and counts only
// half as known when found through WordNet alone (abstain.ts): WordNet is broad and unreviewed.
import { WORDNET } from '../data/wordnet.js';
import type { SearchIndex } from '../searchIndex.js';
import { processTerm } from '../text.js';
import type { TermGroup, Terms } from './expand.js';

/** WordNet's words weigh this much in search against the word as typed (the lexicon's: 0.6). */
const WORDNET_BOOST = 0.3;

let table: Map<string, string> | undefined;

/** The table (word → its line), read on the first word that needs it; a line is split only when used. */
function wordnet(): Map<string, string> {
  if (!table) {
    table = new Map();
    for (const line of WORDNET.split('\n')) table.set(line.slice(0, line.indexOf(' ')), line);
  }
  return table;
}

const wordsOf = (line: string) => line.split(' ').slice(1);

// WordNet's own rules for inflected forms (its "morphy"): the table holds base forms only.
const ENDINGS: [string, string][] = [
  ['ies', 'y'], ['ches', 'ch'], ['shes', 'sh'], ['sses', 'ss'], ['xes', 'x'], ['ses', 's'], ['zes', 'z'], ['men', 'man'],
  ['es', 'e'], ['es', ''], ['s', ''], ['ied', 'y'], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''], ['er', ''], ['est', ''],
];

/** WordNet's words for a word (folded, as typed) or for its base form, as written in the table. */
export function wordnetWords(word: string): string[] {
  const t = wordnet();
  const own = t.get(word);
  if (own) return wordsOf(own);
  for (const [ending, base] of ENDINGS) {
    if (word.length > ending.length + 2 && word.endsWith(ending)) {
      const found = t.get(word.slice(0, -ending.length) + base);
      if (found) return wordsOf(found);
    }
  }
  return [];
}

/** The expanded terms, with WordNet's words added to the groups of words the knowledge base lacks. */
export function addWordNet(expanded: Terms, index: SearchIndex): Terms {
  const terms = [...expanded.terms];
  const boosts = new Map(expanded.boosts);
  const groups = expanded.groups.map((g): TermGroup => {
    const own = g.terms[0];
    if (g.fromLexicon || g.terms.length !== 1 || !own || index.hasTerm(own) || index.hasStemOf(own)) return g;
    const related = [...new Set(wordnetWords(g.word).map(processTerm))].filter((t): t is string => !!t && t !== own && index.hasTerm(t));
    if (!related.length) return g;
    const boost = WORDNET_BOOST / Math.sqrt(related.length);
    for (const t of related) {
      if (!terms.includes(t)) terms.push(t);
      if (!boosts.has(t) && !expanded.terms.includes(t)) boosts.set(t, boost);
    }
    return { ...g, terms: [own, ...related], fromWordNet: true };
  });
  return { ...expanded, terms, groups, boosts };
}
