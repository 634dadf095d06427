// The sections `npm run eval` prints. Each section is a function of the shared context that returns
// its lines, so a new section (conversations, follow-ups) is one more function in the list in
// scripts/eval.ts.
import type { KnowledgeBase } from '../../src/knowledge/types.js';
import { createEngine } from '../../src/retrieval/engine.js';
import { layersOf, type EngineOptions, type Layers } from '../../src/retrieval/options.js';
import type { EvalItem } from './evalSet.js';
import { plainMiniSearch, score, type Metrics, type Ranked } from './evaluate.js';

export interface EvalContext {
  kb: KnowledgeBase;
  tuned: EvalItem[];
  heldOut: EvalItem[];
  /** The bot's engine, all layers on. */
  ask: (q: string) => Ranked;
}

export type EvalSection = (ctx: EvalContext) => string[];

const pct = (x: number | undefined) => (x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
const cell = (text: string, width = 9) => text.padStart(width);

/** Column headings for a tuned | held-out pair of metric groups. */
/** Each metric, undefined when the part has no question it applies to (shown as "—"). */
const METRICS: [string, (m: Metrics) => number | undefined][] = [
  ['R@1', (m) => (m.inScope ? m.recallAt1 : undefined)],
  ['R@3', (m) => (m.inScope ? m.recallAt3 : undefined)],
  ['false abst', (m) => (m.inScope ? m.falseAbstentionRate : undefined)],
  ['OOS abst', (m) => (m.outOfScope ? m.outOfScopeAbstentionRate : undefined)],
];

function pairTable(title: string, rows: [string, Metrics, Metrics][]): string[] {
  const head = `${title.padEnd(26)}${METRICS.map(([n]) => cell(n, 11)).join('')}  │${METRICS.map(([n]) => cell(n, 11)).join('')}`;
  const lines = [`${''.padEnd(26)}${'tuned'.padStart(22)}${''.padStart(22)}  │${'held-out'.padStart(25)}`, head];
  for (const [name, t, h] of rows) lines.push(`${name.padEnd(26)}${METRICS.map(([, f]) => cell(pct(f(t)), 11)).join('')}  │${METRICS.map(([, f]) => cell(pct(f(h)), 11)).join('')}`);
  return lines;
}

export const overview: EvalSection = ({ tuned, heldOut }) => {
  const inScope = (xs: EvalItem[]) => xs.filter((x) => x.expect !== null).length;
  return [
    `${tuned.length + heldOut.length} questions: tuned ${tuned.length} (${inScope(tuned)} in scope), held-out ${heldOut.length} (${inScope(heldOut)} in scope)`,
    '',
  ];
};

const LAYER_NAMES: Record<keyof Layers, string> = { wordWeights: 'word weights', lexicon: 'lexicon', asks: 'asks', wordnet: 'WordNet' };

/** The engine, each layer switched from its default (− off, + on), all off, and a plain MiniSearch, on both parts. */
export const layers: EvalSection = ({ kb, tuned, heldOut, ask }) => {
  const defaults = layersOf();
  const names = Object.keys(LAYER_NAMES) as (keyof Layers)[];
  const off: [string, EngineOptions][] = names.map((n) => [`${defaults[n] ? '−' : '+'} ${LAYER_NAMES[n]}`, { [n]: !defaults[n] }]);
  off.push(['− all', Object.fromEntries(names.map((n) => [n, false]))]);
  const rows: [string, Metrics, Metrics][] = [['engine', score(tuned, ask), score(heldOut, ask)]];
  for (const [name, options] of off) {
    const engine = createEngine(kb, options);
    rows.push([name, score(tuned, (q) => engine.ask(q)), score(heldOut, (q) => engine.ask(q))]);
  }
  const plain = plainMiniSearch(kb);
  rows.push(['plain MiniSearch', score(tuned, plain), score(heldOut, plain)]);
  return [...pairTable('by layer', rows), ''];
};

export const personas: EvalSection = ({ tuned, heldOut, ask }) => {
  const names = [...new Set([...tuned, ...heldOut].map((x) => x.persona))].sort();
  const rows: [string, Metrics, Metrics][] = names.map((p) => {
    const of = (xs: EvalItem[]) => xs.filter((x) => x.persona === p);
    return [`${p} (${of(tuned).length}+${of(heldOut).length})`, score(of(tuned), ask), score(of(heldOut), ask)];
  });
  return [...pairTable('by persona (tuned+held)', rows), ''];
};

/** Misses of the tuned part only: the held-out part's misses are never printed. */
export const tunedMisses: EvalSection = ({ tuned, ask }) => {
  const m = score(tuned, ask);
  if (!m.misses.length) return ['No misses in the tuned part.'];
  return [`Misses in the tuned part (${m.misses.length}; held-out misses are never shown):`, ...m.misses.map((x) => `  ${x.q}  →  ${x.got.join(', ') || '(abstained)'}`)];
};
