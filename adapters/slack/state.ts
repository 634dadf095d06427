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
  /** Recent answers by request id, for "Share in channel". */
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

/** Ask the core through the one handler path; keep answers so they can be shared later. */
export async function ask(state: SlackState, text: string, user: string, channel: string | undefined): Promise<Reply> {
  await state.turns.next();
  const reply = await state.deps.handler.handle({ text, user, channel, platform: 'slack' });
  if (reply.type === 'answer') state.answers.set(reply.requestId, reply);
  return reply;
}
