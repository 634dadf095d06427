// npm run bench:slack: 2 000 signed /treaty commands, 50 at a time, against the real Bolt app in HTTP
// mode on loopback, answering through a local response URL. Prints p50/p99 acknowledgement latency
// (until the client has Slack's HTTP 200) and answer latency (until the response URL has the answer).
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

interface Sample { ack: number; answer: number; status: number }
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
    await res.arrayBuffer();
    const ack = performance.now() - started;
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

/** Main thread: the app, exactly as in production except for the API URL and a silent logger. */
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
  const engine = openEngine();
  const logger = pino({ level: 'silent' });
  // Users are distinct per request and the limiter generous: this measures the app, not the limit.
  const handler = createHandler({ engine, logger, rateLimiter: createMemoryRateLimiter(1_000_000), maxQuestionLength: 500 });
  const slack = createSlackApp(
    { handler, engine, logger, store: createMemoryStore(), health: { isReady: () => true }, config: { botToken: 'xoxb-bench', mode: 'http', signingSecret: SECRET, port: 0, apiUrl, publicAnswers: false } },
    { host: '127.0.0.1' },
  );
  await slack.start();
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
  console.log(`acknowledged:   ${acked}/${TOTAL}; answered: ${samples.length}/${TOTAL}; ${(TOTAL / seconds).toFixed(0)} commands/s`);
  console.log(`ack latency:    p50 ${ms(percentile(acks, 50))}, p99 ${ms(percentile(acks, 99))}, max ${ms(acks.at(-1)!)}`);
  console.log(`answer latency: p50 ${ms(percentile(answers, 50))}, p99 ${ms(percentile(answers, 99))}, max ${ms(answers.at(-1)!)}`);
  console.log(`CPU per command: app ${(appCpuMs / (TOTAL + WARM_UP)).toFixed(2)} ms, fake Slack and load generator ${(cpuMs / TOTAL).toFixed(2)} ms (${cpus().length} CPUs)`);
  console.log(`app event-loop delay: p50 ${ms(loop.percentile(50) / 1e6)}, p99 ${ms(loop.percentile(99) / 1e6)}, max ${ms(loop.max / 1e6)}`);
  if (acked !== TOTAL || samples.length !== TOTAL) process.exitCode = 1;
}

if (process.env.BENCH_ROLE === 'slack') await slackSide();
else await appSide();
