// Request signing as Slack documents it, and what the app does with requests that fail it.
import { isValidSlackRequest } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_USER_ID } from './fakeSlack.js';
import { SECRET, startHarness, type Harness } from './harness.js';
import { signature, signedHeaders } from './sign.js';

// The example in Slack's "Verifying requests from Slack" documentation.
const DOCS = {
  secret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: 1531420618,
  body: 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};

describe('request signing', () => {
  const verify = (body: string, sig: string, nowSeconds = DOCS.timestamp) =>
    isValidSlackRequest({
      signingSecret: DOCS.secret, body,
      headers: { 'x-slack-signature': sig, 'x-slack-request-timestamp': DOCS.timestamp },
      nowMilliseconds: nowSeconds * 1000,
    });

  it("agrees with the example in Slack's documentation", () => {
    expect(signature(DOCS.secret, DOCS.timestamp, DOCS.body)).toBe(DOCS.signature);
    expect(verify(DOCS.body, DOCS.signature)).toBe(true);
  });

  it('rejects a changed body, a wrong signature and a stale timestamp', () => {
    expect(verify(DOCS.body.replace('text=', 'text=x'), DOCS.signature)).toBe(false);
    expect(verify(DOCS.body, DOCS.signature.replace(/.$/, '0'))).toBe(false);
    expect(verify(DOCS.body, DOCS.signature, DOCS.timestamp + 6 * 60)).toBe(false);
  });
});

describe('the HTTP endpoint', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const commandBody = (text: string, responseUrl: string) => new URLSearchParams({
    team_id: 'T0TEST', channel_id: 'C0GENERAL', user_id: 'U0MALLORY', user_name: 'mallory', command: '/treaty', text, response_url: responseUrl, trigger_id: '1',
  }).toString();

  it('answers 401 to a wrong signature and to a timestamp older than five minutes, and posts nothing', async () => {
    const body = commandBody('article 6', h.fake.responseUrl());
    const wrong = await h.post(body, 'application/x-www-form-urlencoded', signedHeaders('not-the-secret', body));
    expect(wrong.status).toBe(401);
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    const stale = await h.post(body, 'application/x-www-form-urlencoded', signedHeaders(SECRET, body, old));
    expect(stale.status).toBe(401);
    const unsigned = await h.post(body, 'application/x-www-form-urlencoded', {});
    expect(unsigned.status).toBe(401);
    const event = JSON.stringify({ type: 'event_callback', event_id: 'EvX', team_id: 'T0TEST', event: { type: 'app_mention', user: 'U0MALLORY', text: `<@${BOT_USER_ID}> article 6`, ts: '1.2', channel: 'C0GENERAL' } });
    expect((await h.post(event, 'application/json', signedHeaders('not-the-secret', event))).status).toBe(401);
    // Barrier: a properly signed command is answered, and it is the only thing that was.
    const { responseUrl } = await h.command('article 7', 'U0HONEST');
    await h.fake.waitFor(() => h.fake.responses.find((r) => r.path === new URL(responseUrl).pathname), 'honest answer');
    expect(h.fake.responses).toHaveLength(1);
    expect(h.fake.posts('chat.postMessage')).toHaveLength(0);
    expect(h.asked.map((a) => a.user)).toEqual(['U0HONEST']);
  });

  it("answers Slack's URL verification challenge", async () => {
    const body = JSON.stringify({ type: 'url_verification', token: 'legacy', challenge: 'c-123' });
    const res = await h.post(body, 'application/json');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('c-123');
  });
});
