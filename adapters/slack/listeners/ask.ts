// A suggested question clicked (offered when the bot had no answer): answered to whoever clicked
// through the click's response URL, as /treaty answers are (public only if the workspace chose so).
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTIONS } from '../blocks.js';
import { answer, channelTypeOf, type SlackState } from '../state.js';
import { viaResponseUrl } from './command.js';

export function register(app: App, state: SlackState): void {
  // Numbered action ids (treaty_ask:0, :1, ...): Slack wants them to differ within a block.
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTIONS.ask}:\\d+$`), async ({ ack, action, body, respond }) => {
    await ack();
    const question = {
      text: action.value ?? '', user: body.user.id, channel: body.channel?.id, workspace: body.team?.id, channelType: channelTypeOf(body.channel?.id),
    };
    const { deliver, tellFailure } = viaResponseUrl(state, respond, { replace_original: false });
    await answer(state, question, deliver, tellFailure);
  });
}
