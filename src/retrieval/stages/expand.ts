// Stage: expand. The question's content words as index terms, each mapped to the word as typed.
import { processedWords } from '../corpus.js';

export interface Terms {
  /** Processed (folded, stemmed) content terms, in question order. */
  terms: string[];
  /** Each term to the word as typed. */
  words: Map<string, string>;
}

export function expand(query: string): Terms {
  const words = processedWords(query);
  return { terms: [...words.keys()], words };
}
