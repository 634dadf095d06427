// Autocomplete choices from the core's catalogue: articles (typed digits match the number, typed words
// match title words), chapters, and speakers and organisations. Discord shows at most 25 choices, each
// name at most 100 characters.
import type { Catalog } from '../../src/engine.js';
import { fold, tokenize } from '../../src/retrieval/text.js';
import { cleanText } from '../shared/text.js';
import { truncate } from './text.js';

export const MAX_CHOICES = 25;
const MAX_NAME = 100;

export interface Choice<V extends string | number> {
  name: string;
  value: V;
}

/** Words as the core's search sees them, so "Rodriguez" finds what a question about him would. */
const words = (s: string) => tokenize(s).map(fold);
/** Cut on a code point: half an emoji is a lone surrogate, and Discord rejects the whole list for it. */
const clip = (s: string) => truncate(cleanText(s), MAX_NAME);

/** Every typed word is a prefix of some word of the text ("crim off" matches "Criminal offences"). */
function matchesWords(typed: string[], text: string): boolean {
  const have = words(text);
  return typed.every((t) => have.some((h) => h.startsWith(t)));
}

export function articleChoices(catalog: Catalog, typed: string): Choice<number>[] {
  const query = typed.trim();
  const digits = /^(?:art(?:icle)?\.?\s*)?(\d+)\s*(.*)$/i.exec(query);
  let articles = catalog.articles;
  if (digits) {
    const [, number, rest] = digits;
    articles = articles.filter((a) => String(a.number).startsWith(number!) && (!rest || matchesWords(words(rest), a.title)));
    articles = [...articles].sort((a, b) => Number(String(b.number) === number) - Number(String(a.number) === number) || a.number - b.number);
  } else if (query) {
    const typedWords = words(query);
    articles = articles.filter((a) => matchesWords(typedWords, `${a.title} ${a.chapter}`));
  }
  return articles.slice(0, MAX_CHOICES).map((a) => ({ name: clip(`Article ${a.number}: ${a.title}`), value: a.number }));
}

export function chapterChoices(catalog: Catalog, typed: string): Choice<number>[] {
  const query = typed.trim();
  const typedWords = words(query);
  return catalog.chapters
    .filter((c) => !query || String(c.number).startsWith(query) || fold(c.roman) === fold(query) || matchesWords(typedWords, c.title))
    .slice(0, MAX_CHOICES)
    .map((c) => ({ name: clip(`Chapter ${c.roman}: ${c.title} (articles ${c.first}–${c.last})`), value: c.number }));
}

/** Speakers ("Deborah Brown (Human Rights Watch)") and, once each, their organisations. */
export function speakerChoices(catalog: Catalog, typed: string): Choice<string>[] {
  const seen = new Set<string>();
  const all: Choice<string>[] = [];
  const add = (name: string, value: string) => {
    const key = fold(value);
    if (!value.trim() || seen.has(key) || value.length > MAX_NAME) return;
    seen.add(key);
    all.push({ name: clip(name), value });
  };
  for (const s of catalog.speakers) add(s.organisation && s.organisation !== s.name ? `${s.name} (${s.organisation})` : s.name, s.name);
  for (const s of catalog.speakers) if (s.organisation) add(s.organisation, s.organisation);
  const typedWords = words(typed);
  const matching = typedWords.length ? all.filter((c) => matchesWords(typedWords, c.name) || acronymOf(c.value) === fold(typed.trim())) : all;
  return matching.slice(0, MAX_CHOICES);
}

/** "Human Rights Watch" → "hrw", so typing an acronym finds the organisation. */
function acronymOf(name: string): string {
  return words(name).filter((x) => !['of', 'the', 'and', 'for'].includes(x)).map((x) => x[0]).join('');
}
