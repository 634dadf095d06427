// npm run ask -- "question"        a readable answer with quotes and citations
// npm run ask -- --json "question" the Answer as JSON
// npm run ask -- --jsonl           one question a line on stdin, one Answer JSON a line on stdout
import './lib/cli.js';
import { createInterface } from 'node:readline';
import { answerText } from '../adapters/shared/plainText.js';
import { openEngine } from '../src/knowledge/open.js';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const question = args.filter((a) => !a.startsWith('--')).join(' ');
const engine = openEngine();

if (flags.has('--jsonl')) {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    process.stdout.write(JSON.stringify(engine.ask(line)) + '\n');
  }
} else if (!question) {
  console.error('Usage: npm run ask -- [--json] "your question"   or   npm run ask -- --jsonl < questions.txt');
  process.exitCode = 2;
} else {
  const answer = engine.ask(question);
  console.log(flags.has('--json') ? JSON.stringify(answer, null, 2) : answerText(answer));
}
