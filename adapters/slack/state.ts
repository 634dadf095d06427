// What the Slack listeners share: the adapter's dependencies, the state store (shared by every replica
// when REDIS_URL is set) and the signer for button values.
import type { Reply } from '../../src/runtime/handler.js';
import type { SlackConfig } from '../../src/runtime/config.js';
import type { Logger } from '../../src/runtime/logger.js';
import type { AdapterDeps } from '../shared/adapter.js';
import { createSigner, type Signer } from '../shared/signed.js';
import { createTurns, type TurnOptions, type Turns } from '../../src/runtime/turns.js';

export type SlackDeps = AdapterDeps & { config: SlackConfig };

export interface SlackState {
  deps: SlackDeps;
  log: Logger;
  /** Signs what buttons carry ("Share in channel"), so any replica can trust it and nobody can forge it. */
  signer: Signer;
  /** Answers wait their turn so acknowledgements go first, and a bounded number of them (src/runtime/turns.ts). */
  turns: Turns;
}

export function createState(deps: SlackDeps, turns: Partial<TurnOptions> = {}): SlackState {
  return {
    deps,
    log: deps.logger.child({ adapter: 'slack' }),
    signer: createSigner(deps.config.botToken ?? deps.config.signingSecret ?? '', 'slack buttons'),
    turns: deps.turns ?? createTurns(turns),
  };
}

/**
 * Keys in the state store. Event ids live past Slack's last retry (about 5 minutes after the event);
 * threads the bot answered in are followed for a week.
 */
export const KEYS = {
  event: (eventId: string) => `slack:event:${eventId}`,
  thread: (channel: string, threadTs: string) => `slack:thread:${channel}:${threadTs}`,
  shared: (requestId: string) => `slack:shared:${requestId}`,
} as const;
export const EVENT_TTL_MS = 60 * 60_000;
/**
 * Conversation names (src/conversation/): a thread the bot answers in, a DM, or one person's `/treaty`
 * commands in one channel ("/treaty article 7", then "/treaty and the penalties?"), in one channel only.
 */
export const CONVERSATION = {
  thread: (channel: string, threadTs: string) => `slack:${channel}:${threadTs}`,
  dm: (channel: string) => `slack:dm:${channel}`,
  command: (channel: string, user: string) => `slack:command:${channel}:${user}`,
} as const;
export const THREAD_TTL_MS = 7 * 24 * 60 * 60_000;

export interface Question {
  text: string;
  user: string;
  channel: string | undefined;
  /** The conversation it continues, if any (threads, DMs, and one person's slash commands in a channel). */
  conversation?: string;
  /** The team id and where it was asked, for the question log. */
  workspace?: string;
  channelType?: 'dm' | 'channel' | 'thread';
}

/** DM channel ids start with D; everything else is a channel (threads are told apart by the caller). */
export const channelTypeOf = (channel: string | undefined): 'dm' | 'channel' => (channel?.startsWith('D') ? 'dm' : 'channel');

/**
 * Ask the core through the one handler path and deliver inside it (`handler.respond`), so a shutdown
 * waits for a delivery still being retried. Each delivery waits its turn (src/runtime/turns.ts). Never throws,
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
