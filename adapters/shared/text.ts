// Text hygiene every renderer applies to text it did not write (questions, knowledge-base text):
// one definition of "unsafe characters" for Slack, Discord and the terminal, and of an http(s) URL.

/**
 * C0 and C1 controls (except tab and newline) and bidirectional marks and overrides: they can move a
 * terminal's cursor, disguise text by reordering it, or make a platform reject the message.
 */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Text without unsafe characters or lone surrogates; CRLF and CR become newlines. */
export function cleanText(text: string): string {
  return text.toWellFormed().replace(/\r\n?/g, '\n').replace(UNSAFE, '');
}

export { httpUrl } from '../../src/httpUrl.js';
