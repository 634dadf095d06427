// The composition root: from a validated Config, build the engine, limiter and handler, start every
// configured adapter (or the console when none is) and the health server, and stop them in order.
// main.ts owns the process (env, signals, exit codes); this owns the wiring, so tests run it in-process.
import type { Engine } from '../src/engine.js';
import { createConversations } from '../src/conversation/memory.js';
import { openEngine } from '../src/knowledge/open.js';
import type { Config } from '../src/runtime/config.js';
import { createHandler, type Handler } from '../src/runtime/handler.js';
import { startHealthServer, type HealthServer } from '../src/runtime/health.js';
import type { Logger } from '../src/runtime/logger.js';
import { createMemoryRateLimiter, unlimited } from '../src/runtime/rateLimit.js';
import { connectRedisState, type RedisState } from '../src/runtime/state/redis.js';
import { createMemoryStore, type StateStore } from '../src/runtime/state/store.js';
import { createTurns } from '../src/runtime/turns.js';
import { openConfiguredDatabase, recorderFor } from '../src/runtime/database.js';
import { sharedDatabase } from '../src/runtime/sharedDatabase.js';
import type { Recorder } from '../src/runtime/recorder.js';
import type { ConsoleOptions } from './console/index.js';
import type { AdapterDeps, RunningAdapter } from './shared/adapter.js';

export interface BotOptions {
  config: Config;
  logger: Logger;
  /** The terminal to chat in when no platform is configured. */
  console: ConsoleOptions;
  /** The knowledge base; openEngine() over knowledge/ unless given. */
  openEngine?: () => Engine;
  /** Interface for the health server (all by default; tests use 127.0.0.1). */
  healthHost?: string;
  /** What keeps questions and feedback; built from config.database unless given. */
  recorder?: Recorder;
  /** How long each adapter may take to connect (auth.test, the gateway) before start-up fails. */
  startupTimeoutMs?: number;
}

/** A platform that never answers must not leave start-up waiting forever. */
export const STARTUP_TIMEOUT_MS = 30_000;

/** What each adapter waits for while it connects, for the message when it does not finish in time. */
const CONNECTING: Record<string, string> = {
  slack: 'Slack did not answer auth.test (or open the Socket Mode connection)',
  discord: 'the Discord gateway did not become ready (login, then READY)',
};

/** An adapter that did not connect within the start-up timeout: the network or the API URL, not the credentials. */
export class StartupTimeoutError extends Error {
  constructor(readonly adapter: string, readonly ms: number) {
    super(`${CONNECTING[adapter] ?? `${adapter} did not connect`} within ${ms / 1000} s`);
    this.name = 'StartupTimeoutError';
  }
}

export interface RunningBot {
  handler: Handler;
  /** The adapters that run, e.g. ['slack', 'discord'] or ['console']. */
  adapters: RunningAdapter[];
  health?: HealthServer;
  recorder: Recorder;
  isReady(): boolean;
  /** Resolves when the console's input has ended and every answer is printed; never for platforms. */
  finished: Promise<void>;
  /** Stop taking requests, let those in flight finish (bounded), stop the adapters, close health. */
  stop(): Promise<void>;
  /** After stop(): requests acknowledged but not answered within SHUTDOWN_TIMEOUT_MS (their askers heard nothing). */
  readonly dropped: number;
}

