// Answers falling behind (turns.ts says so; the queue's own rules are tested in turns.test.ts): a new
// command is still acknowledged, and the acknowledgement itself tells the asker, privately, that the
// bot is busy — without Bolt or a response-URL call, so the acknowledgements keep up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUSY_MESSAGE } from '../../adapters/shared/messages.js';
import { startHarness, type Harness } from './harness.js';

describe('Slack with answers falling behind', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness({ app: { turns: { limit: 0 } } }); });
  afterAll(() => h.close());

  it('acknowledges each command with an ephemeral "busy", counts it, and calls no response URL', async () => {
    const sent = await Promise.all([1, 2, 3].map((n) => h.command(`article ${n}`, `U0LOAD${n}`)));
    for (const { res } of sent) {
      expect(res.status).toBe(200);
      const body = (await res.json()) as { response_type: string; text: string };
      expect(body.response_type).toBe('ephemeral');
      expect(body.text).toContain(BUSY_MESSAGE);
    }
    expect(h.slack.state.turns.busy).toBe(3);
    // Nothing reached the handler or a response URL.
    expect(h.fake.responses).toHaveLength(0);
    expect(h.asked).toHaveLength(0);
  });
});
