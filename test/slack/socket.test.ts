// Socket Mode: the real Bolt app opens a WebSocket (URL from apps.connections.open on the fake Web
// API), receives a slash command and a mention as Slack sends them, acknowledges each envelope and
// answers through the response URL and chat.postMessage.
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { createSlackApp, type SlackApp } from '../../adapters/slack/index.js';
import { testEngine, testHandler } from '../helpers/engine.js';
import { BOT_USER_ID, TEAM_ID, startFakeSlack, type FakeSlack, type Json } from './fakeSlack.js';
import { visibleText } from './slackChecks.js';
import { createMemoryStore } from '../../src/runtime/state/store.js';

/** Wait for a condition that no API call signals (connection state), checking every 20 ms. */
async function poll(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Socket Mode', () => {
  let fake: FakeSlack;
  let wss: WebSocketServer;
  let slack: SlackApp;
  let socket: WebSocket;
  const received: Json[] = [];

  beforeAll(async () => {
    fake = await startFakeSlack();
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    fake.setResult('apps.connections.open', { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link` });
    const connected = new Promise<WebSocket>((resolve) => wss.once('connection', (ws) => {
      ws.on('message', (data) => received.push(JSON.parse(String(data)) as Json));
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0APP' } }));
      resolve(ws);
    }));
    slack = createSlackApp({
      handler: testHandler(), engine: testEngine(), logger: pino({ level: 'silent' }), store: createMemoryStore(), health: { isReady: () => true },
      config: { botToken: 'xoxb-test-token', mode: 'socket', appToken: 'xapp-test-token', port: 0, apiUrl: fake.apiUrl, publicAnswers: false },
    });
    await slack.start();
    socket = await connected;
  });
  afterAll(async () => {
    await slack.stop();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    await fake.close();
  });

  const acked = (id: string) => fake.waitFor(() => (received.some((m) => m.envelope_id === id) ? true : undefined), `ack of ${id}`);

  it('opened the connection with the app-level token, on the configured API', () => {
    const open = fake.calls.find((c) => c.method === 'apps.connections.open');
    expect(open?.authorization).toBe('Bearer xapp-test-token');
  });

  it('acknowledges a slash command envelope and answers through the response URL', async () => {
    const responseUrl = fake.responseUrl();
    socket.send(JSON.stringify({
      envelope_id: 'env-1', type: 'slash_commands', accepts_response_payload: true,
      payload: { team_id: TEAM_ID, channel_id: 'C0GENERAL', user_id: 'U0ALICE', user_name: 'alice', command: '/treaty', text: 'article 6', response_url: responseUrl, trigger_id: '1' },
    }));
    await acked('env-1');
    const body = await fake.waitFor(() => fake.responses.find((r) => r.path === new URL(responseUrl).pathname)?.body, 'answer');
    expect(body.response_type).toBe('ephemeral');
    expect(visibleText(body)).toContain(testEngine().ask('article 6').results[0]!.title);
  });

  it('acknowledges an event envelope and answers a mention in a thread', async () => {
    socket.send(JSON.stringify({
      envelope_id: 'env-2', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '',
      payload: {
        type: 'event_callback', team_id: TEAM_ID, api_app_id: 'A0APP', event_id: 'EvSOCK', event_time: 1,
        event: { type: 'app_mention', user: 'U0ALICE', text: `<@${BOT_USER_ID}> timeline`, ts: '1800000000.000300', channel: 'C0GENERAL' },
      },
    }));
    await acked('env-2');
    const post = await fake.waitFor(() => fake.posts('chat.postMessage')[0], 'chat.postMessage');
    expect(post.body).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1800000000.000300' });
    expect(post.authorization).toBe('Bearer xoxb-test-token');
  });

  it('reports the socket down while it reconnects, and up again once Slack says hello (for /readyz)', async () => {
    expect(slack.connected()).toBe(true);
    const reconnected = new Promise<void>((resolve) => wss.once('connection', (ws) => {
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0APP' } }));
      resolve();
    }));
    socket.close(1001, 'going away'); // as Slack closes a socket it is about to refresh
    await poll(() => !slack.connected(), 'socket reported down', 2_000);
    // The client waits its ping timeout (5 s) before reconnecting.
    await poll(() => slack.connected(), 'socket reported up again', 15_000);
    await reconnected;
  });
});
