// npm run bench:fleet: 1, 2 and 3 Slack HTTP replicas (the built bundle, each its own process) behind
// the round-robin proxy, with memory state and with Redis (127.0.0.1:6379, or BENCH_REDIS_URL), each
// sent BENCH_TOTAL signed /treaty commands 50 at a time. Prints throughput, acknowledgement p50/p99
// and answer p99 per run, and checks that every command was acknowledged and answered exactly once.
// The replicas, the proxy, the fake Slack and this load generator share the machine's CPUs: on a
// 2-CPU machine throughput cannot grow with replicas; what this shows is the cost of sharing state.
import { cpus } from 'node:os';
import { uniquePrefix } from '../test/helpers/redis.js';
import { buildBundle, pool, slackClient, startFleet } from '../test/fleet/fleet.js';
import type { FakeSlack } from '../test/slack/fakeSlack.js';

const TOTAL = Number(process.env.BENCH_TOTAL ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const WARM_UP = 100;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const QUESTIONS = [
  ...Array.from({ length: 68 }, (_, i) => `article ${i + 1}`),
  'chapter 2', 'quotes HRW', 'timeline', 'what are the objectives?', 'does it cover ransomware?', 'how do I cook pasta',
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

interface Sample { ack: number; answer: number; status: number; path: string }

async function burst(fake: FakeSlack, base: string, count: number, offset: number): Promise<{ samples: Sample[]; seconds: number }> {
  const slack = slackClient(fake);
  const started = performance.now();
  const samples = await pool(count, CONCURRENCY, async (i) => {
    const t0 = performance.now();
    // Distinct users: this measures the fleet, not the rate limit (set high anyway).
    const { status, responseUrl } = await slack.command(base, QUESTIONS[(offset + i) % QUESTIONS.length]!, `U${offset + i}`);
    const ack = performance.now() - t0;
    const path = new URL(responseUrl).pathname;
    await fake.responseAt(path);
    return { ack, answer: performance.now() - t0, status, path };
  });
  return { samples, seconds: (performance.now() - started) / 1000 };
}

async function run(replicaCount: number, state: 'memory' | 'redis'): Promise<boolean> {
  const fleet = await startFleet(replicaCount, { ...(state === 'redis' ? { redisUrl: REDIS_URL, redisPrefix: uniquePrefix('bench') } : {}), env: { LOG_LEVEL: 'warn' } });
  const { fake, proxy } = fleet;
  try {
    await burst(fake, proxy.url, WARM_UP, 1_000_000);
    const { samples, seconds } = await burst(fake, proxy.url, TOTAL, 0);
    await new Promise((resolve) => setTimeout(resolve, 300)); // any late duplicate would arrive by now
    const perPath = new Map<string, number>();
    for (const r of fake.responses) perPath.set(r.path, (perPath.get(r.path) ?? 0) + 1);
    const acked = samples.filter((s) => s.status === 200).length;
    const twice = samples.filter((s) => (perPath.get(s.path) ?? 0) > 1).length;
    const lost = samples.filter((s) => !perPath.has(s.path)).length;
    const acks = samples.map((s) => s.ack).sort((a, b) => a - b);
    const answers = samples.map((s) => s.answer).sort((a, b) => a - b);
    console.log(`${replicaCount} replica${replicaCount > 1 ? 's' : ' '} ${state.padEnd(6)} | ${(TOTAL / seconds).toFixed(0).padStart(5)} commands/s | ack p50 ${ms(percentile(acks, 50)).padStart(8)}, p99 ${ms(percentile(acks, 99)).padStart(8)} | answer p99 ${ms(percentile(answers, 99)).padStart(8)} | acknowledged ${acked}/${TOTAL}, answered twice ${twice}, lost ${lost}`);
    return acked === TOTAL && twice === 0 && lost === 0;
  } finally {
    await fleet.close();
  }
}

buildBundle('bench-fleet');
console.log(`bench:fleet: ${TOTAL} signed /treaty commands, ${CONCURRENCY} at a time (after ${WARM_UP} to warm up), Node ${process.version}, ${cpus().length} CPUs`);
let ok = true;
// Memory and Redis side by side for each replica count, so each pair runs under similar machine load.
for (const n of [1, 2, 3]) {
  for (const state of ['memory', 'redis'] as const) ok = (await run(n, state)) && ok;
}
if (!ok) process.exitCode = 1;
