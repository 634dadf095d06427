// "Share in channel": post the asker's ephemeral answer to the channel, then remove the ephemeral copy.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { FAILURE_MESSAGE } from '../../shared/messages.js';
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
    // Taken, not read: a second click (or a double click) finds nothing and cannot post it again.
    const reply = state.answers.take(requestId);
    if (!reply) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: LABELS.expired });
      return;
    }
    const name = escapeText(body.user.name ?? body.user.username ?? '').trim();
    const message = renderReply(reply, { commandPrefix: `${COMMAND} `, sharedBy: name || undefined });
    try {
      await respond({ response_type: 'in_channel', replace_original: false, ...message, unfurl_links: false, unfurl_media: false });
    } catch (error) {
      // Not shared: put it back so the button still works once Slack does.
      state.answers.set(requestId, reply);
      state.log.error({ err: error, requestId, user: body.user.id }, 'sharing failed');
      await respond({ response_type: 'ephemeral', replace_original: false, text: FAILURE_MESSAGE }).catch(() => undefined);
      return;
    }
    await respond({ delete_original: true }).catch((err: unknown) => state.log.warn({ err, requestId }, 'could not remove the private copy'));
    state.log.info({ requestId, user: body.user.id }, 'answer shared');
  });
}
