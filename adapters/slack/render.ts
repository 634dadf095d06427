// Reply → Block Kit message. Every piece of text from a user or a file is escaped; results are laid
// out within a fixed character budget so any answer fits Slack's limits, and passages cut short get
// a "Show full passage" button.
import type { Answer, Result } from '../../src/answer.js';
import type { Reply } from '../../src/runtime/handler.js';
import {
  FAILURE_MESSAGE, OFFICIAL_TEXT_URL, contextLine, SUMMARY_LABEL, citationLine, datedLines, outcomeMessage, replyMessage, resultHeading, speakerLine, stanceLabel,
} from '../shared/messages.js';
import { ACTIONS, LIMITS, actions, blocksTextLength, button, context, section, type Block, type SlackMessage } from './blocks.js';
import { renderHelp } from './renderHelp.js';
import { ELLIPSIS, escapeText, fit, link, plainText, quoteLines, short, tidy } from './mrkdwn.js';
import { LABELS } from './text.js';

export type { SlackMessage } from './blocks.js';

export interface RenderOptions {
  /** Offer "Share in channel" (answers only the asker can see), with this signed value (shareValue.ts). */
  share?: string;
  /** How commands are typed where the reply appears: "/treaty " for the slash command, "" in chats. */
  commandPrefix?: string;
  /** Escaped display name of whoever shared the answer into the channel. */
  sharedBy?: string;
}

/** Results shown in one message; the rest are counted, not shown. */
export const MAX_RESULTS = 8;

export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage {
  switch (reply.type) {
    case 'answer':
      return renderAnswer(reply.requestId, reply.answer, options);
    case 'help':
      return renderHelp(options.commandPrefix ?? '/treaty ');
    default: {
      const message = escapeText(replyMessage(reply) ?? FAILURE_MESSAGE);
      return { text: message, blocks: [section(message)] };
    }
  }
}

/**
 * The acknowledgement of a command that is itself the reply, when answers are falling behind: Slack
 * shows it only to the asker, and no response URL is called (HTTP: gate.ts; Socket Mode: command.ts).
 */
export const BUSY_ACK = { response_type: 'ephemeral' as const, ...renderReply({ type: 'busy', requestId: '' }) };

/** The escaped heading of a result ("Article 6: Respect for human rights"), never blank. */
export function titleOf(result: Result): string {
  const title = short(resultHeading(result), 150);
  if (title.trim()) return title;
  return result.article ? `Article ${result.article}` : LABELS.result;
}

/** Citation, speaker and stance: the context line under each result. */
function metaOf(result: Result): string[] {
  const lines: string[] = [];
  // Cleaned first: a speaker made only of control or invisible characters is no speaker at all.
  const speaker = short(speakerLine(result) ?? '', 200).trim();
  const stance = stanceLabel(result);
  if (speaker || stance) lines.push([speaker, stance ? `*${stance}*` : ''].filter(Boolean).join(' · '));
  for (const line of datedLines(result)) lines.push(`_${short(line, 600)}_`);
  const url = result.citation.url ?? (result.kind === 'article' ? OFFICIAL_TEXT_URL : undefined);
  lines.push(`${LABELS.source}: ${link(url, short(citationLine(result), 250))}`);
  return lines;
}

function headerOf(result: Result): string {
  const title = `*${titleOf(result)}*`;
  return result.isSummary ? `${title}\n_${SUMMARY_LABEL}_\n` : `${title}\n`;
}

const formatOf = (result: Result) => (result.isSummary ? escapeText : quoteLines);

/** Share the passage budget: short passages whole, the rest split evenly (water-filling). */
function passageBudgets(results: Result[], headers: string[], available: number): number[] {
  const natural = results.map((r, i) => Math.min(formatOf(r)(tidy(r.text)).length, LIMITS.sectionText - headers[i]!.length - 100));
  const order = natural.map((n, i) => [n, i] as const).sort((a, b) => a[0] - b[0]);
  const budgets = new Array<number>(results.length).fill(0);
  let left = Math.max(0, available);
  order.forEach(([n, i], k) => {
    const give = Math.max(0, Math.min(n, Math.floor(left / (order.length - k))));
    budgets[i] = give;
    left -= give;
  });
  return budgets;
}

