// `asks:` are everyday questions an entry answers, written from the entry's own content. An `asks:`
// line that copies an evaluation question would flatter the figures the evaluation reports (the
// question would find its answer by matching itself), so none may be a near-copy of one.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';

const EVAL_DIR = new URL('../eval/', import.meta.url).pathname;
const words = (s: string) => new Set(s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean));
/** Share of words two questions have in common (Jaccard): 0.75 and above reads as the same question. */
const NEAR_COPY = 0.75;
const overlap = (a: Set<string>, b: Set<string>) => [...a].filter((w) => b.has(w)).length / new Set([...a, ...b]).size;

function evaluationQuestions(): string[] {
  const out: string[] = [];
  for (const name of readdirSync(EVAL_DIR).filter((n) => n.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(EVAL_DIR, name), 'utf8').split('\n').filter((l) => l.trim())) {
      const row = JSON.parse(line) as { q?: string; turns?: { q: string }[] };
      if (row.q) out.push(row.q);
      for (const turn of row.turns ?? []) out.push(turn.q);
    }
  }
  return out;
}

describe('asks: and the evaluation set', () => {
  it('no asks: line is a near-copy of an evaluation question', () => {
    const loaded = loadKnowledge();
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    const questions = evaluationQuestions().map((q) => ({ q, w: words(q) }));
    const copies: string[] = [];
    for (const entry of loaded.kb.entries) {
      for (const ask of (entry as { asks?: string[] }).asks ?? []) {
        const w = words(ask);
        const twin = questions.find((x) => overlap(w, x.w) >= NEAR_COPY);
        if (twin) copies.push(`${entry.id}: "${ask}" ~ "${twin.q}"`);
      }
    }
    expect(copies).toEqual([]);
  });
});
