// The evaluation set and its stored split. Every *.jsonl in test/eval/ whose lines are questions
// ({"q", "expect", "persona"?}) belongs to the set. test/eval/split.json fixes which questions are
// held out: a seeded, per-persona draw of at least a third, stored so it never shifts as questions
// are added. Nothing is tuned on the held-out part: read its figures, never its misses; a held-out
// question whose miss was read moves to `tuned` in split.json (say so in the commit).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EvalQuestion } from './evaluate.js';

export const EVAL_DIR = fileURLToPath(new URL('../../test/eval/', import.meta.url));
export const SPLIT_FILE = join(EVAL_DIR, 'split.json');
/** The persona of questions written before personas were labelled. */
export const UNLABELLED = 'original set';

export interface EvalItem extends EvalQuestion {
  persona: string;
  file: string;
}

export interface Split {
  seed: number;
  /** Share of each persona's questions drawn into the held-out part. */
  heldOutShare: number;
  heldOut: string[];
  tuned: string[];
}

export function loadEvalSet(dir = EVAL_DIR): EvalItem[] {
  const items: EvalItem[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as Partial<EvalItem>;
      if (typeof row.q !== 'string' || row.expect === undefined) continue; // another kind of set (conversations)
      items.push({ q: row.q, expect: row.expect, persona: row.persona ?? UNLABELLED, file: basename(name) });
    }
  }
  return items;
}

export function readSplit(path = SPLIT_FILE): Split {
  if (!existsSync(path)) return { seed: 9, heldOutShare: 0.36, heldOut: [], tuned: [] };
  return JSON.parse(readFileSync(path, 'utf8')) as Split;
}

/** A small seeded generator (mulberry32), so the draw is the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Assign questions the split does not list yet: per persona, a seeded shuffle, and the first
 * heldOutShare of them (rounded up, counting those already held out) are held out. Returns the new split.
 */
export function assignNew(items: EvalItem[], split: Split): Split {
  const listed = new Set([...split.heldOut, ...split.tuned]);
  const next: Split = { ...split, heldOut: [...split.heldOut], tuned: [...split.tuned] };
  const byPersona = new Map<string, EvalItem[]>();
  for (const item of items) byPersona.set(item.persona, [...(byPersona.get(item.persona) ?? []), item]);
  const rand = random(split.seed);
  for (const [, group] of [...byPersona].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const fresh = group.filter((i) => !listed.has(i.q)).map((i) => ({ i, r: rand() })).sort((a, b) => a.r - b.r).map((x) => x.i);
    let held = group.filter((i) => split.heldOut.includes(i.q)).length;
    const wanted = Math.ceil(group.length * split.heldOutShare);
    for (const item of fresh) {
      if (listed.has(item.q)) continue; // the same question twice in the set
      if (held < wanted) { next.heldOut.push(item.q); held++; } else next.tuned.push(item.q);
      listed.add(item.q);
    }
  }
  return next;
}

export function writeSplit(split: Split, path = SPLIT_FILE): void {
  writeFileSync(path, JSON.stringify(split, null, 1) + '\n');
}

/** The set's two parts; questions the split does not list are reported, not guessed. */
export function partsOf(items: EvalItem[], split: Split): { tuned: EvalItem[]; heldOut: EvalItem[]; unassigned: EvalItem[] } {
  const held = new Set(split.heldOut);
  const tuned = new Set(split.tuned);
  return {
    heldOut: items.filter((i) => held.has(i.q)),
    tuned: items.filter((i) => tuned.has(i.q) && !held.has(i.q)),
    unassigned: items.filter((i) => !held.has(i.q) && !tuned.has(i.q)),
  };
}
