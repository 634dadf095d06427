// The layers of understanding, each of which can be switched off to measure what it is worth
// (npm run eval prints the figures with each layer off). All are on in the bot.
export interface EngineOptions {
  /** Weigh words by how informative they are in everyday English (wordWeights.ts). */
  wordWeights?: boolean;
  /** knowledge/lexicon.yml: casual spellings and everyday words → the convention's words. */
  lexicon?: boolean;
  /** Entries' `asks:` questions, indexed as a field of their own. */
  asks?: boolean;
}

export type Layers = Required<EngineOptions>;

export const layersOf = (options: EngineOptions = {}): Layers => ({ wordWeights: true, lexicon: true, asks: true, ...options });
