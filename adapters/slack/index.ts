// The Slack adapter: a Bolt app in Socket Mode (app-level token) or HTTP mode (signing secret,
// POST /slack/events on PORT), answering /treaty, mentions, DMs and thread follow-ups through the
// one handler path, and rendering replies with Block Kit.
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { RunningAdapter } from '../shared/adapter.js';
import { boltLogger } from './boltLogger.js';
import { DEFAULT_HTTP_LIMITS, createGate, type HttpLimits } from './gate.js';
import { healthRoutes } from './health.js';
import { BOT_SCOPES, databaseInstallationStore, registerUninstall } from './installations.js';
import { registerListeners } from './listeners/index.js';
import type { TurnOptions } from '../../src/runtime/turns.js';
import { createRejections } from './rejections.js';
import { guardSocketFrames } from './socketFrames.js';
import { createState, type SlackDeps, type SlackState } from './state.js';

export type { SlackDeps } from './state.js';

/** An answer is only useful within seconds: retry Web API calls briefly, honouring Retry-After. */
export const DEFAULT_RETRY: webApi.RetryOptions = { retries: 3, factor: 2, minTimeout: 100, maxTimeout: 2_000 };

export interface SlackAppOptions {
  retryConfig?: webApi.RetryOptions;
  /** HTTP mode: interface to listen on (default: all). Tests use 127.0.0.1. */
  host?: string;
  /** HTTP mode: request limits (gate.ts); tests shorten the timeouts. */
  limits?: Partial<HttpLimits>;
  /** How often unauthenticated rejections are summed up in one log line (default a minute). */
  rejectionSummaryMs?: number;
  /** How many answers may wait, and for how long (src/runtime/turns.ts), when deps.turns is not given. */
  turns?: Partial<TurnOptions>;
}

export interface SlackApp {
  app: App;
  state: SlackState;
  /** Check the bot token (auth.test), then listen (HTTP) or connect (Socket Mode). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The bound port in HTTP mode, once started (useful with port 0). */
  readonly port: number | undefined;
  /** Started, and in Socket Mode with its WebSocket open. */
  connected(): boolean;
}

export function createSlackApp(deps: SlackDeps, options: SlackAppOptions = {}): SlackApp {
  const { config } = deps;
  const state = createState(deps, options.turns);
  const logger = boltLogger(state.log);
  const apiUrl = config.apiUrl;
  const clientOptions = { ...(apiUrl ? { slackApiUrl: apiUrl } : {}), retryConfig: options.retryConfig ?? DEFAULT_RETRY };
  if (config.oauth && !deps.database) throw new Error('Slack OAuth needs the database (for installations)');
  const installationStore = config.oauth && deps.database ? databaseInstallationStore(deps.database) : undefined;
  const receiver = config.mode === 'socket'
    ? new SocketModeReceiver({
      appToken: config.appToken ?? '',
      logger,
      installerOptions: { clientOptions: apiUrl ? { slackApiUrl: apiUrl } : {} },
    })
    : new HTTPReceiver({
      signingSecret: config.signingSecret ?? '',
      endpoints: '/slack/events',
      port: config.port,
      customRoutes: healthRoutes(deps.health),
      logger,
      processBeforeResponse: false,
      // OAuth mode: "Add to Slack" at /slack/install, Slack's redirect at /slack/oauth_redirect.
      ...(config.oauth && installationStore ? {
        ...config.oauth,
        scopes: BOT_SCOPES,
        installationStore,
        installerOptions: { directInstall: true, clientOptions: apiUrl ? { slackApiUrl: apiUrl } : {} },
      } : {}),
    });
  const limits = { ...DEFAULT_HTTP_LIMITS, ...options.limits };
  const rejections = createRejections(state.log, options.rejectionSummaryMs);
  if (receiver instanceof HTTPReceiver) {
    // Bolt's server calls receiver.requestListener for every request: the gate goes in front of it.
    const gate = { signingSecret: config.signingSecret ?? '', log: state.log, store: deps.store, rejections, limits, load: state.turns };
    receiver.requestListener = createGate(gate, receiver.requestListener);
  } else guardSocketFrames(receiver.client, state.log);
  const app = new App({ token: config.botToken, receiver, logger, clientOptions, deferInitialization: true, convoStore: false });
  registerListeners(app, state);
  if (installationStore) registerUninstall(app, installationStore, state.log);
  app.error(async (error) => {
    state.log.error({ err: error }, 'slack listener failed');
  });

  let port: number | undefined;
  let started = false;
  // Socket Mode holds a WebSocket that can drop and be re-opened; HTTP mode has no connection to lose.
  let socketUp = config.mode !== 'socket';
  if (receiver instanceof SocketModeReceiver) {
    receiver.client.on('connected', () => { socketUp = true; });
    for (const down of ['close', 'reconnecting', 'disconnected']) receiver.client.on(down, () => { socketUp = false; });
  }
  return {
    app,
    state,
    connected: () => started && socketUp,
    get port() {
      return port;
    },
    async start() {
      await app.init();
      if (config.mode === 'socket') await app.start();
      else {
        const server = await app.start({ port: config.port, ...(options.host ? { host: options.host } : {}) }, {
          headersTimeout: limits.headersTimeoutMs,
          requestTimeout: limits.headersTimeoutMs + limits.bodyTimeoutMs,
          // Node checks those timeouts this often (30 s by default).
          connectionsCheckingInterval: 1_000,
        });
        server.maxConnections = limits.maxConnections;
        port = (server.address() as AddressInfo).port;
      }
      started = true;
    },
    async stop() {
      if (!started) return;
      started = false;
      rejections.flush();
      await app.stop();
    },
  };
}

export async function startSlack(deps: SlackDeps): Promise<RunningAdapter & { port?: number }> {
  const slack = createSlackApp(deps);
  await slack.start();
  const log = deps.logger.child({ adapter: 'slack' });
  log.info({ mode: deps.config.mode, port: slack.port, apiUrl: deps.config.apiUrl }, 'slack adapter started');
  return { name: 'slack', port: slack.port, connected: slack.connected, stop: () => slack.stop() };
}
