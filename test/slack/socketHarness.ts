// The real Bolt app in Socket Mode on loopback: the fake Web API hands out the URL of a local WebSocket
// server (apps.connections.open), which says hello as Slack's does; helpers send envelopes as Slack
// sends them and wait for the bot's acknowledgements.
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { createSlackApp, type SlackApp, type SlackAppOptions } from '../../adapters/slack/index.js';
import { createMemoryStore } from '../../src/runtime/state/store.js';
import { testEngine, testHandler } from '../helpers/engine.js';
import { BOT_USER_ID, TEAM_ID, startFakeSlack, type FakeSlack, type Json } from './fakeSlack.js';

export interface SocketHarness {
  fake: FakeSlack;
  wss: WebSocketServer;
  slack: SlackApp;
  /** The bot's side of the first connection, as Slack sees it. */
  socket: WebSocket;
  /** Every frame the bot sent over the first connection (acknowledgements). */
  received: Json[];
  /** The acknowledgement of one envelope, once it arrives. */
  acked(envelopeId: string): Promise<Json>;
  close(): Promise<void>;
}

export async function startSocketHarness(app: SlackAppOptions = {}): Promise<SocketHarness> {
  const fake = await startFakeSlack();
  const received: Json[] = [];
  const frames = new EventEmitter();
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  fake.setResult('apps.connections.open', { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link` });
  const connected = new Promise<WebSocket>((resolve) => wss.once('connection', (ws) => {
    ws.on('message', (data) => {
      received.push(JSON.parse(String(data)) as Json);
      frames.emit('frame');
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0APP' } }));
    resolve(ws);
  }));
  const slack = createSlackApp({
    handler: testHandler(), engine: testEngine(), logger: pino({ level: 'silent' }), store: createMemoryStore(), health: { isReady: () => true },
    config: { botToken: 'xoxb-test-token', mode: 'socket', appToken: 'xapp-test-token', port: 0, apiUrl: fake.apiUrl, publicAnswers: false },
  }, app);
  await slack.start();
  const socket = await connected;
  return {
    fake, wss, slack, socket, received,
    acked: (id) => new Promise((resolve, reject) => {
      // Frames come over the socket, not as API calls, so fake.waitFor would not see them arrive.
      const check = () => {
        const ack = received.find((m) => m.envelope_id === id);
        if (!ack) return;
        clearTimeout(timer);
        frames.off('frame', check);
        resolve(ack);
      };
      const timer = setTimeout(() => { frames.off('frame', check); reject(new Error(`timed out waiting for the ack of ${id}`)); }, 5_000);
      frames.on('frame', check);
      check();
    }),
    async close() {
      await slack.stop();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await fake.close();
    },
  };
}

/** A /treaty slash command envelope, answered through `responseUrl`. */
export function commandEnvelope(envelopeId: string, text: string, responseUrl: string): string {
  return JSON.stringify({
    envelope_id: envelopeId, type: 'slash_commands', accepts_response_payload: true,
    payload: { team_id: TEAM_ID, channel_id: 'C0GENERAL', user_id: 'U0ALICE', user_name: 'alice', command: '/treaty', text, response_url: responseUrl, trigger_id: '1' },
  });
}

/** An app_mention event envelope: `@bot text` in #general, at message timestamp `ts`. */
export function mentionEnvelope(envelopeId: string, eventId: string, text: string, ts: string): string {
  return JSON.stringify({
    envelope_id: envelopeId, type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '',
    payload: {
      type: 'event_callback', team_id: TEAM_ID, api_app_id: 'A0APP', event_id: eventId, event_time: 1,
      event: { type: 'app_mention', user: 'U0ALICE', text: `<@${BOT_USER_ID}> ${text}`, ts, channel: 'C0GENERAL' },
    },
  });
}
