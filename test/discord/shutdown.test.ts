// Shutting down while an answer is being sent: the handler's drain waits until Discord has taken the
// reply, for interactions and for mentions alike, instead of cutting the send off.
import { afterEach, describe, expect, it } from 'vitest';
import type { Handler } from '../../src/runtime/handler.js';
import { testHandler } from '../helpers/engine.js';
import type { RestCall } from './fakeDiscord.js';
import { startBot, type Bot } from './harness.js';
import { ALICE, BOT, BOT_ID, OPTION, messagePayload, slashCommand, type Json } from './payloads.js';

let bot: Bot | undefined;
afterEach(async () => { await bot?.stop(); bot = undefined; });

const cases: { name: string; event: [string, Json]; isAnswer: (call: RestCall, event: Json) => boolean }[] = [
  {
    name: 'a slash command',
    event: ['INTERACTION_CREATE', slashCommand('article', [{ name: 'number', type: OPTION.integer, value: 6 }])],
    isAnswer: (call, event) => call.method === 'POST' && call.path === `/interactions/${event.id}/${event.token}/callback`,
  },
  {
    name: 'a mention',
    event: ['MESSAGE_CREATE', messagePayload({ author: ALICE, content: `<@${BOT_ID}> article 6`, mentions: [BOT] })],
    isAnswer: (call, event) => call.method === 'POST' && call.body?.message_reference?.message_id === event.id,
  },
];

describe('shutdown', () => {
  for (const { name, event: [type, event], isAnswer } of cases) {
    it(`drain waits while the answer to ${name} is still being sent`, async () => {
      // The real handler: its drain is what the process calls on SIGTERM.
      const handler: Handler = testHandler();
      bot = await startBot({ handler });
      const slow = bot.fake.hold((call) => isAnswer(call, event));
      bot.fake.dispatch(type, event);
      await slow.received; // answered, and the answer is on its way to Discord

      let drained = false;
      const drain = handler.drain(5000).then(() => { drained = true; });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(drained).toBe(false);

      slow.release();
      await drain;
      expect(bot.fake.calls.some((call) => isAnswer(call, event))).toBe(true);
    });
  }
});
