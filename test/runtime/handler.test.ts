// The one handler path: limits produce their messages, every request is logged once, and shutdown
// lets the requests in flight finish while new ones are turned away.
import { describe, expect, it } from 'vitest';
import { replyText } from '../../adapters/shared/plainText.js';
import type { BotRequest, Reply } from '../../src/runtime/handler.js';
import { createLogger } from '../../src/runtime/logger.js';
import { createMemoryRateLimiter, type RateDecision, type RateLimiter } from '../../src/runtime/rateLimit.js';
import { testHandler } from '../helpers/engine.js';

const ask = (text: string, user = 'U1', platform: BotRequest['platform'] = 'console'): BotRequest => ({ text, user, platform });

/** A limiter whose decisions wait until the test releases them: a request held mid-flight. */
function gatedLimiter(): RateLimiter & { release(): void; waiting(): number } {
  const pending: ((d: RateDecision) => void)[] = [];
  return {
    take: () => new Promise<RateDecision>((resolve) => pending.push(resolve)),
    release: () => pending.splice(0).forEach((resolve) => resolve({ allowed: true })),
    waiting: () => pending.length,
  };
}

function captured() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
  return { lines, logger };
}

describe('limits', () => {
  it('a question over the maximum gets the too-long message, counted in characters as people see them', async () => {
    const handler = testHandler({ maxQuestionLength: 20 });
    const reply = await handler.handle(ask('What are the objectives of it?'));
    expect(reply).toMatchObject({ type: 'too_long', length: 30, maxLength: 20 });
    expect(replyText(reply)).toBe('That question is 30 characters long; please keep it under 20.');
    // Twenty emoji are twenty characters, not forty UTF-16 units.
    expect((await handler.handle(ask('🔒'.repeat(20)))).type).not.toBe('too_long');
  });

  it('past the per-user rate, a friendly "try again in N seconds"; other users and platforms are unaffected', async () => {
    let now = 1_000_000;
    const handler = testHandler({ rateLimiter: createMemoryRateLimiter(2, 60_000, () => now) });
    expect((await handler.handle(ask('article 1'))).type).toBe('answer');
    now += 15_000;
    expect((await handler.handle(ask('article 2'))).type).toBe('answer');
    now += 1_000;
    const limited = await handler.handle(ask('article 3'));
    // The first question leaves the window 60 s after it was asked: 44 s from now.
    expect(limited).toMatchObject({ type: 'rate_limited', retryAfterSeconds: 44 });
    expect(replyText(limited)).toBe("You're asking faster than I can keep up with. Try again in 44 seconds.");
    expect((await handler.handle(ask('article 3', 'U2'))).type).toBe('answer');
    expect((await handler.handle(ask('article 3', 'U1', 'slack'))).type).toBe('answer');
    now += 44_000;
    expect((await handler.handle(ask('article 3'))).type).toBe('answer');
  });

  it('help and too-long replies do not use up the rate limit', async () => {
    const handler = testHandler({ rateLimiter: createMemoryRateLimiter(1), maxQuestionLength: 10 });
    await handler.handle(ask('help'));
    await handler.handle(ask('a question that is far too long'));
    expect((await handler.handle(ask('article 7'))).type).toBe('answer');
  });

  it('help, an empty question and "commands" all get the help reply', async () => {
    const handler = testHandler();
    for (const text of ['help', '', '  HELP ', 'commands', '?']) expect((await handler.handle(ask(text))).type).toBe('help');
  });
});

describe('one log line per request', () => {
  it('with request id, platform, latency, abstained and result ids; the question only at debug level', async () => {
    const { lines, logger } = captured();
    const handler = testHandler({ logger });
    const reply = await handler.handle(ask('article 7', 'U9', 'discord'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'answered', requestId: reply.requestId, platform: 'discord', user: 'U9', reply: 'answer', abstained: false, results: ['article-7'] });
    expect(typeof lines[0]!.latencyMs).toBe('number');
    expect(JSON.stringify(lines)).not.toContain('article 7');
  });
});

describe('shutdown', () => {
  it('a request in flight still gets its answer; requests after drain() get shutting_down', async () => {
    const limiter = gatedLimiter();
    const handler = testHandler({ rateLimiter: limiter });
    const inFlight = handler.handle(ask('objectives'));
    await Promise.resolve();
    expect(limiter.waiting()).toBe(1);

    let drained = false;
    const draining = handler.drain(5_000).then(() => { drained = true; });
    const late = await handler.handle(ask('article 6'));
    expect(late.type).toBe('shutting_down');
    expect(replyText(late)).toBe("I'm restarting. Please ask again in a moment.");
    await new Promise((r) => setTimeout(r, 20));
    expect(drained).toBe(false);

    limiter.release();
    const reply: Reply = await inFlight;
    await draining;
    expect(drained).toBe(true);
    expect(reply.type).toBe('answer');
    expect(replyText(reply)).toContain('Article 1: Statement of purpose');
  });

  it('respond(): drain() waits for the delivery, also of a "restarting" reply to a request that came during the drain', async () => {
    const handler = testHandler();
    const delivered: string[] = [];
    const after = (ms: number) => (reply: Reply) => new Promise<void>((resolve) => setTimeout(() => { delivered.push(reply.type); resolve(); }, ms));
    void handler.respond(ask('article 7'), after(20));
    const drained = handler.drain(5_000);
    // Arrives during the drain and takes longer to deliver than the answer in flight.
    void handler.respond(ask('article 8'), after(80));
    await drained;
    expect([...delivered].sort()).toEqual(['answer', 'shutting_down']);
  });

  it('drain() waits no longer than its timeout for a request that never finishes', async () => {
    const handler = testHandler({ rateLimiter: gatedLimiter() });
    void handler.handle(ask('article 6'));
    const started = Date.now();
    await handler.drain(50);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
