// A reply as readable plain text: the console adapter prints it, and the CLI (npm run ask) too.
import type { Answer, Result } from '../../src/answer.js';
import type { Reply } from '../../src/runtime/handler.js';
import { COMMANDS, EXAMPLE_QUESTIONS, SUMMARY_LABEL, citationLine, outcomeMessage, replyMessage, speakerLine, stanceLabel } from './messages.js';

export function resultText(r: Result): string {
  const lines: string[] = [];
  const heading = r.article ? `Article ${r.article}. ${r.title}` : r.title;
  lines.push(`■ ${heading}${r.stance ? ` [${stanceLabel(r)}]` : ''}`);
  if (r.isSummary) lines.push(`  ${SUMMARY_LABEL}:`, ...indent(r.text));
  else lines.push(...indent(`“${r.text}”`));
  const who = speakerLine(r);
  if (who) lines.push(`  — ${who}`);
  lines.push(`  Source: ${citationLine(r)}${r.citation.url ? ` <${r.citation.url}>` : ''}`);
  return lines.join('\n');
}

function indent(text: string): string[] {
  return text.split('\n').map((l) => (l ? `  ${l}` : ''));
}

export function answerText(answer: Answer): string {
  const parts: string[] = [];
  // An answer with nothing to show says so, whatever its outcome claims.
  const message = outcomeMessage(answer.outcome) ?? (answer.results.length ? undefined : outcomeMessage({ type: 'no_match' }));
  if (message) parts.push(message);
  parts.push(...answer.results.map(resultText));
  if (answer.suggestions.length) parts.push(`${answer.abstained ? 'You could ask' : 'See also'}: ${answer.suggestions.join(' · ')}`);
  return parts.join('\n\n');
}

export function helpText(prefix: string): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length)) + prefix.length;
  return [
    'I answer questions about the UN Convention against Cybercrime with quoted, cited passages.',
    '',
    ...COMMANDS.map((c) => `  ${(prefix + c.usage).padEnd(width)}  ${c.does}`),
    '',
    `Try: ${EXAMPLE_QUESTIONS.join(' · ')}`,
  ].join('\n');
}

export function replyText(reply: Reply, prefix = '/treaty '): string {
  const text = reply.type === 'answer' ? answerText(reply.answer) : reply.type === 'help' ? helpText(prefix) : (replyMessage(reply) ?? '');
  return terminalSafe(text);
}

// Control characters (other than line breaks) and bidirectional overrides: in a terminal they could
// move the cursor, recolour or hide text, or run escape sequences. Nothing legitimate uses them.
const UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Text fit for a terminal: no escape sequences, no bidi tricks, no lone surrogates. */
export function terminalSafe(text: string): string {
  return text.toWellFormed().replace(UNSAFE, '');
}
