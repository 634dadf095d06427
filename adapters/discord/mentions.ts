// Messages: a question is a message that mentions the bot (as a user, or its own managed role, which
// Discord's mention picker often offers first), a reply to one of the bot's messages, or any direct
// message. The reply goes to that message. Bots (including this one) are ignored, so two bots can
// never loop.
import { MessageType, type Message } from 'discord.js';
import type { DiscordContext } from './context.js';
import { conversationOf } from './conversation.js';
import { answerMessage } from './respond.js';

/** Who the bot is in this message's context. */
export interface Addressee {
  botId: string;
  /** The bot's own integration role in this guild (`<@&id>` addresses the bot too). */
  botRoleId?: string | undefined;
  /** The message replies to one of the bot's messages. */
  repliesToBot: boolean;
}

type Incoming = Pick<Message, 'content' | 'author'> & { inGuild(): boolean };

/** The question in a message, or undefined when the message is not for the bot. */
export function questionIn(message: Incoming, to: Addressee): string | undefined {
  if (message.author.bot) return undefined;
  // Without the Message Content intent, Discord sends an empty content for messages it does not count
  // as addressed to the bot (a reply to it with "ping on reply" off, say): nothing to answer there.
  if (!message.content.trim()) return undefined;
  const forms = [`<@!?${to.botId}>`, ...(to.botRoleId ? [`<@&${to.botRoleId}>`] : [])].join('|');
  const addressed = !message.inGuild() || to.repliesToBot || new RegExp(forms).test(message.content);
  if (!addressed) return undefined;
  return message.content.replace(new RegExp(forms, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

export async function onMessage(message: Message, ctx: DiscordContext): Promise<void> {
  try {
    const botId = message.client.user.id;
    const botRoleId = message.guild?.members.me?.roles.botRole?.id;
    // discord.js fills repliedUser from the referenced message Discord sends along with a reply.
    const repliesToBot = message.type === MessageType.Reply && message.mentions.repliedUser?.id === botId;
    const text = questionIn(message, { botId, botRoleId, repliesToBot });
    if (text === undefined) return;
    // A reply that does not name the bot may be small talk, or addressed to someone else it mentions.
    // (Checked in the text: a reply with "ping on reply" lists the bot among its mentions without naming it.)
    const named = !message.inGuild() || new RegExp(`<@!?${botId}>${botRoleId ? `|<@&${botRoleId}>` : ''}`).test(message.content);
    if (!named && /<@[!&]?\d+>|@everyone|@here/.test(message.content)) return;
    const conversation = ctx.conversations ? await conversationOf(message, ctx.conversations, repliesToBot) : undefined;
    await answerMessage(message, ctx, text, !named, conversation);
  } catch (error) {
    // A listener must never throw: log, and let the next message through.
    ctx.logger.error({ err: error, message: message.id }, 'discord: handling a message failed');
  }
}
