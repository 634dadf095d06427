// Stage: assemble. Hits become Results (verbatim text or labelled summary, with citation), and
// Results become the Answer the adapters render. Every answer leaves the pipeline through here.
import type { Answer, Intent, Outcome, Result } from '../../answer.js';
import type { ChapterEntry, Entry, EntryKind, QuoteEntry } from '../../knowledge/types.js';
import { foldSpace } from '../../knowledge/passages.js';
import type { Corpus } from '../corpus.js';
import type { Hit } from '../searchIndex.js';

/** How many results a plain search answer shows: short answers are the point. */
export const SEARCH_RESULTS = 3;
/** Results scoring below this share of the best one are noise, not answers. */
const MIN_RELATIVE_SCORE = 0.25;
/** A passage is "mostly" a quote shown beside it when the quote is at least this share of its text. */
const MOSTLY_QUOTE = 0.5;

export const DEFAULT_SUGGESTIONS = ['What are the objectives?', 'article 6', 'What did Human Rights Watch say?', 'timeline', 'Does it cover ransomware?'];

export interface Assembler {
  toResult(e: Entry, score: number): Result;
  answer(query: string, intent: Intent, shown: Result[], outcome?: Outcome, suggestions?: string[]): Answer;
  /** Hits to results, best first, dropping weak tails and entries already shown. */
  fromHits(hits: Hit[], limit: number, seen: Set<string>): Result[];
  /** Hits of one kind. Filtering ranks exactly as a search restricted to that kind would. */
  ofKind(hits: Hit[], kind: EntryKind): Hit[];
  /** A glossary entry points to provisions: show the first one it names right after it. */
  withLinkedArticles(results: Result[]): Result[];
  /** Articles the results point to that are not shown, as suggestions. */
  followUps(results: Result[]): string[];
  /** "article N (title)", as a suggestion. */
  articleSuggestion(n: number): string;
}

export function createAssembler(corpus: Corpus): Assembler {
  const { kb, entry, articleByNumber } = corpus;
  const chapterArticleList = (c: ChapterEntry) => {
    const articles = kb.articles.filter((a) => a.chapter.number === c.number);
    if (articles.length === 1) return `Article ${articles[0]!.number}: ${articles[0]!.title}.`;
    return `Articles ${c.articles.first}–${c.articles.last}: ${articles.map((a) => `${a.number} ${a.title}`).join('; ')}.`;
  };
  const toResult = (e: Entry, score: number): Result => {
    const base: Result = {
      id: e.id, kind: e.kind, title: e.title, text: e.text, isSummary: e.isSummary, citation: e.citation, score: Math.round(score * 1000) / 1000,
      ...(e.asOf ? { asOf: e.asOf } : {}), ...(e.since?.length ? { since: e.since } : {}),
    };
    switch (e.kind) {
      case 'article':
        // Once the official text is imported, quote it verbatim instead of our summary.
        return e.officialText ? { ...base, text: e.officialText, isSummary: false, article: e.number } : { ...base, article: e.number };
      case 'quote':
        return { ...base, speaker: e.speaker, role: e.role, organisation: e.organisation, stance: e.stance };
      case 'chapter':
        return { ...base, text: `${e.text}\n\n${chapterArticleList(e)}` };
      case 'source': {
        // A source is shown by its opening paragraph, cited as that paragraph (not the whole document).
        const first = kb.entries.find((p) => p.kind === 'passage' && p.sourceId === e.id);
        return first ? { ...base, text: first.text, citation: first.citation } : base;
      }
      default:
        return base;
    }
  };
  const articleSuggestion = (n: number) => `article ${n} (${articleByNumber.get(n)!.title})`;

  return {
    toResult,
    articleSuggestion,
    answer(query, intent, shown, outcome = { type: 'answered' }, suggestions = []) {
      const results = withoutRepeatedQuotes(shown);
      const abstained = results.length === 0;
      return {
        query,
        abstained,
        // An answer with nothing to show is a "no match", whatever path produced it.
        outcome: abstained && outcome.type === 'answered' ? { type: 'no_match', ...(mostlyNonLatin(query) ? { englishOnly: true } : {}) } : outcome,
        intent,
        results,
        suggestions: abstained && !suggestions.length ? DEFAULT_SUGGESTIONS : suggestions,
      };
    },
    fromHits(hits, limit, seen) {
      const out: Result[] = [];
      const top = hits[0]?.score ?? 0;
      for (const h of hits) {
        if (out.length >= limit) break;
        if (seen.has(h.id) || h.score < top * MIN_RELATIVE_SCORE) continue;
        seen.add(h.id);
        out.push(toResult(entry(h.id)!, h.score / top));
      }
      return out;
    },
    ofKind: (hits, kind) => hits.filter((h) => entry(h.id)!.kind === kind),
    withLinkedArticles(results) {
      const out: Result[] = [];
      for (const r of results) {
        out.push(r);
        const e = entry(r.id)!;
        const linked = e.kind === 'term' ? articleByNumber.get(e.articles[0] ?? 0) : undefined;
        if (linked && !results.some((x) => x.id === linked.id) && !out.some((x) => x.id === linked.id)) out.push(toResult(linked, r.score));
      }
      return out.slice(0, Math.max(SEARCH_RESULTS, results.length));
    },
    followUps(results) {
      const linked = (r: Result) => {
        const e = entry(r.id)!;
        return e.kind === 'article' ? e.related : e.kind === 'term' || e.kind === 'fact' ? e.articles : [];
      };
      return [...new Set(results.flatMap(linked))].filter((n) => !results.some((r) => r.article === n)).slice(0, 3).map(articleSuggestion);
    },
  };
}

