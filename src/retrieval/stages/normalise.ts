// Stage: normalise. The question as the rest of the pipeline reads it (see normalizeQuery), with
// text-speak and casual spellings written out from the lexicon's `casual:` table ("u" → "you",
// "pls" → "please", "tbh" → nothing), so later stages see the words people mean.
import { normalizeQuery } from '../text.js';

// Platform mention syntax ("<!channel>", "<@U123>", "@everyone") addresses people, it asks nothing.
const MENTIONS = /<[@#!][^<>\s]{0,80}>|(?<![\p{L}\p{N}])@(?:everyone|here|channel)\b/gu;

export function normalise(raw: string, casual?: Map<string, string>): string {
  const query = normalizeQuery(normalizeQuery(raw).replace(MENTIONS, ' '));
  if (!casual?.size) return query;
  return query.replace(/[\p{L}\p{N}]+/gu, (word) => casual.get(word.toLowerCase()) ?? word).replace(/\s+/g, ' ').trim();
}
