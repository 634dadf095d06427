// Socket Mode with the answer queue full (src/runtime/turns.ts, limit 0 here), through the real Bolt
// app: a command is told "busy" in its acknowledgement itself, privately, as the HTTP gate does
// (overload.test.ts); a mention gets a short "busy" in its thread. Never silence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUSY_MESSAGE } from '../../adapters/shared/messages.js';
import { commandEnvelope, mentionEnvelope, startSocketHarness, type SocketHarness } from './socketHarness.js';
import { visibleText } from './slackChecks.js';

describe('Socket Mode with the answer queue full', () => {
  let h: SocketHarness;
  beforeAll(async () => { h = await startSocketHarness({ turns: { limit: 0 } }); });
  afterAll(() => h.close());

  it('acknowledges a command with an ephemeral "busy" payload, and calls no response URL', async () => {
    h.socket.send(commandEnvelope('env-busy-1', 'article 6', h.fake.responseUrl()));
    const ack = await h.acked('env-busy-1');
    const payload = ack.payload as { response_type: string; text: string };
    expect(payload.response_type).toBe('ephemeral');
    expect(payload.text).toContain(BUSY_MESSAGE);
    expect(h.slack.state.turns.busy).toBe(1);
    expect(h.fake.responses).toHaveLength(0);
  });

  it('acknowledges a mention, then says "busy" in its thread instead of answering', async () => {
    h.socket.send(mentionEnvelope('env-busy-2', 'EvBUSY', 'timeline', '1800000000.000400'));
    await h.acked('env-busy-2');
    const post = await h.fake.waitFor(() => h.fake.posts('chat.postMessage')[0], 'chat.postMessage');
    expect(post.body).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1800000000.000400' });
    expect(visibleText(post.body)).toContain(BUSY_MESSAGE);
    expect(h.slack.state.turns.busy).toBe(2);
  });
});
