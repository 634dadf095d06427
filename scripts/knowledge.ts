// npm run knowledge -- check                 counts by kind; exits 1 listing every problem
// npm run --silent knowledge -- export --jsonl   every entry as one JSON object a line
// npm run knowledge -- import-official FILE  fill articles' official text from a plain-text copy
import './lib/cli.js';
import { readFileSync } from 'node:fs';
import { importOfficialText } from '../src/knowledge/importOfficial.js';
import { KNOWLEDGE_DIR, loadKnowledge, type LoadOptions } from '../src/knowledge/load.js';
import type { Entry } from '../src/knowledge/types.js';

const [command, ...args] = process.argv.slice(2);
const dirFlag = args.indexOf('--dir');
const dir = dirFlag === -1 ? KNOWLEDGE_DIR : args[dirFlag + 1]!;

function load(options: LoadOptions = {}) {
  const loaded = loadKnowledge(dir, options);
  if (!loaded.ok) {
    console.error(`${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'} in ${dir}:`);
    for (const p of loaded.problems) console.error(`  ${p}`);
    process.exit(1);
  }
  return loaded.kb;
}

/** An entry as exported: every field but the loader's bookkeeping. */
function exported(entry: Entry): Record<string, unknown> {
  const { origin: _origin, ...rest } = entry;
  // A source's passage marks are a Map (by paragraph), which JSON would write as {}.
  if (entry.kind === 'source') return { ...rest, passageMarks: Object.fromEntries([...entry.passageMarks].map(([n, { line: _line, ...marks }]) => [n, marks])) };
  return rest;
}

switch (command) {
  case 'check': {
    const kb = load();
    const counts = new Map<string, number>();
    for (const e of kb.entries) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
    const withOfficial = kb.articles.filter((a) => a.officialText).length;
    console.log(`Knowledge base OK: ${kb.entries.length} entries`);
    for (const [kind, n] of [...counts].sort()) console.log(`  ${kind.padEnd(8)} ${n}`);
    console.log(`  official text imported for ${withOfficial} of ${kb.articles.length} articles`);
    break;
  }
  case 'export': {
    if (!args.includes('--jsonl')) {
      console.error('Usage: npm run --silent knowledge -- export --jsonl');
      process.exit(2);
    }
    for (const e of load().entries) process.stdout.write(JSON.stringify(exported(e)) + '\n');
    break;
  }
  case 'import-official': {
    const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--dir');
    if (!file) {
      console.error('Usage: npm run knowledge -- import-official FILE   (plain text, articles introduced by lines like "Article 7")');
      process.exit(2);
    }
    // The official texts are about to be replaced, so they are not checked against the old copy first.
    const kb = load({ checkOfficialText: false });
    const report = importOfficialText(dir, kb.articles, readFileSync(file, 'utf8'));
    console.log(`Filled the official text of ${report.filled.length} article${report.filled.length === 1 ? '' : 's'}.`);
    if (report.missing.length) console.log(`Not found in ${file}: article${report.missing.length === 1 ? '' : 's'} ${report.missing.join(', ')}`);
    for (const m of report.titleMismatches) console.log(`Article ${m.number}: title in the file is "${m.found}", the knowledge base has "${m.expected}"`);
    const after = loadKnowledge(dir);
    if (!after.ok) {
      console.error(after.problems.join('\n'));
      process.exit(1);
    }
    break;
  }
  default:
    console.error('Usage: npm run knowledge -- check | export --jsonl | import-official FILE  [--dir DIR]');
    process.exit(2);
}
