// Console-only words: the few lines the terminal chat adds around the shared replies
// (adapters/shared/messages.ts and plainText.ts hold every sentence about an outcome).
import { BOT_NAME } from '../shared/messages.js';
import { terminalSafe } from '../shared/plainText.js';

export const WELCOME = `${BOT_NAME}: ask about the UN Convention against Cybercrime. Type /treaty help for the commands, Ctrl-D to quit.`;
export const PROMPT = 'treaty> ';
/** Longest question echoed above its answer: a 100 000-character line is refused, not reprinted. */
const ECHO_LENGTH = 300;

/** Precedes each answer in piped output, where the question itself is not on screen. */
export const questionEcho = (line: string): string => {
  const clean = terminalSafe(line);
  const chars = [...clean]; // code points: an emoji is never cut in half
  return `> ${chars.length > ECHO_LENGTH ? `${chars.slice(0, ECHO_LENGTH).join('')}…` : clean}`;
};
