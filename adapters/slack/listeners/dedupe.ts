// Slack retries an event it thinks went unanswered (x-slack-retry-num). Events are acknowledged at
// once, so a retry of an event already seen is dropped here; one never seen (say, after a restart) is
// handled as new.
import type { App } from '@slack/bolt';
import type { SlackState } from '../state.js';

export function register(app: App, state: SlackState): void {
  app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !state.seenEvents.add(eventId)) {
      state.log.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'duplicate event ignored');
      return;
    }
    await next();
  });
}
