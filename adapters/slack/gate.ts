// What a request to POST /slack/events must pass before Bolt sees it (HTTP mode). Bolt would read up
// to 4 MB of anyone's body before checking the signature, log a line per bad request, accept signed
// timestamps from the future and crash on a signed body that is valid JSON but not an object. Here the
// body is read with a small limit and a deadline, the signature checked both ways in time, malformed
// bodies refused with 400, replayed slash commands acknowledged but not answered again, and
// unauthenticated rejections counted into one summary line a minute (rejections.ts).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import type { Logger } from '../../src/runtime/logger.js';
import type { StateStore } from '../../src/runtime/state/store.js';
import type { Rejections } from './rejections.js';
import { BUSY_ACK } from './render.js';

export const EVENTS_PATH = '/slack/events';

export interface HttpLimits {
  /** Largest body accepted, in bytes: Slack's payloads are a few KB, a message with blocks tens of KB. */
  bodyLimit: number;
  /** The whole body must arrive within this many ms of the headers. */
  bodyTimeoutMs: number;
  /** The headers must arrive within this many ms of the connection (slowloris). */
  headersTimeoutMs: number;
  /** Connections open at once; more are refused. Each holds at most `bodyLimit` of memory. */
  maxConnections: number;
}

/** With these, the bodies being read hold at most 1024 × 64 KiB = 64 MiB however hard anyone tries. */
export const DEFAULT_HTTP_LIMITS: HttpLimits = { bodyLimit: 64 * 1024, bodyTimeoutMs: 5_000, headersTimeoutMs: 5_000, maxConnections: 1024 };

/** Slack's replay window: a signed request more than five minutes from now, either way, is refused. */
export const MAX_SKEW_SECONDS = 5 * 60;

export interface GateOptions {
  signingSecret: string;
  log: Logger;
  store: StateStore;
  rejections: Rejections;
  limits: HttpLimits;
  /** When answers are falling behind, new commands are told "busy" in the acknowledgement (src/runtime/turns.ts). */
  load?: { overloaded(): boolean; shed(): void };
  now?: () => number;
}

const BUSY_ACK_BODY = JSON.stringify(BUSY_ACK);

type Body = { ok: true; raw: Buffer } | { ok: false; status: 408 | 413 };

function readBody(req: IncomingMessage, limits: HttpLimits): Promise<Body> {
  const declared = Number(req.headers['content-length']);
  if (declared > limits.bodyLimit) return Promise.resolve({ ok: false, status: 413 });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (body: Body) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError);
      resolve(body);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.bodyLimit) done({ ok: false, status: 413 });
      else chunks.push(chunk);
    };
    const onEnd = () => done({ ok: true, raw: Buffer.concat(chunks) });
    const onError = () => done({ ok: false, status: 408 });
    const timer = setTimeout(() => done({ ok: false, status: 408 }), limits.bodyTimeoutMs);
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

/** Why a signature check failed, for the summary line; undefined when it passed. */
function verify(req: IncomingMessage, raw: Buffer, secret: string, nowSeconds: number): string | undefined {
  const signature = req.headers['x-slack-signature'];
  const stamp = req.headers['x-slack-request-timestamp'];
  if (typeof signature !== 'string' || typeof stamp !== 'string') return 'unsigned';
  const timestamp = Number(stamp);
  if (!Number.isInteger(timestamp)) return 'bad_timestamp';
  if (timestamp < nowSeconds - MAX_SKEW_SECONDS) return 'stale';
  if (timestamp > nowSeconds + MAX_SKEW_SECONDS) return 'future';
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${stamp}:`).update(raw).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? undefined : 'bad_signature';
}

/** The body as Bolt will parse it, or undefined when that would not be an object. */
export function parseSlackBody(raw: Buffer, contentType: string | undefined): Record<string, unknown> | undefined {
  try {
    const text = raw.toString('utf8');
    let parsed: unknown;
    if (contentType === 'application/x-www-form-urlencoded') {
      const form = parseForm(text);
      parsed = typeof form.payload === 'string' ? JSON.parse(form.payload) : form;
    } else parsed = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function isSslCheck(req: IncomingMessage, raw: Buffer): boolean {
  return req.headers['content-type'] === 'application/x-www-form-urlencoded' && parseForm(raw.toString('utf8')).ssl_check === '1';
}

/** How long a client whose body was refused may go on sending (read and dropped) before it is cut off. */
const LINGER_MS = 1_000;

/** A refusal before the body was read (too large, too slow): answer, drop the rest, then disconnect. */
function cutOff(req: IncomingMessage, res: ServerResponse, status: number): void {
  // Closing at once, with the client's bytes still unread, would reset the connection and the client
  // would never see the status. So the rest is read and dropped (no memory kept) for a moment, then cut.
  req.resume();
  res.writeHead(status).end();
  setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
}

export function createGate(options: GateOptions, next: RequestListener): RequestListener {
  const now = options.now ?? Date.now;
  const { log, rejections, store, limits } = options;

  async function gate(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req, limits);
    if (!body.ok) {
      rejections.count(body.status === 413 ? 'too_large' : 'body_timeout');
      return cutOff(req, res, body.status);
    }
    if (isSslCheck(req, body.raw)) {
      // Slack checks a slash command's certificate with an unsigned ssl_check=1 and expects a 200.
      res.writeHead(200).end();
      return;
    }
    const failed = verify(req, body.raw, options.signingSecret, Math.floor(now() / 1000));
    if (failed) {
      rejections.count(failed);
      res.writeHead(401).end();
      return;
    }
    const parsed = parseSlackBody(body.raw, req.headers['content-type']);
    if (!parsed) {
      // Signed by Slack's secret, so rare enough to log each: either Slack changed or the secret leaked.
      log.warn({ bytes: body.raw.length, contentType: req.headers['content-type'] }, 'malformed request ignored: the signed body is not a JSON object');
      res.writeHead(400).end();
      return;
    }
    if (typeof parsed.command === 'string' && options.load?.overloaded()) {
      // Shedding costs a few microseconds; answering through Bolt and a response URL, over a millisecond.
      options.load.shed();
      res.writeHead(200, { 'content-type': 'application/json' }).end(BUSY_ACK_BODY);
      return;
    }
    if (typeof parsed.command === 'string' && !(await firstTime(req.headers['x-slack-signature'] as string))) {
      // A captured command sent again: acknowledged, so the sender learns nothing, but not answered twice.
      rejections.count('replayed_command');
      res.writeHead(200).end();
      return;
    }
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body.raw; // Bolt reads this instead of the stream
    next(req, res);
  }

  /** The signature is a hash of the timestamp and body: the same signature twice is a replay. */
  async function firstTime(signature: string): Promise<boolean> {
    const key = `slack:replay:${createHash('sha256').update(signature).digest('base64url')}`;
    try {
      // Kept a little longer than a signature stays valid (five minutes either way of its timestamp).
      return await store.claim(key, '1', 2 * MAX_SKEW_SECONDS * 1000 + 60_000);
    } catch (error) {
      // The shared store being down must not stop answers: this request is let through.
      log.warn({ err: error }, 'replay check unavailable; command let through');
      return true;
    }
  }

  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'POST' || path !== EVENTS_PATH) return next(req, res);
    gate(req, res).catch((error: unknown) => {
      log.error({ err: error }, 'request gate failed');
      if (!res.headersSent) cutOff(req, res, 500);
    });
  };
}
