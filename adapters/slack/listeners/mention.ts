// @bot question in a channel: answer in a thread under the question.
import type { App } from '@slack/bolt';
import { unescapeSlack } from '../mrkdwn.js';
import type { SlackState } from '../state.js';
import { answerInChat, stripMention } from './post.js';

export function register(app: App, state: SlackState): void {
  app.event('app_mention', async ({ event, context, client }) => {
    // Bots mentioning us could loop; DMs arrive as message.im and are answered there.
    if (event.bot_id || !event.user || event.channel.startsWith('D')) return;
    const text = unescapeSlack(stripMention(event.text, context.botUserId));
    await answerInChat(state, client, {
      channel: event.channel, threadTs: event.thread_ts ?? event.ts, user: event.user, text,
      workspace: context.teamId, channelType: event.thread_ts ? 'thread' : 'channel',
    });
  });
}
