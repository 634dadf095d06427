// Messages: a mention of the bot in a channel, or any direct message, is a question. The reply goes to
// that message. Bots (including this one) are ignored, so two bots can never loop.
import type { Message } from 'discord.js';
import type { DiscordContext } from './context.js';
import { answerMessage } from './respond.js';

/** The question in a message, or undefined when the message is not for the bot. */
export function questionIn(message: Pick<Message, 'content' | 'author'> & { inGuild(): boolean }, botId: string): string | undefined {
  if (message.author.bot) return undefined;
  const mention = new RegExp(`<@!?${botId}>`, 'g');
  if (message.inGuild() && !mention.test(message.content)) return undefined;
  return message.content.replace(mention, ' ').replace(/\s+/g, ' ').trim();
}

export async function onMessage(message: Message, ctx: DiscordContext): Promise<void> {
  const botId = message.client.user.id;
  const text = questionIn(message, botId);
  if (text === undefined) return;
  await answerMessage(message, ctx, text);
}
