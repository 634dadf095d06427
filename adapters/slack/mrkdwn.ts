// Slack mrkdwn text helpers: escaping, links, quoting and cutting text to a length budget.
// Slack's rule: in any text it parses, only &, < and > are special, and escaping them as &amp;,
// &lt; and &gt; turns `<!channel>` or `<@U123>` into plain characters that ping nobody.
import { cleanText, httpUrl } from '../shared/text.js';

/**
 * U+2060 WORD JOINER, invisible: after every '@' it keeps a typed "@here", "@channel" or "@everyone"
 * from ever being read as a mention, whatever a client or the fallback text's parsing does with it.
 */
const WORD_JOINER = '\u2060';

export function escapeText(text: string): string {
  return cleanText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/@/g, `@${WORD_JOINER}`);
}

/**
 * Text for a plain_text object (button labels). Slack does not parse plain text, but it gets the same
 * guards as mrkdwn, '<' swapped for a look-alike and a word joiner after '@', so that one check (no '<'
 * but in our own links, no "@here") holds for every visible string.
 */
export function plainText(text: string): string {
  return cleanText(text).replace(/</g, '‹').replace(/>/g, '›').replace(/@/g, `@${WORD_JOINER}`);
}

/** Slack escapes &, < and > in the text users type; give the core what they actually typed. */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The url as it may appear inside <url|label>, or undefined when it is not a usable http(s) URL. */
export function linkTarget(url: string | undefined): string | undefined {
  let href = httpUrl(url)?.href;
  if (!href) return undefined;
  // The WHATWG serialiser leaves | and some quotes alone; | would end the url part of the link.
  href = href.replace(/\|/g, '%7C').replace(/[<>"\s]/g, encodeURIComponent);
  return href.length <= 500 ? href.replace(/&/g, '&amp;') : undefined;
}

/** A link around an already escaped label; just the label when the url is unusable. */
export function link(url: string | undefined, escapedLabel: string): string {
  const target = linkTarget(url);
  return target ? `<${target}|${escapedLabel.replace(/\|/g, '¦')}>` : escapedLabel;
}

/** Escaped text shown as a Slack block quote, one `>` per line. */
export function quoteLines(text: string): string {
  return escapeText(text)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** Collapse runs of blank lines and trailing spaces, so passages read well and cost less. */
export function tidy(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const SENTENCE_END = /[.!?…。！？]["'”’»)\]]*(?=\s|$)/g;
export const ELLIPSIS = ' …';

export interface Cut {
  /** Formatted (escaped) text within the budget. */
  text: string;
  truncated: boolean;
  /** How many characters of the raw text it shows. */
  consumed: number;
}

/**
 * Format `raw` with `format` (which escapes it) so the result is at most `max` characters. When it
 * does not fit, keep the longest prefix that does, ending at a sentence boundary when one is in
 * the second half of the kept text, else at a space, else at a grapheme, and add an ellipsis.
 */
export function fit(raw: string, max: number, format: (text: string) => string, ellipsis = ELLIPSIS): Cut {
  const whole = format(raw);
  if (whole.length <= max) return { text: whole, truncated: false, consumed: raw.length };
  // Formatting never shortens text (beyond dropping unsafe characters), so no prefix longer than
  // `max` fits: only that window needs segmenting. Its last boundary may split a grapheme; drop it.
  const window = raw.slice(0, max + 1);
  const ends: number[] = [0];
  for (const { index, segment } of segmenter.segment(window)) ends.push(index + segment.length);
  if (window.length < raw.length) ends.pop();
  const cost = (end: number) => format(raw.slice(0, end).trimEnd() + ellipsis).length;
  // Largest grapheme boundary whose formatted prefix fits (cost grows with the prefix).
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (cost(ends[mid]!) <= max) lo = mid;
    else hi = mid - 1;
  }
  const limit = ends[lo]!;
  const kept = raw.slice(0, limit);
  let end = limit;
  let sentence = -1;
  for (const m of kept.matchAll(SENTENCE_END)) {
    const at = m.index + m[0].length;
    if (at <= limit && (at < limit || /\s/.test(raw[limit] ?? ''))) sentence = at;
  }
  const space = kept.search(/\s\S*$/);
  if (sentence >= limit / 2) end = sentence;
  else if (space >= limit / 2) end = space;
  const prefix = raw.slice(0, end).trimEnd();
  const text = format(prefix ? prefix + ellipsis : ELLIPSIS.trim());
  return { text: text.length <= max ? text : format(''), truncated: true, consumed: end };
}

/** Escaped text cut to `max` characters (for titles, names, citation parts). */
export function short(raw: string, max: number): string {
  return fit(raw.replace(/\s+/g, ' ').trim(), max, escapeText).text;
}
