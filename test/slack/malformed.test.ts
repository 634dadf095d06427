// Malformed payloads that pass authentication (signed by Slack's secret, or on the app's own Socket
// Mode connection) are logged and ignored: the process stays up and the next valid request is answered.
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { createSlackApp, type SlackApp } from '../../adapters/slack/index.js';
import { createMemoryStore } from '../../src/runtime/state/store.js';
import { testEngine, testHandler } from '../helpers/engine.js';
import { TEAM_ID, startFakeSlack, type FakeSlack, type Json } from './fakeSlack.js';
import { startHarness, type Harness } from './harness.js';

/** A logger that keeps every line, to check what was said about the bad input. */
function capture() {
  const lines: Json[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => { lines.push(JSON.parse(line) as Json); } });
  return { logger, lines };
}

describe('HTTP mode: signed but malformed bodies', () => {
  let h: Harness;
  const log = capture();
  beforeAll(async () => { h = await startHarness({ logger: log.logger }); });
  afterAll(() => h.close());

  it.each([
    ['a JSON body null', 'null', 'application/json'],
    ['a JSON array', '[1,2]', 'application/json'],
    ['a form payload=null', 'payload=null', 'application/x-www-form-urlencoded'],
    ['a form payload that is a string', 'payload=%22x%22', 'application/x-www-form-urlencoded'],
  ])('%s gets 400, is logged, and the next command is answered', async (_what, body, type) => {
    const res = await h.post(body, type);
    expect(res.status).toBe(400);
    expect(log.lines.some((l) => /malformed/i.test(String(l.msg)))).toBe(true);
    const { responseUrl } = await h.command('article 6');
    const answer = await h.fake.responseAt(new URL(responseUrl).pathname);
    expect(JSON.stringify(answer)).toContain('Article 6');
  });
});

describe('Socket Mode: malformed frames', () => {
  let fake: FakeSlack;
  let wss: WebSocketServer;
  let slack: SlackApp;
  let socket: WebSocket;
  const log = capture();

  beforeAll(async () => {
    fake = await startFakeSlack();
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    fake.setResult('apps.connections.open', { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link` });
    const connected = new Promise<WebSocket>((resolve) => wss.once('connection', (ws) => {
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0APP' } }));
      resolve(ws);
    }));
    slack = createSlackApp({
      handler: testHandler(), engine: testEngine(), logger: log.logger, store: createMemoryStore(), health: { isReady: () => true },
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

  it('ignores frames null, an array and an events_api envelope without a payload, then answers a command', async () => {
    for (const frame of ['null', '[]', '42', JSON.stringify({ envelope_id: 'env-bad', type: 'events_api', payload: null })]) socket.send(frame);
    const responseUrl = fake.responseUrl();
    socket.send(JSON.stringify({
      envelope_id: 'env-ok', type: 'slash_commands', accepts_response_payload: true,
      payload: { team_id: TEAM_ID, channel_id: 'C0GENERAL', user_id: 'U0ALICE', user_name: 'alice', command: '/treaty', text: 'article 6', response_url: responseUrl, trigger_id: '1' },
    }));
    const answer = await fake.responseAt(new URL(responseUrl).pathname);
    expect(JSON.stringify(answer)).toContain('Article 6');
    expect(log.lines.filter((l) => /malformed/i.test(String(l.msg)))).toHaveLength(4);
  });
});
