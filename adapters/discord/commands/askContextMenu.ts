// Message context-menu command: right-click a message → Apps → "Ask the treaty bot" asks about its text.
import {
  ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType, MessageFlags,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { DiscordContext } from '../context.js';
import { NO_PINGS_OPTION, answerInteraction } from '../respond.js';
import * as w from '../wording.js';

export const data = new ContextMenuCommandBuilder()
  .setName('Ask the treaty bot')
  .setType(ApplicationCommandType.Message)
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM);

export async function execute(interaction: MessageContextMenuCommandInteraction, ctx: DiscordContext): Promise<void> {
  const text = interaction.targetMessage.content.trim();
  if (!text) {
    await interaction.reply({ content: w.NO_TEXT, flags: MessageFlags.Ephemeral, allowedMentions: { ...NO_PINGS_OPTION, parse: [] } });
    return;
  }
  // Public like every answer: the question came from the conversation, so the answer belongs there too.
  await answerInteraction(interaction, ctx, text, false);
}
