import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { importOfficialText, parseOfficialText } from '../../src/knowledge/importOfficial.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { createEngine } from '../../src/retrieval/engine.js';
import { copyKnowledge, type KnowledgeCopy } from '../helpers/knowledgeCopy.js';

const OFFICIAL = `United Nations Convention against Cybercrime

Chapter I
General provisions

Article 1
Statement of purpose

The purposes of this Convention are:
(a) To promote and strengthen measures to prevent and combat cybercrime more efficiently and effectively;

Article 2
Use of terms

For the purposes of this Convention:
(a) "Information and communications technology system" shall mean a device or a group of interconnected devices;

Chapter II
Criminalization

Article 7
Illegal access

1. Each State Party shall adopt such legislative and other measures as may be necessary to establish as a criminal offence under its domestic law, when committed intentionally, the access to the whole or any part of an information and communications technology system without right.
`;

describe('import-official', () => {
  let copy: KnowledgeCopy | undefined;
  afterEach(() => copy?.cleanup());

  it('parses articles introduced by "Article N" lines and ends them at chapter headings', () => {
    const parsed = parseOfficialText(OFFICIAL);
    expect(parsed.map((a) => a.number)).toEqual([1, 2, 7]);
    expect(parsed[1]!.title).toBe('Use of terms');
    expect(parsed[1]!.text).not.toContain('Criminalization');
    expect(parsed[2]!.text).toMatch(/^1\. Each State Party shall adopt/);
  });

  it('fills officialText, reports the articles it could not find, and the engine then quotes it verbatim', () => {
    copy = copyKnowledge();
    const before = loadKnowledge(copy.dir);
    if (!before.ok) throw new Error(before.problems.join('\n'));
    const report = importOfficialText(copy.dir, before.kb.articles, OFFICIAL);
    expect(report.filled).toEqual([1, 2, 7]);
    expect(report.missing).toHaveLength(65);
    expect(report.missing).toContain(3);
    expect(readFileSync(copy.path('articles/article-07.md'), 'utf8')).toContain('## Official text\n\n1. Each State Party shall adopt');

    const after = loadKnowledge(copy.dir);
    if (!after.ok) throw new Error(after.problems.join('\n'));
    const article7 = after.kb.articles.find((a) => a.number === 7)!;
    expect(article7.officialText).toMatch(/^1\. Each State Party/);
    expect(article7.text).not.toContain('Official text'); // the summary stays the summary
    const result = createEngine(after.kb).ask('article 7').results[0]!;
    expect(result.isSummary).toBe(false);
    expect(OFFICIAL).toContain(result.text);

    // The whole copy is kept, so the loader can check every article's official text against it.
    expect(readFileSync(copy.path('official/convention.txt'), 'utf8')).toBe(OFFICIAL);

    // Importing again replaces the section instead of appending a second one.
    importOfficialText(copy.dir, after.kb.articles, OFFICIAL);
    expect(readFileSync(copy.path('articles/article-07.md'), 'utf8').split('## Official text')).toHaveLength(2);
  });

  it('an official text edited by hand, or with no official copy to check it against, is a problem', () => {
    copy = copyKnowledge();
    const before = loadKnowledge(copy.dir);
    if (!before.ok) throw new Error(before.problems.join('\n'));
    importOfficialText(copy.dir, before.kb.articles, OFFICIAL);
    copy.edit('articles/article-07.md', (s) => s.replace('the access to the whole', 'the access to all'));
    const edited = loadKnowledge(copy.dir);
    expect(edited.ok).toBe(false);
    const line = readFileSync(copy.path('articles/article-07.md'), 'utf8').split('\n').indexOf('## Official text') + 1;
    expect(edited.ok ? [] : edited.problems).toEqual([`articles/article-07.md:${line}: officialText: is not found verbatim in official/convention.txt`]);

    copy.remove('official/convention.txt');
    const missing = loadKnowledge(copy.dir);
    const problems = missing.ok ? [] : missing.problems;
    expect(problems).toHaveLength(3); // articles 1, 2 and 7 have official text
    for (const p of problems) expect(p).toMatch(/^articles\/article-0[127]\.md:\d+: officialText: there is no official copy \(official\/convention\.txt\) to check it against/);
  });
});
