// Direct messages, and follow-ups without a mention in a thread the bot answered in. Edits, joins,
// bot posts and every other message subtype are ignored, so the bot never answers itself.
import type { App } from '@slack/bolt';
import { unescapeSlack } from '../mrkdwn.js';
import { KEYS, type SlackState } from '../state.js';
import { answerInChat, mentionsBot, stripMention } from './post.js';

/** `<@U…>`, `<!here>`, `<!subteam^…>`: Slack escapes typed `<`, so these are real mentions. */
const MENTIONS_SOMEONE = /<[@!]/;

export function register(app: App, state: SlackState): void {
  app.event('message', async ({ event, context, client }) => {
    if (event.subtype !== undefined || event.bot_id || !event.user) return;
    const raw = event.text ?? '';
    const ask = { channel: event.channel, user: event.user, text: unescapeSlack(stripMention(raw, context.botUserId)), workspace: context.teamId };
    if (event.channel_type === 'im') {
      await answerInChat(state, client, { ...ask, threadTs: event.thread_ts, channelType: 'dm' });
      return;
    }
    // A mention of the bot in a followed thread arrives as app_mention too; answer it once, there.
    // A message that mentions someone else (or a group) is addressed to them, not to the bot.
    const thread = event.thread_ts;
    if (!thread || mentionsBot(raw, context.botUserId) || MENTIONS_SOMEONE.test(raw)) return;
    if ((await state.deps.store.get(KEYS.thread(event.channel, thread))) === undefined) return;
    await answerInChat(state, client, { ...ask, threadTs: thread, followUp: true, channelType: 'thread' });
  });
}
