// Stage: normalise. The question as the rest of the pipeline reads it (see normalizeQuery), with
// text-speak and casual spellings written out from the lexicon's `casual:` table ("u" → "you",
// "pls" → "please", "tbh" → nothing), and an age under 18 written as the convention's word for it
// ("my 12 yo", "a 15-year-old" → "child"), and the lexicon's `frames:` dropped ("where does that
// land", "for a footnote": they shape the question, not its topic), so later stages see the words
// people mean.
import { normalizeQuery } from '../text.js';

// Platform mention syntax ("<!channel>", "<@U123>", "@everyone") addresses people, it asks nothing.
const MENTIONS = /<[@#!][^<>\s]{0,80}>|(?<![\p{L}\p{N}])@(?:everyone|here|channel)\b/gu;
// "12 yo", "12yo", "12 y/o", "a 15-year-old", "14 yr old", "13 years old": an age in years.
const AGE = /\b(\d{1,2})\s*-?\s*(?:yo|y\/o|y\.o\.?|(?:years?|yrs?)[\s-]*olds?)\b/gi;
/** Under 18: a minor, whom the convention calls a child. */
const ADULT_AGE = 18;

export function normalise(raw: string, casual?: Map<string, string>, frames: readonly string[] = []): string {
  let query = normalizeQuery(normalizeQuery(raw).replace(MENTIONS, ' ')).replace(AGE, (age, years: string) => (Number(years) < ADULT_AGE ? 'child' : age));
  if (casual?.size) query = query.replace(/[\p{L}\p{N}]+/gu, (word) => casual.get(word.toLowerCase()) ?? word);
  if (frames.length) query = query.replace(framePattern(frames), ' ');
  return query.replace(/\s+/g, ' ').trim();
}

// One pattern per frames list: each phrase's words with anything but letters and digits between
// them ("where does that land", "where does *that* land?"), at word boundaries.
const patterns = new WeakMap<readonly string[], RegExp>();

function framePattern(frames: readonly string[]): RegExp {
  let pattern = patterns.get(frames);
  if (!pattern) {
    const alternatives = [...frames].sort((a, b) => b.length - a.length).map((f) => f.split(' ').join('[^\\p{L}\\p{N}]+'));
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    patterns.set(frames, pattern);
  }
  return pattern;
}
