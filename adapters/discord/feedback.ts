// 👍/👎 under each answer (every page: a page turn adds the row again), stored against the request id; 👎 opens an optional "What was
// wrong?" modal (≤ 500 characters) whose text is stored with the vote. Shown only when the bot keeps
// feedback (LOG_QUESTIONS is not off).
import {
  ActionRowBuilder, ButtonStyle, ComponentType, MessageFlags, ModalBuilder, TextInputBuilder, TextInputStyle,
  type APIActionRowComponent, type APIButtonComponent, type ButtonInteraction, type ModalSubmitInteraction,
} from 'discord.js';
import { MAX_COMMENT } from '../../src/db/database.js';
import type { Reply } from '../../src/runtime/handler.js';
import type { DiscordContext } from './context.js';
import type { DiscordPage } from './limits.js';
import { page } from './render.js';
import { toMessageOptions } from './respond.js';

const VOTE = 'treaty-fb';
const WHY = 'treaty-fb-why';
const WHY_INPUT = 'why';
const THANKS = 'Thanks for the feedback.';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const keeping = (ctx: DiscordContext) => ctx.recorder !== undefined && ctx.recorder.status() !== 'off';

/**
 * The page with a 👍/👎 row added, for an answer with results; any other reply is left as it is, and so
 * is an answer without a request id (a page session kept from before ids were): nothing to vote on.
 */
export function withFeedback(body: DiscordPage, reply: Reply, ctx: DiscordContext): DiscordPage {
  if (!keeping(ctx) || reply.type !== 'answer' || reply.answer.abstained || !reply.answer.results.length || !reply.requestId) return body;
  const button = (vote: 'up' | 'down', label: string): APIButtonComponent => ({
    type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: `${VOTE}:${vote}:${reply.requestId}`, label,
  });
  const row: APIActionRowComponent<APIButtonComponent> = { type: ComponentType.ActionRow, components: [button('up', '👍 Helpful'), button('down', '👎 Not helpful')] };
  return { ...body, components: [...body.components, row] };
}

export const isFeedbackButton = (customId: string) => new RegExp(`^${VOTE}:(up|down):${UUID}$`).test(customId);
export const isFeedbackModal = (customId: string) => new RegExp(`^${WHY}:${UUID}$`).test(customId);

export async function onFeedbackButton(interaction: ButtonInteraction, ctx: DiscordContext): Promise<void> {
  const [, vote, requestId] = interaction.customId.split(':') as [string, 'up' | 'down', string];
  ctx.recorder?.feedback({ requestId, user: interaction.user.id, platform: 'discord', vote });
  if (vote === 'down') {
    const input = new TextInputBuilder().setCustomId(WHY_INPUT).setLabel('What was wrong with this answer? (optional)')
      .setStyle(TextInputStyle.Paragraph).setRequired(false).setMaxLength(MAX_COMMENT);
    await interaction.showModal(new ModalBuilder().setCustomId(`${WHY}:${requestId}`).setTitle('What was wrong?')
      .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input)));
    return;
  }
  await interaction.reply({ ...toMessageOptions(page(THANKS)), flags: MessageFlags.Ephemeral });
}

export async function onFeedbackModal(interaction: ModalSubmitInteraction, ctx: DiscordContext): Promise<void> {
  const requestId = interaction.customId.slice(WHY.length + 1);
  const comment = interaction.fields.getTextInputValue(WHY_INPUT);
  if (comment.trim()) ctx.recorder?.feedback({ requestId, user: interaction.user.id, platform: 'discord', vote: 'down', comment });
  await interaction.reply({ ...toMessageOptions(page(THANKS)), flags: MessageFlags.Ephemeral });
}
