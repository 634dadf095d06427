// knowledge/lexicon.yml: the everyday words people use, mapped to the convention's words.
//   casual:   text-speak and casual spellings → plain words, applied to a question before anything
//             else ("u" → "you", "pls" → "please", "tbh" → nothing).
//   frames:   phrases that only frame a question ("where does that land", "for a footnote"): dropped
//             after casual spellings are written out, so they count as neither known nor unknown.
//   concepts: words and phrases people use → the convention's words for the same thing
//             ("teens" → "child", "locked up" → "imprisonment sanctions", "feds" → "law enforcement").
// Checked like the rest of the knowledge base: every `means` word must occur in some entry (a word
// the knowledge base lacks could never find anything), and no word may be mapped twice.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readYaml, toJS } from './yaml.js';

export const LEXICON_FILE = 'lexicon.yml';

export interface Concept {
  /** The everyday words and phrases, folded to lower case, words separated by single spaces. */
  words: string[];
  /** The knowledge base's words for them, as written. */
  means: string;
  line: number;
}

export interface Lexicon {
  /** Casual spelling (one word, lower case) → plain words ('' drops the word). */
  casual: Map<string, string>;
  /** Phrases (two words or more, folded, single spaces) that only frame a question. */
  frames: string[];
  concepts: Concept[];
}

export const EMPTY_LEXICON: Lexicon = { casual: new Map(), frames: [], concepts: [] };

const phrase = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');

/**
 * Read and check the lexicon. `knows(word)` says whether a `means` word occurs in the knowledge base;
 * every problem is pushed as `lexicon.yml:line: field: reason`.
 */
export function readLexicon(dir: string, knows: (word: string) => boolean, problems: string[]): Lexicon {
  const path = join(dir, LEXICON_FILE);
  if (!existsSync(path)) return EMPTY_LEXICON;
  const read = readYaml(readFileSync(path, 'utf8'));
  if (!read.ok) {
    problems.push(`${LEXICON_FILE}:${read.line}: lexicon: not valid YAML: ${read.message.split('\n')[0]}`);
    return EMPTY_LEXICON;
  }
  const problem = (node: { line: number } | null, field: string, reason: string) => problems.push(`${LEXICON_FILE}:${node?.line ?? 1}: ${field}: ${reason}`);
  const root = read.tree;
  if (!root || !('pairs' in root)) {
    problem(root, 'lexicon', 'must have "casual:" and "concepts:" sections');
    return EMPTY_LEXICON;
  }
  const casual = new Map<string, string>();
  const frames: string[] = [];
  const concepts: Concept[] = [];
  const mapped = new Map<string, number>();
  for (const { key: section, line: sectionLine, value } of root.pairs) {
    if (section === 'casual') {
      if (!('pairs' in value)) { problem(value, 'casual', 'must be "word: plain words" lines'); continue; }
      for (const item of value.pairs) {
        const from = item.key;
        const to = 'scalar' in item.value ? String(item.value.scalar ?? '') : undefined;
        if (!/^[a-z0-9]+$/.test(from)) problem(item, 'casual', `"${from}" must be one lower-case word`);
        else if (to === undefined) problem(item, `casual.${from}`, 'must be plain words, or \'\' to drop the word');
        else casual.set(from, phrase(to));
      }
    } else if (section === 'frames') {
      if (!('items' in value)) { problem(value, 'frames', 'must be a list of phrases, like [where does that land]'); continue; }
      for (const item of value.items) {
        const text = 'scalar' in item ? phrase(String(item.scalar ?? '')) : '';
        if (text.split(' ').length < 2) problem(item, 'frames', `"${text}" must be a phrase of two words or more (one word belongs in casual:)`);
        else frames.push(text);
      }
    } else if (section === 'concepts') {
      if (!('items' in value)) { problem(value, 'concepts', 'must be a list of "- words: [...]" / "means: ..." items'); continue; }
      for (const item of value.items) {
        const line = item.line;
        const data = 'pairs' in item ? (toJS(item) as Record<string, unknown>) : undefined;
        const words = Array.isArray(data?.words) ? (data.words as unknown[]).map((w) => phrase(String(w))).filter(Boolean) : [];
        const means = typeof data?.means === 'string' ? data.means.trim() : '';
        if (!data || !words.length) { problems.push(`${LEXICON_FILE}:${line}: words: must be a list of everyday words or phrases, like [teens, minors]`); continue; }
        if (!means) { problems.push(`${LEXICON_FILE}:${line}: means: is required: the knowledge base's words for them`); continue; }
        const unknown = phrase(means).split(' ').filter((w) => !knows(w));
        if (unknown.length) problems.push(`${LEXICON_FILE}:${line}: means: ${unknown.map((w) => `"${w}"`).join(', ')} not found in the knowledge base, so it could never find anything`);
        for (const key of Object.keys(data)) if (key !== 'words' && key !== 'means') problems.push(`${LEXICON_FILE}:${line}: ${key}: unknown field (expected words, means)`);
        for (const w of words) {
          const first = mapped.get(w);
          if (first !== undefined) problems.push(`${LEXICON_FILE}:${line}: words: "${w}" is already mapped on line ${first}`);
          else mapped.set(w, line);
        }
        concepts.push({ words, means, line });
      }
    } else {
      problem({ line: sectionLine }, section || 'lexicon', 'unknown section (expected casual, frames, concepts)');
    }
  }
  return { casual, frames, concepts };
}