/** An adapter that failed to start, named so the operator knows which credentials to check. */
export class AdapterStartError extends Error {
  constructor(readonly adapter: string, override readonly cause: unknown) {
    super(`${adapter}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'AdapterStartError';
  }
}

interface Plan {
  name: string;
  mode?: string;
  start(deps: AdapterDeps): Promise<RunningAdapter & { finished?: Promise<void> }>;
}

/** Which adapters this configuration runs. Platforms load lazily: one not configured costs nothing. */
export function planAdapters(config: Config, consoleOptions: ConsoleOptions): Plan[] {
  const plans: Plan[] = [];
  const { slack, discord } = config;
  if (slack) {
    plans.push({ name: 'slack', mode: slack.oauth ? 'http, OAuth' : slack.mode, start: async (deps) => (await import('./slack/index.js')).startSlack({ ...deps, config: slack }) });
  }
  // DISCORD_SHARDS: this process manages shard processes; in a shard process (discord.js sets
  // SHARDING_MANAGER there) the client serves the shard it was given.
  if (discord && discord.shards !== undefined && process.env.SHARDING_MANAGER !== 'true') {
    plans.push({
      name: 'discord', mode: `${discord.shards} shards`,
      start: async (deps) => (await import('./discord/shards.js')).startDiscordShards({ ...deps, config: discord, healthPort: config.healthPort }),
    });
  } else if (discord) {
    plans.push({ name: 'discord', start: async (deps) => (await import('./discord/index.js')).startDiscord({ ...deps, config: discord }) });
  }
  if (!plans.length) {
    plans.push({ name: 'console', start: async (deps) => (await import('./console/index.js')).startConsole({ ...deps, options: consoleOptions }) });
  }
  return plans;
}

export async function startBot(options: BotOptions): Promise<RunningBot> {
  const { config, logger } = options;
  let started = false;
  let stopping = false;
  const adapters: RunningAdapter[] = [];
  const isReady = () => started && !stopping && adapters.every((a) => a.connected?.() !== false);
  // Shared state (REDIS_URL) or this process's memory; /readyz names Redis while it is unreachable.
  let shared: RedisState | undefined;
  // One database for the question log and Slack installations, opened on first use (after ready).
  const database = sharedDatabase(() => openConfiguredDatabase(config.database));
  const recorder = options.recorder ?? recorderFor(config.database, database, logger);
  // A database that is down makes the bot degraded, not unready: it still answers.
  const degraded = () => [...(shared?.degraded() ?? []), ...(recorder.status() === 'unavailable' ? ['database'] : [])];
  // Up first, so probes see a live but unready process while the knowledge base is indexed.
  const health = config.healthPort === undefined ? undefined : await startHealthServer({ port: config.healthPort, host: options.healthHost, isReady, degraded });
  if (health) logger.info({ port: health.port }, 'health server listening on /healthz and /readyz');

  let handler: Handler;
  let store: StateStore = createMemoryStore();
  let finished: Promise<void> = new Promise(() => undefined);
  try {
    const engine = (options.openEngine ?? openEngine)();
    logger.info({ articles: engine.catalog.articles.length }, 'knowledge base indexed');
    const plans = planAdapters(config, options.console);
    // The console's only user is the person at the keyboard (or a piped file): nobody to protect.
    const consoleOnly = plans.every((p) => p.name === 'console');
    if (config.redis && !consoleOnly) {
      shared = await connectRedisState({ ...config.redis, logger });
      store = shared.store;
    }
    const { perMinute } = config.rateLimit;
    const rateLimiter = consoleOnly ? unlimited : shared ? shared.rateLimiter(perMinute) : createMemoryRateLimiter(perMinute);
    // Conversations (follow-ups in threads, DMs, reply chains) keep their previous turn in the same store.
    handler = createHandler({
      engine, logger, rateLimiter, maxQuestionLength: config.maxQuestionLength, conversations: createConversations(store), record: recorder.question,
    });
    // One queue of answers for every platform: the limit is this process's, whoever asks.
    const turns = createTurns();
    const deps: AdapterDeps = { handler, engine, logger, store, health: { isReady, degraded }, recorder, database: database.get, turns };
    for (const plan of plans) logger.info({ adapter: plan.name, mode: plan.mode }, `starting ${plan.name}${plan.mode ? ` (${plan.mode} mode)` : ''}`);
    // In parallel: each platform's handshake is a network round trip or two.
    const startupMs = options.startupTimeoutMs ?? STARTUP_TIMEOUT_MS;
    const outcomes = await Promise.allSettled(plans.map((plan) => withStartupTimeout(plan, deps, startupMs)));
    outcomes.forEach((o) => o.status === 'fulfilled' && adapters.push(o.value));
    const failed = outcomes.findIndex((o) => o.status === 'rejected');
    if (failed >= 0) throw new AdapterStartError(plans[failed]!.name, (outcomes[failed] as PromiseRejectedResult).reason);
    for (const a of adapters as (RunningAdapter & { finished?: Promise<void> })[]) if (a.finished) finished = a.finished;
  } catch (error) {
    // Release what did start, so a failed start leaves no port bound and no socket open.
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await store.close();
    await health?.close();
    throw error;
  }
  started = true;
  logger.info({ adapters: adapters.map((a) => a.name), healthPort: health?.port }, 'ready');
  // Only now: opening (and, the first time, creating) the database never delays the first answer.
  recorder.open();

  let stopped: Promise<void> | undefined;
  let dropped = 0;
  const stop = async (): Promise<void> => {
    stopping = true;
    const { unfinished } = await handler.drain(config.shutdownTimeoutMs);
    dropped = unfinished.length;
    if (unfinished.length) {
      logger.error({ dropped: unfinished.length, shutdownTimeoutMs: config.shutdownTimeoutMs }, `shutdown: ${unfinished.length} acknowledged requests could not be answered within SHUTDOWN_TIMEOUT_MS`);
      logger.debug({ requestIds: unfinished }, 'shutdown: requests dropped');
    }
    // Disconnecting gets its own bound: SHUTDOWN_TIMEOUT_MS=0 means "don't wait for answers", not "don't say goodbye".
    const stopMs = Math.max(1000, config.shutdownTimeoutMs);
    const results = await Promise.allSettled(adapters.map((a) => bounded(a.stop(), stopMs, a.name)));
    results.forEach((r, i) => r.status === 'rejected' && logger.warn({ adapter: adapters[i]!.name, err: r.reason }, 'adapter did not stop cleanly'));
    await store.close().catch((err: unknown) => logger.warn({ err }, 'state store did not close cleanly'));
    // Its own bound: the first start creates the embedded database, which can take seconds.
    await recorder.close(Math.max(RECORDER_CLOSE_MS, config.shutdownTimeoutMs));
    await database.close().catch((err: unknown) => logger.warn({ err }, 'database did not close cleanly'));
    await health?.close();
  };
  return {
    handler,
    adapters,
    health,
    recorder,
    isReady,
    finished,
    stop: () => (stopped ??= stop()),
    get dropped() {
      return dropped;
    },
  };
}

/** How long a shutdown waits for the question log to be written. */
const RECORDER_CLOSE_MS = 20_000;

/** The longest a stop() can take by its parts' bounds (answers, adapters, question log), plus a margin. */
export function maxShutdownMs(shutdownTimeoutMs: number): number {
  return shutdownTimeoutMs + Math.max(1000, shutdownTimeoutMs) + Math.max(RECORDER_CLOSE_MS, shutdownTimeoutMs) + 5_000;
}

/** Start one adapter, or fail with StartupTimeoutError; one that connects too late is stopped again. */
function withStartupTimeout(plan: Plan, deps: AdapterDeps, ms: number): Promise<RunningAdapter & { finished?: Promise<void> }> {
  const starting = plan.start(deps);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void starting.then((late) => late.stop(), () => undefined);
      reject(new StartupTimeoutError(plan.name, ms));
    }, ms);
  });
  return Promise.race([starting, timeout]).finally(() => clearTimeout(timer));
}

/** An adapter that hangs while disconnecting must not keep the process from exiting. */
function bounded(promise: Promise<void>, ms: number, name: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not stop within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