function renderAnswer(requestId: string, answer: Answer, options: RenderOptions): SlackMessage {
  const top: Block[] = [];
  const query = short(answer.query, 300);
  if (query.trim()) top.push(context([`${LABELS.question}: ${query}`]));
  const followsOn = contextLine(answer);
  if (followsOn) top.push(context([short(followsOn, 200)]));
  const headline = outcomeMessage(answer.outcome);
  if (headline) top.push(section(short(headline, 1000)));

  const shown = answer.results.slice(0, MAX_RESULTS);
  const headers = shown.map(headerOf);
  const metas = shown.map(metaOf);
  const bottom: Block[] = [];
  const hidden = answer.results.length - shown.length;
  if (hidden > 0) bottom.push(context([LABELS.moreResults(hidden)]));
  if (answer.abstained || shown.length === 0) {
    const asks = suggestionButtons(answer.suggestions);
    if (asks.length) bottom.push(section(`*${LABELS.tryAsking}*`), actions(asks, 'suggestions'));
  } else if (answer.suggestions.length) {
    const related = answer.suggestions.slice(0, 3).map((s) => `${options.commandPrefix ?? ''}${short(s, 100)}`);
    bottom.push(context([`${LABELS.related}: ${related.join(' · ')}`]));
  }
  if (options.sharedBy) bottom.push(context([LABELS.sharedBy(options.sharedBy)]));
  bottom.push(actionsFor(requestId, answer, options));

  // Everything but the passages, including a possible "Show full passage" button on each result.
  const fixed = blocksTextLength([...top, ...bottom]) + headers.join('').length + metas.flat().join('').length
    + shown.length * LABELS.fullPassage.length;
  const budgets = passageBudgets(shown, headers, LIMITS.messageText - fixed);

  const blocks: Block[] = [...top];
  shown.forEach((result, i) => {
    const passage = fit(tidy(result.text), budgets[i]!, formatOf(result));
    const more = passage.truncated ? button(LABELS.fullPassage, ACTIONS.fullPassage, result.id) : undefined;
    blocks.push(section(headers[i]! + passage.text, more, `result-${i}`));
    blocks.push(context(metas[i]!));
  });
  blocks.push(...bottom);
  return { text: fallbackOf(answer), blocks };
}

/**
 * With nothing to show, each suggestion is a button that asks it (listeners/ask.ts): one click instead
 * of retyping. The value is the question; the label, plain text, is cut to Slack's limit.
 */
function suggestionButtons(suggestions: string[]) {
  // Slack wants every action_id in a block to differ: the buttons are numbered (listeners/ask.ts).
  return suggestions.slice(0, 5).flatMap((s, i) => {
    const question = s.replace(/\s+/g, ' ').trim();
    const label = fit(question, LIMITS.buttonText, plainText, ELLIPSIS).text;
    return label.trim() && question.length <= LIMITS.buttonValue ? [button(label, `${ACTIONS.ask}:${i}`, question)] : [];
  });
}

function actionsFor(requestId: string, answer: Answer, options: RenderOptions) {
  const ids = answer.results.slice(0, MAX_RESULTS).map((r) => r.id);
  let value = JSON.stringify({ r: requestId, ids });
  while (value.length > LIMITS.buttonValue && ids.length) {
    ids.pop();
    value = JSON.stringify({ r: requestId, ids });
  }
  const buttons = [
    button(LABELS.helpful, ACTIONS.feedbackUp, value),
    button(LABELS.notHelpful, ACTIONS.feedbackDown, value),
  ];
  if (options.share) buttons.unshift(button(LABELS.share, ACTIONS.share, options.share, 'primary'));
  return actions(buttons, 'answer-actions');
}

/** One line for notifications and screen readers. */
function fallbackOf(answer: Answer): string {
  const headline = outcomeMessage(answer.outcome);
  const first = answer.results[0];
  let line: string;
  if (headline) line = headline;
  else if (first) line = `${resultHeading(first) || LABELS.result}${answer.results.length > 1 ? ` (and ${answer.results.length - 1} more)` : ''}`;
  else line = LABELS.noResults;
  const text = short(line, LIMITS.fallbackText);
  return text.trim() ? text : LABELS.noResults;
}
