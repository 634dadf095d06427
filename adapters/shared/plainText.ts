// A reply as readable plain text: the console adapter prints it, and the CLI (npm run ask) too.
import type { Answer, Result } from '../../src/answer.js';
import type { Reply } from '../../src/runtime/handler.js';
import { cleanText } from './text.js';
import { COMMANDS, EXAMPLE_QUESTIONS, INTRO, SUMMARY_LABEL, citationLine, contextLine, datedLines, outcomeMessage, resultHeading, replyMessage, speakerLine, stanceLabel } from './messages.js';

export function resultText(r: Result): string {
  const lines: string[] = [];
  lines.push(`■ ${resultHeading(r)}${r.stance ? ` [${stanceLabel(r)}]` : ''}`);
  if (r.isSummary) lines.push(`  ${SUMMARY_LABEL}:`, ...indent(r.text));
  else lines.push(...indent(`“${r.text}”`));
  const who = speakerLine(r);
  if (who) lines.push(`  — ${who}`);
  lines.push(...datedLines(r).map((l) => `  ${l}`));
  lines.push(`  Source: ${citationLine(r)}${r.citation.url ? ` <${r.citation.url}>` : ''}`);
  return lines.join('\n');
}

function indent(text: string): string[] {
  return text.split('\n').map((l) => (l ? `  ${l}` : ''));
}

export function answerText(answer: Answer): string {
  const parts: string[] = [];
  const followsOn = contextLine(answer);
  if (followsOn) parts.push(followsOn);
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
    INTRO,
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

/** Text fit for a terminal: no escape sequences, no bidi tricks, no lone surrogates. */
export const terminalSafe = cleanText;
