// Stage: normalise. The question as the rest of the pipeline reads it (see normalizeQuery), with
// text-speak and casual spellings written out from the lexicon's `casual:` table ("u" → "you",
// "pls" → "please", "tbh" → nothing), and an age under 18 written as the convention's word for it
// ("my 12 yo", "a 15-year-old" → "child"), so later stages see the words people mean.
import { normalizeQuery } from '../text.js';

// Platform mention syntax ("<!channel>", "<@U123>", "@everyone") addresses people, it asks nothing.
const MENTIONS = /<[@#!][^<>\s]{0,80}>|(?<![\p{L}\p{N}])@(?:everyone|here|channel)\b/gu;
// "12 yo", "12yo", "12 y/o", "a 15-year-old", "14 yr old", "13 years old": an age in years.
const AGE = /\b(\d{1,2})\s*-?\s*(?:yo|y\/o|y\.o\.?|(?:years?|yrs?)[\s-]*olds?)\b/gi;
/** Under 18: a minor, whom the convention calls a child. */
const ADULT_AGE = 18;

export function normalise(raw: string, casual?: Map<string, string>): string {
  const query = normalizeQuery(normalizeQuery(raw).replace(MENTIONS, ' ')).replace(AGE, (age, years: string) => (Number(years) < ADULT_AGE ? 'child' : age));
  if (!casual?.size) return query;
  return query.replace(/[\p{L}\p{N}]+/gu, (word) => casual.get(word.toLowerCase()) ?? word).replace(/\s+/g, ' ').trim();
}
