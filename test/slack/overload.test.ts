// No room in the answer queue (turns.ts; the queue's own rules are tested in turns.test.ts): the
// command is still acknowledged, and the asker is told at once, privately, that the bot is busy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUSY_MESSAGE } from '../../adapters/shared/messages.js';
import { startHarness, type Harness } from './harness.js';
import { visibleText } from './slackChecks.js';

describe('Slack with a full answer queue', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness({ app: { turns: { limit: 0 } } }); });
  afterAll(() => h.close());

  it('acknowledges, says busy only to the asker at once, and counts it', async () => {
    const sent = await Promise.all([1, 2, 3].map((n) => h.command(`article ${n}`, `U0LOAD${n}`)));
    expect(sent.map((s) => s.res.status)).toEqual([200, 200, 200]);
    const replies = await Promise.all(sent.map((s) => h.fake.responseAt(new URL(s.responseUrl).pathname)));
    for (const reply of replies) {
      expect(visibleText(reply)).toContain(BUSY_MESSAGE);
      expect(reply.response_type).toBe('ephemeral');
    }
    expect(h.slack.state.turns.busy).toBe(3);
  });
});
