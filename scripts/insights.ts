// npm run insights                                  the last 7 days, as text
// npm run insights -- --since 30d --platform slack  --format text|json|html  [--out FILE]
// npm run insights -- --to-eval FILE                refused and 👎 questions as evaluation lines to fill in
// Reads the bot's database (the same settings as npm start). With the embedded database, stop the bot
// first: its files belong to one process at a time.
import './lib/cli.js';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { insightsRows } from '../src/db/insights.js';
import { buildInsights, evalLines, insightsText } from '../src/insights/report.js';
import { describeDatabase, openConfiguredDatabase } from '../src/runtime/database.js';
import { databaseConfig, die } from './lib/database.js';
import { insightsHtml } from './lib/insightsHtml.js';

const USAGE = 'Usage: npm run insights -- [--since 7d|24h|2026-01-31] [--platform slack|discord|console] [--format text|json|html] [--out FILE] [--to-eval FILE]';

let args;
try {
  args = parseArgs({
    options: { since: { type: 'string', default: '7d' }, platform: { type: 'string' }, format: { type: 'string', default: 'text' }, out: { type: 'string' }, 'to-eval': { type: 'string' } },
  }).values;
} catch (error) {
  die(`${(error as Error).message}\n${USAGE}`);
}

/** "7d", "24h" or a date. */
function parseSince(text: string, now = Date.now()): Date | undefined {
  const rel = /^(\d{1,5})([dh])$/.exec(text.trim());
  if (rel) return new Date(now - Number(rel[1]) * (rel[2] === 'd' ? 86_400_000 : 3_600_000));
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? new Date(`${text.trim()}T00:00:00Z`) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

const since = parseSince(args.since!) ?? die(`--since: "${args.since}" is not 7d, 24h or a date such as 2026-01-31.\n${USAGE}`);
if (!['text', 'json', 'html'].includes(args.format!)) die(`--format: "${args.format}" is not text, json or html.\n${USAGE}`);
if (args.platform && !['slack', 'discord', 'console'].includes(args.platform)) die(`--platform: "${args.platform}" is not slack, discord or console.\n${USAGE}`);

const config = databaseConfig();
const db = await openConfiguredDatabase(config).catch((e: Error) => die(`Cannot open the database (${describeDatabase(config)}): ${e.message}`));
const filter = { since, platform: args.platform };
const report = buildInsights(await insightsRows(db.sql, filter), filter);
await db.close();

if (args['to-eval']) {
  const lines = evalLines(report);
  writeFileSync(args['to-eval'], lines.length ? `${lines.join('\n')}\n` : '');
  console.error(`Wrote ${lines.length} question(s) to ${args['to-eval']}: fill in each "expect", then add them to test/eval/questions.jsonl.`);
} else {
  const out = args.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : args.format === 'html' ? insightsHtml(report) : insightsText(report);
  if (args.out) {
    writeFileSync(args.out, out);
    console.error(`Wrote ${args.out}`);
  } else if (args.format === 'html') {
    const file = 'insights.html';
    writeFileSync(file, out);
    console.error(`Wrote ${file}: open it in a browser (it needs no network).`);
  } else process.stdout.write(out);
}
