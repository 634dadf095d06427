// The real core over the real knowledge base, built once per test file: adapters are tested against
// it, never against a fake.
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { Conversations } from '../../src/conversation/memory.js';
import type { Engine } from '../../src/engine.js';
import { openEngine } from '../../src/knowledge/open.js';
import { createHandler, type BotRequest, type Handler, type Reply } from '../../src/runtime/handler.js';
import type { Logger } from '../../src/runtime/logger.js';
import { createMemoryRateLimiter, type RateLimiter } from '../../src/runtime/rateLimit.js';

let engine: Engine | undefined;

export function testEngine(): Engine {
  engine ??= openEngine();
  return engine;
}

export interface TestHandlerOptions {
  logger?: Logger;
  rateLimiter?: RateLimiter;
  maxQuestionLength?: number;
  /** Keep conversations (follow-ups in context); none unless given. */
  conversations?: Conversations;
}

/** The real handler over the real engine; a silent logger and a generous rate limit unless given. */
export function testHandler(options: TestHandlerOptions = {}): Handler {
  return createHandler({
    engine: testEngine(),
    logger: options.logger ?? pino({ level: 'silent' }),
    rateLimiter: options.rateLimiter ?? createMemoryRateLimiter(1000),
    maxQuestionLength: options.maxQuestionLength ?? 500,
    ...(options.conversations ? { conversations: options.conversations } : {}),
  });
}

/**
 * A handler whose answers come from `handle` (a test double wrapping the real one, say), with
 * `respond` and `drain` behaving as the real handler's do around it.
 */
export function handlerFrom(handle: (request: BotRequest) => Promise<Reply>, base: Handler = testHandler()): Handler {
  return {
    handle,
    respond: async (request, deliver, options = {}) => {
      // As the real handler does: a request whose turn will not come in time is told "busy", not asked.
      if ((await options.after?.()) === 'busy') return deliver({ type: 'busy', requestId: randomUUID() });
      await deliver(await handle(request));
    },
    drain: (ms) => base.drain(ms),
  };
}
