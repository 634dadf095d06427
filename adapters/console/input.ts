// A console line as the platforms would hand it to the handler: the same input works everywhere,
// so `/treaty article 6` and `@bot article 6` are the command and the mention, not part of the question.

export type ConsoleInput =
  | { type: 'blank' }
  | { type: 'quit' }
  | { type: 'ask'; text: string };

const COMMAND = /^\/treaty(?=\s|$)/i;
/** A leading mention of any name (`@bot`, `@Treaty-bot`): on the platforms it is the bot's own. */
const MENTION = /^@\S+/;
const QUIT = new Set(['/quit', '/exit', 'quit', 'exit']);

export function parseLine(line: string): ConsoleInput {
  const trimmed = line.trim();
  // A blank line is not a question: the handler would answer it with the help, once per empty line.
  if (!trimmed) return { type: 'blank' };
  if (QUIT.has(trimmed.toLowerCase())) return { type: 'quit' };
  // Mention first, then command: "@bot /treaty help" is what someone copying from Slack might type.
  const text = trimmed.replace(MENTION, '').trim().replace(COMMAND, '');
  // "/treaty" or "@bot" alone is an empty question, which the handler answers with the help.
  return { type: 'ask', text: text.trim() };
}
