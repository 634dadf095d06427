// Slack Socket Mode as two processes (the built bundle) sharing Redis: Slack gives each envelope to
// one of the app's connections, and may retry an event on another; the retry is not answered again,
// and a Share click on the other connection posts the answer once.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { ACTIONS } from '../../adapters/slack/blocks.js';
import { SHARED_REDIS_URL, uniquePrefix } from '../helpers/redis.js';
import { BOT_USER_ID, TEAM_ID, startFakeSlack, type FakeSlack } from '../slack/fakeSlack.js';
import { findButton } from '../slack/harness.js';
import { buildBundle, startReplica, type Replica } from './fleet.js';

describe('two Slack Socket Mode processes sharing Redis', () => {
  let fake: FakeSlack;
  let wss: WebSocketServer;
  const sockets: WebSocket[] = [];
  let replicas: Replica[] = [];
  beforeAll(async () => {
    buildBundle('fleet-socket');
    fake = await startFakeSlack();
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    fake.setResult('apps.connections.open', { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link` });
    wss.on('connection', (ws) => {
      sockets.push(ws);
      ws.send(JSON.stringify({ type: 'hello', num_connections: sockets.length, connection_info: { app_id: 'A0APP' } }));
    });
    const prefix = uniquePrefix('socket');
    replicas = await Promise.all([0, 1].map(() => startReplica({ apiUrl: fake.apiUrl, redisUrl: SHARED_REDIS_URL, redisPrefix: prefix, socket: true })));
  }, 40_000);
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.kill()));
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    await fake?.close();
  });

  const mentionEnvelope = (envelope: string, retry: number) => JSON.stringify({
    envelope_id: envelope, type: 'events_api', accepts_response_payload: false, retry_attempt: retry, retry_reason: retry ? 'timeout' : '',
    payload: {
      type: 'event_callback', team_id: TEAM_ID, api_app_id: 'A0APP', event_id: 'EvSOCKFLEET', event_time: 1,
      event: { type: 'app_mention', user: 'U0ALICE', text: `<@${BOT_USER_ID}> article 6`, ts: '1800000000.000900', channel: 'C0GENERAL' },
    },
  });

  it('one connection each; an event retried on the other connection is answered once', async () => {
    expect(sockets).toHaveLength(2);
    sockets[0]!.send(mentionEnvelope('env-a', 0));
    await fake.waitFor(() => fake.posts('chat.postMessage').find((c) => c.body.thread_ts === '1800000000.000900'), 'the answer');
    sockets[1]!.send(mentionEnvelope('env-b', 1));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fake.posts('chat.postMessage').filter((c) => c.body.thread_ts === '1800000000.000900')).toHaveLength(1);
    expect(replicas.some((r) => r.logs.some((l) => l.msg === 'duplicate event ignored'))).toBe(true);
  });

  it('a command answered through one connection is shared through the other, once', async () => {
    const responseUrl = fake.responseUrl();
    sockets[0]!.send(JSON.stringify({
      envelope_id: 'env-c', type: 'slash_commands', accepts_response_payload: true,
      payload: { team_id: TEAM_ID, channel_id: 'C0GENERAL', user_id: 'U0ALICE', user_name: 'alice', command: '/treaty', text: 'quotes HRW', response_url: responseUrl, trigger_id: '1' },
    }));
    const value = findButton(await fake.responseAt(new URL(responseUrl).pathname), ACTIONS.share)!.value;
    const clickUrl = fake.responseUrl();
    const click = (envelope: string) => JSON.stringify({
      envelope_id: envelope, type: 'interactive', accepts_response_payload: false,
      payload: {
        type: 'block_actions', api_app_id: 'A0APP', trigger_id: '1', response_url: clickUrl, team: { id: TEAM_ID, domain: 'test' },
        user: { id: 'U0BOB', username: 'bob', name: 'bob', team_id: TEAM_ID }, channel: { id: 'C0GENERAL', name: 'general' },
        container: { type: 'message', message_ts: '1800000000.000950', channel_id: 'C0GENERAL', is_ephemeral: true },
        actions: [{ type: 'button', action_id: ACTIONS.share, block_id: 'answer-actions', value, action_ts: '1800000001.0' }],
      },
    });
    sockets[1]!.send(click('env-d'));
    sockets[0]!.send(click('env-e'));
    const path = new URL(clickUrl).pathname;
    const bodies = await fake.waitFor(() => {
      const got = fake.responses.filter((r) => r.path === path).map((r) => r.body);
      return got.length >= 3 ? got : undefined;
    }, 'share handled');
    expect(bodies.filter((b) => b.response_type === 'in_channel')).toHaveLength(1);
  });
});
