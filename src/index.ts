// The core's public surface: load the knowledge base, build the engine, answer questions.
// Plain library: no platform imports anywhere under src/.
export type { Answer, Result, Outcome, Intent } from './answer.js';
export type { Engine, Catalog } from './engine.js';
export type { Entry, EntryKind, KnowledgeBase, Citation, Stance } from './knowledge/types.js';
export { loadKnowledge, KNOWLEDGE_DIR, type LoadResult } from './knowledge/load.js';
export { createEngine } from './retrieval/engine.js';
export { openEngine, KnowledgeError } from './knowledge/open.js';