/** More letters of other scripts than Latin ones: "Зачем эта конвенция?", "公约的目的是什么". */
function mostlyNonLatin(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  const latin = letters.filter((ch) => /\p{Script=Latin}/u.test(ch)).length;
  return letters.length > 0 && latin < letters.length / 2;
}

/**
 * A passage that is mostly a quote already shown (with its speaker and stance) adds length, not
 * information: drop it. A passage that says more around the quote (what else the speaker's
 * organisation warned of, say) keeps its place as context.
 */
function withoutRepeatedQuotes(results: Result[]): Result[] {
  const quoted = results.filter((r) => r.kind === 'quote').map((r) => foldSpace(r.text));
  const repeats = (passage: string) => quoted.some((q) => passage.includes(q) && q.length >= passage.length * MOSTLY_QUOTE);
  return results.filter((r) => r.kind !== 'passage' || !repeats(foldSpace(r.text)));
}

/** Quotes of the given speakers (or all quotes / the hits' quotes), best-ranked first, then the passage reporting them. */
export function quoteResults(corpus: Corpus, out: Assembler, speakerQuotes: QuoteEntry[], hits: Hit[], stance: 'critical' | 'supportive' | undefined, all = false): Result[] {
  const { quotes } = corpus;
  const seen = new Set<string>();
  const rank = new Map(hits.map((h, i) => [h.id, i]));
  let pool = speakerQuotes.length ? speakerQuotes : all ? quotes : quotes.filter((q) => rank.has(q.id));
  if (stance) pool = (pool.length ? pool : quotes).filter((q) => q.stance === stance);
  if (!pool.length) pool = stance ? quotes.filter((q) => q.stance === stance) : quotes;
  const ordered = [...pool].sort((a, b) => (rank.get(a.id) ?? 1e9) - (rank.get(b.id) ?? 1e9)).slice(0, all ? 5 : 3);
  const results = ordered.map((q) => { seen.add(q.id); return out.toResult(q, 1); });
  // Then the passage that reports it, for context.
  return [...results, ...out.fromHits(out.ofKind(hits, 'passage'), 1, seen)];
}
