// The WordNet layer (stages/wordnet.ts): a word neither the knowledge base nor the lexicon knows is
// searched under the knowledge base's words for its main sense, at a lower boost, and counts only
// half as known, so it can help a question over the bar but never carry one alone.
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildCorpus } from '../../src/retrieval/corpus.js';
import { WORDNET } from '../../src/retrieval/data/wordnet.js';
import { createEngine } from '../../src/retrieval/engine.js';
import { layersOf } from '../../src/retrieval/options.js';
import { expand } from '../../src/retrieval/stages/expand.js';
import { addWordNet, wordnetWords } from '../../src/retrieval/stages/wordnet.js';
import { processTerm } from '../../src/retrieval/text.js';

const loaded = loadKnowledge();
if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
const kb = loaded.kb;
const corpus = buildCorpus(kb, layersOf());
const withWordNet = (q: string) => addWordNet(expand(q, corpus.phrases), corpus.index);
const term = (w: string) => processTerm(w)!;

describe('WordNet', () => {
  it('finds a word the knowledge base lacks under its words for the same thing, at a lower boost', () => {
    expect(corpus.index.hasTerm(term('columnists'))).toBe(false);
    const expanded = withWordNet('do columnists get protection');
    const group = expanded.groups.find((g) => g.word === 'columnists')!;
    expect(group.terms).toEqual([term('columnists'), term('journalist')]);
    expect(group.fromWordNet).toBe(true);
    expect(expanded.terms).toContain(term('journalist'));
    expect(expanded.boosts.get(term('journalist'))).toBeLessThan(0.5);
    // Inflected forms find the base form's entry: the table holds base forms only.
    expect(wordnetWords('columnists')).toEqual(wordnetWords('columnist'));
    expect(wordnetWords('felons')).toContain('criminal');
  });

  it('leaves words the knowledge base or the lexicon knows untouched', () => {
    const expanded = withWordNet('can the feds arrest journalists');
    const journalists = expanded.groups.find((g) => g.word === 'journalists')!;
    expect(journalists.terms).toEqual([term('journalists')]);
    expect(journalists.fromWordNet).toBeUndefined();
    const feds = expanded.groups.find((g) => g.word === 'feds')!;
    expect(feds.fromLexicon).toBe(true);
    expect(feds.fromWordNet).toBeUndefined();
    expect(withWordNet('what is phishing')).toEqual(expand('what is phishing', corpus.phrases));
  });

  it('answers a question through it only when switched on', () => {
    const on = createEngine(kb, { wordnet: true });
    const off = createEngine(kb, { wordnet: false });
    const q = 'do columnists get protection';
    expect(on.ask(q).results[0]?.id).toBe('article-6');
    expect(off.ask(q).abstained).toBe(true);
  });

  it('never carries a question alone, nor brings in what the knowledge base does not cover', () => {
    const on = createEngine(kb, { wordnet: true });
    for (const q of ['columnists', 'embezzlement', 'how do I cook pasta', 'cheap hotels in Vienna', 'weather forecast for Geneva', 'best movie of the year']) {
      expect(on.ask(q).abstained, q).toBe(true);
    }
  });

  it('comes from a small table whose words the knowledge base still has (else run npm run build:wordnet)', () => {
    expect(WORDNET.length).toBeLessThan(300_000);
    const lines = WORDNET.split('\n').map((l) => l.split(' '));
    const keys = lines.map(([w]) => w!);
    expect(new Set(keys).size).toBe(keys.length);
    expect(lines.every((l) => l.length >= 2)).toBe(true);
    const words = lines.flatMap(([, ...ws]) => ws);
    const known = words.filter((w) => corpus.index.hasTerm(term(w)));
    expect(known.length / words.length).toBeGreaterThan(0.95);
  });
});
