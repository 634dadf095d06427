// npm run eval:batch -- FILE [FILE…]: the first-run figures of a fresh batch of questions or
// conversations, written after the engine's last change and scored once before any fix. It prints
// figures only, never misses: a batch's first run is the honest number for questions nothing was
// tuned on. Afterwards the batch joins test/eval/ (and `npm run eval -- --assign` splits it).
import './lib/cli.js';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadKnowledge } from '../src/knowledge/load.js';
import { createEngine } from '../src/retrieval/engine.js';
import { score } from './lib/evaluate.js';
import { scoreConversations, type EvalConversation } from './lib/evaluateConversations.js';

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!files.length) {
  console.error('usage: npm run eval:batch -- FILE.jsonl [FILE.jsonl…]');
  process.exit(2);
}
const loaded = loadKnowledge();
if (!loaded.ok) {
  console.error(loaded.problems.join('\n'));
  process.exit(1);
}
const engine = createEngine(loaded.kb);
const pct = (x: number, n: number) => (n ? `${(x * 100).toFixed(1)}%` : '—').padStart(9);

for (const file of files) {
  const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
  if (rows.every((r) => Array.isArray(r.turns))) {
    const m = scoreConversations(rows as unknown as EvalConversation[], (q, context) => engine.ask(q, context));
    console.log(`${basename(file)}: ${m.conversations} conversations, ${m.followUps} follow-up turns, ${m.standalone} stand-alone later turns`);
    console.log(`  follow-up R@1 ${pct(m.followUpRecallAt1, m.followUps)}   R@3 ${pct(m.followUpRecallAt3, m.followUps)}   wrong carry-over ${pct(m.wrongCarryOverRate, m.standalone)}`);
    continue;
  }
  const questions = rows.map((r) => ({ q: String(r.q), expect: (r.expect ?? null) as string[] | null, persona: String(r.persona ?? 'unlabelled') }));
  const line = (name: string, qs: typeof questions) => {
    const m = score(qs, (q) => engine.ask(q));
    return `  ${name.padEnd(24)}${String(qs.length).padStart(4)}${pct(m.recallAt1, m.inScope)}${pct(m.recallAt3, m.inScope)}${pct(m.falseAbstentionRate, m.inScope)}${pct(m.outOfScopeAbstentionRate, m.outOfScope)}`;
  };
  console.log(`${basename(file)}: ${questions.length} questions`);
  console.log(`  ${''.padEnd(24)}${'n'.padStart(4)}${'R@1'.padStart(9)}${'R@3'.padStart(9)}${'false abst'.padStart(11)}${'OOS abst'.padStart(9)}`);
  console.log(line('all', questions));
  for (const persona of [...new Set(questions.map((q) => q.persona))].sort()) console.log(line(persona, questions.filter((q) => q.persona === persona)));
}
