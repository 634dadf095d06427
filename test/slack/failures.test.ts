// When answering or posting fails, the asker hears FAILURE_MESSAGE where they asked, the failure is
// logged, and nothing throws out of a listener.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILURE_MESSAGE } from '../../adapters/shared/messages.js';
import { createLogger } from '../../src/runtime/logger.js';
import { handlerFrom, testHandler } from '../helpers/engine.js';
import { BOT_USER_ID, type Json } from './fakeSlack.js';
import { startHarness, type Harness } from './harness.js';
import { pingRisks, visibleText } from './slackChecks.js';

describe('Slack failures', () => {
  let h: Harness;
  const lines: Json[] = [];
  beforeAll(async () => {
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => lines.push(JSON.parse(line) as Json) } });
    const real = testHandler({ logger });
    // Questions containing "explode" make the handler throw, as a bug in the core would.
    const handler = handlerFrom(async (request) => {
      if (request.text.includes('explode')) throw new Error('boom');
      return real.handle(request);
    }, real);
    h = await startHarness({ logger, handler });
  });
  afterAll(() => h.close());

  const calls = () => h.fake.calls.filter((c) => c.method === 'chat.postMessage');
  const failureIn = (channel: string, threadTs?: string) => h.fake.waitFor(
    () => h.fake.posts('chat.postMessage').find((c) => c.body.channel === channel && c.body.thread_ts === threadTs && visibleText(c.body).includes(FAILURE_MESSAGE)),
    `failure message in ${channel}`,
  );

  it('a mention whose answer fails gets the failure message in its thread, and the error is logged', async () => {
    await h.event({ type: 'app_mention', user: 'U0ALICE', text: `<@${BOT_USER_ID}> explode`, ts: '1800000001.000100', channel: 'C0GENERAL' });
    const post = await failureIn('C0GENERAL', '1800000001.000100');
    expect(pingRisks(post.body)).toEqual([]);
    expect(lines.find((l) => l.msg === 'answering failed')).toMatchObject({ level: 50, adapter: 'slack', user: 'U0ALICE', err: { message: 'boom' } });
  });

  it('a DM whose answer Slack refuses to post gets the failure message instead', async () => {
    // Slack answers HTTP 200 with ok: false for errors such as msg_too_long; the client throws.
    h.fake.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'msg_too_long' } });
    const before = calls().length;
    await h.event({ type: 'message', channel_type: 'im', user: 'U0ALICE', text: 'article 6', ts: '1800000002.000100', channel: 'D0ALICE' });
    await failureIn('D0ALICE');
    // The refused answer, then the failure message in its place.
    expect(calls().slice(before).map((c) => visibleText(c.body).includes(FAILURE_MESSAGE))).toEqual([false, true]);
  });

  it('/treaty whose answer fails says so, privately', async () => {
    const { responseUrl } = await h.command('explode');
    const body = await h.fake.waitFor(() => h.fake.responses.find((r) => r.path === new URL(responseUrl).pathname)?.body, 'failure reply');
    expect(body).toMatchObject({ response_type: 'ephemeral', text: FAILURE_MESSAGE });
  });

  it('a follow-up without a mention that fails stays silent: it may not have been a question', async () => {
    const root = '1800000003.000100';
    await h.event({ type: 'app_mention', user: 'U0ALICE', text: `<@${BOT_USER_ID}> article 6`, ts: root, channel: 'C0GENERAL' });
    await h.fake.waitFor(() => h.fake.posts('chat.postMessage').find((c) => c.body.thread_ts === root), 'root answer');
    await h.event({ type: 'message', channel_type: 'channel', user: 'U0ALICE', text: 'explode', ts: '1800000004.000100', thread_ts: root, channel: 'C0GENERAL' });
    await h.event({ type: 'message', channel_type: 'channel', user: 'U0ALICE', text: 'article 7', ts: '1800000005.000100', thread_ts: root, channel: 'C0GENERAL' }); // barrier
    await h.fake.waitFor(() => h.fake.posts('chat.postMessage').find((c) => visibleText(c.body).includes('Article 7')), 'barrier');
    expect(h.fake.posts('chat.postMessage').filter((c) => c.body.thread_ts === root)).toHaveLength(2);
  });
});
