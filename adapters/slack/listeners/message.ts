// Direct messages, and follow-ups without a mention in a thread the bot answered in. Edits, joins,
// bot posts and every other message subtype are ignored, so the bot never answers itself.
import type { App } from '@slack/bolt';
import { unescapeSlack } from '../mrkdwn.js';
import { threadKey, type SlackState } from '../state.js';
import { answerInChat, mentionsBot, stripMention } from './post.js';

export function register(app: App, state: SlackState): void {
  app.event('message', async ({ event, context, client }) => {
    if (event.subtype !== undefined || event.bot_id || !event.user) return;
    const raw = event.text ?? '';
    const ask = { channel: event.channel, user: event.user, text: unescapeSlack(stripMention(raw, context.botUserId)) };
    if (event.channel_type === 'im') {
      await answerInChat(state, client, { ...ask, threadTs: event.thread_ts });
      return;
    }
    // A mention in a followed thread arrives as app_mention too; answer it once, there.
    const thread = event.thread_ts;
    if (thread && state.threads.has(threadKey(event.channel, thread)) && !mentionsBot(raw, context.botUserId)) {
      await answerInChat(state, client, { ...ask, threadTs: thread });
    }
  });
}
