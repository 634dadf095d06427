// 👍/👎 under each answer, stored against the request id (the question log's row) with the results the
// user judged; 👎 also opens an optional "What was wrong?" modal whose answer (≤ 500 characters) is
// stored with the vote. Nothing is stored when LOG_QUESTIONS=off: the click is only logged.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { MAX_COMMENT } from '../../../src/db/database.js';
import { ACTIONS } from '../blocks.js';
import type { SlackState } from '../state.js';
import { LABELS } from '../text.js';

export const WHY_VIEW = 'treaty_feedback_why';
const WHY_BLOCK = 'why';
const WHY_INPUT = 'text';

export interface FeedbackValue {
  requestId?: string;
  results: string[];
}

export function parseFeedback(value: string | undefined): FeedbackValue {
  try {
    const parsed = JSON.parse(value ?? '') as { r?: unknown; ids?: unknown };
    const results = Array.isArray(parsed.ids) ? parsed.ids.filter((id): id is string => typeof id === 'string') : [];
    return { requestId: typeof parsed.r === 'string' ? parsed.r : undefined, results };
  } catch {
    return { results: [] };
  }
}

/** The modal: one optional multi-line input; the request id rides in private_metadata. */
export function whyView(requestId: string, results: string[]) {
  return {
    type: 'modal' as const,
    callback_id: WHY_VIEW,
    private_metadata: JSON.stringify({ r: requestId, ids: results }).slice(0, 3000),
    title: { type: 'plain_text' as const, text: 'What was wrong?' },
    submit: { type: 'plain_text' as const, text: 'Send' },
    close: { type: 'plain_text' as const, text: 'Skip' },
    blocks: [{
      type: 'input', block_id: WHY_BLOCK, optional: true,
      label: { type: 'plain_text', text: 'What was wrong with this answer? (optional)' },
      element: { type: 'plain_text_input', action_id: WHY_INPUT, multiline: true, max_length: MAX_COMMENT },
    }],
  };
}

export function register(app: App, state: SlackState): void {
  const recorder = () => state.deps.recorder;
  const pattern = new RegExp(`^(${ACTIONS.feedbackUp}|${ACTIONS.feedbackDown})$`);
  app.action<BlockAction<ButtonAction>>(pattern, async ({ ack, action, body, respond, client }) => {
    await ack();
    const { requestId, results } = parseFeedback(action.value);
    const vote = action.action_id === ACTIONS.feedbackUp ? 'up' : 'down';
    state.log.info({ feedback: vote, requestId, results, user: body.user.id }, 'feedback');
    const keeping = requestId !== undefined && recorder() !== undefined && recorder()!.status() !== 'off';
    if (keeping) recorder()!.feedback({ requestId, user: body.user.id, platform: 'slack', vote, resultIds: results });
    // The trigger expires within 3 s: the modal opens before anything else is sent.
    if (keeping && vote === 'down' && body.trigger_id) {
      await client.views.open({ trigger_id: body.trigger_id, view: whyView(requestId, results) })
        .catch((err: unknown) => state.log.warn({ err }, 'could not open the "what was wrong?" modal'));
    }
    await respond({ response_type: 'ephemeral', replace_original: false, text: LABELS.feedbackThanks });
  });

  app.view(WHY_VIEW, async ({ ack, view, body }) => {
    await ack();
    const { requestId, results } = parseFeedback(view.private_metadata);
    const comment = view.state.values[WHY_BLOCK]?.[WHY_INPUT]?.value ?? undefined;
    if (requestId && comment?.trim()) recorder()?.feedback({ requestId, user: body.user.id, platform: 'slack', vote: 'down', comment, resultIds: results });
  });
}
