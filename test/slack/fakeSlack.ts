// A local stand-in for Slack's side of the wire on 127.0.0.1: the Web API (auth.test,
// chat.postMessage, views.publish, apps.connections.open) and response URLs. It records every call,
// can answer the next calls to a method with an error (429 + Retry-After), and lets tests wait for
// what they expect instead of sleeping.
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const BOT_USER_ID = 'UBOT123';
export const BOT_ID = 'BBOT123';
export const TEAM_ID = 'T0TEST';

export type Json = Record<string, unknown>;

export interface ApiCall {
  method: string;
  body: Json;
  status: number;
  authorization?: string;
}

export interface Respond {
  /** Path of the response URL, e.g. /respond/3. */
  path: string;
  body: Json;
}

interface Failure {
  status: number;
  headers?: Record<string, string>;
  body?: Json;
}

export interface FakeSlack {
  /** Web API base, for SlackConfig.apiUrl. */
  apiUrl: string;
  /** A fresh response URL for one slash command or interaction. */
  responseUrl(): string;
  calls: ApiCall[];
  responses: Respond[];
  /** Answer the next `times` calls to `method` with this failure. */
  failNext(method: string, failure: Failure, times?: number): void;
  /** Extra result fields for a method (e.g. apps.connections.open → url). */
  setResult(method: string, result: Json): void;
  /** The body posted to one response URL path, whenever it arrives (cheap: no scanning). */
  responseAt(path: string): Promise<Json>;
  /** Resolve with the first non-undefined value of `check`, re-checked on every call recorded. */
  waitFor<T>(check: () => T | undefined, what: string, timeoutMs?: number): Promise<T>;
  posts(method: string): ApiCall[];
  close(): Promise<void>;
}

function parseBody(raw: string, type: string | undefined): Json {
  if (type?.includes('application/json')) return JSON.parse(raw || '{}') as Json;
  const out: Json = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // The Web API client sends objects and arrays (blocks, view) as JSON strings inside the form.
    out[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return out;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const calls: ApiCall[] = [];
  const responses: Respond[] = [];
  const failures = new Map<string, Failure[]>();
  const results = new Map<string, Json>([
    ['auth.test', { user_id: BOT_USER_ID, bot_id: BOT_ID, team_id: TEAM_ID, user: 'treaty', team: 'Test' }],
  ]);
  const waiting = new Map<string, (body: Json) => void>();
  const arrived = new Map<string, Json>();
  let ts = 1_700_000_000;
  let responseUrls = 0;

  const send = (res: ServerResponse, status: number, body: Json, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const body = parseBody(raw, req.headers['content-type']);
    if (path.startsWith('/respond/')) {
      responses.push({ path, body });
      if (!arrived.has(path)) arrived.set(path, body);
      waiting.get(path)?.(body);
      waiting.delete(path);
      send(res, 200, { ok: true });
      events.emit('change');
      return;
    }
    const method = path.replace(/^\/api\//, '');
    const failure = failures.get(method)?.shift();
    const status = failure?.status ?? 200;
    calls.push({ method, body, status, authorization: req.headers.authorization });
    if (failure) send(res, failure.status, failure.body ?? { ok: false, error: 'ratelimited' }, failure.headers);
    else {
      ts += 1;
      const channel = typeof body.channel === 'string' ? body.channel : undefined;
      send(res, 200, { ok: true, ...(channel ? { channel, ts: `${ts}.000100` } : {}), ...results.get(method) });
    }
    events.emit('change');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: () => `${base}/respond/${++responseUrls}`,
    calls,
    responses,
    failNext(method, failure, times = 1) {
      failures.set(method, [...(failures.get(method) ?? []), ...Array.from({ length: times }, () => failure)]);
    },
    setResult(method, result) {
      results.set(method, result);
    },
    responseAt(path) {
      const body = arrived.get(path);
      if (body) return Promise.resolve(body);
      return new Promise((resolve) => waiting.set(path, resolve));
    },
    posts: (method) => calls.filter((c) => c.method === method && c.status === 200),
    waitFor(check, what, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const test = () => {
          const value = check();
          if (value === undefined) return false;
          cleanup();
          resolve(value);
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${what}; API calls: ${calls.map((c) => c.method).join(', ') || 'none'}; responses: ${responses.length}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          events.off('change', test);
        };
        if (!test()) events.on('change', test);
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
