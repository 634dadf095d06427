// A suggested question clicked (offered when the bot had no answer): answered to whoever clicked, only
// them, through the click's response URL, with "Share in channel" as /treaty answers have.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { FAILURE_MESSAGE } from '../../shared/messages.js';
import { ACTIONS } from '../blocks.js';
import { renderReply } from '../render.js';
import { answer, type SlackState } from '../state.js';
import { COMMAND } from './command.js';

export function register(app: App, state: SlackState): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.ask, async ({ ack, action, body, respond }) => {
    await ack();
    const question = { text: action.value ?? '', user: body.user.id, channel: body.channel?.id };
    await answer(state, question, async (reply) => {
      const share = reply.type === 'answer';
      if (share) state.answers.set(reply.requestId, reply);
      const message = renderReply(reply, { share, commandPrefix: `${COMMAND} ` });
      await respond({ response_type: 'ephemeral', replace_original: false, ...message, unfurl_links: false, unfurl_media: false });
    }, () => respond({ response_type: 'ephemeral', replace_original: false, text: FAILURE_MESSAGE }));
  });
}
