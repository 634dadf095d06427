// npm run eval: answer quality of the engine beside a plain MiniSearch, over test/eval/questions.jsonl.
import './lib/cli.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { createEngine } from '../src/retrieval/engine.js';
import { loadQuestions, plainMiniSearch, score, type Metrics } from './lib/evaluate.js';
import { conversationReport, loadConversations } from './lib/evaluateConversations.js';

const loaded = loadKnowledge();
if (!loaded.ok) {
  console.error(loaded.problems.join('\n'));
  process.exit(1);
}
const questions = loadQuestions(process.argv[2]);
const engine = createEngine(loaded.kb);
const ours = score(questions, (q) => engine.ask(q));
const plain = score(questions, plainMiniSearch(loaded.kb));

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(8);
const row = (name: string, pick: (m: Metrics) => number) => `${name.padEnd(28)}${pct(pick(ours))}${pct(pick(plain))}`;
console.log(`${questions.length} questions: ${ours.inScope} in scope, ${ours.outOfScope} out of scope\n`);
console.log(`${''.padEnd(28)}${'engine'.padStart(8)}${'plain'.padStart(8)}`);
console.log(row('Recall@1', (m) => m.recallAt1));
console.log(row('Recall@3', (m) => m.recallAt3));
console.log(row('False abstention', (m) => m.falseAbstentionRate));
console.log(row('Out-of-scope abstention', (m) => m.outOfScopeAbstentionRate));
if (ours.misses.length) {
  console.log(`\nMisses (${ours.misses.length}):`);
  for (const m of ours.misses) console.log(`  ${m.q}  →  ${m.got.join(', ') || '(abstained)'}`);
}

// Conversations (follow-ups answered in context): their own set, split and section.
console.log(`\n${conversationReport(loadConversations(), (q, context) => engine.ask(q, context))}`);
