// "Did you mean …" buttons: when the core is unsure what a question meant, each candidate is a button
// that asks it, one click instead of retyping (Slack does the same with its suggestion buttons). The
// question rides in the button's custom id, so any shard or replica can answer the click.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import { LIMITS } from './limits.js';
import { truncate } from './text.js';

export const ASK_BUTTON_PREFIX = 'treaty-ask:';
const MAX_BUTTONS = 5;

/** One row of buttons, one per suggestion whose text fits a custom id; none when none fits. */
export function askButtons(suggestions: string[]): APIActionRowComponent<APIButtonComponent>[] {
  const buttons: APIButtonComponent[] = suggestions
    .map((s) => s.replace(/\s+/g, ' ').trim())
    // "article 14 (Offences related to …)" asks the same as "article 14", which fits a custom id.
    .map((label) => ({ label, question: label.replace(/^(article \d+) \(.*\)$/i, '$1') }))
    .filter(({ question }) => question && ASK_BUTTON_PREFIX.length + question.length <= LIMITS.customId)
    .slice(0, MAX_BUTTONS)
    .map(({ label, question }) => ({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: truncate(label, LIMITS.buttonLabel), custom_id: `${ASK_BUTTON_PREFIX}${question}` }));
  return buttons.length ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}

export function isAskButton(customId: string): boolean {
  return customId.startsWith(ASK_BUTTON_PREFIX);
}

/** The question a button asks. */
export function questionOf(customId: string): string {
  return customId.slice(ASK_BUTTON_PREFIX.length);
}
