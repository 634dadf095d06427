// Answer quality as numbers, from an evaluation set in the format of shared/eval/:
// one {"q": question, "expect": [phrases] | null} a line. A question is answered well at k when any
// of the top k results contains any expected phrase (case-, accent- and whitespace-insensitive, in its
// title or text); expect null means out of scope, where the right answer is to abstain.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import type { KnowledgeBase } from '../../src/knowledge/types.js';

export const EVAL_FILE = fileURLToPath(new URL('../../test/eval/questions.jsonl', import.meta.url));

export interface EvalQuestion { q: string; expect: string[] | null }
export interface Ranked { abstained: boolean; results: { id: string; title: string; text: string }[] }

export interface Metrics {
  questions: number;
  inScope: number;
  outOfScope: number;
  recallAt1: number;
  recallAt3: number;
  /** In-scope questions it refused. */
  falseAbstentionRate: number;
  /** Out-of-scope questions it refused, as it should. */
  outOfScopeAbstentionRate: number;
  misses: { q: string; got: string[] }[];
}

export function loadQuestions(path = EVAL_FILE): EvalQuestion[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as EvalQuestion);
}

const normal = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ');

export function hitAt(answer: Ranked, expect: string[], k: number): boolean {
  const phrases = expect.map(normal);
  return answer.results.slice(0, k).some((r) => {
    const haystack = normal(`${r.title} ${r.text}`);
    return phrases.some((p) => haystack.includes(p));
  });
}

export function score(questions: EvalQuestion[], answer: (q: string) => Ranked): Metrics {
  let r1 = 0, r3 = 0, falseAbstain = 0, oosAbstain = 0, inScope = 0, outOfScope = 0;
  const misses: Metrics['misses'] = [];
  for (const { q, expect } of questions) {
    const a = answer(q);
    if (expect === null) {
      outOfScope++;
      if (a.abstained || a.results.length === 0) oosAbstain++;
      else misses.push({ q, got: a.results.slice(0, 3).map((r) => r.id) });
      continue;
    }
    inScope++;
    if (a.abstained || a.results.length === 0) falseAbstain++;
    if (hitAt(a, expect, 1)) r1++;
    if (hitAt(a, expect, 3)) r3++;
    else misses.push({ q, got: a.results.slice(0, 3).map((r) => r.id) });
  }
  const ratio = (n: number, d: number) => (d ? n / d : 0);
  return {
    questions: questions.length, inScope, outOfScope,
    recallAt1: ratio(r1, inScope), recallAt3: ratio(r3, inScope),
    falseAbstentionRate: ratio(falseAbstain, inScope), outOfScopeAbstentionRate: ratio(oosAbstain, outOfScope),
    misses,
  };
}

/** The baseline: MiniSearch with default options over title and text of the same entries. */
export function plainMiniSearch(kb: KnowledgeBase): (q: string) => Ranked {
  const entries = kb.entries.filter((e) => e.kind !== 'source');
  const mini = new MiniSearch({ fields: ['title', 'text'], storeFields: ['title', 'text'] });
  mini.addAll(entries.map((e) => ({ id: e.id, title: e.title, text: e.text })));
  return (q) => {
    const results = mini.search(q).map((r) => ({ id: r.id as string, title: r.title as string, text: r.text as string }));
    return { abstained: results.length === 0, results };
  };
}
