// Routes every interaction: slash command, its autocomplete, the message context menu, page buttons.
import { MessageFlags, type ButtonInteraction, type Interaction } from 'discord.js';
import { askContextMenu, treaty } from './commands/index.js';
import type { DiscordContext } from './context.js';
import { isFeedbackButton, isFeedbackModal, onFeedbackButton, onFeedbackModal, withFeedback } from './feedback.js';
import { isPageButton } from './pagination.js';
import { page } from './render.js';
import { answerInteraction, toMessageOptions } from './respond.js';
import { isAskButton, questionOf } from './suggestions.js';
import * as w from './wording.js';

/** Interaction tokens last 15 minutes: no copy of one can arrive later than that. */
const INTERACTION_TTL_MS = 15 * 60_000;

export async function onInteraction(interaction: Interaction, ctx: DiscordContext): Promise<void> {
  try {
    // Once, whichever shard or process sees it (a replayed gateway event, a restarted shard).
    if (!(await ctx.store.claim(`discord:interaction:${interaction.id}`, '1', INTERACTION_TTL_MS))) {
      ctx.logger.info({ interaction: interaction.id }, 'discord: duplicate interaction ignored');
      return;
    }
    if (interaction.isChatInputCommand() && interaction.commandName === treaty.data.name) {
      await treaty.execute(interaction, ctx);
    } else if (interaction.isAutocomplete() && interaction.commandName === treaty.data.name) {
      await treaty.autocomplete(interaction, ctx);
    } else if (interaction.isMessageContextMenuCommand() && interaction.commandName === askContextMenu.data.name) {
      await askContextMenu.execute(interaction, ctx);
    } else if (interaction.isButton() && isPageButton(interaction.customId)) {
      await turnPage(interaction, ctx);
    } else if (interaction.isButton() && isAskButton(interaction.customId)) {
      // "Did you mean …": the clicked candidate, asked and answered in the channel like /treaty ask.
      await answerInteraction(interaction, ctx, questionOf(interaction.customId), false);
    } else if (interaction.isButton() && isFeedbackButton(interaction.customId)) {
      await onFeedbackButton(interaction, ctx);
    } else if (interaction.isModalSubmit() && isFeedbackModal(interaction.customId)) {
      await onFeedbackModal(interaction, ctx);
    }
  } catch (error) {
    ctx.logger.error({ err: error, interaction: interaction.id }, 'discord: interaction failed');
  }
}

async function turnPage(interaction: ButtonInteraction, ctx: DiscordContext): Promise<void> {
  const turn = await ctx.pages.turn(interaction.customId, interaction.user.id);
  if (!turn) return;
  if (turn.ok) {
    // The update replaces every component: the 👍/👎 row is added again, or it would be lost.
    await interaction.update(toMessageOptions(withFeedback(turn.page, turn.reply, ctx)));
    return;
  }
  const content = turn.reason === 'expired' ? w.EXPIRED : w.NOT_YOURS;
  await interaction.reply({ ...toMessageOptions(page(content)), flags: MessageFlags.Ephemeral });
}
