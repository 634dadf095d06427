// What the Slack listeners share: the adapter's dependencies and its bounded memory.
import type { Reply } from '../../src/runtime/handler.js';
import type { SlackConfig } from '../../src/runtime/config.js';
import type { Logger } from '../../src/runtime/logger.js';
import type { AdapterDeps } from '../shared/adapter.js';
import { BoundedMap, BoundedSet } from './memory.js';
import { createTurns, type Turns } from './turns.js';

export type SlackDeps = AdapterDeps & { config: SlackConfig };

export interface SlackState {
  deps: SlackDeps;
  log: Logger;
  /** "channel:thread_ts" of threads the bot has answered in: follow-ups there need no mention. */
  threads: BoundedSet<string>;
  /** Event ids already handled, so a Slack retry (x-slack-retry-num) is not answered twice. */
  seenEvents: BoundedSet<string>;
  /** Recent answers offered with "Share in channel", by request id; taken when shared. */
  answers: BoundedMap<string, Reply>;
  /** Answers wait their turn so acknowledgements go first (see turns.ts). */
  turns: Turns;
}

export function createState(deps: SlackDeps): SlackState {
  return {
    deps,
    log: deps.logger.child({ adapter: 'slack' }),
    threads: new BoundedSet(10_000),
    seenEvents: new BoundedSet(10_000),
    answers: new BoundedMap(2_000),
    turns: createTurns(),
  };
}

export const threadKey = (channel: string, threadTs: string) => `${channel}:${threadTs}`;

export interface Question {
  text: string;
  user: string;
  channel: string | undefined;
}

/**
 * Ask the core through the one handler path and deliver inside it (`handler.respond`), so a shutdown
 * waits for a delivery still being retried. Each delivery waits its turn (turns.ts). Never throws,
 * since Slack would only log an error and the asker would hear nothing: a failure is logged, and
 * `tellFailure` (when given) lets the asker know.
 */
export async function answer(
  state: SlackState,
  question: Question,
  deliver: (reply: Reply) => Promise<void>,
  tellFailure?: () => Promise<unknown>,
): Promise<void> {
  const fail = async (error: unknown) => {
    state.log.error({ err: error, user: question.user, channel: question.channel }, 'answering failed');
    await tellFailure?.().catch((err: unknown) => state.log.warn({ err }, 'could not tell the asker that answering failed'));
  };
  try {
    // Waiting for the turn and telling of a failure happen inside the tracked task, so a shutdown
    // waits for them as it waits for the answer.
    await state.deps.handler.respond({ ...question, platform: 'slack' }, (reply) => deliver(reply).catch(fail), { after: () => state.turns.next() });
  } catch (error) {
    await fail(error);
  }
}
