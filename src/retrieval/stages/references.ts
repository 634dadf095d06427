// Stage: references. "article 6", "chapter IV", "articles 14 and 15" are answered by the entries they
// name, not by search; an unknown one is an outcome of its own ("the convention has 68 articles").
import type { Answer, Outcome, Result } from '../../answer.js';
import type { Corpus } from '../corpus.js';
import { processed } from '../corpus.js';
import { parseReferences, type References } from '../references.js';
import { DEFAULT_SUGGESTIONS, type Assembler } from './assemble.js';

/** Search results added after referenced entries when the question asks more than the reference. */
const EXTRA_RESULTS = 2;

/** The references a question makes, or undefined when it makes none. */
export function findReferences(query: string): References | undefined {
  const refs = parseReferences(query);
  return refs.articles.length || refs.chapters.length ? refs : undefined;
}

export function answerReferences(corpus: Corpus, out: Assembler, query: string, refs: References, search: (q: string) => Answer): Answer {
  const { articleByNumber, chapterByNumber, kb } = corpus;
  const articleCount = kb.articles.length;
  const { articles, chapters, rest } = refs;
  const unknownArticles = articles.filter((n) => !articleByNumber.has(n));
  const badChapter = chapters.find((c) => !chapterByNumber.has(c.number));
  const results: Result[] = [];
  for (const c of chapters) if (chapterByNumber.has(c.number)) results.push(out.toResult(chapterByNumber.get(c.number)!, 1));
  for (const n of articles) if (articleByNumber.has(n)) results.push(out.toResult(articleByNumber.get(n)!, 1));
  const related = articles.length === 1 ? (articleByNumber.get(articles[0]!)?.related ?? []) : [];
  const suggestions = related.slice(0, 3).map(out.articleSuggestion);
  let outcome: Outcome = { type: 'answered' };
  if (unknownArticles.length) outcome = { type: 'unknown_article', numbers: unknownArticles, articleCount };
  else if (badChapter) outcome = { type: 'unknown_chapter', chapter: badChapter.written, chapterCount: kb.chapters.length };
  // "In which chapter is data protection?", "article 7 and hacking": the words beside the reference ask
  // something too. Their best answers follow the referenced entries.
  if (results.length && processed(rest).length) {
    const more = search(rest);
    if (!more.abstained) results.push(...more.results.filter((r) => !results.some((x) => x.id === r.id)).slice(0, EXTRA_RESULTS));
  }
  const fallback = results.length ? suggestions : [`article ${Math.min(Math.max(1, articles[0] ?? 1), articleCount)}`, 'chapter I', ...DEFAULT_SUGGESTIONS.slice(0, 2)];
  return out.answer(query, 'reference', results, outcome, fallback);
}
