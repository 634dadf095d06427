// Quality floors over the evaluation set (npm run eval prints the same figures with the misses).
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { createEngine } from '../../src/retrieval/engine.js';
import { hitAt, loadQuestions, plainMiniSearch, score } from '../../scripts/lib/evaluate.js';

const loaded = loadKnowledge();
if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
const engine = createEngine(loaded.kb);
const questions = loadQuestions();

describe('evaluation set', () => {
  it('is large enough and has enough out-of-scope questions', () => {
    expect(questions.length).toBeGreaterThanOrEqual(120);
    expect(questions.filter((q) => q.expect === null).length).toBeGreaterThanOrEqual(20);
  });

  it('meets the quality floors', () => {
    const m = score(questions, (q) => engine.ask(q));
    expect(m.recallAt3, JSON.stringify(m.misses)).toBeGreaterThanOrEqual(0.95);
    expect(m.recallAt1).toBeGreaterThanOrEqual(0.85);
    expect(m.outOfScopeAbstentionRate, JSON.stringify(m.misses)).toBeGreaterThanOrEqual(0.9);
    expect(m.falseAbstentionRate).toBeLessThanOrEqual(0.05);
  });

  it('beats a plain MiniSearch over the same entries', () => {
    const ours = score(questions, (q) => engine.ask(q));
    const plain = score(questions, plainMiniSearch(loaded.ok ? loaded.kb : (undefined as never)));
    expect(ours.recallAt3).toBeGreaterThan(plain.recallAt3);
    expect(ours.outOfScopeAbstentionRate).toBeGreaterThan(plain.outOfScopeAbstentionRate);
  });

  it('scores phrases case-, accent- and whitespace-insensitively', () => {
    const answer = { abstained: false, results: [{ id: 'x', title: 'Katitza Rodríguez', text: 'AI   training\ndata' }] };
    expect(hitAt(answer, ['katitza rodriguez'], 1)).toBe(true);
    expect(hitAt(answer, ['ai training data'], 1)).toBe(true);
    expect(hitAt(answer, ['milestone'], 1)).toBe(false);
  });
});
