// Sending a rendered answer: to an interaction (reply, or defer then edit) or as a reply to a message.
// Every send carries allowed_mentions that parse nothing and never ping the replied-to user.
import {
  MessageFlags, type BaseMessageOptions, type CommandInteraction, type InteractionReplyOptions, type Message,
} from 'discord.js';
import type { BotRequest, Reply } from '../../src/runtime/handler.js';
import type { DiscordContext } from './context.js';
import type { DiscordPage } from './limits.js';
import { isRefusal, render } from './render.js';
import * as w from './wording.js';

export const NO_PINGS_OPTION = { parse: [], repliedUser: false } as const;

export function toMessageOptions(page: DiscordPage): BaseMessageOptions {
  return {
    content: page.content,
    embeds: page.embeds,
    components: page.components,
    allowedMentions: { ...NO_PINGS_OPTION, parse: [] },
  };
}

function ask(ctx: DiscordContext, text: string, user: string, channel: string | null): Promise<Reply> {
  const request: BotRequest = { text, user, platform: 'discord', ...(channel ? { channel } : {}) };
  return ctx.handler.handle(request);
}

const TIMED_OUT = Symbol('timed out');

/**
 * Answer a slash or context-menu command. The core answers in-memory in milliseconds, so the common
 * case is one reply call. Only when no reply is ready after `deferAfterMs` (a slow machine, a remote
 * rate limiter) is the interaction deferred, then edited: Discord's 3 s window is always met and the
 * usual answer costs a single request instead of two.
 */
export async function answerInteraction(interaction: CommandInteraction, ctx: DiscordContext, text: string, ephemeral: boolean): Promise<void> {
  const pending = ask(ctx, text, interaction.user.id, interaction.channelId);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => { timer = setTimeout(() => resolve(TIMED_OUT), ctx.deferAfterMs); });
  try {
    const early = await Promise.race([pending, timeout]);
    if (early !== TIMED_OUT) {
      const first = ctx.pages.start(interaction.user.id, render(early));
      const flags = ephemeral || isRefusal(early) ? MessageFlags.Ephemeral : undefined;
      await interaction.reply({ ...toMessageOptions(first), ...(flags ? { flags } : {}) } as InteractionReplyOptions);
      return;
    }
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    const reply = await pending;
    await interaction.editReply(toMessageOptions(ctx.pages.start(interaction.user.id, render(reply))));
  } catch (error) {
    ctx.logger.error({ err: error, interaction: interaction.id }, 'discord: answering an interaction failed');
    await sayFailed(interaction);
  } finally {
    clearTimeout(timer);
  }
}

export async function sayFailed(interaction: CommandInteraction): Promise<void> {
  const options = { content: w.FAILED, allowedMentions: { ...NO_PINGS_OPTION, parse: [] } };
  try {
    if (interaction.deferred || interaction.replied) await interaction.editReply(options);
    else await interaction.reply({ ...options, flags: MessageFlags.Ephemeral });
  } catch {
    // The interaction may have expired; the failure is already logged.
  }
}

/** Answer a mention or a direct message with a reply to it. */
export async function answerMessage(message: Message, ctx: DiscordContext, text: string): Promise<void> {
  try {
    const reply = await ask(ctx, text, message.author.id, message.channelId);
    const first = ctx.pages.start(message.author.id, render(reply));
    await message.reply(toMessageOptions(first));
  } catch (error) {
    ctx.logger.error({ err: error, message: message.id }, 'discord: answering a message failed');
  }
}
