// Console-only words: the few lines the terminal chat adds around the shared replies
// (adapters/shared/messages.ts and plainText.ts hold every sentence about an outcome).
import { BOT_NAME } from '../shared/messages.js';

export const WELCOME = `${BOT_NAME}: ask about the UN Convention against Cybercrime. Type /treaty help for the commands, Ctrl-D to quit.`;
export const PROMPT = 'treaty> ';
export const FAILED = 'Something went wrong while answering. Please try again.';
/** Precedes each answer in piped output, where the question itself is not on screen. */
export const questionEcho = (line: string): string => `> ${line}`;
