// pino, configured once: JSON lines by default, readable when asked or on a terminal, and secrets
// redacted wherever they might appear (config objects, headers, error messages).
import pino, { type Logger, type DestinationStream } from 'pino';
import pinoPretty from 'pino-pretty';
import type { LogLevel } from './config.js';

export type { Logger };

/** Field paths that may hold secrets; pino replaces their values. */
const REDACT_PATHS = [
  'token', 'botToken', 'appToken', 'signingSecret', 'password', 'authorization',
  '*.token', '*.botToken', '*.appToken', '*.signingSecret', '*.authorization',
  'config.slack.botToken', 'config.slack.appToken', 'config.slack.signingSecret', 'config.discord.token',
  'req.headers.authorization', 'headers.authorization', 'headers["x-slack-signature"]',
];

/** Token shapes of Slack (xox?-, xapp-) and Discord (three dot-separated base64 parts). */
const SECRET_PATTERN = /\b(?:xox[abpors]-[\w-]+|xapp-[\w-]+|[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{27,})\b/g;

/** Replace anything shaped like a platform token, for strings pino cannot see by path (messages, errors). */
/** The password of a URL with credentials (https://user:password@host/). */
const URL_PASSWORD = /(\b[a-z][\w+.-]*:\/\/[^\s/:@]*:)[^\s/@]+@/gi;

export function redactSecrets(text: string, extra: string[] = []): string {
  let out = text.replace(SECRET_PATTERN, '[Redacted]').replace(URL_PASSWORD, '$1[Redacted]@');
  for (const secret of extra) if (secret.length >= 8) out = out.split(secret).join('[Redacted]');
  return out;
}

export interface LoggerOptions {
  level: LogLevel;
  pretty?: boolean;
  /** Exact secret values from the configuration, scrubbed from every line. */
  secrets?: string[];
  destination?: DestinationStream;
  /** Where lines go when no destination is given. The console adapter uses stderr, keeping stdout for answers. */
  to?: 'stdout' | 'stderr';
}

export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter(Boolean);
  const fd = options.to === 'stderr' ? 2 : 1;
  const terminal = (fd === 2 ? process.stderr : process.stdout).isTTY === true;
  const pretty = options.pretty ?? (options.destination === undefined && terminal);
  const scrub = (line: string): string => redactSecrets(line, secrets);
  // Scrub the finished line, so a secret inside a message or an error stack is caught too.
  // Synchronous writes: when the reader of stdout has gone (a log shipper restarted, a closed pipe) the
  // first write fails with EPIPE and pino stops logging. Buffered async writes would instead be flushed
  // at exit in a loop that retries EPIPE forever, and the process would never exit.
  const sink: DestinationStream = options.destination ?? (pretty ? prettyStream(fd, terminal) : pino.destination({ dest: fd, sync: true }));
  const scrubbing: DestinationStream = { write: (line: string) => sink.write(scrub(line)) };
  return pino({ level: options.level, redact: { paths: REDACT_PATHS, censor: '[Redacted]' }, base: undefined }, scrubbing);
}

function prettyStream(fd: 1 | 2, terminal: boolean): DestinationStream {
  // pino-pretty as a stream in this process: no worker thread to outlive shutdown. Colours only on a
  // terminal, so LOG_PRETTY=true into a file stays free of escape codes.
  return pinoPretty({ colorize: terminal, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', destination: fd, sync: true });
}
