// Read one knowledge file's front matter and body into a typed entry. Cross-entry facts (an article's
// chapter title, a quote's paragraph) are filled in by load.ts once every file has been read.
import { readMarks, readPassageMarks } from './dated.js';
import { Fields } from './fields.js';
import type { FrontMatter } from './frontmatter.js';
import { ENTRY_KINDS, STANCES, type Citation, type Entry } from './types.js';

export type CitationBase = Omit<Citation, 'locator'>;

/** Heading in an article file under which `import-official` writes the verbatim official text. */
export const OFFICIAL_TEXT_HEADING = '## Official text';

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ARTICLE = 999;

/** Fold the line breaks of a Markdown paragraph, keep paragraph breaks. */
export function foldText(body: string): string {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

export function readEntry(file: string, fm: FrontMatter, citations: Map<string, CitationBase>, problems: string[]): Entry | undefined {
  const f = new Fields(file, fm, problems);
  const before = problems.length;
  const id = f.str('id');
  if (id !== undefined && !ID_PATTERN.test(id)) f.problem('id', `"${id}" must be lower-case letters, digits and single dashes`);
  const kind = f.oneOf('kind', ENTRY_KINDS);
  const title = f.str('title');
  const aliases = f.strList('aliases');
  const asks = f.strList('asks');
  let body = fm.body;
  let officialText: string | undefined;
  const official = body.indexOf(OFFICIAL_TEXT_HEADING);
  if (kind === 'article' && official !== -1) {
    officialText = body.slice(official + OFFICIAL_TEXT_HEADING.length).trim() || undefined;
    body = body.slice(0, official);
  }
  // Sources keep their text byte for byte; everything else is Markdown prose.
  const text = kind === 'source' ? body : foldText(body);
  if (!text.trim()) f.problem('text', 'is empty: write the text below the closing "---" line', fm.bodyLine);

  const cited = (): CitationBase | undefined => {
    const key = f.str('cite');
    if (key === undefined) return undefined;
    const found = citations.get(key);
    if (!found) f.problem('cite', `"${key}" is not a key of knowledge/citations.yml`);
    return found;
  };
  const origin = { file, line: 1 };
  const base = { id: id ?? '', title: title ?? '', text, aliases, asks, origin };

  let entry: Entry | undefined;
  switch (kind) {
    case 'source': {
      const publisher = f.str('publisher');
      const date = f.date('date');
      const url = f.str('url', true);
      const sections = f.strList('sections');
      const notText = f.strList('notText');
      const passageMarks = readPassageMarks(f);
      entry = { ...base, kind, isSummary: false, sections, notText, passageMarks, citation: { source: base.title, publisher, date, url, locator: 'whole document' } };
      break;
    }
    case 'quote': {
      const sourceId = f.str('source') ?? '';
      entry = {
        ...base, kind, isSummary: false, sourceId,
        speaker: f.str('speaker') ?? '', role: f.str('role', true), organisation: f.str('organisation', true),
        stance: f.oneOf('stance', STANCES) ?? 'neutral', date: f.date('date') ?? '', ...readMarks(f),
        citation: { source: '', locator: '' }, // from the source, in load.ts
      };
      break;
    }
    case 'article': {
      const number = f.int('number', 1, MAX_ARTICLE) ?? 0;
      const chapter = f.int('chapter', 1, 99) ?? 0;
      const related = f.intList('related', 1, MAX_ARTICLE);
      if (related.includes(number)) f.problem('related', `lists the article itself (${number})`);
      const cite = cited();
      entry = {
        ...base, kind, isSummary: true, number, related, officialText,
        chapter: { number: chapter, roman: '', title: '' },
        citation: { ...(cite ?? { source: '' }), locator: `Article ${number}` },
      };
      break;
    }
    case 'chapter': {
      const number = f.int('number', 1, 99) ?? 0;
      const roman = f.str('roman') ?? '';
      const range = f.intList('articles', 1, MAX_ARTICLE);
      if (range.length !== 2 || range[0]! > range[1]!) f.problem('articles', 'must be [first, last], the chapter\'s first and last article numbers');
      const cite = cited();
      entry = {
        ...base, kind, isSummary: true, number, roman,
        articles: { first: range[0] ?? 0, last: range[1] ?? 0 },
        citation: { ...(cite ?? { source: '' }), locator: `Chapter ${roman}` },
      };
      break;
    }
    case 'fact':
    case 'term': {
      const date = kind === 'fact' ? f.date('date', true) : undefined;
      const checked = kind === 'fact' ? f.date('checked', true) : undefined;
      const articles = f.intList('articles', 1, MAX_ARTICLE);
      const cite = cited();
      const locator = f.str('locator') ?? '';
      const citation = { ...(cite ?? { source: '' }), locator };
      entry = kind === 'fact' ? { ...base, kind, isSummary: true, date, articles, citation, ...(checked ? { checked } : {}) } : { ...base, kind, isSummary: true, articles, citation };
      break;
    }
    case 'passage':
      f.problem('kind', 'passages are made from the paragraphs of a source; add or edit the source instead');
      break;
    case undefined:
      break;
  }
  f.checkUnknown();
  if (!entry || problems.length > before) return undefined;
  const officialLine = official === -1 ? undefined : fm.bodyLine + fm.body.slice(0, official).split('\n').length - 1;
  entry.origin.lines = { ...Object.fromEntries(fm.lines), text: fm.bodyLine, ...(officialLine ? { officialText: officialLine } : {}) };
  return entry;
}
