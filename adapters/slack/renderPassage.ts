// "Show full passage": one result's whole text, split at sentence boundaries into as many sections
// and messages as Slack's limits need, up to the number of posts a response URL accepts.
import type { Result } from '../../src/answer.js';
import { SUMMARY_LABEL, citationLine, datedLines, resultHeading } from '../shared/messages.js';
import { LIMITS, context, section, type Block, type SlackMessage } from './blocks.js';
import { escapeText, fit, link, quoteLines, short, tidy } from './mrkdwn.js';
import { titleOf } from './render.js';
import { LABELS } from './text.js';

const CHUNK = 2700;
const SECTIONS_PER_MESSAGE = 3;
/** A response URL accepts at most 5 posts: a longer passage ends with a pointer to its source. */
export const MAX_MESSAGES = 5;

/**
 * The text in at most `limit` chunks of at most `max` formatted characters, each ending at a sentence if
 * it can; `more` when text was left over. Stops at the limit, so a huge text costs no more than that.
 */
export function chunks(raw: string, max: number, format: (text: string) => string, limit = Infinity): { parts: string[]; more: boolean } {
  const parts: string[] = [];
  let rest = raw;
  while (rest.trim()) {
    if (parts.length === limit) return { parts, more: true };
    const piece = fit(rest, max, format, '');
    if (!piece.truncated) {
      parts.push(piece.text);
      break;
    }
    // A single grapheme too long to fit (thousands of combining marks): cut it by code units.
    const consumed = piece.consumed > 0 ? piece.consumed : Math.max(1, Math.floor(max / 5));
    parts.push(piece.consumed > 0 ? piece.text : format(rest.slice(0, consumed)));
    rest = rest.slice(consumed).trimStart();
  }
  return { parts: parts.length ? parts : [format('')], more: false };
}

export function renderPassage(result: Result | undefined): SlackMessage[] {
  if (!result) return [{ text: LABELS.passageGone, blocks: [section(LABELS.passageGone)] }];
  const title = `*${titleOf(result)}*${result.isSummary ? `\n_${SUMMARY_LABEL}_` : ''}`;
  const format = result.isSummary ? escapeText : quoteLines;
  const { parts, more } = chunks(tidy(result.text), CHUNK, format, MAX_MESSAGES * SECTIONS_PER_MESSAGE);
  const cite = context([
    ...(more ? [`_${LABELS.passageContinues}_`] : []),
    ...datedLines(result).map((l) => `_${short(l, 600)}_`),
    `${LABELS.source}: ${link(result.citation.url, short(citationLine(result), 250))}`,
  ]);
  const messages: SlackMessage[] = [];
  for (let i = 0; i < parts.length; i += SECTIONS_PER_MESSAGE) {
    const blocks: Block[] = parts.slice(i, i + SECTIONS_PER_MESSAGE).map((p, j) => section(i + j === 0 ? `${title}\n${p}` : p));
    if (i + SECTIONS_PER_MESSAGE >= parts.length) blocks.push(cite);
    const fallback = short(`${resultHeading(result)}${i ? ` ${LABELS.continued}` : ''}`, LIMITS.fallbackText);
    messages.push({ text: fallback.trim() ? fallback : LABELS.result, blocks });
  }
  return messages;
}
