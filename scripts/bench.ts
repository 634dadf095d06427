// npm run bench: start-up time, answer latency (p50/p99) over the evaluation questions beside a plain
// MiniSearch over the same entries, peak memory, and the same latency with the corpus grown 10× and
// 100× by synthetic passages.
import { loadKnowledge } from '../src/knowledge/load.js';
import type { Entry, KnowledgeBase, PassageEntry } from '../src/knowledge/types.js';
import { createEngine } from '../src/retrieval/engine.js';
import { loadEvalSet } from './lib/evalSet.js';
import { plainMiniSearch } from './lib/evaluate.js';

const started = performance.now(); // ms since the process started (performance.timeOrigin)
const loaded = loadKnowledge();
if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
const loadedAt = performance.now();
const engine = createEngine(loaded.kb);
const readyAt = performance.now();
const readyRss = process.memoryUsage().rss;

const questions = loadEvalSet().map((q) => q.q);
const ROUNDS = 30;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function latencies(ask: (q: string) => unknown): { p50: number; p99: number; max: number } {
  for (const q of questions) ask(q); // warm up the JIT
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of questions) {
      const t = performance.now();
      ask(q);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), max: times[times.length - 1]! };
}

/**
 * A corpus `factor` times larger, of synthetic passages that look like the real entries: each is a
 * real entry's title and text with half of its words swapped for words drawn from the whole knowledge
 * base (with their frequencies there). Words stay as common or rare across entries as they are in the
 * real corpus, and search does the work a larger corpus on the same subject would ask of it.
 */
function grown(kb: KnowledgeBase, factor: number): KnowledgeBase {
  const real = kb.entries.filter((e) => e.kind !== 'source');
  const words = real.flatMap((e) => e.text.split(/\s+/)).filter(Boolean);
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const mutate = (text: string) => text.split(/\s+/).map((w) => (random() < 0.5 ? words[Math.floor(random() * words.length)]! : w)).join(' ');
  const model = kb.entries.find((e): e is PassageEntry => e.kind === 'passage')!;
  const extra: Entry[] = [];
  const target = kb.entries.length * (factor - 1);
  for (let i = 0; i < target; i++) {
    const like = real[Math.floor(random() * real.length)]!;
    extra.push({ ...model, id: `synthetic-${i}`, paragraph: 1000 + i, title: mutate(like.title), text: mutate(like.text) });
  }
  const entries = [...kb.entries, ...extra];
  return { ...kb, entries, byId: new Map(entries.map((e) => [e.id, e])) };
}

const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
const shipped = latencies((q) => engine.ask(q));
console.log(`Corpus: ${loaded.kb.entries.length} entries; ${questions.length} questions × ${ROUNDS} rounds\n`);
console.log(`Ready (process start → knowledge loaded and indexed): ${readyAt.toFixed(1)} ms`);
console.log(`  of which loading and checking knowledge/: ${(loadedAt - started).toFixed(1)} ms, indexing: ${(readyAt - loadedAt).toFixed(1)} ms`);
console.log(`RSS when ready (shipped corpus): ${(readyRss / 2 ** 20).toFixed(0)} MiB`);
console.log(`Answer latency, shipped corpus: p50 ${fmt(shipped.p50)}, p99 ${fmt(shipped.p99)}, max ${fmt(shipped.max)}`);
// The baseline every layer is paid against: MiniSearch with default options over title and text.
const plainAsk = plainMiniSearch(loaded.kb);
const plain = latencies(plainAsk);
console.log(`Plain MiniSearch, same corpus and questions: p50 ${fmt(plain.p50)}, p99 ${fmt(plain.p99)}, max ${fmt(plain.max)} (engine/plain p50 ×${(shipped.p50 / plain.p50).toFixed(1)}, p99 ×${(shipped.p99 / plain.p99).toFixed(1)})`);
for (const factor of [10, 100]) {
  const kb = grown(loaded.kb, factor);
  const t = performance.now();
  const big = createEngine(kb);
  const indexMs = performance.now() - t;
  const l = latencies((q) => big.ask(q));
  console.log(`Answer latency, ${factor}× corpus (${kb.entries.length} entries, indexed in ${indexMs.toFixed(0)} ms): p50 ${fmt(l.p50)}, p99 ${fmt(l.p99)}, max ${fmt(l.max)}`);
}
console.log(`Peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (includes the 100× corpus)`);
