// The console adapter: a chat in the terminal for anyone without Slack or Discord tokens. It reads
// lines, sends each through the one handler path as the platforms do, and prints the reply as plain
// text with citations. With piped input it answers every line in order and finishes when input ends.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { AdapterDeps, RunningAdapter } from '../shared/adapter.js';
import { replyText } from '../shared/plainText.js';
import { parseLine } from './input.js';
import { FAILURE_MESSAGE } from '../shared/messages.js';
import { PROMPT, WELCOME, questionEcho } from './wording.js';

export interface ConsoleOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A person at a terminal: show the welcome line and a prompt. Never in piped output. */
  interactive: boolean;
  /** Rate limits are per user, as on the platforms. */
  user: string;
  /** Ctrl-C at the prompt: readline swallows it in raw mode, so it is handed back to the caller. */
  onInterrupt?: () => void;
}

export interface RunningConsole extends RunningAdapter {
  /** Resolves once input has ended and every answer to it has been printed. */
  finished: Promise<void>;
}

export async function startConsole(deps: AdapterDeps & { options: ConsoleOptions }): Promise<RunningConsole> {
  const { handler, options } = deps;
  const logger = deps.logger.child({ adapter: 'console' });
  const { input, output, interactive, user } = options;
  const write = (text: string) => void output.write(text);
  // readline echoes and draws the prompt only with an output; piped input needs neither.
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  rl.setPrompt(PROMPT);
  let closed = false;
  // The session is one conversation: "tell me more" follows on from the answer before it.
  const conversation = `console:${user}:${randomUUID()}`;
  // Answers are chained so they print in the order the lines came, even if a later one is quicker.
  let queue: Promise<void> = Promise.resolve();

  const prompt = () => {
    if (interactive && !closed) rl.prompt();
  };

  async function answer(line: string, text: string): Promise<void> {
    // In piped output the question is not on screen, so each answer is headed by it for the reader.
    const show = (shown: string) => write(`${interactive ? '' : `${questionEcho(line)}\n`}${shown}\n\n`);
    try {
      await handler.respond({ text, user, channel: 'console', platform: 'console', conversation }, async (reply) => show(replyText(reply, '/treaty ')));
    } catch (error) {
      logger.error({ err: error }, 'console: answering failed');
      show(FAILURE_MESSAGE);
    }
    prompt();
  }

  rl.on('line', (line) => {
    const parsed = parseLine(line);
    if (parsed.type === 'blank') return prompt();
    if (parsed.type === 'quit') return rl.close();
    queue = queue.then(() => answer(line.trim(), parsed.text));
  });
  if (options.onInterrupt) rl.on('SIGINT', options.onInterrupt);

  const finished = new Promise<void>((resolve) => {
    rl.once('close', () => {
      closed = true;
      // Every line has been read by now, so the queue holds the last answer to wait for.
      void queue.then(resolve);
    });
  });

  if (interactive) write(`${WELCOME}\n`);
  prompt();
  logger.debug({ interactive }, 'console: reading input');

  return {
    name: 'console',
    finished,
    async stop() {
      rl.close();
      await finished;
    },
  };
}
