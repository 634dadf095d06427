// Sending replies: to an interaction (reply, or defer then edit) or as a reply to a message. Asking and
// sending are one handler.respond task, so the shutdown drain waits until an answer is sent instead of
// cutting it off. Each answer waits its turn in the process's bounded queue (ctx.turns); when that is
// full, the asker is told "busy" at once (privately, for commands) instead of hearing nothing. Every
// send carries its page's allowed_mentions (NO_PINGS): nobody is ever pinged.
import {
  MessageFlags, type BaseMessageOptions, type ButtonInteraction, type CommandInteraction, type InteractionReplyOptions, type Message,
  type MessageMentionOptions,
} from 'discord.js';
import type { BotRequest } from '../../src/runtime/handler.js';
import { FAILURE_MESSAGE } from '../shared/messages.js';
import type { DiscordContext } from './context.js';
import { withFeedback } from './feedback.js';
import { NO_PINGS, type DiscordPage, type NoPings } from './limits.js';
import { isForAskerOnly, page } from './render.js';
import { OUT_OF_DATE } from './wording.js';

/** NO_PINGS in discord.js's option shape (camelCase), which turns it back into the wire form. */
export function mentionOptions(setting: NoPings = NO_PINGS): MessageMentionOptions {
  return { parse: [...setting.parse], repliedUser: setting.replied_user };
}

export function toMessageOptions(body: DiscordPage): BaseMessageOptions {
  return { content: body.content, embeds: body.embeds, components: body.components, allowedMentions: mentionOptions(body.allowed_mentions) };
}

const ephemeral = (body: DiscordPage): InteractionReplyOptions => ({ ...toMessageOptions(body), flags: MessageFlags.Ephemeral } as InteractionReplyOptions);

/** Where a question was asked, for the question log. */
export interface Place {
  guildId: string | null;
  channel: { isDMBased(): boolean; isThread(): boolean } | null;
}

function request(text: string, user: string, channel: string | null, place: Place): BotRequest {
  const channelType = !place.guildId || place.channel?.isDMBased() ? 'dm' : place.channel?.isThread() ? 'thread' : 'channel';
  return { text, user, platform: 'discord', ...(channel ? { channel } : {}), ...(place.guildId ? { workspace: place.guildId } : {}), channelType };
}

/**
 * Answer a slash or context-menu command. The core answers in-memory in milliseconds, so the common
 * case is one reply call. Only when no reply is ready after `deferAfterMs` (a slow machine, a remote
 * rate limiter) is the interaction deferred, then edited: Discord's 3 s window is always met and the
 * usual answer costs a single request instead of two.
 */
export async function answerInteraction(interaction: CommandInteraction | ButtonInteraction, ctx: DiscordContext, text: string, isPrivate: boolean, conversation?: string): Promise<void> {
  let deferral: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    deferral = interaction.deferReply(isPrivate ? { flags: MessageFlags.Ephemeral } : {});
    deferral.catch(() => undefined); // awaited, and so reported, when the reply is delivered
  }, ctx.deferAfterMs);
  try {
    await ctx.handler.respond({ ...request(text, interaction.user.id, interaction.channelId, interaction), ...(conversation ? { conversation } : {}) }, async (reply) => {
      clearTimeout(timer);
      await deferral;
      const first = withFeedback(await ctx.pages.start(interaction.user.id, reply), reply, ctx);
      if (isPrivate || isForAskerOnly(reply)) await sendPrivately(interaction, first);
      else if (interaction.deferred) await interaction.editReply(toMessageOptions(first));
      else await interaction.reply(toMessageOptions(first));
    }, { after: () => ctx.turns.next() });
  } catch (error) {
    ctx.logger.error({ err: error, interaction: interaction.id }, 'discord: answering an interaction failed');
    // A deferral may be on its way: let it land first, or the failure notice would race it and be lost.
    clearTimeout(timer);
    await deferral?.catch(() => undefined);
    await sayFailed(interaction);
  } finally {
    clearTimeout(timer);
  }
}

/** A message only the asker sees, whatever state the interaction is in. */
async function sendPrivately(interaction: CommandInteraction | ButtonInteraction, body: DiscordPage): Promise<void> {
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(ephemeral(body));
  } else if (interaction.ephemeral) {
    await interaction.editReply(toMessageOptions(body));
  } else {
    // A public "thinking…" is showing, and a message cannot become ephemeral. A follow-up sent while it
    // loads would replace it and stay public (Discord ignores the flag then), so it is deleted first.
    await interaction.deleteReply();
    await interaction.followUp(ephemeral(body));
  }
}

/** A command whose shape does not match the registered definitions: say so, only to the asker. */
export async function replyUnreadable(interaction: CommandInteraction, ctx: DiscordContext): Promise<void> {
  ctx.logger.warn({ interaction: interaction.id, command: interaction.commandName }, 'discord: command does not match its definition');
  await interaction.reply(ephemeral(page(OUT_OF_DATE)));
}

export async function sayFailed(interaction: CommandInteraction | ButtonInteraction): Promise<void> {
  if (interaction.replied) return; // the reply went out; what failed came after it
  try {
    await sendPrivately(interaction, page(FAILURE_MESSAGE));
  } catch {
    // The interaction may have expired; the failure is already logged.
  }
}

/**
 * Answer a mention, a reply to the bot or a direct message with a reply to that message. With
 * `onlyIfFound` (a reply to the bot that does not mention it: maybe "thanks!", maybe a question) only
 * an answer with results is sent, as Slack does for thread follow-ups.
 */
export async function answerMessage(message: Message, ctx: DiscordContext, text: string, onlyIfFound = false, conversation?: string): Promise<void> {
  const send = (body: DiscordPage) => message.reply(toMessageOptions(body));
  try {
    await ctx.handler.respond({ ...request(text, message.author.id, message.channelId, message), ...(conversation ? { conversation } : {}) }, async (reply) => {
      // A reply read as following on from the bot's answer is for the bot, even with nothing found.
      if (onlyIfFound && !(reply.type === 'answer' && (!reply.answer.abstained || reply.answer.context))) return;
      await send(withFeedback(await ctx.pages.start(message.author.id, reply), reply, ctx));
    }, { after: () => ctx.turns.next() });
  } catch (error) {
    ctx.logger.error({ err: error, message: message.id }, 'discord: answering a message failed');
    if (onlyIfFound) return;
    // Never silence: the asker is told, still without pinging anyone.
    await send(page(FAILURE_MESSAGE)).catch((e: unknown) => ctx.logger.warn({ err: e, message: message.id }, 'discord: could not say that answering failed'));
  }
}
