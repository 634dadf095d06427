// HTTP mode under hostile traffic: large and slow unsigned bodies are cut off (memory stays bounded and
// /healthz answers meanwhile), timestamps from the future and replayed commands are refused, and
// unauthenticated rejections are summed up instead of logged one by one.
import { connect, type Socket } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET, startHarness, type Harness } from './harness.js';
import { signedHeaders } from './sign.js';
import type { Json } from './fakeSlack.js';

interface Attack { socket: Socket; status: Promise<string>; closed: Promise<number> }

/** A raw client that sends headers, then `body` bytes in `chunk`-sized pieces every `everyMs` ms. */
function attack(port: number, options: { declared?: number; total: number; chunk: number; everyMs: number }): Attack {
  const socket = connect(port, '127.0.0.1');
  const started = Date.now();
  const length = options.declared === undefined ? 'Transfer-Encoding: chunked' : `Content-Length: ${options.declared}`;
  socket.write(`POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${length}\r\n\r\n`);
  const piece = Buffer.alloc(options.chunk, 0x61);
  let sent = 0;
  const chunked = options.declared === undefined;
  let answered = false; // a client that has its answer stops sending, as HTTP clients do
  socket.once('data', () => { answered = true; });
  const send = () => {
    if (socket.destroyed || answered || sent >= options.total) return;
    sent += piece.length;
    const ok = chunked ? socket.write(`${piece.length.toString(16)}\r\n`) && socket.write(piece) && socket.write('\r\n') : socket.write(piece);
    if (options.everyMs > 0) setTimeout(send, options.everyMs);
    else if (ok) setImmediate(send);
    else socket.once('drain', send);
  };
  socket.on('connect', send);
  socket.on('error', () => undefined); // a reset once the server has answered is the expected end
  const status = new Promise<string>((resolve) => {
    socket.once('data', (d) => resolve(String(d).split('\r\n')[0] ?? ''));
    socket.once('close', () => resolve('closed without a response'));
  });
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now() - started)));
  return { socket, status, closed };
}

/**
 * Worst /healthz latency over `n` probes, while something else goes on. The target is about 100 ms; the
 * bound is wider because the attackers run in this process and the machine is shared.
 */
async function healthLatency(base: string, n = 5): Promise<number> {
  let worst = 0;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(`${base}/healthz`);
    await res.text();
    expect(res.status).toBe(200);
    worst = Math.max(worst, performance.now() - t);
    await new Promise((r) => setTimeout(r, 30));
  }
  return worst;
}

function rssSampler() {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  return { stop: () => { clearInterval(timer); return (peak - base) / 2 ** 20; } };
}

