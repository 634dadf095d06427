// Fill articles' officialText from a plain-text copy of the official convention text, in which each
// article starts with a line "Article 7" followed by its title line. Parsing is separate from writing so
// it can be tested on a small text.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OFFICIAL_TEXT_HEADING } from './entries.js';
import type { ArticleEntry } from './types.js';

export interface OfficialArticle { number: number; title: string; text: string }

const ARTICLE_HEADING = /^\s*Article\s+(\d{1,3})\s*$/i;
// Chapter headings sit between articles; they end the previous article's text.
const CHAPTER_HEADING = /^\s*Chapter\s+[IVXLC]+\b/i;

export function parseOfficialText(text: string): OfficialArticle[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const articles: OfficialArticle[] = [];
  let current: { number: number; title?: string; body: string[] } | undefined;
  const finish = () => {
    if (current?.title) articles.push({ number: current.number, title: current.title, text: current.body.join('\n').replace(/\n{3,}/g, '\n\n').trim() });
  };
  for (const line of lines) {
    const heading = ARTICLE_HEADING.exec(line);
    if (heading) {
      finish();
      current = { number: Number(heading[1]), body: [] };
    } else if (CHAPTER_HEADING.test(line)) {
      finish();
      current = undefined;
    } else if (current && current.title === undefined) {
      if (line.trim()) current.title = line.trim();
    } else if (current) {
      current.body.push(line.trimEnd());
    }
  }
  finish();
  return articles;
}

export interface ImportReport { filled: number[]; missing: number[]; titleMismatches: { number: number; expected: string; found: string }[] }

/** Where the imported official copy is kept, so the loader can check every article's text against it. */
export const OFFICIAL_COPY = join('official', 'convention.txt');

/**
 * Write each found article's text under the "## Official text" heading of its file, and keep the whole
 * copy at knowledge/official/convention.txt.
 */
export function importOfficialText(dir: string, articles: ArticleEntry[], officialText: string): ImportReport {
  mkdirSync(join(dir, 'official'), { recursive: true });
  writeFileSync(join(dir, OFFICIAL_COPY), officialText);
  const found = new Map(parseOfficialText(officialText).map((a) => [a.number, a]));
  const report: ImportReport = { filled: [], missing: [], titleMismatches: [] };
  for (const article of articles) {
    const official = found.get(article.number);
    if (!official || !official.text) {
      report.missing.push(article.number);
      continue;
    }
    if (official.title.toLowerCase() !== article.title.toLowerCase()) {
      report.titleMismatches.push({ number: article.number, expected: article.title, found: official.title });
    }
    const path = join(dir, article.origin.file);
    const content = readFileSync(path, 'utf8');
    const at = content.indexOf(OFFICIAL_TEXT_HEADING);
    const kept = (at === -1 ? content : content.slice(0, at)).trimEnd();
    writeFileSync(path, `${kept}\n\n${OFFICIAL_TEXT_HEADING}\n\n${official.text}\n`);
    report.filled.push(article.number);
  }
  return report;
}
