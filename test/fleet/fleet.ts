// Several real bot processes (the built bundle, as `npm start` runs it) as Slack HTTP replicas on
// loopback, behind the round-robin proxy, answering through the fake Slack; helpers to send signed
// slash commands, events and button clicks the way Slack does. Shared by the fleet tests and
// `npm run bench:fleet`.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { freePort, waitUntil } from '../helpers/redis.js';
import { BOT_USER_ID, TEAM_ID, startFakeSlack, type FakeSlack, type Json } from '../slack/fakeSlack.js';
import { signedHeaders } from '../slack/sign.js';
import { startProxy, type Proxy } from './proxy.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SECRET = 'fleet-signing-secret-0123456789';
let BUNDLE = '';

/**
 * `npm run build` into dist/<name>, a directory of the caller's own, so it never races another
 * suite's build writing the same files; later processes run that bundle.
 */
export function buildBundle(name: string): string {
  execFileSync('npm', ['run', '-s', 'build', '--', `--outdir=dist/${name}`], { cwd: ROOT, stdio: 'pipe' });
  BUNDLE = fileURLToPath(new URL(`../../dist/${name}/adapters/main.js`, import.meta.url));
  return BUNDLE;
}

export interface Replica {
  port: number;
  child: ChildProcess;
  /** Every JSON log line the process wrote so far. */
  logs: Json[];
  /** Resolves when the process has exited. */
  exited: Promise<unknown>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface ReplicaOptions {
  apiUrl: string;
  /** Omitted: memory state. */
  redisUrl?: string;
  redisPrefix?: string;
  ratePerMinute?: number;
  /** Socket Mode (an app-level token) instead of HTTP; /readyz is then served on HEALTH_PORT. */
  socket?: boolean;
  env?: Record<string, string>;
}

export async function startReplica(options: ReplicaOptions): Promise<Replica> {
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '', HOME: ROOT,
    SLACK_BOT_TOKEN: 'xoxb-fleet-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: options.apiUrl, PORT: String(port),
    LOG_LEVEL: 'info', LOG_PRETTY: 'false', RATE_LIMIT_PER_MINUTE: String(options.ratePerMinute ?? 10_000), SHUTDOWN_TIMEOUT_MS: '2000',
    // No question log: replicas would share one embedded database (a fleet logs to DATABASE_URL).
    LOG_QUESTIONS: 'off',
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl, REDIS_KEY_PREFIX: options.redisPrefix ?? 'fleet:' } : {}),
    ...(options.socket ? { SLACK_APP_TOKEN: 'xapp-fleet-test', HEALTH_PORT: String(port) } : {}),
    ...options.env,
  };
  // A working directory without a .env, so only this environment counts.
  const child = spawn(process.execPath, ['--enable-source-maps', BUNDLE], { cwd: '/', env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: Json[] = [];
  let partial = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop()!;
    for (const line of lines) if (line.trim()) try { logs.push(JSON.parse(line) as Json); } catch { /* not a log line */ }
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const exited = once(child, 'exit');
  const replica: Replica = {
    port, child, logs, exited,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
  try {
    await waitUntil(async () => {
      if (child.exitCode !== null) throw new Error(`replica exited ${child.exitCode}: ${stderr}`);
      return (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status === 200;
    }, 40_000, 'replica ready');
  } catch (error) {
    await replica.kill('SIGKILL');
    throw error;
  }
  return replica;
}

/** `count` HTTP replicas behind the round-robin proxy, answering through a fake Slack of their own. */
export interface Fleet {
  fake: FakeSlack;
  replicas: Replica[];
  proxy: Proxy;
  slack: ReturnType<typeof slackClient>;
  close(): Promise<void>;
}

export async function startFleet(count: number, options: Omit<ReplicaOptions, 'apiUrl'>): Promise<Fleet> {
  const fake = await startFakeSlack();
  const started = await Promise.allSettled(Array.from({ length: count }, () => startReplica({ ...options, apiUrl: fake.apiUrl })));
  const replicas = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const close = async () => {
    await Promise.all(replicas.map((r) => r.kill()));
    await proxy?.close();
    await fake.close();
  };
  let proxy: Proxy | undefined;
  const failed = started.find((r) => r.status === 'rejected');
  if (failed) {
    await close();
    throw (failed as PromiseRejectedResult).reason;
  }
  proxy = await startProxy(replicas.map((r) => r.port));
  return { fake, replicas, proxy, slack: slackClient(fake), close };
}

/** The replica's /readyz body. */
export async function readiness(replica: Replica): Promise<Json> {
  return (await fetch(`http://127.0.0.1:${replica.port}/readyz`)).json() as Promise<Json>;
}

/** Sends signed requests to one base URL (the proxy, or one replica directly), as Slack does. */
export function slackClient(fake: FakeSlack) {
  const post = (base: string, body: string, contentType: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/slack/events`, { method: 'POST', headers: { 'content-type': contentType, ...signedHeaders(SECRET, body), ...headers }, body });
  return {
    /** A /treaty command; resolves with the HTTP status once acknowledged, and its response URL. */
    async command(base: string, text: string, user: string): Promise<{ status: number; responseUrl: string }> {
      const responseUrl = fake.responseUrl();
      const body = new URLSearchParams({
        team_id: TEAM_ID, channel_id: 'C0FLEET', user_id: user, user_name: user.toLowerCase(), command: '/treaty', text,
        response_url: responseUrl, trigger_id: '1.2.3',
      }).toString();
      const res = await post(base, body, 'application/x-www-form-urlencoded').catch(() => undefined);
      await res?.arrayBuffer();
      return { status: res?.status ?? 0, responseUrl };
    },
    async event(base: string, eventId: string, event: Json, retryNum?: number): Promise<number> {
      const body = JSON.stringify({
        team_id: TEAM_ID, api_app_id: 'A0APP', type: 'event_callback', event_id: eventId, event_time: Math.floor(Date.now() / 1000), event,
        authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true }],
      });
      const headers: Record<string, string> = retryNum ? { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' } : {};
      const res = await post(base, body, 'application/json', headers).catch(() => undefined);
      await res?.arrayBuffer();
      return res?.status ?? 0;
    },
    async click(base: string, actionId: string, value: string, responseUrl: string, user = 'U0CLICKER'): Promise<number> {
      const payload = {
        type: 'block_actions', api_app_id: 'A0APP', trigger_id: '1.2.3', response_url: responseUrl,
        team: { id: TEAM_ID, domain: 'fleet' }, user: { id: user, username: 'sharer', name: 'sharer', team_id: TEAM_ID },
        channel: { id: 'C0FLEET', name: 'fleet' }, container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0FLEET', is_ephemeral: true },
        actions: [{ type: 'button', action_id: actionId, block_id: 'answer-actions', value, action_ts: '1700000001.000200' }],
      };
      const res = await post(base, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
      await res.arrayBuffer();
      return res.status;
    },
  };
}

/** Run `tasks` with at most `concurrency` at a time. */
export async function pool<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  }));
  return results;
}
