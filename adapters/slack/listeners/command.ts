// /treaty: acknowledge at once, ask the core, answer through the response URL. Answers are ephemeral
// with a "Share in channel" button unless the workspace chose public answers.
import type { App } from '@slack/bolt';
import { unescapeSlack } from '../mrkdwn.js';
import { renderReply } from '../render.js';
import { ask, type SlackState } from '../state.js';
import { LABELS } from '../text.js';

export const COMMAND = '/treaty';

export function register(app: App, state: SlackState): void {
  app.command(COMMAND, async ({ command, ack, respond }) => {
    await ack();
    try {
      const reply = await ask(state, unescapeSlack(command.text ?? ''), command.user_id, command.channel_id);
      const inChannel = state.deps.config.publicAnswers && reply.type === 'answer';
      const message = renderReply(reply, { share: !inChannel && reply.type === 'answer', commandPrefix: `${COMMAND} ` });
      await respond({ response_type: inChannel ? 'in_channel' : 'ephemeral', ...message, unfurl_links: false, unfurl_media: false });
    } catch (error) {
      state.log.error({ err: error, user: command.user_id }, 'slash command failed');
      await respond({ response_type: 'ephemeral', text: LABELS.somethingWrong }).catch(() => undefined);
    }
  });
}
