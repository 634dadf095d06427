// The help reply: what the bot does and the commands, in the syntax of where it is shown.
import { BOT_NAME, COMMANDS, INTRO } from '../shared/messages.js';
import { context, section, type SlackMessage } from './blocks.js';
import { escapeText } from './mrkdwn.js';
import { LABELS } from './text.js';

/** Command list lines, e.g. "`/treaty article 6` — an article: …". */
export function commandLines(prefix: string): string {
  return COMMANDS.map((c) => `\`${escapeText(prefix + c.usage)}\` — ${escapeText(c.does)}`).join('\n');
}

export function renderHelp(prefix: string): SlackMessage {
  return {
    text: escapeText(`${BOT_NAME}: ${COMMANDS.map((c) => prefix + c.usage).join(', ')}`),
    blocks: [
      section(`*${escapeText(BOT_NAME)}*\n${escapeText(INTRO)}`),
      section(`*${LABELS.commands}*\n${commandLines(prefix)}`),
      context([escapeText(LABELS.whereToAsk)]),
    ],
  };
}
