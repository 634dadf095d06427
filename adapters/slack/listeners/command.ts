// /treaty: acknowledge at once, ask the core, answer through the response URL. Answers are ephemeral
// with a "Share in channel" button unless the workspace chose public answers.
import type { App } from '@slack/bolt';
import { FAILURE_MESSAGE } from '../../shared/messages.js';
import { unescapeSlack } from '../mrkdwn.js';
import { renderReply } from '../render.js';
import { answer, type SlackState } from '../state.js';

export const COMMAND = '/treaty';

export function register(app: App, state: SlackState): void {
  app.command(COMMAND, async ({ command, ack, respond }) => {
    await ack();
    const question = { text: unescapeSlack(command.text ?? ''), user: command.user_id, channel: command.channel_id };
    await answer(state, question, async (reply) => {
      const inChannel = state.deps.config.publicAnswers && reply.type === 'answer';
      const share = !inChannel && reply.type === 'answer';
      if (share) state.answers.set(reply.requestId, reply);
      const message = renderReply(reply, { share, commandPrefix: `${COMMAND} ` });
      await respond({ response_type: inChannel ? 'in_channel' : 'ephemeral', ...message, unfurl_links: false, unfurl_media: false });
    }, () => respond({ response_type: 'ephemeral', text: FAILURE_MESSAGE }));
  });
}
