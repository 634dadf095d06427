// Where a Discord conversation lives: a DM with the bot (within the window), or a chain of replies to
// the bot's answers in a channel. Each question asked in a chain is linked to it before it is answered;
// a reply to the bot's answer finds the question that answer replied to (Discord sends the answer along
// with the reply), and so the chain. A mention that replies to nothing starts a new chain. One person's
// /treaty commands in one channel are a conversation too ("/treaty article 7", "/treaty ask and the penalties?").
import type { Message } from 'discord.js';
import type { Conversations } from '../../src/conversation/memory.js';

const askedKey = (messageId: string) => `discord:asked:${messageId}`;

/** The conversation a message continues or starts, linked so that replies to its answer continue it. */
export async function conversationOf(message: Message, conversations: Conversations, repliesToBot: boolean): Promise<string> {
  if (!message.inGuild()) return `discord:dm:${message.author.id}`;
  // discord.js caches the replied-to message, which Discord sends whole (with what it replied to).
  const answer = repliesToBot && message.reference?.messageId ? message.channel.messages.cache.get(message.reference.messageId) : undefined;
  const asked = answer?.reference?.messageId;
  const chain = (asked ? await conversations.follow(askedKey(asked)).catch(() => undefined) : undefined) ?? `discord:${message.channelId}:${message.id}`;
  await conversations.link(askedKey(message.id), chain).catch(() => undefined);
  return chain;
}

/** The conversation of one person's /treaty commands in one channel (or DM). */
export const commandConversation = (channelId: string, userId: string): string => `discord:command:${channelId}:${userId}`;
