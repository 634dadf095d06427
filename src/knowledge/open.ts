// Load and index in one step, for programs that cannot run without a knowledge base (the bot, the
// CLI, the benchmark): a bad knowledge base is a start-up failure listing every problem.
import type { Engine } from '../engine.js';
import { createEngine } from '../retrieval/engine.js';
import { KNOWLEDGE_DIR, loadKnowledge } from './load.js';

export class KnowledgeError extends Error {
  constructor(readonly problems: string[]) {
    super(`The knowledge base has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.join('\n')}`);
    this.name = 'KnowledgeError';
  }
}

export function openEngine(dir: string = KNOWLEDGE_DIR): Engine {
  const loaded = loadKnowledge(dir);
  if (!loaded.ok) throw new KnowledgeError(loaded.problems);
  return createEngine(loaded.kb);
}