describe('request limits (HTTP mode)', () => {
  let h: Harness;
  let port: number;
  const lines: Json[] = [];
  beforeAll(async () => {
    const logger = pino({ level: 'info' }, { write: (l: string) => { lines.push(JSON.parse(l) as Json); } });
    h = await startHarness({ logger, app: { limits: { bodyTimeoutMs: 800, headersTimeoutMs: 800 }, rejectionSummaryMs: 400 } });
    port = h.slack.port!;
  });
  afterAll(() => h.close());

  it('40 unsigned 4 MB bodies: refused with 413 at once, memory bounded, /healthz answers meanwhile', async () => {
    await healthLatency(h.base, 1); // the probe's connection is open before the attack
    const rss = rssSampler();
    const attacks = Array.from({ length: 40 }, () => attack(port, { declared: 4 * 2 ** 20 - 1, total: 4 * 2 ** 20 - 1, chunk: 64 * 1024, everyMs: 0 }));
    const worst = await healthLatency(h.base);
    const statuses = await Promise.all(attacks.map((a) => a.status));
    await Promise.all(attacks.map((a) => a.closed));
    const grew = rss.stop();
    expect(statuses.every((s) => s.includes("413"))).toBe(true);
    expect(grew).toBeLessThan(80);
    expect(worst).toBeLessThan(400);
  });

  it('chunked bodies without a length are cut off past the limit', async () => {
    const attacks = Array.from({ length: 10 }, () => attack(port, { total: 2 * 2 ** 20, chunk: 16 * 1024, everyMs: 0 }));
    expect((await Promise.all(attacks.map((a) => a.status))).every((s) => s.includes('413'))).toBe(true);
  });

  it('100 slow bodies: cut off after the body deadline, /healthz answers meanwhile', async () => {
    const attacks = Array.from({ length: 100 }, () => attack(port, { declared: 30_000, total: 30_000, chunk: 10, everyMs: 100 }));
    const worst = await healthLatency(h.base);
    const closedAfter = await Promise.all(attacks.map((a) => a.closed));
    expect(Math.max(...closedAfter)).toBeLessThan(3_000);
    expect((await Promise.all(attacks.map((a) => a.status))).every((s) => s.includes('408'))).toBe(true);
    expect(worst).toBeLessThan(400);
  });

  it('slow headers: the connection is closed after the headers deadline', async () => {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    const started = Date.now();
    socket.write('POST /slack/events HTTP/1.1\r\nHost: x\r\n');
    const timer = setInterval(() => socket.write('X-Slow: 1\r\n'), 100);
    await new Promise((resolve) => socket.once('close', resolve));
    clearInterval(timer);
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it("Slack's unsigned ssl_check gets 200, as Slack expects, and nothing else happens", async () => {
    const res = await h.post('ssl_check=1&token=legacy', 'application/x-www-form-urlencoded', {});
    expect(res.status).toBe(200);
    expect(h.asked).toHaveLength(0);
  });

  it('unsigned requests: the first is logged, the rest summed up in one line', async () => {
    await new Promise((r) => setTimeout(r, 500)); // let the summaries of the earlier attacks go out
    lines.length = 0;
    for (let i = 0; i < 20; i++) expect((await h.post('{}', 'application/json', {})).status).toBe(401);
    await new Promise((r) => setTimeout(r, 600));
    const rejected = lines.filter((l) => /reject/i.test(String(l.msg)));
    expect(rejected).toHaveLength(2);
    expect(rejected[1]).toMatchObject({ rejected: 19, reasons: { unsigned: 19 } });
  });
});

describe("Slack's replay window", () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness(); });
  afterAll(() => h.close());

  const commandBody = (responseUrl: string) => new URLSearchParams({
    team_id: 'T0TEST', channel_id: 'C0GENERAL', user_id: 'U0ALICE', user_name: 'alice', command: '/treaty', text: 'article 6', response_url: responseUrl, trigger_id: '9.9.9',
  }).toString();

  it('a signed timestamp more than five minutes ahead is refused', async () => {
    const responseUrl = h.fake.responseUrl();
    const body = commandBody(responseUrl);
    const res = await h.post(body, 'application/x-www-form-urlencoded', signedHeaders(SECRET, body, Math.floor(Date.now() / 1000) + 6 * 60));
    expect(res.status).toBe(401);
    const ahead = await h.post(body, 'application/x-www-form-urlencoded', signedHeaders(SECRET, body, Math.floor(Date.now() / 1000) + 60));
    expect(ahead.status).toBe(200); // a clock a minute fast is within the window
  });

  it('the same signed command sent twice is answered once', async () => {
    const responseUrl = h.fake.responseUrl();
    const body = commandBody(responseUrl);
    const headers = signedHeaders(SECRET, body);
    expect((await h.post(body, 'application/x-www-form-urlencoded', headers)).status).toBe(200);
    await h.fake.responseAt(new URL(responseUrl).pathname);
    expect((await h.post(body, 'application/x-www-form-urlencoded', headers)).status).toBe(200);
    // Barrier: a later command is answered, and the replay was not.
    const { responseUrl: later } = await h.command('article 7');
    await h.fake.responseAt(new URL(later).pathname);
    expect(h.fake.responses.filter((r) => r.path === new URL(responseUrl).pathname)).toHaveLength(1);
  });
});
