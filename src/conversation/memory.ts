// Where conversations are kept between turns: the shared state store (memory by default, Redis when
// configured), one key per conversation, holding only the previous turn's question and result ids and
// expiring with the conversation's window. Adapters name the conversation (a Slack thread, a DM, a
// Discord reply chain, a console session); the handler reads and writes it around each answer.
import type { Answer } from '../answer.js';
import type { StateStore } from '../runtime/state/store.js';
import { contextOf, parseContext, type ConversationContext } from './context.js';

/** How long a conversation waits for its next turn; a DM after that starts a new one. */
export const CONVERSATION_WINDOW_MS = 30 * 60_000;

export interface Conversations {
  /** The previous turn of this conversation, if it is still within its window. */
  context(conversation: string): Promise<ConversationContext | undefined>;
  /** Keep this answer as the conversation's previous turn (an answer with nothing shown leaves it as it was). */
  remember(conversation: string, answer: Answer): Promise<void>;
  /** Another name that leads to a conversation: a Discord question, whose answer may be replied to later. */
  link(name: string, conversation: string): Promise<void>;
  /** The conversation a name leads to. */
  follow(name: string): Promise<string | undefined>;
}

const turnKey = (conversation: string) => `conversation:turn:${conversation}`;
const linkKey = (name: string) => `conversation:link:${name}`;

export function createConversations(store: StateStore, windowMs = CONVERSATION_WINDOW_MS): Conversations {
  return {
    async context(conversation) {
      return parseContext(await store.get(turnKey(conversation)));
    },
    async remember(conversation, answer) {
      const context = contextOf(answer);
      if (context) await store.set(turnKey(conversation), JSON.stringify(context), windowMs);
    },
    async link(name, conversation) {
      await store.set(linkKey(name), conversation, windowMs);
    },
    async follow(name) {
      return store.get(linkKey(name));
    },
  };
}
