// Slack's Web API says 429 with Retry-After: the client waits that long, retries, and the answer arrives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_USER_ID } from './fakeSlack.js';
import { startHarness, type Harness } from './harness.js';
import { visibleText } from './slackChecks.js';

describe('chat.postMessage rate limited', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('honours Retry-After and delivers the answer', async () => {
    h.fake.failNext('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } });
    const started = performance.now();
    await h.event({ type: 'app_mention', user: 'U0ALICE', text: `<@${BOT_USER_ID}> article 6`, ts: '1800000000.000100', channel: 'C0GENERAL' });
    const delivered = await h.fake.waitFor(() => h.fake.posts('chat.postMessage')[0], 'the retried answer');
    const elapsed = performance.now() - started;
    const attempts = h.fake.calls.filter((c) => c.method === 'chat.postMessage');
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(attempts[0]!.body).toEqual(attempts[1]!.body);
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(visibleText(delivered.body)).toMatch(/Article 6|article 6/i);
  });
});
