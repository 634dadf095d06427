// Stage: decide. Answer, or say the knowledge base has no answer (see abstain.ts for the rule).
import type { Corpus } from '../corpus.js';
import { decideAbstention, type AbstentionDecision } from '../abstain.js';
import type { Hit } from '../searchIndex.js';
import type { TermGroup } from './expand.js';

export function decide(corpus: Corpus, groups: TermGroup[], hits: Hit[]): AbstentionDecision {
  return decideAbstention(groups, hits, corpus.index);
}
