// Stage: search. One full-index search per question, by the terms that can tell entries apart.
import type { Corpus } from '../corpus.js';
import type { Hit } from '../searchIndex.js';
import type { TermGroup, Terms } from './expand.js';

/** Terms found in more than this share of entries are too common to search by. */
const MAX_DOCUMENT_SHARE = 0.5;

export interface Searched {
  /** The groups searched by: those with a term that tells entries apart. */
  groups: TermGroup[];
  hits: Hit[];
}

export function search(corpus: Corpus, { terms, groups, boosts }: Terms): Searched {
  // Words in more than half of all entries ("States Parties") cannot tell entries apart; searching
  // them only costs time, a lot of it on a large corpus. They still count as known words.
  const telling = terms.filter((t) => corpus.index.documentShare(t) <= MAX_DOCUMENT_SHARE);
  const searched = telling.length ? telling : terms;
  const searchedGroups = telling.length ? groups.filter((g) => g.terms.some((t) => telling.includes(t))) : groups;
  return { groups: searchedGroups, hits: corpus.index.search(searched, boosts) };
}
