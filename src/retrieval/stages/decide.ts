// Stage: decide. Answer, or say the knowledge base has no answer (see abstain.ts for the rule).
import type { Corpus } from '../corpus.js';
import { decideAbstention, type AbstentionDecision } from '../abstain.js';
import type { Hit } from '../searchIndex.js';

export function decide(corpus: Corpus, searched: string[], hits: Hit[], words: Map<string, string>): AbstentionDecision {
  return decideAbstention(searched, hits, corpus.index, words);
}
