// /treaty: acknowledge at once, ask the core, answer through the response URL. Answers are ephemeral
// with a "Share in channel" button unless the workspace chose public answers.
import type { App, RespondFn } from '@slack/bolt';
import type { Reply } from '../../../src/runtime/handler.js';
import { FAILURE_MESSAGE } from '../../shared/messages.js';
import { unescapeSlack } from '../mrkdwn.js';
import { BUSY_ACK, renderReply } from '../render.js';
import { shareValue } from '../shareValue.js';
import { answer, channelTypeOf, CONVERSATION, type SlackState } from '../state.js';

export const COMMAND = '/treaty';

/**
 * Deliver a reply through a response URL (the slash command, a clicked suggestion): to the channel when
 * the workspace chose public answers, otherwise only to the asker with a "Share in channel" button.
 * Help and refusals are always private.
 */
export function viaResponseUrl(state: SlackState, respond: RespondFn, extra: { replace_original?: boolean } = {}) {
  return {
    deliver: async (reply: Reply) => {
      const inChannel = state.deps.config.publicAnswers && reply.type === 'answer';
      const share = !inChannel && reply.type === 'answer' ? shareValue(state.signer, reply.requestId, reply.answer) : undefined;
      const message = renderReply(reply, { share, commandPrefix: `${COMMAND} ` });
      await respond({ response_type: inChannel ? 'in_channel' : 'ephemeral', ...extra, ...message, unfurl_links: false, unfurl_media: false });
    },
    tellFailure: () => respond({ response_type: 'ephemeral', ...extra, text: FAILURE_MESSAGE }),
  };
}

export function register(app: App, state: SlackState): void {
  app.command(COMMAND, async ({ command, ack, respond }) => {
    // Answers falling behind: "busy" in the acknowledgement itself, as the HTTP gate says it before
    // Bolt (gate.ts). In Socket Mode this is the only place it can be said so cheaply.
    if (state.turns.overloaded()) {
      state.turns.shed();
      await ack(BUSY_ACK);
      return;
    }
    await ack();
    const question = {
      text: unescapeSlack(command.text ?? ''), user: command.user_id, channel: command.channel_id,
      workspace: command.team_id, channelType: channelTypeOf(command.channel_id),
      // One person's commands in one channel are a conversation (within the window): each answer says
      // "(following on from …)" when it used the one before, so a wrong carry-over is easy to correct.
      conversation: CONVERSATION.command(command.channel_id, command.user_id),
    };
    const { deliver, tellFailure } = viaResponseUrl(state, respond);
    await answer(state, question, deliver, tellFailure);
  });
}
