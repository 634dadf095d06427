// Conversations through the real Bolt app: a thread the bot answered in, a DM and one person's /treaty
// commands in a channel each carry a follow-up over two turns, shown with "(following on from …)"; a thread in one channel never leaks
// into a thread of the same timestamp in another. One store for the adapter and the conversations, as
// bot.ts wires them: memory, then Redis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversations } from '../../src/conversation/memory.js';
import { testHandler } from '../helpers/engine.js';
import { closeStores, STORES } from '../helpers/stores.js';
import { BOT_USER_ID } from './fakeSlack.js';
import { startHarness, type Harness } from './harness.js';
import { limitViolations, pingRisks, visibleText } from './slackChecks.js';

let ts = 1_850_000_000;
const nextTs = () => `${++ts}.000300`;

afterAll(closeStores);

describe.each(STORES)('Slack conversations (%s store)', (_name, open) => {
  let h: Harness;
  beforeAll(async () => {
    const store = await open();
    h = await startHarness({ store, handler: testHandler({ conversations: createConversations(store) }) });
  });
  afterAll(() => h.close());

  const posted = () => h.fake.posts('chat.postMessage');
  /** Send an event and wait for the bot's next post. */
  const exchange = async (event: Record<string, unknown>) => {
    const before = posted().length;
    await h.event({ user: 'U0ALICE', ts: nextTs(), event_ts: String(ts), ...event });
    return (await h.fake.waitFor(() => posted()[before], 'chat.postMessage')).body;
  };

  it('a follow-up in the thread the bot answered in continues that thread\'s conversation', async () => {
    const root = nextTs();
    await exchange({ type: 'app_mention', text: `<@${BOT_USER_ID}> article 7`, ts: root, channel: 'C0GENERAL' });
    const body = await exchange({ type: 'message', text: 'the next one', channel: 'C0GENERAL', channel_type: 'channel', thread_ts: root });
    expect(body).toMatchObject({ channel: 'C0GENERAL', thread_ts: root });
    expect(visibleText(body)).toContain('(following on from Article 7)');
    expect(visibleText(body)).toContain('Article 8');
    expect(limitViolations(body)).toEqual([]);
    expect(pingRisks(body)).toEqual([]);
    expect(h.asked.at(-1)).toMatchObject({ conversation: `slack:C0GENERAL:${root}` });

    // The same thread timestamp in another channel is another conversation.
    const elsewhere = await exchange({ type: 'app_mention', text: `<@${BOT_USER_ID}> the next one`, channel: 'C0OTHER', thread_ts: root });
    expect(visibleText(elsewhere)).not.toContain('following on from');
  });

  it('a direct message follows on from the one before it', async () => {
    await exchange({ type: 'message', text: 'what is sextortion', channel: 'D0ALICE', channel_type: 'im' });
    const body = await exchange({ type: 'message', text: 'which article is that in?', channel: 'D0ALICE', channel_type: 'im' });
    expect(body.thread_ts).toBeUndefined();
    expect(visibleText(body)).toContain('(following on from Sextortion)');
    expect(visibleText(body)).toContain('Article 16');
  });

  /** A /treaty command; its answer through the response URL. */
  const command = async (text: string, user: string, channel = 'C0GENERAL') => {
    const { responseUrl } = await h.command(text, user, { channel_id: channel });
    const path = new URL(responseUrl).pathname;
    return h.fake.waitFor(() => h.fake.responses.find((r) => r.path === path)?.body, `answer to "${text}"`);
  };

  it('one person\'s /treaty commands in a channel are a conversation, and nobody else\'s', async () => {
    expect(visibleText(await command('article 7', 'U0CAROL'))).not.toContain('following on from');
    const body = await command('and the penalties?', 'U0CAROL');
    expect(visibleText(body)).toContain('(following on from Article 7)');
    expect(limitViolations(body)).toEqual([]);
    expect(h.asked.at(-1)).toMatchObject({ conversation: 'slack:command:C0GENERAL:U0CAROL' });
    // Another person in the same channel, or the same person in another channel, starts anew.
    expect(visibleText(await command('the next one', 'U0DAVE'))).not.toContain('following on from');
    expect(visibleText(await command('the next one', 'U0CAROL', 'C0OTHER'))).not.toContain('following on from');
    // A question that stands alone takes nothing from the one before.
    expect(visibleText(await command('what is sextortion', 'U0CAROL'))).not.toContain('following on from');
  });
});
