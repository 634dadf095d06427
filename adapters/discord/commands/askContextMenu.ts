// Message context-menu command: right-click a message → Apps → "Ask the treaty bot" asks about its text.
import {
  ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType, MessageFlags,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { DiscordContext } from '../context.js';
import { page } from '../render.js';
import { answerInteraction, replyUnreadable, toMessageOptions } from '../respond.js';
import * as w from '../wording.js';

export const data = new ContextMenuCommandBuilder()
  .setName('Ask the treaty bot')
  .setType(ApplicationCommandType.Message)
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM);

export async function execute(interaction: MessageContextMenuCommandInteraction, ctx: DiscordContext): Promise<void> {
  // Absent when `resolved` lacks the target: a registration this code does not know.
  const target = interaction.options.getMessage('message', false);
  if (!target) return replyUnreadable(interaction, ctx);
  const text = target.content.trim();
  if (!text) {
    await interaction.reply({ ...toMessageOptions(page(w.NO_TEXT)), flags: MessageFlags.Ephemeral });
    return;
  }
  // Public like every answer: the question came from the conversation, so the answer belongs there too.
  await answerInteraction(interaction, ctx, text, false);
}
