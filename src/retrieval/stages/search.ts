// Stage: search. One full-index search per question, by the terms that can tell entries apart.
import type { Corpus } from '../corpus.js';
import type { Hit } from '../searchIndex.js';

/** Terms found in more than this share of entries are too common to search by. */
const MAX_DOCUMENT_SHARE = 0.5;

export interface Searched {
  /** The terms searched by. */
  searched: string[];
  hits: Hit[];
}

export function search(corpus: Corpus, terms: string[]): Searched {
  // Words in more than half of all entries ("States Parties") cannot tell entries apart; searching
  // them only costs time, a lot of it on a large corpus. They still count as known words.
  const telling = terms.filter((t) => corpus.index.documentShare(t) <= MAX_DOCUMENT_SHARE);
  const searched = telling.length ? telling : terms;
  return { searched, hits: corpus.index.search(searched) };
}
