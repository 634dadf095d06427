// Answer a chat message (mention, DM, thread follow-up) with chat.postMessage, and remember threads
// the bot answered in so follow-ups there need no mention.
import type { webApi } from '@slack/bolt';
import { renderReply } from '../render.js';
import { ask, threadKey, type SlackState } from '../state.js';

export interface ChatQuestion {
  channel: string;
  /** Thread to answer in; undefined answers in the channel itself (DMs). */
  threadTs?: string;
  user: string;
  text: string;
}

/** Remove the bot's own mention (`<@U123>` or `<@U123|name>`) wherever it appears. */
export function stripMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text.trim();
  return text.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

export function mentionsBot(text: string, botUserId: string | undefined): boolean {
  return botUserId !== undefined && text.includes(`<@${botUserId}`);
}

export async function answerInChat(state: SlackState, client: webApi.WebClient, q: ChatQuestion): Promise<void> {
  const reply = await ask(state, q.text, q.user, q.channel);
  const message = renderReply(reply, { commandPrefix: '' });
  await client.chat.postMessage({
    channel: q.channel,
    ...(q.threadTs ? { thread_ts: q.threadTs } : {}),
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
  });
  if (q.threadTs) state.threads.add(threadKey(q.channel, q.threadTs));
}
