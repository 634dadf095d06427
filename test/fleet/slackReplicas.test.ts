// Slack in HTTP mode as several identical processes (the built bundle) behind a round-robin proxy,
// sharing state in Redis: every command answered once, a retry on another replica not answered again,
// Share and thread follow-ups working across replicas, one rate limit for all, a replica killed in the
// middle of a burst, and Redis itself stopped and restarted during one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../adapters/slack/blocks.js';
import { SHARED_REDIS_URL, startPrivateRedis, uniquePrefix, waitUntil, type PrivateRedis } from '../helpers/redis.js';
import type { FakeSlack, Json } from '../slack/fakeSlack.js';
import { findButton } from '../slack/harness.js';
import { visibleText } from '../slack/slackChecks.js';
import { buildBundle, pool, readiness, startFleet, type Fleet, type Replica } from './fleet.js';
import type { Proxy } from './proxy.js';

const QUESTIONS = ['article 6', 'quotes HRW', 'timeline', 'chapter 2', 'what are the objectives?', 'does it cover ransomware?'];
const direct = (r: Replica) => `http://127.0.0.1:${r.port}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(() => { buildBundle('fleet-slack'); }, 60_000);

/** Bodies posted to each response URL path. */
function byPath(fake: FakeSlack): Map<string, Json[]> {
  const out = new Map<string, Json[]>();
  for (const r of fake.responses) out.set(r.path, [...(out.get(r.path) ?? []), r.body]);
  return out;
}
const pathOf = (url: string) => new URL(url).pathname;
const answered = (replica: Replica) => replica.logs.filter((l) => l.msg === 'answered').length;
const threadReplies = (fake: FakeSlack, ts: string) => fake.posts('chat.postMessage').filter((c) => c.body.thread_ts === ts);
const mention = (ts: string, text: string) => ({ type: 'app_mention', user: 'U0EVENTS', text: `<@UBOT123> ${text}`, channel: 'C0FLEET', ts, event_ts: ts });

describe('three Slack HTTP replicas behind a load balancer, sharing Redis', () => {
  let fleet: Fleet;
  let fake: FakeSlack;
  let replicas: Replica[];
  let proxy: Proxy;
  let slack: Fleet['slack'];
  beforeAll(async () => {
    fleet = await startFleet(3, { redisUrl: SHARED_REDIS_URL, redisPrefix: uniquePrefix('fleet'), ratePerMinute: 5 });
    ({ fake, replicas, proxy, slack } = fleet);
  }, 60_000);
  afterAll(() => fleet?.close());

  it('answers every signed /treaty command exactly once, spread over every replica', async () => {
    const sent = await pool(45, 15, (i) => slack.command(proxy.url, QUESTIONS[i % QUESTIONS.length]!, `U0BURST${i}`));
    expect(sent.map((s) => s.status)).toEqual(sent.map(() => 200));
    await fake.waitFor(() => (sent.every((s) => byPath(fake).has(pathOf(s.responseUrl))) ? true : undefined), 'every answer', 10_000);
    await sleep(200);
    const bodies = byPath(fake);
    for (const s of sent) expect(bodies.get(pathOf(s.responseUrl))).toHaveLength(1);
    expect(replicas.map(answered).every((n) => n >= 10)).toBe(true);
  });

  it('a retried event (x-slack-retry-num) reaching other replicas is not answered again; the thread is followed by all', async () => {
    const ts = `${Math.floor(Date.now() / 1000)}.000101`;
    const event = mention(ts, 'article 6');
    expect(await slack.event(direct(replicas[0]!), 'EvRETRY1', event)).toBe(200);
    expect(await slack.event(direct(replicas[1]!), 'EvRETRY1', event, 1)).toBe(200);
    expect(await slack.event(direct(replicas[2]!), 'EvRETRY1', event, 2)).toBe(200);
    await fake.waitFor(() => (threadReplies(fake, ts).length ? true : undefined), 'the answer in the thread');
    await sleep(300);
    expect(threadReplies(fake, ts)).toHaveLength(1);
    expect(replicas.slice(1).every((r) => r.logs.some((l) => l.msg === 'duplicate event ignored' && l.eventId === 'EvRETRY1'))).toBe(true);

    // A follow-up in that thread without a mention, to a replica that did not answer the mention.
    const followUp = { type: 'message', channel: 'C0FLEET', channel_type: 'channel', user: 'U0EVENTS', text: 'article 7', ts: `${ts}1`, thread_ts: ts };
    expect(await slack.event(direct(replicas[2]!), 'EvFOLLOW1', followUp)).toBe(200);
    await fake.waitFor(() => (threadReplies(fake, ts).length === 2 ? true : undefined), 'the follow-up answered');
  });

  it('"Share in channel" clicked on other replicas posts the answer once', async () => {
    const { responseUrl } = await slack.command(direct(replicas[0]!), 'quotes HRW', 'U0SHARER');
    const answer = await fake.responseAt(pathOf(responseUrl));
    const value = findButton(answer, ACTIONS.share)!.value;
    const clickUrl = fake.responseUrl();
    const clicks = await Promise.all([replicas[1]!, replicas[2]!].map((r) => slack.click(direct(r), ACTIONS.share, value, clickUrl)));
    expect(clicks).toEqual([200, 200]);
    // Shared, private copy removed, the other click told: three responses.
    const bodies = await fake.waitFor(() => ((byPath(fake).get(pathOf(clickUrl)) ?? []).length >= 3 ? byPath(fake).get(pathOf(clickUrl)) : undefined), 'share');
    const shared = bodies.filter((b) => b.response_type === 'in_channel');
    expect(shared).toHaveLength(1);
    expect(visibleText(shared[0]!)).toContain('Deborah Brown');
    expect(bodies.filter((b) => /no longer available/.test(String(b.text)))).toHaveLength(1);
  });

  it('holds one rate limit across replicas: 5 a minute gives 5, not 5 per replica', async () => {
    const sent = await pool(10, 10, () => slack.command(proxy.url, 'article 6', 'U0LIMITED'));
    await fake.waitFor(() => (sent.every((s) => byPath(fake).has(pathOf(s.responseUrl))) ? true : undefined), 'every reply');
    const texts = sent.map((s) => visibleText(byPath(fake).get(pathOf(s.responseUrl))![0]!));
    expect(texts.filter((t) => t.includes('Article 6: Respect for human rights'))).toHaveLength(5);
    expect(texts.filter((t) => /faster than I can keep up/.test(t))).toHaveLength(5);
  });

  it('keeps answering when a replica is killed mid-burst; nothing is answered twice (losses counted)', async () => {
    const victim = replicas[2]!;
    const commands: { status: number; responseUrl: string }[] = [];
    const events: { id: string; ts: string; status: number }[] = [];
    let killed: Promise<void> | undefined;
    await pool(90, 15, async (i) => {
      if (i === 30) killed = victim.kill('SIGKILL');
      if (i % 3 === 0) {
        const ts = `${1_700_001_000 + i}.000200`;
        events.push({ id: `EvKILL${i}`, ts, status: await slack.event(proxy.url, `EvKILL${i}`, mention(ts, QUESTIONS[i % QUESTIONS.length]!)) });
      } else {
        commands.push(await slack.command(proxy.url, QUESTIONS[i % QUESTIONS.length]!, `U0KILL${i}`));
      }
    });
    await killed;
    // Slack retries an event that was not acknowledged; the load balancer sends the retry to a live replica.
    for (const e of events.filter((x) => x.status !== 200)) {
      e.status = await slack.event(proxy.url, e.id, mention(e.ts, 'article 6'), 1);
    }
    await sleep(1500);
    const bodies = byPath(fake);
    const ackedLost = commands.filter((c) => c.status === 200 && !bodies.has(pathOf(c.responseUrl))).length;
    const refused = commands.filter((c) => c.status !== 200).length;
    const eventsLost = events.filter((e) => threadReplies(fake, e.ts).length === 0).length;
    console.log(`replica killed mid-burst: ${commands.length} commands (${refused} refused by the proxy, ${ackedLost} acknowledged and lost), `
      + `${events.length} events (${eventsLost} lost after retries)`);
    // Nothing twice, events all answered once Slack's retry arrives, and the only loss is in flight on the killed process.
    for (const c of commands) expect((bodies.get(pathOf(c.responseUrl)) ?? []).length).toBeLessThanOrEqual(1);
    for (const e of events) expect(threadReplies(fake, e.ts).length).toBeLessThanOrEqual(1);
    expect(events.every((e) => e.status === 200)).toBe(true);
    expect(ackedLost + refused + eventsLost).toBeLessThanOrEqual(15);
    // Everything sent after the kill was answered by the two others.
    const after = await pool(12, 6, (i) => slack.command(proxy.url, QUESTIONS[i % QUESTIONS.length]!, `U0AFTER${i}`));
    expect(after.map((s) => s.status)).toEqual(after.map(() => 200));
    await fake.waitFor(() => (after.every((s) => byPath(fake).has(pathOf(s.responseUrl))) ? true : undefined), 'answers after the kill');
  });
});

describe('Redis stopped and restarted during a burst (a private redis-server)', () => {
  let fleet: Fleet;
  let redis: PrivateRedis;
  let fake: FakeSlack;
  let replicas: Replica[];
  let proxy: Proxy;
  let slack: Fleet['slack'];
  beforeAll(async () => {
    redis = await startPrivateRedis();
    fleet = await startFleet(2, { redisUrl: redis.url });
    ({ fake, replicas, proxy, slack } = fleet);
  }, 60_000);
  afterAll(async () => {
    await fleet?.close();
    await redis?.stop();
  });

  it('answers throughout, warns once per replica, reports degraded, then shares state again', async () => {
    const sent = await pool(60, 10, async (i) => {
      if (i === 20) await redis.stop();
      if (i === 40) {
        expect((await Promise.all(replicas.map(readiness))).map((b) => b.degraded)).toEqual([['redis'], ['redis']]);
        await redis.start();
      }
      return slack.command(proxy.url, QUESTIONS[i % QUESTIONS.length]!, `U0REDIS${i}`);
    });
    expect(sent.map((s) => s.status)).toEqual(sent.map(() => 200));
    await fake.waitFor(() => (sent.every((s) => byPath(fake).has(pathOf(s.responseUrl))) ? true : undefined), 'every answer', 10_000);
    for (const s of sent) expect(byPath(fake).get(pathOf(s.responseUrl))).toHaveLength(1);

    await waitUntil(async () => (await Promise.all(replicas.map(readiness))).every((b) => b.status === 'ready' && b.degraded === undefined), 10_000, 'redis back on both');
    for (const r of replicas) {
      expect(r.logs.filter((l) => l.level === 40 && String(l.msg).includes('redis unreachable'))).toHaveLength(1);
      expect(r.logs.some((l) => String(l.msg).includes('redis is back'))).toBe(true);
    }

    // Shared again: a retry on the other replica is dropped, a share click on it works once.
    const ts = `${Math.floor(Date.now() / 1000)}.000301`;
    await slack.event(direct(replicas[0]!), 'EvBACK1', mention(ts, 'article 6'));
    await slack.event(direct(replicas[1]!), 'EvBACK1', mention(ts, 'article 6'), 1);
    await fake.waitFor(() => (threadReplies(fake, ts).length ? true : undefined), 'the answer');
    const { responseUrl } = await slack.command(direct(replicas[0]!), 'article 16', 'U0BACK');
    const value = findButton(await fake.responseAt(pathOf(responseUrl)), ACTIONS.share)!.value;
    const clickUrl = fake.responseUrl();
    await Promise.all(replicas.map((r) => slack.click(direct(r), ACTIONS.share, value, clickUrl)));
    const bodies = await fake.waitFor(() => ((byPath(fake).get(pathOf(clickUrl)) ?? []).length >= 3 ? byPath(fake).get(pathOf(clickUrl)) : undefined), 'share');
    expect(bodies.filter((b) => b.response_type === 'in_channel')).toHaveLength(1);
    await sleep(300);
    expect(threadReplies(fake, ts)).toHaveLength(1);
  });
});

describe('Redis unreachable at start-up', () => {
  it('starts, answers on per-process state, says degraded on /readyz, and warns once', async () => {
    const fleet = await startFleet(1, { redisUrl: 'redis://:not-logged@127.0.0.1:1' });
    try {
      const [replica] = fleet.replicas;
      expect(await readiness(replica!)).toEqual({ status: 'ready', degraded: ['redis'] });
      const sent = await pool(5, 5, (i) => fleet.slack.command(fleet.proxy.url, QUESTIONS[i]!, `U0NOREDIS${i}`));
      await fleet.fake.waitFor(() => (sent.every((s) => byPath(fleet.fake).has(pathOf(s.responseUrl))) ? true : undefined), 'answers');
      expect(replica!.logs.filter((l) => l.level === 40)).toHaveLength(1);
      expect(JSON.stringify(replica!.logs)).not.toContain('not-logged');
    } finally {
      await fleet.close();
    }
  });
});
