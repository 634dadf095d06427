// Socket Mode: the real Bolt app opens a WebSocket (URL from apps.connections.open on the fake Web
// API), receives a slash command and a mention as Slack sends them, acknowledges each envelope and
// answers through the response URL and chat.postMessage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../helpers/engine.js';
import { commandEnvelope, mentionEnvelope, startSocketHarness, type SocketHarness } from './socketHarness.js';
import { visibleText } from './slackChecks.js';

/** Wait for a condition that no API call signals (connection state), checking every 20 ms. */
async function poll(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Socket Mode', () => {
  let h: SocketHarness;
  beforeAll(async () => { h = await startSocketHarness(); });
  afterAll(() => h.close());

  it('opened the connection with the app-level token, on the configured API', () => {
    const open = h.fake.calls.find((c) => c.method === 'apps.connections.open');
    expect(open?.authorization).toBe('Bearer xapp-test-token');
  });

  it('acknowledges a slash command envelope and answers through the response URL', async () => {
    const responseUrl = h.fake.responseUrl();
    h.socket.send(commandEnvelope('env-1', 'article 6', responseUrl));
    await h.acked('env-1');
    const body = await h.fake.waitFor(() => h.fake.responses.find((r) => r.path === new URL(responseUrl).pathname)?.body, 'answer');
    expect(body.response_type).toBe('ephemeral');
    expect(visibleText(body)).toContain(testEngine().ask('article 6').results[0]!.title);
  });

  it('acknowledges an event envelope and answers a mention in a thread', async () => {
    h.socket.send(mentionEnvelope('env-2', 'EvSOCK', 'timeline', '1800000000.000300'));
    await h.acked('env-2');
    const post = await h.fake.waitFor(() => h.fake.posts('chat.postMessage')[0], 'chat.postMessage');
    expect(post.body).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1800000000.000300' });
    expect(post.authorization).toBe('Bearer xoxb-test-token');
  });

  it('reports the socket down while it reconnects, and up again once Slack says hello (for /readyz)', async () => {
    expect(h.slack.connected()).toBe(true);
    const reconnected = new Promise<void>((resolve) => h.wss.once('connection', (ws) => {
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0APP' } }));
      resolve();
    }));
    h.socket.close(1001, 'going away'); // as Slack closes a socket it is about to refresh
    await poll(() => !h.slack.connected(), 'socket reported down', 2_000);
    // The client waits its ping timeout (5 s) before reconnecting.
    await poll(() => h.slack.connected(), 'socket reported up again', 15_000);
    await reconnected;
  });
});
