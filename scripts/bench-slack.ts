// npm run bench:slack: 2 000 signed /treaty commands, 50 at a time, against the real Bolt app in HTTP
// mode on loopback, answering through a local response URL. Prints p50/p99 acknowledgement latency
// (until the client has Slack's HTTP 200) and answer latency (until the response URL has the answer).
// npm run bench:slack -- --open-loop: commands arrive at fixed rates (100, 300, 600, 900 a second, or
// BENCH_RATES), for BENCH_SECONDS each (5), whatever the app's state, as users' do; per rate it prints
// acknowledgement p99, answer p50/p99, how many were told "busy", and the app's peak RSS.
// The app runs in this process; the load generator and the fake Slack run in a child process, as
// Slack runs on other machines, so they do not compete with the app for its event loop.
import { fork } from 'node:child_process';
import { cpus } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { createSlackApp } from '../adapters/slack/index.js';
import { openEngine } from '../src/knowledge/open.js';
import { createHandler } from '../src/runtime/handler.js';
import { createMemoryRateLimiter } from '../src/runtime/rateLimit.js';
import { startFakeSlack } from '../test/slack/fakeSlack.js';
import { signedHeaders } from '../test/slack/sign.js';
import { createMemoryStore } from '../src/runtime/state/store.js';
import { BUSY_MESSAGE } from '../adapters/shared/messages.js';

const TOTAL = Number(process.env.BENCH_TOTAL ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const WARM_UP = 200;
const SECRET = 'bench-signing-secret';

const QUESTIONS = [
  ...Array.from({ length: 68 }, (_, i) => `article ${i + 1}`),
  'chapter 2', 'chapter IV', 'quotes', 'quotes HRW', 'timeline', 'sources', 'help',
  'what are the objectives?', 'does it cover ransomware?', 'when does it enter into force?',
  'what did civil society say?', 'how do I cook pasta', 'what about human rights safeguards?',
];

interface Sample { ack: number; answer: number; status: number; busy?: boolean }
type ToWorker = { port: number };
type FromWorker = { apiUrl: string } | { done: true; samples: Sample[]; seconds: number; cpuMs: number };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Child process: Slack's side. Starts the fake Web API and response URLs, then sends the load. */
async function slackSide(): Promise<void> {
  const send = (m: FromWorker) => process.send!(m);
  const fake = await startFakeSlack();
  const started = new Promise<ToWorker>((resolve) => process.once('message', (m) => resolve(m as ToWorker)));
  send({ apiUrl: fake.apiUrl });
  const { port: appPort } = await started;
  const endpoint = `http://127.0.0.1:${appPort}/slack/events`;

  async function one(i: number): Promise<Sample> {
    const responseUrl = fake.responseUrl();
    const body = new URLSearchParams({
      team_id: 'T0BENCH', channel_id: 'C0BENCH', user_id: `U${i}`, user_name: `user${i}`, command: '/treaty',
      text: QUESTIONS[i % QUESTIONS.length]!, response_url: responseUrl, trigger_id: `${i}`,
    }).toString();
    const answered = fake.responseAt(new URL(responseUrl).pathname);
    const started = performance.now();
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(SECRET, body) },
      body,
    });
    const busy = (await res.text()).includes(BUSY_MESSAGE); // shed: the acknowledgement is the reply
    const ack = performance.now() - started;
    if (busy) return { ack, answer: ack, status: res.status, busy };
    await answered;
    return { ack, answer: performance.now() - started, status: res.status };
  }

  async function run(count: number, offset: number) {
    const samples: Sample[] = [];
    let next = 0;
    const worker = async () => {
      while (next < count) samples.push(await one(offset + next++));
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return { samples, seconds: (performance.now() - started) / 1000 };
  }

  await run(WARM_UP, 1_000_000);
  const cpu = process.cpuUsage();
  const result = await run(TOTAL, 0);
  const used = process.cpuUsage(cpu);
  await fake.close();
  send({ done: true, ...result, cpuMs: (used.user + used.system) / 1000 });
  process.disconnect();
}

/** The app, exactly as in production except for the API URL and a silent logger. */
async function startApp(apiUrl: string) {
  const engine = openEngine();
  const logger = pino({ level: 'silent' });
  // Users are distinct per request and the limiter generous: this measures the app, not the limit.
  const handler = createHandler({ engine, logger, rateLimiter: createMemoryRateLimiter(1_000_000), maxQuestionLength: 500 });
  const slack = createSlackApp(
    { handler, engine, logger, store: createMemoryStore(), health: { isReady: () => true }, config: { botToken: 'xoxb-bench', mode: 'http', signingSecret: SECRET, port: 0, apiUrl, publicAnswers: false } },
    { host: '127.0.0.1' },
  );
  await slack.start();
  return slack;
}

