// A local stand-in for Discord on 127.0.0.1: REST under /api/v10 and a gateway WebSocket on the same
// port. The real discord.js client connects to it exactly as to Discord (GET /gateway/bot, HELLO,
// IDENTIFY → READY, GUILD_CREATE, heartbeats, RESUME), and every REST call it makes is recorded. Like a
// new application, it has the privileged intents switched off: it refuses them at IDENTIFY and hides the
// content of messages the bot may not read without Message Content.
import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { APP_ID, BOT, BOT_ROLE_ID, CHANNEL_ID, GUILD_ID, TOKEN, guildCreatePayload, readyPayload, shardOf, snowflake, user, type Json } from './payloads.js';

const GUILD_MEMBERS = 1 << 1;
const GUILD_PRESENCES = 1 << 8;
const MESSAGE_CONTENT = 1 << 15;
const PRIVILEGED = GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT;

export interface RestCall {
  method: string;
  /** Path after /api/v10, e.g. /interactions/123/abc/callback. */
  path: string;
  query: URLSearchParams;
  body: any;
  authorization: string | undefined;
  /** What the fake answered (a sent message's id, say). */
  response?: any;
}

interface Session {
  id: string;
  /** [shard id, shard count] from IDENTIFY. */
  shard: [number, number];
  seq: number;
  events: { op: 0; s: number; t: string; d: unknown }[];
  socket?: WebSocket;
}

export interface FakeDiscordOptions {
  /** Heartbeat interval sent in HELLO; short, so heartbeats and their ACKs happen during tests. */
  heartbeatIntervalMs?: number;
  /** The developer portal's privileged-intent switches are on (default off: IDENTIFY with one closes 4014). */
  privilegedIntents?: boolean;
  /** Guilds the bot is in (default: GUILD_ID). Each shard is sent only its own, by Discord's formula. */
  guilds?: string[];
  /** What GET /gateway/bot recommends. */
  shards?: number;
}

/** A response the fake holds back until released, to act out a slow Discord. */
export interface Hold {
  /** Resolves when the held request has arrived. */
  received: Promise<RestCall>;
  release(): void;
}

