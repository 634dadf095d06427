// Load knowledge/ into a validated KnowledgeBase, or fail with every problem listed as
// `file:line: field: reason`. Nothing half-loaded is ever returned.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontMatter, type FrontMatter } from './frontmatter.js';
import { resolveDated } from './dated.js';
import { readEntry, type CitationBase } from './entries.js';
import { readYaml } from './yaml.js';
import { EMPTY_LEXICON, readLexicon } from './lexicon.js';
import { processTerm, tokenize } from '../retrieval/text.js';
import { OFFICIAL_COPY } from './importOfficial.js';
import { foldSpace, splitSource } from './passages.js';
import type { ArticleEntry, ChapterEntry, Entry, KnowledgeBase, SourceEntry } from './types.js';

const CITATIONS_FILE = 'citations.yml';

/**
 * The project's knowledge/ folder, found by walking up from this module: it sits two levels up in the
 * source tree and one level up in the bundled build (dist/).
 */
export const KNOWLEDGE_DIR = findKnowledgeDir(dirname(fileURLToPath(import.meta.url)));

function findKnowledgeDir(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'knowledge', CITATIONS_FILE))) return join(dir, 'knowledge');
    if (dirname(dir) === dir) return join(from, '..', '..', 'knowledge');
  }
}

export type LoadResult = { ok: true; kb: KnowledgeBase } | { ok: false; problems: string[] };

function listMarkdown(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md') && !/(^|\/)README\.md$/i.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** A knowledge file's text, or a problem naming the file (a directory called `x.md`, no permission…). */
function readText(path: string, file: string, problems: string[]): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push(`${file}:1: file: cannot be read (${code === 'EISDIR' ? 'it is a directory' : code ?? (error as Error).message}); make it a Markdown file or remove it`);
    return undefined;
  }
}

function readCitations(dir: string, problems: string[]): Map<string, CitationBase> {
  const citations = new Map<string, CitationBase>();
  const path = join(dir, CITATIONS_FILE);
  if (!existsSync(path)) return citations;
  const read = readYaml(readFileSync(path, 'utf8'), { prettyErrors: true });
  if (!read.ok) {
    problems.push(`${CITATIONS_FILE}:1: citations: not valid YAML: ${read.message.split('\n')[0]}`);
    return citations;
  }
  for (const [key, value] of Object.entries((read.data ?? {}) as Record<string, Record<string, unknown>>)) {
    if (typeof value?.source !== 'string') {
      problems.push(`${CITATIONS_FILE}:1: ${key}: needs a "source:" title`);
      continue;
    }
    const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
    citations.set(key, { source: value.source, publisher: str(value.publisher), date: str(value.date), url: str(value.url) });
  }
  return citations;
}

export interface LoadOptions {
  /**
   * Check articles' official text against the official copy (default). Off only for import-official,
   * which is about to replace both and must be able to run when they disagree.
   */
  checkOfficialText?: boolean;
}

export function loadKnowledge(dir: string = KNOWLEDGE_DIR, options: LoadOptions = {}): LoadResult {
  const problems: string[] = [];
  if (!existsSync(dir)) return { ok: false, problems: [`${dir}:1: knowledge: folder not found`] };
  const citations = readCitations(dir, problems);
  const entries: Entry[] = [];
  const files: { file: string; fm: FrontMatter }[] = [];
  for (const path of listMarkdown(dir)) {
    const file = relative(dir, path);
    const text = readText(path, file, problems);
    if (text === undefined) continue;
    const parsed = parseFrontMatter(text);
    if (parsed.ok) files.push({ file, fm: parsed.value });
    else problems.push(`${file}:${parsed.line}: front matter: ${parsed.reason}`);
  }
  // Sources first: facts and terms may cite a source document by its id, like a citations.yml key.
  const isSource = (f: { fm: FrontMatter }) => f.fm.data.kind === 'source';
  for (const { file, fm } of [...files.filter(isSource), ...files.filter((f) => !isSource(f))]) {
    const entry = readEntry(file, fm, citations, problems);
    if (!entry) continue;
    entries.push(entry);
    if (entry.kind === 'source' && !citations.has(entry.id)) {
      const { locator: _whole, ...base } = entry.citation;
      citations.set(entry.id, base);
    }
  }
  for (const source of entries.filter((e): e is SourceEntry => e.kind === 'source')) {
    for (const heading of source.sections) {
      if (!source.text.split(/\n\s*\n/).some((p) => p.trim() === heading)) {
        problems.push(`${source.origin.file}:1: sections: "${heading}" is not a paragraph of the text`);
      }
    }
    entries.push(...splitSource(source));
  }
  // Links between entries are checked only once every file reads cleanly: a file that failed to parse
  // would otherwise show up again as every link pointing to it.
  if (!problems.length) checkCrossReferences(entries, problems);
  if (!problems.length) resolveDated(entries, problems);
  if (!problems.length && options.checkOfficialText !== false) checkOfficialText(dir, entries, problems);
  const lexicon = problems.length ? EMPTY_LEXICON : readLexicon(dir, vocabularyOf(entries), problems);
  if (problems.length) return { ok: false, problems };
  const articles = entries.filter((e): e is ArticleEntry => e.kind === 'article').sort((a, b) => a.number - b.number);
  const chapters = entries.filter((e): e is ChapterEntry => e.kind === 'chapter').sort((a, b) => a.number - b.number);
  return { ok: true, kb: { entries, lexicon, byId: new Map(entries.map((e) => [e.id, e])), articles, chapters } };
}