/** Main thread: the app. */
async function appSide(): Promise<void> {
  const worker = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, BENCH_ROLE: 'slack' }, execArgv: ['--import', 'tsx'] });
  const messages: FromWorker[] = [];
  let wake: (() => void) | undefined;
  worker.on('message', (m: FromWorker) => {
    messages.push(m);
    wake?.();
  });
  worker.on('error', (error) => {
    console.error(error);
    process.exit(1);
  });
  const next = async () => {
    while (!messages.length) await new Promise<void>((resolve) => { wake = resolve; });
    return messages.shift()!;
  };

  const { apiUrl } = (await next()) as { apiUrl: string };
  const slack = await startApp(apiUrl);
  worker.send({ port: slack.port! } satisfies ToWorker);
  // The app's CPU time includes the warm-up; the figure per command is an upper bound.
  const cpu = process.cpuUsage();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const { samples, seconds, cpuMs } = (await next()) as { samples: Sample[]; seconds: number; cpuMs: number };
  const used = process.cpuUsage(cpu);
  const appCpuMs = (used.user + used.system) / 1000;
  loop.disable();
  await slack.stop();
  await new Promise((resolve) => worker.once('exit', resolve));

  const acked = samples.filter((s) => s.status === 200).length;
  const acks = samples.map((s) => s.ack).sort((a, b) => a - b);
  const answers = samples.map((s) => s.answer).sort((a, b) => a - b);
  console.log(`slash commands: ${TOTAL}, ${CONCURRENCY} at a time (after ${WARM_UP} to warm up), Node ${process.version}`);
  console.log(`acknowledged:   ${acked}/${TOTAL}; answered: ${samples.length}/${TOTAL} (${samples.filter((s) => s.busy).length} told busy); ${(TOTAL / seconds).toFixed(0)} commands/s`);
  console.log(`ack latency:    p50 ${ms(percentile(acks, 50))}, p99 ${ms(percentile(acks, 99))}, max ${ms(acks.at(-1)!)}`);
  console.log(`answer latency: p50 ${ms(percentile(answers, 50))}, p99 ${ms(percentile(answers, 99))}, max ${ms(answers.at(-1)!)}`);
  console.log(`CPU per command: app ${(appCpuMs / (TOTAL + WARM_UP)).toFixed(2)} ms, fake Slack and load generator ${(cpuMs / TOTAL).toFixed(2)} ms (${cpus().length} CPUs)`);
  console.log(`app event-loop delay: p50 ${ms(loop.percentile(50) / 1e6)}, p99 ${ms(loop.percentile(99) / 1e6)}, max ${ms(loop.max / 1e6)}`);
  if (acked !== TOTAL || samples.length !== TOTAL) process.exitCode = 1;
}

// ---- open loop: commands arrive at a fixed rate, whatever the app's state (as users' do) ----

interface OpenSample { ack: number; answer: number | undefined; status: number; busy: boolean }
type OpenToWorker = { port: number } | { rate: number; seconds: number };
type OpenFromWorker = { apiUrl: string } | { samples: OpenSample[] };

/** How long after the last arrival the generator waits for answers before counting them missing. */
const GRACE_MS = 10_000;

