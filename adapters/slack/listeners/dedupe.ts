// Slack retries an event it thinks went unanswered (x-slack-retry-num). Events are acknowledged at
// once, so a retry of an event already seen is dropped here, by whichever replica it reaches: the claim
// is atomic in the shared store (SET NX). One never seen (say, after a restart without Redis) is new.
import type { App } from '@slack/bolt';
import { EVENT_TTL_MS, KEYS, type SlackState } from '../state.js';

export function register(app: App, state: SlackState): void {
  app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await state.deps.store.claim(KEYS.event(eventId), '1', EVENT_TTL_MS))) {
      state.log.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'duplicate event ignored');
      return;
    }
    await next();
  });
}
