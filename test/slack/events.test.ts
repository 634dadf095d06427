// Mentions, DMs, thread follow-ups, App Home and Slack's retries, through the real Bolt app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomeMessage } from '../../adapters/shared/messages.js';
import { escapeText } from '../../adapters/slack/mrkdwn.js';
import { testEngine } from '../helpers/engine.js';
import { BOT_ID, BOT_USER_ID, type ApiCall } from './fakeSlack.js';
import { startHarness, type Harness } from './harness.js';
import { limitViolations, pingRisks, visibleText } from './slackChecks.js';

let ts = 1_800_000_000;
const nextTs = () => `${++ts}.000200`;

describe('Slack events', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const posted = () => h.fake.posts('chat.postMessage');
  /** Wait for the n-th chat.postMessage (1-based). */
  const nthPost = (n: number) => h.fake.waitFor(() => posted()[n - 1], `chat.postMessage #${n}`);
  const mention = (text: string, extra: Record<string, unknown> = {}) => ({
    type: 'app_mention', user: 'U0ALICE', text, ts: nextTs(), channel: 'C0GENERAL', event_ts: String(ts), ...extra,
  });
  const message = (text: string, extra: Record<string, unknown> = {}) => ({
    type: 'message', user: 'U0ALICE', text, ts: nextTs(), channel: 'C0GENERAL', channel_type: 'channel', event_ts: String(ts), ...extra,
  });

  it('checked the bot token with auth.test at start', () => {
    const auth = h.fake.calls.find((c) => c.method === 'auth.test');
    expect(auth?.authorization).toBe('Bearer xoxb-test-token');
  });

  it('@mention: answers in a thread under the question, without its own mention in the question', async () => {
    const before = posted().length;
    const event = mention(`<@${BOT_USER_ID}> article 6`);
    const res = await h.event(event);
    expect(res.status).toBe(200);
    const call = await nthPost(before + 1);
    expect(call.body).toMatchObject({ channel: 'C0GENERAL', thread_ts: event.ts });
    expect(h.asked.at(-1)).toMatchObject({ text: 'article 6', user: 'U0ALICE', channel: 'C0GENERAL', platform: 'slack' });
    expect(visibleText(call.body)).toContain(escapeText(testEngine().ask('article 6').results[0]!.title));
    expect(limitViolations(call.body)).toEqual([]);
    expect(pingRisks(call.body)).toEqual([]);
    expect(call.body.link_names).toBeUndefined();
  });

  it('@mention inside a thread answers in that thread', async () => {
    const before = posted().length;
    await h.event(mention(`<@${BOT_USER_ID}|treaty> timeline`, { thread_ts: '1799999999.000100' }));
    const call = await nthPost(before + 1);
    expect(call.body.thread_ts).toBe('1799999999.000100');
    expect(h.asked.at(-1)?.text).toBe('timeline');
  });

  it('a follow-up without a mention in a thread the bot answered in is answered there; elsewhere it is not', async () => {
    const root = mention(`<@${BOT_USER_ID}> article 7`);
    let before = posted().length;
    await h.event(root);
    await nthPost(before + 1);
    // Not followed: a plain channel message and a reply in some other thread.
    const askedBefore = h.asked.length;
    await h.event(message('article 8'));
    await h.event(message('article 8', { thread_ts: '1234.5678' }));
    // Followed: a reply in the bot's thread.
    before = posted().length;
    await h.event(message('and article 9?', { thread_ts: root.ts }));
    const call = await nthPost(before + 1);
    expect(call.body).toMatchObject({ channel: 'C0GENERAL', thread_ts: root.ts });
    expect(h.asked.slice(askedBefore).map((a) => a.text)).toEqual(['and article 9?']);
  });

  it('a follow-up without a mention gets a reply only when the bot found something, and never when it is addressed to people', async () => {
    expect(testEngine().ask('thanks!').abstained).toBe(true);
    const root = mention(`<@${BOT_USER_ID}> article 15`);
    const before = posted().length;
    await h.event(root);
    await nthPost(before + 1);
    const askedBefore = h.asked.length;
    await h.event(message('thanks!', { thread_ts: root.ts })); // nothing found: no "I couldn't find that"
    await h.event(message('help', { thread_ts: root.ts })); // nor the command list
    await h.event(message('<@U0BOB> what about article 16?', { thread_ts: root.ts })); // to Bob
    await h.event(message('<!subteam^S0LEGAL|@legal> article 16?', { thread_ts: root.ts })); // to a group
    await h.event(message('<!here> article 16?', { thread_ts: root.ts }));
    await h.event(message('and article 17?', { thread_ts: root.ts })); // found: answered
    const call = await h.fake.waitFor(() => posted().find((c) => visibleText(c.body).includes('Article 17')), 'answer to the follow-up');
    expect(call.body.thread_ts).toBe(root.ts);
    expect(posted().slice(before + 1)).toEqual([call]);
    // Messages to people are not even asked (nor counted against the rate limit).
    expect(h.asked.slice(askedBefore).map((a) => a.text)).toEqual(['thanks!', 'help', 'and article 17?']);
  });

  it('mentions and direct messages are answered whatever they say, "nothing found" included', async () => {
    const noMatch = escapeText(outcomeMessage({ type: 'no_match' })!);
    const before = posted().length;
    await h.event(message('thanks!', { channel: 'D0ALICE', channel_type: 'im' }));
    expect(visibleText((await nthPost(before + 1)).body)).toContain(noMatch);
    await h.event(mention(`<@${BOT_USER_ID}> thanks!`));
    expect(visibleText((await nthPost(before + 2)).body)).toContain(noMatch);
  });

  it('a mention in a followed thread is answered once, not twice', async () => {
    const root = mention(`<@${BOT_USER_ID}> article 10`);
    await h.event(root);
    await h.fake.waitFor(() => posted().find((c) => c.body.thread_ts === root.ts), 'root answer');
    const text = `<@${BOT_USER_ID}> article 11`;
    const reply = { ts: nextTs(), thread_ts: root.ts };
    // Slack sends both events for one message.
    await h.event(message(text, reply));
    await h.event(mention(text, reply));
    await h.event(mention(`<@${BOT_USER_ID}> article 12`)); // barrier
    await h.fake.waitFor(() => posted().find((c) => JSON.stringify(c.body).includes('Article 12') ? c : undefined), 'barrier');
    expect(posted().filter((c) => c.body.thread_ts === root.ts)).toHaveLength(2);
  });

  it('direct messages are answered in the DM', async () => {
    const before = posted().length;
    await h.event(message('what are the objectives?', { channel: 'D0ALICE', channel_type: 'im' }));
    const call = await nthPost(before + 1);
    expect(call.body.channel).toBe('D0ALICE');
    expect(call.body.thread_ts).toBeUndefined();
    expect(h.asked.at(-1)).toMatchObject({ text: 'what are the objectives?', channel: 'D0ALICE' });
  });

  it('ignores bot messages, its own messages and message subtypes', async () => {
    const askedBefore = h.asked.length;
    const postsBefore = posted().length;
    await h.event(message('article 1', { channel: 'D0ALICE', channel_type: 'im', bot_id: 'B0OTHER', user: undefined, subtype: 'bot_message' }));
    await h.event(message('article 1', { channel: 'D0ALICE', channel_type: 'im', bot_id: 'B0OTHER' }));
    await h.event(message('article 1', { channel: 'D0ALICE', channel_type: 'im', user: BOT_USER_ID, bot_id: BOT_ID }));
    await h.event(message('article 1', { channel: 'D0ALICE', channel_type: 'im', subtype: 'message_changed' }));
    await h.event(mention(`<@${BOT_USER_ID}> article 1`, { bot_id: 'B0OTHER' }));
    await h.event(message('article 2', { channel: 'D0ALICE', channel_type: 'im' })); // barrier
    await nthPost(postsBefore + 1);
    expect(h.asked.slice(askedBefore).map((a) => a.text)).toEqual(['article 2']);
    expect(posted()).toHaveLength(postsBefore + 1);
  });

  it('a Slack retry (x-slack-retry-num) of an event already answered is not answered twice', async () => {
    const before = posted().length;
    const event = mention(`<@${BOT_USER_ID}> article 13`);
    await h.event(event, { eventId: 'EvRETRY1' });
    await nthPost(before + 1);
    const retry = await h.event(event, { eventId: 'EvRETRY1', headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    await h.event(mention(`<@${BOT_USER_ID}> article 14`)); // barrier
    await nthPost(before + 2);
    const threads = posted().slice(before).map((c: ApiCall) => c.body.thread_ts);
    expect(threads).toHaveLength(2);
    expect(threads.filter((t) => t === event.ts)).toHaveLength(1);
  });

  it('App Home: publishes the home view when the Home tab opens, nothing for the Messages tab', async () => {
    await h.event({ type: 'app_home_opened', user: 'U0ALICE', channel: 'D0ALICE', tab: 'messages', event_ts: nextTs() });
    await h.event({ type: 'app_home_opened', user: 'U0BOB', channel: 'D0BOB', tab: 'home', event_ts: nextTs() });
    const call = await h.fake.waitFor(() => h.fake.posts('views.publish')[0], 'views.publish');
    expect(call.body.user_id).toBe('U0BOB');
    const view = call.body.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    expect(visibleText({ blocks: view.blocks })).toContain('/treaty article 6');
    expect(h.fake.posts('views.publish')).toHaveLength(1);
  });
});
