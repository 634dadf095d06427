// 👍/👎 under each answer: one log line with the request id and the result ids the user judged.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTIONS } from '../blocks.js';
import type { SlackState } from '../state.js';
import { LABELS } from '../text.js';

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

export function register(app: App, state: SlackState): void {
  const pattern = new RegExp(`^(${ACTIONS.feedbackUp}|${ACTIONS.feedbackDown})$`);
  app.action<BlockAction<ButtonAction>>(pattern, async ({ ack, action, body, respond }) => {
    await ack();
    const { requestId, results } = parseFeedback(action.value);
    const vote = action.action_id === ACTIONS.feedbackUp ? 'up' : 'down';
    state.log.info({ feedback: vote, requestId, results, user: body.user.id }, 'feedback');
    await respond({ response_type: 'ephemeral', replace_original: false, text: LABELS.feedbackThanks });
  });
}
