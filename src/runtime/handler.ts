// The one handler path every adapter calls: it applies the limits, asks the core, logs one line per
// request and returns a Reply for the adapter to render. Adapters never call the engine to answer.
import { randomUUID } from 'node:crypto';
import type { Answer } from '../answer.js';
import type { Conversations } from '../conversation/memory.js';
import type { Engine } from '../engine.js';
import type { Logger } from './logger.js';
import type { RateLimiter } from './rateLimit.js';
import type { HandledRequest } from './recorder.js';

export type Platform = 'slack' | 'discord' | 'console';

export interface BotRequest {
  /** The question or subcommand text, without the command name or the bot's mention. */
  text: string;
  /** Platform user id (rate limits are per user and platform). */
  user: string;
  channel?: string;
  platform: Platform;
  /**
   * The conversation this message belongs to (a Slack thread or DM, a Discord reply chain or DM, the
   * console session): a follow-up is answered in the context of its previous turn (src/conversation/).
   */
  conversation?: string;
  /** Slack team or Discord guild; absent in DMs and the console. Kept in the question log. */
  workspace?: string;
  channelType?: 'dm' | 'channel' | 'thread';
}

export type Reply =
  | { type: 'answer'; requestId: string; answer: Answer }
  | { type: 'help'; requestId: string }
  | { type: 'too_long'; requestId: string; length: number; maxLength: number }
  | { type: 'rate_limited'; requestId: string; retryAfterSeconds: number }
  | { type: 'shutting_down'; requestId: string }
  /** Too many questions waiting: told at once rather than answered late (see RespondOptions.after). */
  | { type: 'busy'; requestId: string };

export interface Handler {
  /** The reply to a request. Prefer `respond` in adapters: `handle` alone does not cover delivery. */
  handle(request: BotRequest): Promise<Reply>;
  /**
   * Answer and deliver as one task: drain() waits for the delivery too (a post that is being retried,
   * say), so shutting down never cuts off an answer already being sent.
   */
  respond(request: BotRequest, deliver: (reply: Reply) => Promise<void>, options?: RespondOptions): Promise<void>;
  /**
   * Stop taking requests and wait (at most timeoutMs) for those in flight to finish. Resolves with the
   * request ids still unfinished when the time ran out: acknowledged, and now never to be answered.
   */
  drain(timeoutMs: number): Promise<DrainResult>;
}

export interface DrainResult {
  unfinished: string[];
}

export interface RespondOptions {
  /**
   * Start answering only once this resolves (an adapter letting acknowledgements go first, say); the
   * wait already counts as in flight, so a shutdown waits for it too. 'busy': the adapter cannot
   * answer in time, and the asker gets a "busy" reply at once instead of an answer.
   */
  after?: () => Promise<void | 'go' | 'busy'>;
}

export interface HandlerOptions {
  engine: Engine;
  logger: Logger;
  rateLimiter: RateLimiter;
  maxQuestionLength: number;
  /** Where conversations keep their previous turn; without it every question is answered alone. */
  conversations?: Conversations;
  /** Called once per request with its reply (the question log); must not throw or wait. */
  record?: (entry: HandledRequest) => void;
}

const HELP_WORDS = new Set(['', 'help', '?', 'commands']);

export function createHandler({ engine, logger, rateLimiter, maxQuestionLength, conversations, record }: HandlerOptions): Handler {
  // Each task in flight, with its request id for the shutdown's account of what it could not finish.
  const inFlight = new Map<Promise<unknown>, string>();
  let draining = false;

  async function process(request: BotRequest, requestId: string): Promise<Reply> {
    const started = performance.now();
    const text = request.text.trim();
    const log = logger.child({ requestId, platform: request.platform, user: request.user, channel: request.channel });
    log.debug({ question: text.slice(0, maxQuestionLength) }, 'question');
    let reply: Reply;
    // Length is checked in code points so emoji count as one character each, as users see them.
    const length = [...text].length;
    if (HELP_WORDS.has(text.toLowerCase())) reply = { type: 'help', requestId };
    else if (length > maxQuestionLength) reply = { type: 'too_long', requestId, length, maxLength: maxQuestionLength };
    else {
      const decision = await rateLimiter.take(`${request.platform}:${request.user}`);
      if (!decision.allowed) reply = { type: 'rate_limited', requestId, retryAfterSeconds: decision.retryAfterSeconds };
      else reply = { type: 'answer', requestId, answer: await askInConversation(text, request.conversation, log) };
    }
    const latencyMs = Math.round((performance.now() - started) * 1000) / 1000;
    if (reply.type === 'answer') {
      const { answer } = reply;
      log.info({ reply: reply.type, latencyMs, abstained: answer.abstained, outcome: answer.outcome.type, intent: answer.intent, results: answer.results.map((r) => r.id), ...(answer.context ? { followsOn: answer.context.from } : {}) }, 'answered');
    } else {
      log.info({ reply: reply.type, latencyMs }, 'answered');
    }
    record?.({ request, reply, latencyMs });
    return reply;
  }

  /** A state store that fails costs the conversation its context, never the answer. */
  async function askInConversation(text: string, conversation: string | undefined, log: Logger): Promise<Answer> {
    if (!conversations || conversation === undefined) return engine.ask(text);
    const context = await conversations.context(conversation).catch((err: unknown) => void log.warn({ err }, 'could not read the conversation'));
    const answer = engine.ask(text, context ?? undefined);
    await conversations.remember(conversation, answer).catch((err: unknown) => log.warn({ err }, 'could not keep the conversation'));
    return answer;
  }

  const track = <T>(task: Promise<T>, requestId: string): Promise<T> => {
    inFlight.set(task, requestId);
    void task.finally(() => inFlight.delete(task)).catch(() => undefined);
    return task;
  };
  const handle = (request: BotRequest): Promise<Reply> => {
    const requestId = randomUUID();
    if (draining) return Promise.resolve({ type: 'shutting_down', requestId });
    return track(process(request, requestId), requestId);
  };
  const busy = (request: BotRequest, requestId: string): Reply => {
    logger.info({ requestId, platform: request.platform, user: request.user, channel: request.channel, reply: 'busy' }, 'answered');
    return { type: 'busy', requestId };
  };

  return {
    handle,
    respond(request, deliver, options = {}) {
      const requestId = randomUUID();
      // Decided on arrival: a request taken before the drain began is answered, not told "restarting".
      const refused = draining;
      const reply = async (): Promise<Reply> => {
        if (refused) return { type: 'shutting_down', requestId };
        if ((await options.after?.()) === 'busy') return busy(request, requestId);
        return process(request, requestId);
      };
      // Tracked from the start, so a drain that begins mid-answer still waits for the delivery.
      return track(reply().then(deliver), requestId);
    },
    async drain(timeoutMs) {
      draining = true;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => { timer = setTimeout(resolve, timeoutMs); });
      // Until nothing is in flight: "I'm restarting" replies to requests that arrive meanwhile are
      // tracked too, and are waited for like the answers before them.
      const settled = async () => { while (inFlight.size) await Promise.allSettled([...inFlight.keys()]); };
      await Promise.race([settled(), timeout]);
      clearTimeout(timer);
      return { unfinished: [...inFlight.values()] };
    },
  };
}
