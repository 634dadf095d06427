// knowledge/lexicon.yml: the everyday words people use, mapped to the convention's words.
//   casual:   text-speak and casual spellings → plain words, applied to a question before anything
//             else ("u" → "you", "pls" → "please", "tbh" → nothing).
//   concepts: words and phrases people use → the convention's words for the same thing
//             ("teens" → "child", "locked up" → "imprisonment sanctions", "feds" → "law enforcement").
// Checked like the rest of the knowledge base: every `means` word must occur in some entry (a word
// the knowledge base lacks could never find anything), and no word may be mapped twice.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

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
  concepts: Concept[];
}

export const EMPTY_LEXICON: Lexicon = { casual: new Map(), concepts: [] };

const phrase = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');

/**
 * Read and check the lexicon. `knows(word)` says whether a `means` word occurs in the knowledge base;
 * every problem is pushed as `lexicon.yml:line: field: reason`.
 */
export function readLexicon(dir: string, knows: (word: string) => boolean, problems: string[]): Lexicon {
  const path = join(dir, LEXICON_FILE);
  if (!existsSync(path)) return EMPTY_LEXICON;
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  const problem = (node: Node | null | undefined, field: string, reason: string) => problems.push(`${LEXICON_FILE}:${lineOf(node)}: ${field}: ${reason}`);
  const error = doc.errors[0];
  if (error) {
    problems.push(`${LEXICON_FILE}:${lineCounter.linePos(error.pos[0]).line}: lexicon: not valid YAML: ${error.message.split('\n')[0]}`);
    return EMPTY_LEXICON;
  }
  if (!isMap(doc.contents)) {
    problem(doc.contents, 'lexicon', 'must have "casual:" and "concepts:" sections');
    return EMPTY_LEXICON;
  }
  const casual = new Map<string, string>();
  const concepts: Concept[] = [];
  const mapped = new Map<string, number>();
  for (const pair of doc.contents.items) {
    const section = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    if (section === 'casual') {
      if (!isMap(value)) { problem(value ?? (pair.key as Node), 'casual', 'must be "word: plain words" lines'); continue; }
      for (const item of value.items) {
        const from = isScalar(item.key) ? String(item.key.value) : '';
        const to = isScalar(item.value) ? String(item.value.value ?? '') : undefined;
        if (!/^[a-z0-9]+$/.test(from)) problem(item.key as Node, 'casual', `"${from}" must be one lower-case word`);
        else if (to === undefined) problem(item.key as Node, `casual.${from}`, 'must be plain words, or \'\' to drop the word');
        else casual.set(from, phrase(to));
      }
    } else if (section === 'concepts') {
      if (!isSeq(value)) { problem(value ?? (pair.key as Node), 'concepts', 'must be a list of "- words: [...]" / "means: ..." items'); continue; }
      for (const item of value.items as Node[]) {
        const line = lineOf(item);
        const data = isMap(item) ? (item.toJSON() as Record<string, unknown>) : undefined;
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
      problem(pair.key as Node, section || 'lexicon', 'unknown section (expected casual, concepts)');
    }
  }
  return { casual, concepts };
}
