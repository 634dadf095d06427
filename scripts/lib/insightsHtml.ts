// The insights report as one self-contained HTML page: Chart.js is inlined from node_modules and the
// data sits in the page, so it opens from a file, offline, and a Content-Security-Policy forbids every
// network request. Every text from the database is escaped.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Insights, QuestionGroup } from '../../src/insights/report.js';

const require = createRequire(import.meta.url);

function chartJs(): string {
  // The UMD build (a global Chart) sits beside the package's main file; "exports" hides its own path.
  return readFileSync(join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'), 'utf8');
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** JSON inside <script>: "<" escaped so no text can close the element. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ms = (x: number | null) => (x === null ? '–' : `${x.toFixed(2)} ms`);

function groupRows(groups: QuestionGroup[], toEval: boolean): string {
  if (!groups.length) return '<p class="none">None in this period.</p>';
  const rows = groups.map((g) => `<tr><td class="n">${g.count}</td><td>${g.examples.map(esc).join('<br>')}</td><td>${esc(g.reasons.join(', '))}</td>`
    + `${toEval ? '<td><a href="#add-to-eval">add it to the evaluation set</a></td>' : ''}</tr>`);
  return `<table><thead><tr><th>asked</th><th>questions (content words alike)</th><th>why</th>${toEval ? '<th></th>' : ''}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export function insightsHtml(r: Insights): string {
  const charts = {
    days: r.perDay.map((d) => d.day),
    answered: r.perDay.map((d) => d.answered),
    unsure: r.perDay.map((d) => d.unsure),
    refused: r.perDay.map((d) => d.refused),
    other: r.perDay.map((d) => d.total - d.answered - d.unsure - d.refused),
    topIds: r.topResults.map((t) => t.id),
    topCounts: r.topResults.map((t) => t.count),
  };
  const thumbs = r.thumbsDown.length
    ? `<table><thead><tr><th>when</th><th>question</th><th>shown</th><th>what was wrong</th></tr></thead><tbody>${r.thumbsDown.map((t) => `<tr><td>${esc(t.at.slice(0, 16).replace('T', ' '))}</td>`
      + `<td>${esc(t.question ?? '(question not kept)')}</td><td>${esc(t.resultIds.slice(0, 3).join(', '))}</td><td>${esc(t.comment ?? '')}</td></tr>`).join('')}</tbody></table>`
    : '<p class="none">None in this period.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Treaty bot insights since ${esc(r.since.slice(0, 10))}</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1000px;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;min-width:9rem}
.card b{display:block;font-size:1.4rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:.35rem;text-align:left;vertical-align:top}
td.n{text-align:right;width:4rem}.none{color:#666}.chart{position:relative;height:280px}code,pre{background:#f5f5f5;padding:.1rem .3rem}
</style></head><body>
<h1>Treaty bot insights</h1>
<p>Since ${esc(r.since.slice(0, 10))}${r.platform ? ` on ${esc(r.platform)}` : ''}: <b>${r.total}</b> question(s).${r.redacted ? ` ${r.redacted} kept without text (LOG_QUESTIONS=redacted).` : ''}</p>
<div class="cards">
<div class="card">answered<b>${pct(r.rates.answered)}</b></div><div class="card">unsure<b>${pct(r.rates.unsure)}</b></div>
<div class="card">refused<b>${pct(r.rates.refused)}</b></div><div class="card">answer time p50<b>${ms(r.latencyMs.p50)}</b></div>
<div class="card">p99<b>${ms(r.latencyMs.p99)}</b></div><div class="card">👍 / 👎<b>${r.votes.up} / ${r.votes.down}</b></div>
</div>
<h2>Questions per day</h2><div class="chart"><canvas id="per-day" aria-label="Questions per day by outcome"></canvas></div>
<h2>Most frequent refused questions</h2>${groupRows(r.refused, true)}
<h2>Most frequent unsure questions</h2>${groupRows(r.unsure, false)}
<h2>Answers judged 👎</h2>${thumbs}
<h2>Most asked articles and topics</h2><div class="chart"><canvas id="top-results" aria-label="Most asked articles and topics"></canvas></div>
<p>Kinds of question: ${esc(r.intents.map((i) => `${i.intent} ${i.count}`).join(' · ') || 'none')}</p>
<h2 id="add-to-eval">Add a question to the evaluation set</h2>
<ol>
<li>Run <code>npm run insights -- --to-eval new-questions.jsonl</code>: every refused and 👎 question becomes a line <code>{"q": "…", "expect": ["FILL IN …"]}</code>.</li>
<li>For each line, read the knowledge base (<code>knowledge/</code>): if it should answer, put a phrase the right passage contains in <code>expect</code>; if the question is out of the convention's scope, set <code>"expect": null</code>.</li>
<li>Append the lines to <code>test/eval/questions.jsonl</code> and run <code>npm run eval</code>. A question the bot should answer but cannot is fixed at the cause (a missing passage, alias or glossary term in <code>knowledge/</code>), never by special-casing the question.</li>
</ol>
<script type="application/json" id="data">${scriptJson(charts)}</script>
<script>${chartJs()}</script>
<script>
const d = JSON.parse(document.getElementById('data').textContent);
const common = { responsive: true, maintainAspectRatio: false, animation: false };
new Chart(document.getElementById('per-day'), { type: 'bar', data: { labels: d.days, datasets: [
  { label: 'answered', data: d.answered, backgroundColor: '#2e7d32' }, { label: 'unsure', data: d.unsure, backgroundColor: '#f9a825' },
  { label: 'refused', data: d.refused, backgroundColor: '#c62828' }, { label: 'other (limits, help)', data: d.other, backgroundColor: '#9e9e9e' } ] },
  options: { ...common, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } } });
new Chart(document.getElementById('top-results'), { type: 'bar', data: { labels: d.topIds, datasets: [{ label: 'questions', data: d.topCounts, backgroundColor: '#009edb' }] },
  options: { ...common, indexAxis: 'y', plugins: { legend: { display: false } } } });
document.body.dataset.charts = String(Chart.instances ? Object.keys(Chart.instances).length : 0);
</script>
</body></html>
`;
}