export class FakeDiscord extends EventEmitter {
  readonly calls: RestCall[] = [];
  identifies = 0;
  resumes = 0;
  heartbeats = 0;
  /** The last IDENTIFY payload's data (token, intents, properties...). */
  lastIdentify: { token: string; intents: number; shard?: [number, number] } | undefined;
  /** IDENTIFYs per shard id, to see a restarted shard identify again. */
  readonly identifiesByShard = new Map<number, number>();
  private readonly sessions = new Map<string, Session>();
  private current: Session | undefined;
  private readonly interactions = new Map<string, Json>();
  private readonly messages = new Map<string, Json>();
  /** Interaction tokens whose response is still the deferred "thinking…" placeholder. */
  private readonly loading = new Set<string>();
  private readonly followUps = new Map<string, Json[]>();
  private readonly holds: { match: (call: RestCall) => boolean; arrived: (call: RestCall) => void; gate: Promise<void> }[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private port = 0;

  private constructor(private readonly server: Server, private readonly options: FakeDiscordOptions) {
    super();
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    const fake = new FakeDiscord(server, options);
    server.on('request', (req, res) => void fake.onRequest(req, res));
    server.on('upgrade', (req, socket, head) => fake.wss.handleUpgrade(req, socket, head, (ws) => fake.onSocket(ws)));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    fake.port = (server.address() as AddressInfo).port;
    return fake;
  }

  /** What DISCORD_API_URL / rest.api is set to. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  // ---- gateway ----

  /** The live session of each shard id. */
  private readonly shards = new Map<number, Session>();

  /**
   * Send a dispatch (op 0) on the session of the shard the guild belongs to (or the current session,
   * for DMs and unsharded clients); kept for replay if the client resumes later.
   */
  dispatch(t: string, d: Json): void {
    const count = this.current?.shard[1] ?? 1;
    const guild = typeof d.guild_id === 'string' ? d.guild_id : undefined;
    const session = guild && count > 1 ? this.shards.get(shardOf(guild, count)) : (this.shards.get(0) ?? this.current);
    if (!session) throw new Error('no gateway session: is the client (or the guild\'s shard) logged in?');
    if (t === 'INTERACTION_CREATE') this.interactions.set(d.token as string, d);
    if (t === 'MESSAGE_CREATE' && !this.readable(d)) d = { ...d, content: '', embeds: [], attachments: [], components: [] };
    this.send(session, t, d);
  }

  private send(session: Session, t: string, d: Json): void {
    const event = { op: 0 as const, s: ++session.seq, t, d };
    session.events.push(event);
    if (session.socket?.readyState === WebSocket.OPEN) session.socket.send(JSON.stringify(event));
  }

  /**
   * Whether the bot may see a message's content. Without Message Content, Discord's documented
   * exceptions: messages it sends, DMs, messages that mention it (a reply with "ping on reply" on lists
   * the replied-to author in `mentions`), and, as we read "mentioned", a mention of its own role.
   */
  private readable(message: Json): boolean {
    if ((this.lastIdentify?.intents ?? 0) & MESSAGE_CONTENT) return true;
    const mentions = (message.mentions ?? []) as Json[];
    return !message.guild_id || (message.author as Json).id === BOT.id || mentions.some((u) => u.id === BOT.id)
      || ((message.mention_roles ?? []) as string[]).includes(BOT_ROLE_ID);
  }

  /** Whether the client has a live, identified or resumed gateway connection. */
  get connected(): boolean {
    return this.current?.socket?.readyState === WebSocket.OPEN;
  }

  /** Drop the gateway connection as Discord does now and then (4000 = unknown error: resumable). */
  disconnect(code = 4000): void {
    this.current?.socket?.close(code, 'fake outage');
  }

  private onSocket(ws: WebSocket): void {
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 300 }, s: null, t: null }));
    ws.on('message', (raw) => {
      const { op, d } = JSON.parse(String(raw)) as { op: number; d: any };
      if (op === 1) {
        this.heartbeats++;
        ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      } else if (op === 2) this.identify(ws, d);
      else if (op === 6) this.resume(ws, d);
    });
    ws.on('close', () => {
      if (this.current?.socket === ws) this.current.socket = undefined;
    });
  }

  private identify(ws: WebSocket, d: { token: string; intents: number; shard?: [number, number] }): void {
    if (d.token !== TOKEN) {
      ws.close(4004, 'Authentication failed');
      return;
    }
    if (!this.options.privilegedIntents && d.intents & PRIVILEGED) {
      ws.close(4014, 'Disallowed intent(s).');
      return;
    }
    const shard = d.shard ?? [0, 1];
    if (!(shard[0] >= 0 && shard[0] < shard[1])) {
      ws.close(4010, 'Invalid shard.');
      return;
    }
    this.identifies++;
    this.identifiesByShard.set(shard[0], (this.identifiesByShard.get(shard[0]) ?? 0) + 1);
    this.lastIdentify = d;
    const session: Session = { id: `session-${snowflake()}`, shard, seq: 0, events: [], socket: ws };
    this.sessions.set(session.id, session);
    this.shards.set(shard[0], session);
    this.current = session;
    const guilds = (this.options.guilds ?? [GUILD_ID]).filter((g) => shardOf(g, shard[1]) === shard[0]);
    this.send(session, 'READY', readyPayload(session.id, this.gatewayUrl, guilds, shard));
    for (const guild of guilds) this.send(session, 'GUILD_CREATE', guildCreatePayload(guild));
  }

  /** Whether a shard has a live, identified or resumed connection. */
  shardConnected(id: number): boolean {
    return this.shards.get(id)?.socket?.readyState === WebSocket.OPEN;
  }

  private resume(ws: WebSocket, d: { token: string; session_id: string; seq: number }): void {
    const session = this.sessions.get(d.session_id);
    if (!session || d.token !== TOKEN) {
      ws.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      return;
    }
    this.resumes++;
    session.socket = ws;
    this.current = session;
    this.shards.set(session.shard[0], session);
    // Replay what the client missed, then RESUMED, as Discord does.
    for (const event of session.events) if (event.s > d.seq) ws.send(JSON.stringify(event));
    const resumed = { op: 0, s: ++session.seq, t: 'RESUMED', d: {} };
    session.events.push(resumed as Session['events'][number]);
    ws.send(JSON.stringify(resumed));
  }

  // ---- REST ----

  /** Resolves with the first recorded call (past or future) that matches. */
  async waitForCall(match: (call: RestCall) => boolean, timeoutMs = 5000): Promise<RestCall> {
    const found = this.calls.find(match);
    if (found) return found;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('call', listener);
        reject(new Error(`no matching REST call within ${timeoutMs} ms; calls: ${this.calls.map((c) => `${c.method} ${c.path}`).join(', ')}`));
      }, timeoutMs);
      const listener = (call: RestCall) => {
        if (!match(call)) return;
        clearTimeout(timer);
        this.off('call', listener);
        resolve(call);
      };
      this.on('call', listener);
    });
  }

  /** The message the bot's answer to an interaction became (after any edits), as Discord would store it. */
  messageFor(interactionToken: string): Json {
    const message = this.messages.get(interactionToken);
    if (!message) throw new Error('the bot has not answered that interaction, or deleted its answer');
    return message;
  }

  /** Whether the interaction's original response exists (it was sent and not deleted). */
  hasOriginal(interactionToken: string): boolean {
    return this.messages.has(interactionToken);
  }

  /** Follow-up messages the bot sent to an interaction, in order. */
  followUpsFor(interactionToken: string): Json[] {
    return this.followUps.get(interactionToken) ?? [];
  }

  /** Hold back the response to the next request that matches, until released. */
  hold(match: (call: RestCall) => boolean): Hold {
    let arrived!: (call: RestCall) => void;
    let release!: () => void;
    const received = new Promise<RestCall>((resolve) => { arrived = resolve; });
    const gate = new Promise<void>((resolve) => { release = resolve; });
    this.holds.push({ match, arrived, gate });
    return { received, release };
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const call: RestCall = {
      method: req.method ?? 'GET', path: decodeURIComponent(url.pathname).replace(/^\/api\/v10/, ''), query: url.searchParams,
      body: raw && req.headers['content-type']?.includes('json') ? JSON.parse(raw) : raw || undefined,
      authorization: req.headers.authorization,
    };
    const held = this.holds.findIndex((h) => h.match(call));
    if (held >= 0) {
      const [hold] = this.holds.splice(held, 1);
      hold!.arrived(call);
      await hold!.gate;
    }
    const [status, payload] = this.route(call);
    res.writeHead(status, payload === undefined ? {} : { 'content-type': 'application/json' });
    res.end(payload === undefined ? undefined : JSON.stringify(payload));
    call.response = payload;
    this.calls.push(call);
    this.emit('call', call);
  }

  private route(call: RestCall): [number, unknown] {
    const { method, path, body } = call;
    const botAuth = call.authorization === `Bot ${TOKEN}`;
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      if (!botAuth) return [401, { message: '401: Unauthorized', code: 0 }];
      // max_concurrency 16, as Discord grants large bots: shards may identify 16 per 5 seconds.
      return [200, { url: this.gatewayUrl, shards: this.options.shards ?? 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 16 } }];
    }
    if (method === 'POST' && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      const interaction = this.interactions.get(m[2]!);
      if (!interaction || interaction.id !== m[1]) return [404, { message: 'Unknown interaction', code: 10062 }];
      if (body.type === 4 || body.type === 5) this.messages.set(m[2]!, this.message(interaction, body.data ?? {}));
      if (body.type === 5) this.loading.add(m[2]!);
      if (body.type === 7) {
        const original = interaction.message as Json;
        this.messages.set(m[2]!, { ...original, ...body.data });
      }
      return [204, undefined];
    }
    if (method === 'PATCH' && (m = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/.exec(path))) {
      const previous = this.messages.get(m[2]!);
      if (m[1] !== APP_ID || !previous) return [404, { message: 'Unknown message', code: 10008 }];
      const edited = { ...previous, ...body, flags: previous.flags, edited_timestamp: new Date().toISOString() };
      this.messages.set(m[2]!, edited);
      this.loading.delete(m[2]!);
      return [200, edited];
    }
    if (method === 'DELETE' && (m = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/.exec(path))) {
      if (m[1] !== APP_ID || !this.messages.delete(m[2]!)) return [404, { message: 'Unknown message', code: 10008 }];
      this.loading.delete(m[2]!);
      return [204, undefined];
    }
    if (method === 'POST' && (m = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(path))) {
      const interaction = this.interactions.get(m[2]!);
      if (m[1] !== APP_ID || !interaction) return [404, { message: 'Unknown webhook', code: 10015 }];
      // As Discord does: a follow-up while the deferred response is loading resolves that response, which
      // keeps the visibility chosen when deferring (the follow-up's ephemeral flag is ignored).
      if (this.loading.delete(m[2]!)) {
        const resolved = { ...this.messages.get(m[2]!)!, ...body, flags: this.messages.get(m[2]!)!.flags };
        this.messages.set(m[2]!, resolved);
        return [200, resolved];
      }
      const followUp = this.message(interaction, body);
      this.followUps.set(m[2]!, [...this.followUpsFor(m[2]!), followUp]);
      return [200, followUp];
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      if (!botAuth) return [401, { message: '401: Unauthorized', code: 0 }];
      return [200, { ...this.message({ channel_id: m[1] }, body), ...(body.message_reference ? { message_reference: body.message_reference } : {}) }];
    }
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      if (!botAuth) return [401, { message: '401: Unauthorized', code: 0 }];
      return [200, (body as Json[]).map((c) => ({ ...c, id: snowflake(), application_id: APP_ID, version: snowflake() }))];
    }
    return [404, { message: `Unknown route ${method} ${path}`, code: 0 }];
  }

  private message(where: Json, data: Json): Json {
    return {
      id: snowflake(), channel_id: where.channel_id ?? CHANNEL_ID, ...(where.guild_id ? { guild_id: where.guild_id } : {}),
      author: user(BOT), content: data.content ?? '', embeds: data.embeds ?? [], components: data.components ?? [],
      flags: data.flags ?? 0, timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false,
      mentions: [], mention_roles: [], attachments: [], pinned: false, type: 0,
    };
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
