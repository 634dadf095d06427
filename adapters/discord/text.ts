// Making any text safe to show on Discord: mentions neutralised, markdown escaped, lengths capped.
// Every string that did not come from this adapter passes through here before it is sent.
import { escapeMarkdown } from 'discord.js';

const ZWSP = '\u200b';

/**
 * Breaks every mention Discord would parse: `@everyone`, `@here`, `<@id>`, `<@!id>`, `<@&id>`.
 * A zero-width space after each `@` keeps the text readable while nothing matches a mention any more.
 * The replies also send `allowed_mentions: { parse: [] }`; this is the second lock.
 */
export function neutralizeMentions(text: string): string {
  return text.replace(/@/g, `@${ZWSP}`);
}

/** Drops characters Discord would reject or that would reorder the text around them (C0 controls, bidi overrides). */
function stripControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\r\n?/g, '\n');
}

/**
 * Untrusted text (the question, knowledge-base text, suggestions) shown as plain text. `max` cuts the
 * raw text first: escaping only lengthens it, and escapeMarkdown is slow on very long strings.
 */
export function safeText(text: string, max?: number): string {
  const raw = max === undefined ? text : truncate(text, max);
  return neutralizeMentions(escapeMarkdown(stripControls(raw)));
}

/** Text inside a masked link `[text](url)`: brackets would end the link early. */
export function safeLinkText(text: string, max?: number): string {
  return safeText(text, max).replace(/[[\]]/g, (c) => `\\${c}`);
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

/** An http(s) URL Discord accepts in embeds and masked links, or undefined. */
export function safeUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    const href = url.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
    return href.length <= 512 ? href : undefined;
  } catch {
    return undefined;
  }
}

/** Quote block: every line of the passage prefixed with `> `. */
export function blockquote(text: string): string {
  return text.split('\n').map((line) => `> ${line}`).join('\n');
}
