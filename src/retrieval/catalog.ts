// What the knowledge base holds, for help texts and autocomplete.
import type { Catalog } from '../engine.js';
import type { Corpus } from './corpus.js';

export function buildCatalog({ kb, quotes, sources }: Corpus): Catalog {
  const speakers = new Map<string, Catalog['speakers'][number]>();
  for (const q of quotes) if (!speakers.has(q.speaker)) speakers.set(q.speaker, { name: q.speaker, organisation: q.organisation, role: q.role });
  return {
    articles: kb.articles.map((a) => ({ number: a.number, title: a.title, chapter: a.chapter.roman })),
    chapters: kb.chapters.map((c) => ({ number: c.number, roman: c.roman, title: c.title, first: c.articles.first, last: c.articles.last })),
    speakers: [...speakers.values()],
    sources: sources.map((s) => ({ id: s.id, title: s.title, publisher: s.citation.publisher, date: s.citation.date, url: s.citation.url })),
  };
}