/** Child process: sends `rate` commands a second for `seconds`, each on schedule, never waiting for replies. */
async function openLoopSlackSide(): Promise<void> {
  const send = (m: OpenFromWorker) => process.send!(m);
  const fake = await startFakeSlack();
  const inbox: OpenToWorker[] = [];
  let wake: (() => void) | undefined;
  process.on('message', (m) => { inbox.push(m as OpenToWorker); wake?.(); });
  const next = async () => {
    while (!inbox.length) await new Promise<void>((resolve) => { wake = resolve; });
    return inbox.shift()!;
  };
  send({ apiUrl: fake.apiUrl });
  const { port } = (await next()) as { port: number };
  const endpoint = `http://127.0.0.1:${port}/slack/events`;
  let n = 0;

  async function one(): Promise<OpenSample> {
    const i = n++;
    const responseUrl = fake.responseUrl();
    const body = new URLSearchParams({
      team_id: 'T0BENCH', channel_id: 'C0BENCH', user_id: `U${i}`, user_name: `user${i}`, command: '/treaty',
      text: QUESTIONS[i % QUESTIONS.length]!, response_url: responseUrl, trigger_id: `${i}`,
    }).toString();
    const started = performance.now();
    let answerAt: number | undefined;
    let busy = false;
    const answered = fake.responseAt(new URL(responseUrl).pathname).then((reply) => {
      answerAt = performance.now() - started;
      busy = JSON.stringify(reply).includes(BUSY_MESSAGE);
    });
    let status = 0;
    try {
      const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(SECRET, body) }, body });
      // Under overload the acknowledgement itself says "busy" (the app sheds the command).
      if ((await res.text()).includes(BUSY_MESSAGE)) {
        busy = true;
        answerAt = performance.now() - started;
      }
      status = res.status;
    } catch {
      // refused or reset: not acknowledged
    }
    const ack = performance.now() - started;
    if (busy && answerAt !== undefined && answerAt <= ack) return { ack, answer: answerAt, status, busy };
    await Promise.race([answered, new Promise((resolve) => setTimeout(resolve, GRACE_MS))]);
    return { ack, answer: answerAt, status, busy };
  }

  for (;;) {
    const phase = await next();
    if (!('rate' in phase)) continue;
    const total = Math.round(phase.rate * phase.seconds);
    const pending: Promise<OpenSample>[] = [];
    const started = performance.now();
    // Every millisecond or so, send whatever is due by now: arrivals keep to the schedule even when
    // the app (or this process) falls behind.
    while (pending.length < total) {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * phase.rate) + 1);
      while (pending.length < due) pending.push(one());
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    send({ samples: await Promise.all(pending) });
  }
}

async function openLoopAppSide(rates: number[], seconds: number): Promise<void> {
  const worker = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, BENCH_ROLE: 'slack-open' }, execArgv: ['--import', 'tsx'] });
  const inbox: OpenFromWorker[] = [];
  let wake: (() => void) | undefined;
  worker.on('message', (m: OpenFromWorker) => { inbox.push(m); wake?.(); });
  const next = async () => {
    while (!inbox.length) await new Promise<void>((resolve) => { wake = resolve; });
    return inbox.shift()!;
  };
  const { apiUrl } = (await next()) as { apiUrl: string };
  const slack = await startApp(apiUrl);
  worker.send({ port: slack.port! } satisfies OpenToWorker);

  console.log(`open loop: ${seconds} s per rate, Node ${process.version}, ${cpus().length} CPUs; answers counted within ${GRACE_MS / 1000} s of the last arrival`);
  console.log('rate/s | sent | acked | ack p99 | answer p50 | answer p99 | busy | unanswered | within 3 s | peak RSS');
  let failed = false;
  for (const rate of rates) {
    global.gc?.();
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
    worker.send({ rate, seconds } satisfies OpenToWorker);
    const { samples } = (await next()) as { samples: OpenSample[] };
    clearInterval(sampler);
    const acked = samples.filter((s) => s.status === 200);
    const acks = acked.map((s) => s.ack).sort((a, b) => a - b);
    const answers = acked.filter((s) => s.answer !== undefined && !s.busy).map((s) => s.answer!).sort((a, b) => a - b);
    const busy = acked.filter((s) => s.busy).length;
    const unanswered = acked.filter((s) => s.answer === undefined).length;
    const inTime = acked.filter((s) => s.answer !== undefined && s.answer <= 3_000).length;
    const p = (xs: number[], q: number) => (xs.length ? ms(percentile(xs, q)) : '—');
    console.log([rate, samples.length, acked.length, p(acks, 99), p(answers, 50), p(answers, 99), busy, unanswered,
      `${((100 * inTime) / Math.max(1, acked.length)).toFixed(1)}%`, `${(peak / 2 ** 20).toFixed(0)} MiB`].join(' | '));
    if (unanswered) failed = true;
  }
  await slack.stop();
  worker.kill();
  if (failed) process.exitCode = 1;
}

const OPEN_LOOP = process.argv.includes('--open-loop');
const RATES = (process.env.BENCH_RATES ?? '100,300,600,900').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

if (process.env.BENCH_ROLE === 'slack') await slackSide();
else if (process.env.BENCH_ROLE === 'slack-open') await openLoopSlackSide();
else if (OPEN_LOOP) await openLoopAppSide(RATES, SECONDS);
else await appSide();
