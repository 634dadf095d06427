// The real program's start and stop: a misconfiguration stops it before anything starts, with one
// line per problem and no stack trace; a signal stops it gracefully with exit code 0.
import { describe, expect, it } from 'vitest';
import { runMain } from './spawnMain.js';

const BOT = ['xoxb', '111', '222', 'abcdefABCDEF'].join('-');

describe('npm start', () => {
  it('with SLACK_BOT_TOKEN alone: exits 1, naming the variable and its partners, without a stack trace or the token', async () => {
    const result = await runMain({ env: { SLACK_BOT_TOKEN: BOT } });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Cannot start: fix these settings/);
    expect(lines.slice(1)).toEqual(['  - SLACK_BOT_TOKEN is set without its partner: set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode).']);
    expect(result.stderr).not.toContain(BOT);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports every problem at once, from .env as from the environment', async () => {
    const result = await runMain({ dotenv: 'LOG_LEVEL=loud\nDISCORD_TOKEN=abc\n', env: { HEALTH_PORT: '99999' } });
    expect(result.code).toBe(1);
    const problems = result.stderr.split('\n').filter((l) => l.startsWith('  - '));
    expect(problems).toHaveLength(3);
    expect(result.stderr).toContain('  - LOG_LEVEL: not a log level');
    expect(result.stderr).toContain('  - DISCORD_TOKEN is set without DISCORD_APPLICATION_ID');
    expect(result.stderr).toContain('  - HEALTH_PORT: not a whole number from 1 to 65535');
  });

  it('on SIGTERM: stops taking requests, shuts down and exits 0', async () => {
    const result = await runMain({
      env: { LOG_LEVEL: 'info' },
      stdin: 'article 7\n',
      signal: { name: 'SIGTERM', when: ({ stderr }) => stderr.includes('"msg":"answered"') },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('■ Article 7: Illegal access');
    const messages = result.stderr.trim().split('\n').map((l) => (JSON.parse(l) as { msg: string; reason?: string }));
    expect(messages.find((m) => m.msg === 'shutting down')?.reason).toBe('SIGTERM');
    expect(messages.at(-1)?.msg).toBe('stopped');
  });
});
