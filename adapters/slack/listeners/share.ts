// "Share in channel": post the asker's ephemeral answer to the channel, then remove the ephemeral copy.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTIONS } from '../blocks.js';
import { escapeText } from '../mrkdwn.js';
import { renderReply } from '../render.js';
import type { SlackState } from '../state.js';
import { LABELS } from '../text.js';
import { COMMAND } from './command.js';

export function register(app: App, state: SlackState): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.share, async ({ ack, action, body, respond }) => {
    await ack();
    const requestId = action.value ?? '';
    const reply = state.answers.get(requestId);
    if (!reply) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: LABELS.expired });
      return;
    }
    const name = escapeText(body.user.name ?? body.user.username ?? '').trim();
    const message = renderReply(reply, { commandPrefix: `${COMMAND} `, sharedBy: name || undefined });
    await respond({ response_type: 'in_channel', replace_original: false, ...message, unfurl_links: false, unfurl_media: false });
    await respond({ delete_original: true });
    state.log.info({ requestId, user: body.user.id }, 'answer shared');
  });
}
