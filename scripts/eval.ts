// npm run eval: answer quality on the tuned and held-out parts of the evaluation set (test/eval/,
// split by test/eval/split.json), by layer, by persona, beside a plain MiniSearch; the tuned part's
// misses; then the conversation set. `npm run eval -- --assign` adds new questions to the split
// (seeded, per persona).
import './lib/cli.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { createEngine } from '../src/retrieval/engine.js';
import { assignNew, loadEvalSet, partsOf, readSplit, writeSplit } from './lib/evalSet.js';
import { layers, overview, personas, tunedMisses, type EvalSection } from './lib/evalReport.js';
import { conversationReport, loadConversations } from './lib/evaluateConversations.js';

const loaded = loadKnowledge();
if (!loaded.ok) {
  console.error(loaded.problems.join('\n'));
  process.exit(1);
}
const items = loadEvalSet();
let split = readSplit();
if (process.argv.includes('--assign')) {
  split = assignNew(items, split);
  writeSplit(split);
}
const { tuned, heldOut, unassigned } = partsOf(items, split);
if (unassigned.length) console.log(`${unassigned.length} questions are in neither part: run npm run eval -- --assign\n`);
const engine = createEngine(loaded.kb);
// Conversations (follow-ups answered in context): their own set, split and section.
const conversations: EvalSection = () => ['', conversationReport(loadConversations(), (q, context) => engine.ask(q, context))];
const sections: EvalSection[] = [overview, layers, personas, tunedMisses, conversations];
const ctx = { kb: loaded.kb, tuned, heldOut, ask: (q: string) => engine.ask(q) };
for (const section of sections) console.log(section(ctx).join('\n'));
