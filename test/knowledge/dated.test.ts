// Dated content: passages and quotes overtaken by events carry `since`, look-ahead wording must be
// marked, stale-able facts carry `checked`, and answers to status questions show them dated.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { lookAhead } from '../../src/knowledge/dated.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { openEngine } from '../../src/knowledge/open.js';
import type { PassageEntry } from '../../src/knowledge/types.js';
import { copyKnowledge, type KnowledgeCopy } from '../helpers/knowledgeCopy.js';

const QUOTE = 'quotes/deborah-brown-disaster.md';
const SOURCE = 'sources/unis-unodc-2024-08-12.md';

describe('look-ahead wording', () => {
  it.each(['The Convention will now be submitted', 'is expected to be adopted', 'adopted later this year', 'Outlook and next steps', 'In the coming months, it'])('finds it in "%s"', (text) => {
    expect(lookAhead(text)).toBeDefined();
  });
  it.each(['States willing to cooperate', 'an act of goodwill', 'it was adopted in December'])('leaves "%s" alone', (text) => {
    expect(lookAhead(text)).toBeUndefined();
  });
});

describe('the shipped knowledge base dates what events have overtaken', () => {
  const loaded = loadKnowledge();
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const { kb } = loaded;

  it('the announcement that adoption was expected "later this year" is as of 12 August 2024, since adopted', () => {
    const p = kb.entries.find((e): e is PassageEntry => e.kind === 'passage' && e.text.includes('later this year'))!;
    expect(p.asOf).toBe('2024-08-12');
    expect(p.since?.map((f) => f.id)).toEqual(['fact-adoption']);
    expect(p.since?.[0]).toMatchObject({ title: 'Adoption by the General Assembly', date: '2024-12-24' });
  });

  it('"will now be submitted to the UN Secretary-General" is followed by adoption and opening for signature', () => {
    const p = kb.entries.find((e) => e.kind === 'passage' && e.text.includes('will now be submitted'))!;
    expect(p.since?.map((f) => f.date)).toEqual(['2024-12-24', '2025-10-25']);
  });

  it('every fact about status or signatures says when it was last checked', () => {
    for (const id of ['fact-entry-into-force', 'fact-opening-for-signature', 'fact-signatures']) {
      const fact = kb.byId.get(id)!;
      expect(fact.asOf, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('states a count of signatories only with its date', () => {
    for (const fact of kb.entries.filter((e) => e.kind === 'fact')) {
      if (/\b\d+ (?:States|countries)\b.*\bsigned\b/.test(fact.text)) {
        expect(fact.kind === 'fact' && fact.date, fact.id).toBeTruthy();
        expect(fact.asOf, fact.id).toBeTruthy();
        expect(fact.text).toMatch(/\d{1,2} \w+ \d{4}/);
      }
    }
  });
});

describe('status answers show what is known and as of when', () => {
  const engine = openEngine();
  it.each([
    ['is it in force?', 'fact-entry-into-force'],
    ['has anyone ratified it', 'fact-entry-into-force'],
    ['who has signed?', 'fact-signatures'],
    ['how many countries have signed the convention', 'fact-signatures'],
  ])('%s', (question, id) => {
    const answer = engine.ask(question);
    const fact = answer.results.find((r) => r.id === id);
    expect(fact, answer.results.map((r) => r.id).join(', ')).toBeDefined();
    expect(fact!.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('a quote overtaken by events carries its date and what happened since', () => {
    const quote = engine.ask('what did Deborah Brown say?').results.find((r) => r.kind === 'quote')!;
    expect(quote.asOf).toBe('2024-08-12');
    expect(quote.since?.[0]).toMatchObject({ id: 'fact-adoption', date: '2024-12-24' });
  });
});

describe('the loader checks dated marks', () => {
  let copy: KnowledgeCopy;
  afterEach(() => copy.cleanup());

  const problemsAfter = (change: (c: KnowledgeCopy) => void): string[] => {
    copy = copyKnowledge();
    change(copy);
    const result = loadKnowledge(copy.dir);
    // Lines as N: other editors add fields above these; one test below checks the lines themselves.
    return result.ok ? [] : result.problems.map((p) => p.replace(/:\d+:/, ':N:'));
  };
  const lineOf = (file: string, field: string) => readFileSync(copy.path(file), 'utf8').split('\n').findIndex((l) => l.startsWith(`${field}:`)) + 1;

  it('reports the line of the field to fix', () => {
    copy = copyKnowledge();
    copy.edit(QUOTE, (s) => s.replace('since: [fact-adoption]', 'since: [fact-adopted]'));
    copy.edit(SOURCE, (s) => s.replace('2: { since: [fact-adoption] }', '2: { since: [fact-adopted] }'));
    const result = loadKnowledge(copy.dir);
    expect(result.ok ? [] : result.problems).toEqual([
      `quotes/deborah-brown-disaster.md:${lineOf(QUOTE, 'since')}: since: "fact-adopted" is not the id of a fact in knowledge/facts/`,
      `sources/unis-unodc-2024-08-12.md:${lineOf(SOURCE, 'passages')}: passages: paragraph 2: "fact-adopted" is not the id of a fact in knowledge/facts/`,
    ]);
  });

  it('a since that names no fact', () => {
    expect(problemsAfter((c) => c.edit(QUOTE, (s) => s.replace('since: [fact-adoption]', 'since: [fact-adopted]'))))
      .toEqual(['quotes/deborah-brown-disaster.md:N: since: "fact-adopted" is not the id of a fact in knowledge/facts/']);
  });

  it('a since that names an undated fact, or one older than the text', () => {
    const problems = problemsAfter((c) => c.edit(SOURCE, (s) => s.replace('2: { since: [fact-adoption] }', '2: { since: [fact-shape, fact-draft-approved] }')));
    expect(problems).toContain('sources/unis-unodc-2024-08-12.md:N: passages: paragraph 2: fact "fact-shape" has no date, so it cannot say what happened since');
    expect(problems).toContain('sources/unis-unodc-2024-08-12.md:N: passages: paragraph 2: fact "fact-draft-approved" (2024-08-08) is not later than the text (2024-08-12)');
  });

  it('look-ahead wording with neither since nor stillCurrent, in a passage and in a quote', () => {
    const problems = problemsAfter((c) => {
      c.edit(SOURCE, (s) => s.replace('  2: { since: [fact-adoption] }\n', ''));
      c.edit(QUOTE, (s) => s.replace('since: [fact-adoption]\n', ''));
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^quotes\/deborah-brown-disaster\.md:N: text: looks ahead \("will"\)/);
    expect(problems[1]).toMatch(/^sources\/unis-unodc-2024-08-12\.md:N: passages: paragraph 2: looks ahead \("expected to"\); add it under the source's passages: as 2:/);
  });

  it('stillCurrent: true is accepted instead of since, but not beside it', () => {
    expect(problemsAfter((c) => c.edit(QUOTE, (s) => s.replace('since: [fact-adoption]', 'stillCurrent: true')))).toEqual([]);
    expect(problemsAfter((c) => c.edit(QUOTE, (s) => s.replace('since: [fact-adoption]', 'since: [fact-adoption]\nstillCurrent: true'))))
      .toEqual(['quotes/deborah-brown-disaster.md:N: since: has both since and stillCurrent: choose one']);
  });

  it('marks for a paragraph that does not exist, a malformed mark, a malformed checked date', () => {
    const problems = problemsAfter((c) => {
      c.edit(SOURCE, (s) => s.replace('  14: { stillCurrent: true }', '  14: { stillCurrent: true }\n  99: { stillCurrent: true }\n  x: { since: fact-adoption }'));
      c.edit('facts/signatures.md', (s) => s.replace(/^checked: .*$/m, 'checked: last week'));
    });
    expect(problems).toContain('sources/unis-unodc-2024-08-12.md:N: passages: "x" is not a paragraph number (1, 2, …)');
    expect(problems).toContain('facts/signatures.md:N: checked: "last week" is not a date written YYYY-MM-DD');
    expect(problemsAfter((c) => c.edit(SOURCE, (s) => s.replace('  14: { stillCurrent: true }', '  14: { stillCurrent: true }\n  99: { stillCurrent: true }'))))
      .toEqual(['sources/unis-unodc-2024-08-12.md:N: passages: paragraph 99 does not exist (the source has 15)']);
  });
});
