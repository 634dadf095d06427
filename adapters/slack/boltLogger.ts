// Bolt, the Web API client and Socket Mode log through pino, so their lines are JSON, carry the
// adapter's fields and pass through the same secret redaction as everything else.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/runtime/logger.js';

const LEVELS: Record<string, LogLevel> = { trace: LogLevel.DEBUG, debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN };

function describe(part: unknown): string {
  if (part instanceof Error) return part.message;
  if (typeof part === 'string') return part;
  try {
    return JSON.stringify(part) ?? String(part);
  } catch {
    return String(part); // circular structures: a log line must never throw
  }
}

const toText = (parts: unknown[]) => parts.map(describe).join(' ');

export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'bolt' });
  let name = 'bolt';
  return {
    debug: (...msg: unknown[]) => child.debug({ name }, toText(msg)),
    info: (...msg: unknown[]) => child.info({ name }, toText(msg)),
    warn: (...msg: unknown[]) => child.warn({ name }, toText(msg)),
    error: (...msg: unknown[]) => child.error({ name }, toText(msg)),
    // pino's level is the one that counts; Bolt only asks so it can skip building debug strings.
    setLevel: () => undefined,
    getLevel: () => LEVELS[child.level] ?? LogLevel.ERROR,
    setName: (value: string) => { name = value; },
  };
}