/** Whether a word occurs in some entry, as the search index would see it (stemmed, so "crimes" knows "crime"). */
function vocabularyOf(entries: Entry[]): (word: string) => boolean {
  const terms = new Set<string>();
  for (const e of entries) {
    if (e.kind === 'source') continue;
    for (const w of tokenize(`${e.title} ${e.aliases.join(' ')} ${e.text}`)) {
      const t = processTerm(w);
      if (t) terms.add(t);
    }
  }
  return (word) => {
    const t = processTerm(word);
    return t === null || terms.has(t);
  };
}

/** Checks that need every entry: unique ids, complete article numbering, links that resolve, verbatim quotes. */
function checkCrossReferences(entries: Entry[], problems: string[]): void {
  const at = (e: Entry, field: string, reason: string) => problems.push(`${e.origin.file}:${e.origin.lines?.[field] ?? e.origin.line}: ${field}: ${reason}`);
  const ids = new Map<string, Entry>();
  for (const e of entries) {
    const first = ids.get(e.id);
    if (first) at(e, 'id', `"${e.id}" is already used by ${first.origin.file}`);
    else ids.set(e.id, e);
  }

  const chapters = new Map<number, ChapterEntry>();
  for (const c of entries) {
    if (c.kind !== 'chapter') continue;
    if (chapters.has(c.number)) at(c, 'number', `chapter ${c.number} is also defined in ${chapters.get(c.number)!.origin.file}`);
    else chapters.set(c.number, c);
  }
  const articles = new Map<number, ArticleEntry>();
  for (const a of entries) {
    if (a.kind !== 'article') continue;
    if (articles.has(a.number)) at(a, 'number', `article ${a.number} is also defined in ${articles.get(a.number)!.origin.file}`);
    else articles.set(a.number, a);
  }
  // The chapters' ranges say which articles exist: each must have exactly one file, in its chapter.
  for (const c of chapters.values()) {
    for (let n = c.articles.first; n <= c.articles.last; n++) {
      const a = articles.get(n);
      if (!a) at(c, 'articles', `article ${n} of chapter ${c.roman} has no file (expected knowledge/articles/article-${String(n).padStart(2, '0')}.md)`);
      else if (a.chapter.number !== c.number) at(a, 'chapter', `article ${n} belongs to chapter ${c.number} (${c.roman}), whose range is ${c.articles.first}-${c.articles.last}`);
    }
  }
  const articleCount = Math.max(0, ...[...chapters.values()].map((c) => c.articles.last));
  for (const a of articles.values()) {
    const c = chapters.get(a.chapter.number);
    if (!c) at(a, 'chapter', `chapter ${a.chapter.number} has no file in knowledge/chapters/`);
    else a.chapter = { number: c.number, roman: c.roman, title: c.title };
    if (a.number > articleCount) at(a, 'number', `article ${a.number} is outside every chapter's range`);
    for (const r of a.related) if (!articles.has(r)) at(a, 'related', `article ${r} does not exist`);
  }
  for (const e of entries) {
    if ((e.kind === 'fact' || e.kind === 'term') && e.articles.some((n) => !articles.has(n))) {
      at(e, 'articles', `lists an article that does not exist (${e.articles.filter((n) => !articles.has(n)).join(', ')})`);
    }
    if (e.kind === 'quote') {
      const source = ids.get(e.sourceId);
      if (!source || source.kind !== 'source') {
        at(e, 'source', `"${e.sourceId}" is not the id of a source in knowledge/sources/`);
        continue;
      }
      const quoted = foldSpace(e.text);
      const passage = entries.find((p) => p.kind === 'passage' && p.sourceId === source.id && foldSpace(p.text).includes(quoted));
      if (!passage || passage.kind !== 'passage') {
        at(e, 'text', `is not found verbatim in source "${source.id}" (quotes must match the source word for word)`);
        continue;
      }
      e.citation = { ...source.citation, locator: passage.citation.locator };
    }
  }
}

/**
 * An article's official text is shown as a verbatim quotation, so, like a quote, it must appear word for
 * word in the official copy it was imported from (knowledge/official/convention.txt).
 */
function checkOfficialText(dir: string, entries: Entry[], problems: string[]): void {
  const withText = entries.filter((e): e is ArticleEntry => e.kind === 'article' && e.officialText !== undefined);
  if (!withText.length) return;
  const path = join(dir, OFFICIAL_COPY);
  const copy = existsSync(path) ? foldSpace(readFileSync(path, 'utf8')) : undefined;
  for (const a of withText) {
    const line = a.origin.lines?.officialText ?? a.origin.line;
    if (copy === undefined) problems.push(`${a.origin.file}:${line}: officialText: there is no official copy (${OFFICIAL_COPY}) to check it against; add the text with npm run knowledge -- import-official FILE`);
    else if (!copy.includes(foldSpace(a.officialText!))) problems.push(`${a.origin.file}:${line}: officialText: is not found verbatim in ${OFFICIAL_COPY}`);
  }
}
