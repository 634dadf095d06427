// Answer a chat message (mention, DM, thread follow-up) with chat.postMessage, and remember threads
// the bot answered in so follow-ups there need no mention.
import type { webApi } from '@slack/bolt';
import type { Reply } from '../../../src/runtime/handler.js';
import { FAILURE_MESSAGE } from '../../shared/messages.js';
import { section, type SlackMessage } from '../blocks.js';
import { escapeText } from '../mrkdwn.js';
import { renderReply } from '../render.js';
import { answer, CONVERSATION, KEYS, THREAD_TTL_MS, type SlackState } from '../state.js';

export interface ChatQuestion {
  channel: string;
  /** Thread to answer in; undefined answers in the channel itself (DMs). */
  threadTs?: string;
  user: string;
  text: string;
  /**
   * A message in a followed thread that did not mention the bot: it may be "thanks!" or talk between
   * people, so it is answered only when the bot found something, never with a refusal or help.
   */
  followUp?: boolean;
  workspace?: string;
  channelType?: 'dm' | 'channel' | 'thread';
}

/** Remove the bot's own mention (`<@U123>` or `<@U123|name>`) wherever it appears. */
export function stripMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text.trim();
  return text.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

export function mentionsBot(text: string, botUserId: string | undefined): boolean {
  return botUserId !== undefined && text.includes(`<@${botUserId}`);
}

/**
 * An answer with results, or one read as following on from the bot's last answer ("none of the critics
 * address it"): the only replies worth posting to a message that did not ask the bot.
 */
export function found(reply: Reply): boolean {
  return reply.type === 'answer' && ((!reply.answer.abstained && reply.answer.results.length > 0) || reply.answer.context !== undefined);
}

export async function answerInChat(state: SlackState, client: webApi.WebClient, q: ChatQuestion): Promise<void> {
  const post = (message: SlackMessage) => client.chat.postMessage({
    channel: q.channel,
    ...(q.threadTs ? { thread_ts: q.threadTs } : {}),
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
  });
  // A follow-up that failed before the bot knew it had an answer may not have been a question at all.
  let replying = !q.followUp;
  // The conversation is the thread the bot answers in, or the DM itself (within the window).
  const conversation = q.threadTs ? CONVERSATION.thread(q.channel, q.threadTs) : CONVERSATION.dm(q.channel);
  await answer(state, { text: q.text, user: q.user, channel: q.channel, conversation, workspace: q.workspace, channelType: q.channelType }, async (reply) => {
    if (q.followUp && !found(reply)) return;
    replying = true;
    await post(renderReply(reply, { commandPrefix: '' }));
    if (q.threadTs) await state.deps.store.set(KEYS.thread(q.channel, q.threadTs), '1', THREAD_TTL_MS);
  }, async () => {
    if (replying) await post({ text: escapeText(FAILURE_MESSAGE), blocks: [section(escapeText(FAILURE_MESSAGE))] });
  });
}
