// Making any text safe to show on Discord: mentions neutralised, markdown and links escaped, lengths
// capped. Every string that did not come from this adapter passes through here before it is sent.
import { escapeMarkdown } from 'discord.js';
import { cleanText, httpUrl } from '../shared/text.js';

const ZWSP = '\u200b';

/**
 * Breaks every mention Discord would parse: `@everyone`, `@here`, `<@id>`, `<@!id>`, `<@&id>`.
 * A zero-width space after each `@` keeps the text readable while nothing matches a mention any more.
 * The replies also send `allowed_mentions: { parse: [] }`; this is the second lock.
 */
export function neutralizeMentions(text: string): string {
  return text.replace(/@/g, `@${ZWSP}`);
}

/**
 * Every square bracket escaped, so `[free nitro](https://evil.example)` shows as typed instead of as
 * a link whose text hides where it leads. escapeMarkdown's own `maskedLink` option is not enough: it
 * escapes one bracket per line, so the second link of `[a](x) [b](y)` stays live.
 */
function escapeBrackets(text: string): string {
  return text.replace(/[[\]]/g, (c) => `\\${c}`);
}

/**
 * Untrusted text (the question, knowledge-base text, suggestions) shown as plain text: no link, no
 * heading or list formatting, no ping; what it says is unchanged. `max` cuts the raw text first:
 * escaping only lengthens it, and escapeMarkdown is slow on very long strings.
 */
export function safeText(text: string, max?: number): string {
  const raw = max === undefined ? text : truncate(text, max);
  // escapeMarkdown escapes backslashes first (its `escape` option), so the brackets' escapes added after it hold.
  const escaped = escapeMarkdown(cleanText(raw), { heading: true, bulletedList: true, numberedList: true });
  return neutralizeMentions(escapeBrackets(escaped));
}

/**
 * Cut to at most `max` UTF-16 units (what Discord's limits count, and never fewer than code points),
 * on a code-point boundary, without leaving a dangling escape backslash, ending in an ellipsis when cut.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  out = out.replace(/\\+$/, (s) => (s.length % 2 === 0 ? s : s.slice(0, -1)));
  return `${out}…`;
}

/**
 * An http(s) URL for an embed or a masked link, or undefined. Parentheses are percent-encoded because
 * a `)` would end the masked link early; over 512 characters Discord rejects the embed's url.
 */
export function linkUrl(raw: string | undefined): string | undefined {
  const href = httpUrl(raw)?.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
  return href && href.length <= 512 ? href : undefined;
}

/** Quote block: every line of the passage prefixed with `> `. */
export function blockquote(text: string): string {
  return text.split('\n').map((line) => `> ${line}`).join('\n');
}
