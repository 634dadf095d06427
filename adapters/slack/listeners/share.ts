// "Share in channel": post the asker's ephemeral answer to the channel, then remove the ephemeral copy.
// The button carries the signed question (shareValue.ts), so whichever replica gets the click asks the
// engine again and posts the same answer; a claim in the shared store lets only the first click post.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { Reply } from '../../../src/runtime/handler.js';
import { FAILURE_MESSAGE } from '../../shared/messages.js';
import { ACTIONS } from '../blocks.js';
import { short } from '../mrkdwn.js';
import { renderReply } from '../render.js';
import { SHARE_TTL_MS, openShareValue, shownIds } from '../shareValue.js';
import { KEYS, type SlackState } from '../state.js';
import { LABELS } from '../text.js';
import { COMMAND } from './command.js';

/** The answer a share button stands for, rebuilt; undefined when forged, expired or no longer the same. */
function rebuild(state: SlackState, value: string): Reply | undefined {
  const shared = openShareValue(state.signer, value);
  if (!shared) return undefined;
  const answer = state.deps.engine.ask(shared.q, shared.c);
  const same = shownIds(answer).join('\n') === shared.ids.join('\n');
  return same && !answer.abstained ? { type: 'answer', requestId: shared.r, answer } : undefined;
}

/** Longest name shown in "Shared by <name>" (Slack's own display names stop at 80). */
const MAX_NAME = 80;

export function register(app: App, state: SlackState): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.share, async ({ ack, action, body, respond }) => {
    await ack();
    const reply = rebuild(state, action.value ?? '');
    // Claimed, not read: a second click (or a double click, on any replica) cannot post it again.
    const claim = reply && KEYS.shared(reply.requestId);
    if (!reply || !claim || !(await state.deps.store.claim(claim, body.user.id, SHARE_TTL_MS))) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: LABELS.expired });
      return;
    }
    // A display name is the user's to choose, up to thousands of characters: cut like any rendered text.
    const name = short(body.user.name ?? body.user.username ?? '', MAX_NAME);
    const message = renderReply(reply, { commandPrefix: `${COMMAND} `, sharedBy: name || undefined });
    try {
      await respond({ response_type: 'in_channel', replace_original: false, ...message, unfurl_links: false, unfurl_media: false });
    } catch (error) {
      // Not shared: release the claim so the button still works once Slack does.
      await state.deps.store.delete(claim);
      state.log.error({ err: error, requestId: reply.requestId, user: body.user.id }, 'sharing failed');
      await respond({ response_type: 'ephemeral', replace_original: false, text: FAILURE_MESSAGE }).catch(() => undefined);
      return;
    }
    await respond({ delete_original: true }).catch((err: unknown) => state.log.warn({ err, requestId: reply.requestId }, 'could not remove the private copy'));
    state.log.info({ requestId: reply.requestId, user: body.user.id }, 'answer shared');
  });
}
