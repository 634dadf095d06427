// How much a word tells about what is asked, from two maintained lists of everyday English:
//   - stop words (stopwords-iso: "actually", "still", "really", "keep") say nothing of a topic;
//   - frequency (SUBTLEX-US, as a Zipf value: log10 of occurrences per billion words; "the" ≈ 7.5,
//     "life" ≈ 5.8, "football" ≈ 4.6, "pasta" ≈ 3.6, "Malabo" unlisted): the commoner a word,
//     the less it tells.
// A common word the knowledge base lacks must not sink a question; a rare one ("pasta", "Malabo")
// says a lot and still counts fully. Both tables are precomputed (npm run build:word-weights) and
// parsed on first use, in a few milliseconds.
import { MIN_TABLE_ZIPF, STOP_WORDS, ZIPF_BANDS } from './data/zipf.js';
/** Each Zipf point above MIN_TABLE_ZIPF takes this much weight off. */
const WEIGHT_PER_ZIPF = 1 / 3;
/** The least a word that is not a stop word weighs: a common topic word ("life") still counts some. */
const MIN_CONTENT_WEIGHT = 0.4;
/** A stop word's weight: a question made only of them is still judged. */
export const STOP_WEIGHT = 0.15;

let zipfs: Map<string, number> | undefined;
let stops: Set<string> | undefined;

function tables(): { zipfs: Map<string, number>; stops: Set<string> } {
  if (!zipfs || !stops) {
    zipfs = new Map();
    for (const line of ZIPF_BANDS.split('\n')) {
      const colon = line.indexOf(':');
      const zipf = Number(line.slice(0, colon)) / 10;
      for (const word of line.slice(colon + 1).split(' ')) zipfs.set(word, zipf);
    }
    stops = new Set(STOP_WORDS.split(' '));
  }
  return { zipfs, stops };
}

/** The word's Zipf value, or undefined for a word rarer than MIN_TABLE_ZIPF. */
export function zipf(word: string): number | undefined {
  return tables().zipfs.get(word.toLowerCase());
}

/**
 * How much a word (folded, as typed) tells about a question: STOP_WEIGHT, or MIN_CONTENT_WEIGHT to 1.
 * `termsOfArt`: words the knowledge base names its entries with ("order" of "production order",
 * "computer", "general"). A general stop-word list has them, but here they name a topic, so they
 * weigh by frequency like any other word.
 */
export function wordWeight(word: string, termsOfArt?: ReadonlySet<string>): number {
  const { zipfs, stops } = tables();
  const w = word.toLowerCase();
  if (stops.has(w) && !termsOfArt?.has(w)) return STOP_WEIGHT;
  const z = zipfs.get(w);
  if (z === undefined) return 1;
  return Math.max(MIN_CONTENT_WEIGHT, Math.min(1, 1 - (z - MIN_TABLE_ZIPF) * WEIGHT_PER_ZIPF));
}
