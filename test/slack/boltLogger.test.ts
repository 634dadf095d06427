// Bolt's log calls become pino lines with the adapter's fields and secrets scrubbed.
import { describe, expect, it } from 'vitest';
import { boltLogger } from '../../adapters/slack/boltLogger.js';
import { createLogger } from '../../src/runtime/logger.js';

describe('boltLogger', () => {
  it('writes JSON lines through pino, scrubs tokens and never throws on odd arguments', () => {
    const lines: Record<string, unknown>[] = [];
    const log = createLogger({ level: 'debug', destination: { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) } });
    const bolt = boltLogger(log.child({ adapter: 'slack' }));
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    bolt.warn('Failed with token', 'xoxb-1234-5678-abcdefghijkl', circular);
    bolt.error(new Error('boom'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 40, adapter: 'slack', component: 'bolt' });
    expect(String(lines[0]!.msg)).toContain('[Redacted]');
    expect(String(lines[0]!.msg)).not.toContain('xoxb-');
    expect(lines[1]).toMatchObject({ level: 50, msg: 'boom' });
  });
});
