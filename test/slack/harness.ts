// The real Bolt app (HTTP mode) on loopback, wired to the real handler and engine, talking to the fake
// Slack; helpers send slash commands, events and interactions signed exactly as Slack signs them.
import pino from 'pino';
import type { Handler, BotRequest } from '../../src/runtime/handler.js';
import type { Logger } from '../../src/runtime/logger.js';
import type { Recorder } from '../../src/runtime/recorder.js';
import type { SlackConfig } from '../../src/runtime/config.js';
import { createSlackApp, type SlackApp, type SlackAppOptions } from '../../adapters/slack/index.js';
import { testEngine, testHandler } from '../helpers/engine.js';
import { BOT_USER_ID, TEAM_ID, startFakeSlack, type FakeSlack, type Json } from './fakeSlack.js';
import { signedHeaders } from './sign.js';
import { createMemoryStore, type StateStore } from '../../src/runtime/state/store.js';

export const SECRET = 'test-signing-secret-0123456789abcdef';

export interface HarnessOptions {
  publicAnswers?: boolean;
  handler?: Handler;
  logger?: Logger;
  /** Request limits and the like, over the harness's own options. */
  app?: SlackAppOptions;
  recorder?: Recorder;
  /** The adapter's state store (memory unless given). */
  store?: StateStore;
}

export interface Harness {
  fake: FakeSlack;
  slack: SlackApp;
  base: string;
  /** Every request the adapter passed to the handler. */
  asked: BotRequest[];
  ready: { value: boolean };
  /** POST a raw body to /slack/events; signed unless headers say otherwise. */
  post(body: string, contentType: string, headers?: Record<string, string>): Promise<Response>;
  command(text: string, user?: string, extra?: Record<string, string>): Promise<{ res: Response; responseUrl: string }>;
  event(event: Json, options?: { eventId?: string; headers?: Record<string, string> }): Promise<Response>;
  action(payload: Json): Promise<Response>;
  close(): Promise<void>;
}

let eventCounter = 0;

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await startFakeSlack();
  const asked: BotRequest[] = [];
  const inner = options.handler ?? testHandler();
  // Records each request and passes it on untouched, so respond() and drain() stay the handler's own.
  const handler: Handler = {
    handle: (request) => { asked.push(request); return inner.handle(request); },
    respond: (request, deliver, options) => { asked.push(request); return inner.respond(request, deliver, options); },
    drain: (ms) => inner.drain(ms),
  };
  const ready = { value: false };
  const config: SlackConfig = {
    botToken: 'xoxb-test-token', mode: 'http', signingSecret: SECRET, port: 0, apiUrl: fake.apiUrl, publicAnswers: options.publicAnswers ?? false,
  };
  const slack = createSlackApp(
    { handler, engine: testEngine(), logger: options.logger ?? pino({ level: 'silent' }), store: options.store ?? createMemoryStore(), health: { isReady: () => ready.value }, recorder: options.recorder, config },
    { host: '127.0.0.1', retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 50 }, ...options.app },
  );
  await slack.start();
  const base = `http://127.0.0.1:${slack.port}`;

  const post = (body: string, contentType: string, headers?: Record<string, string>) =>
    fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(headers ?? signedHeaders(SECRET, body)) },
      body,
    });

  return {
    fake, slack, base, asked, ready, post,
    async command(text, user = 'U0ASKER', extra = {}) {
      const responseUrl = fake.responseUrl();
      const body = new URLSearchParams({
        token: 'legacy', team_id: TEAM_ID, team_domain: 'test', channel_id: 'C0GENERAL', channel_name: 'general',
        user_id: user, user_name: 'roadrunner', command: '/treaty', text, api_app_id: 'A0APP',
        response_url: responseUrl, trigger_id: '1.2.3', ...extra,
      }).toString();
      return { res: await post(body, 'application/x-www-form-urlencoded'), responseUrl };
    },
    event(event, { eventId, headers } = {}) {
      const body = JSON.stringify({
        token: 'legacy', team_id: TEAM_ID, api_app_id: 'A0APP', type: 'event_callback',
        event_id: eventId ?? `Ev${++eventCounter}`, event_time: Math.floor(Date.now() / 1000), event,
        authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true }],
      });
      return post(body, 'application/json', { ...signedHeaders(SECRET, body), ...headers });
    },
    action(payload) {
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      return post(body, 'application/x-www-form-urlencoded');
    },
    async close() {
      await slack.stop();
      await fake.close();
    },
  };
}

/** A block_actions payload for one button click. */
export function buttonClick(actionId: string, value: string, responseUrl: string, user = 'U0CLICKER'): Json {
  return {
    type: 'block_actions', token: 'legacy', api_app_id: 'A0APP', trigger_id: '1.2.3', response_url: responseUrl,
    team: { id: TEAM_ID, domain: 'test' }, user: { id: user, username: 'roadrunner', name: 'roadrunner', team_id: TEAM_ID },
    channel: { id: 'C0GENERAL', name: 'general' },
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0GENERAL', is_ephemeral: true },
    actions: [{ type: 'button', action_id: actionId, block_id: 'answer-actions', value, action_ts: '1700000001.000200', text: { type: 'plain_text', text: 'x' } }],
  };
}

/** The button of a rendered message with this action id. */
export function findButton(body: Json, actionId: string): { value: string } | undefined {
  let found: { value: string } | undefined;
  const visit = (v: unknown): void => {
    if (found || typeof v !== 'object' || v === null) return;
    const o = v as Json;
    if (o.type === 'button' && o.action_id === actionId) found = { value: String(o.value) };
    else Object.values(o).forEach(visit);
  };
  visit(body.blocks ?? []);
  return found;
}
