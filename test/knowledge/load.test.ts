import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWLEDGE_DIR, loadKnowledge } from '../../src/knowledge/load.js';
import type { KnowledgeBase } from '../../src/knowledge/types.js';
import { copyKnowledge, type KnowledgeCopy } from '../helpers/knowledgeCopy.js';

const SHARED = join(KNOWLEDGE_DIR, '..', '..', 'shared');

function loaded(): KnowledgeBase {
  const result = loadKnowledge();
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.kb;
}

/** Article and chapter titles as structure.md lists them: "7 Illegal access · 8 Illegal interception". */
function structureTitles(): { articles: Map<number, string>; chapters: Map<string, string> } | undefined {
  let text: string;
  try {
    text = readFileSync(join(SHARED, 'convention', 'structure.md'), 'utf8');
  } catch {
    return undefined; // shared/ sits beside the checkout in CI and development; elsewhere skip.
  }
  const section = text.slice(text.indexOf('## Chapters and articles'), text.indexOf('## Everyday words'));
  const articles = new Map<number, string>();
  const chapters = new Map<string, string>();
  for (const m of section.matchAll(/^Chapter ([IVX]+)\. (.+)$/gm)) chapters.set(m[1]!, m[2]!.trim());
  const body = section.replace(/^(?:##|Chapter) .*$/gm, '·').replace(/\s+/g, ' ');
  for (const item of body.split('·')) {
    const m = /^\s*(\d{1,2}) (.+?)\s*$/.exec(item);
    if (m) articles.set(Number(m[1]), m[2]!);
  }
  return { articles, chapters };
}

describe('the shipped knowledge base', () => {
  const kb = loaded();

  it('has 68 articles numbered 1 to 68 and 9 chapters', () => {
    expect(kb.articles.map((a) => a.number)).toEqual(Array.from({ length: 68 }, (_, i) => i + 1));
    expect(kb.chapters.map((c) => c.roman)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX']);
  });

  it('uses the adopted titles of every article and chapter', () => {
    const titles = structureTitles();
    if (!titles) return;
    expect(titles.articles.size).toBe(68);
    for (const a of kb.articles) expect(a.title, `article ${a.number}`).toBe(titles.articles.get(a.number));
    for (const c of kb.chapters) expect(c.title, `chapter ${c.roman}`).toBe(titles.chapters.get(c.roman));
  });

  it('puts each article in the chapter whose range holds it', () => {
    for (const a of kb.articles) {
      const c = kb.chapters.find((ch) => ch.number === a.chapter.number)!;
      expect(a.number).toBeGreaterThanOrEqual(c.articles.first);
      expect(a.number).toBeLessThanOrEqual(c.articles.last);
      expect(a.chapter.title).toBe(c.title);
    }
  });

  it('keeps the source document verbatim', () => {
    const source = kb.byId.get('unis-unodc-2024-08-12')!;
    let original: string;
    try {
      original = readFileSync(join(SHARED, 'sources', 'unis-unodc-2024-08-12-convention-finalized.txt'), 'utf8');
    } catch {
      return;
    }
    expect(source.text).toBe(original);
  });

  it('splits the source into its paragraphs, each verbatim, under its section heading', () => {
    const source = kb.byId.get('unis-unodc-2024-08-12')!;
    const passages = kb.entries.filter((e) => e.kind === 'passage');
    expect(passages).toHaveLength(15);
    for (const p of passages) expect(source.text).toContain(p.text);
    expect(passages[0]!.text.startsWith('The road to this convention')).toBe(true);
    expect(passages.find((p) => p.text.includes('NextGov'))!.title).toBe('Controversial discussions on data protection and human rights');
    expect(passages.some((p) => p.text === 'UNIS' || p.text.startsWith('date '))).toBe(false);
  });

  it('verifies every quote verbatim in its source, with speaker, stance and paragraph', () => {
    const quotes = kb.entries.filter((e) => e.kind === 'quote');
    expect(quotes.map((q) => q.kind === 'quote' && q.speaker).sort()).toEqual(['Deborah Brown', 'Ghada Waly', 'Human Rights Watch', 'Katitza Rodríguez']);
    const source = kb.byId.get('unis-unodc-2024-08-12')!.text;
    for (const q of quotes) {
      expect(source).toContain(q.text);
      expect(q.citation.locator).toMatch(/^paragraph \d+/);
    }
  });

  it('labels every article, chapter, fact and term as a summary, and every quoted text as verbatim', () => {
    for (const e of kb.entries) expect(e.isSummary, e.id).toBe(['article', 'chapter', 'fact', 'term'].includes(e.kind));
  });

  it('gives every entry a citation with a source and a locator', () => {
    for (const e of kb.entries) {
      expect(e.citation.source, e.id).toBeTruthy();
      expect(e.citation.locator, e.id).toBeTruthy();
    }
  });
});

describe('broken knowledge files are reported as file:line: field: reason', () => {
  let copy: KnowledgeCopy;
  afterEach(() => copy.cleanup());

  const problemsAfter = (change: (c: KnowledgeCopy) => void): string[] => {
    copy = copyKnowledge();
    change(copy);
    const result = loadKnowledge(copy.dir);
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.problems;
  };

  it('bad front matter', () => {
    const problems = problemsAfter((c) => c.edit('articles/article-07.md', (s) => s.replace(/^related: \[(.*)\]$/m, 'related: [$1')));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^articles\/article-07\.md:\d+: front matter: front matter is not valid YAML/);
  });

  it('a missing front matter fence', () => {
    const problems = problemsAfter((c) => c.edit('facts/adoption.md', (s) => s.replace(/^---\n/, '')));
    expect(problems).toEqual(['facts/adoption.md:1: front matter: the file must start with a "---" line opening its front matter']);
  });

  it('a duplicate id', () => {
    const problems = problemsAfter((c) => c.edit('articles/article-08.md', (s) => s.replace('id: article-8', 'id: article-7')));
    expect(problems).toContain('articles/article-08.md:2: id: "article-7" is already used by articles/article-07.md');
  });

  it('an altered quote', () => {
    const problems = problemsAfter((c) => c.edit('quotes/deborah-brown-disaster.md', (s) => s.replace('will be a disaster for', 'will be a catastrophe for')));
    expect(problems).toEqual(['quotes/deborah-brown-disaster.md:14: text: is not found verbatim in source "unis-unodc-2024-08-12" (quotes must match the source word for word)']);
  });

  it('a missing article', () => {
    const problems = problemsAfter((c) => c.remove('articles/article-16.md'));
    expect(problems.some((p) => p.includes('article 16 of chapter II has no file'))).toBe(true);
  });

  it('a repeated article number', () => {
    const problems = problemsAfter((c) => c.edit('articles/article-17.md', (s) => s.replace('number: 17', 'number: 16')));
    expect(problems.some((p) => /^articles\/article-17\.md:4: number: article 16 is also defined in articles\/article-16\.md$/.test(p))).toBe(true);
  });

  it('an unknown related article', () => {
    const problems = problemsAfter((c) => c.edit('articles/article-07.md', (s) => s.replace(/^related: .*$/m, 'related: [8, 99]')));
    expect(problems).toEqual(['articles/article-07.md:9: related: article 99 does not exist']);
  });

  it('an empty text, a wrong field value, a typo in a field name: all reported at once', () => {
    const problems = problemsAfter((c) => {
      c.edit('articles/article-09.md', (s) => s.slice(0, s.lastIndexOf('---') + 4));
      c.edit('quotes/ghada-waly-milestone.md', (s) => s.replace('stance: supportive', 'stance: happy'));
      c.edit('facts/adoption.md', (s) => s.replace('aliases:', 'alias:'));
    });
    expect(problems.some((p) => /^articles\/article-09\.md:\d+: text: is empty/.test(p))).toBe(true);
    expect(problems.some((p) => /^quotes\/ghada-waly-milestone\.md:9: stance: "happy" is not one of supportive, critical, neutral$/.test(p))).toBe(true);
    expect(problems.some((p) => /^facts\/adoption\.md:\d+: alias: is not a field of this kind of entry/.test(p))).toBe(true);
  });

  it('an unknown citation key and a malformed date', () => {
    const problems = problemsAfter((c) => {
      c.edit('facts/adoption.md', (s) => s.replace(/^cite: .*$/m, 'cite: nowhere').replace(/^date: .*$/m, 'date: 24 December 2024'));
    });
    expect(problems.some((p) => /facts\/adoption\.md:\d+: cite: "nowhere" is not a key of knowledge\/citations\.yml/.test(p))).toBe(true);
    expect(problems.some((p) => /facts\/adoption\.md:\d+: date: "24 December 2024" is not a date written YYYY-MM-DD/.test(p))).toBe(true);
  });
});
