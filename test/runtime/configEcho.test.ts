// A secret pasted into the wrong variable is never printed back: configuration problems name the
// variable and the expected shape, not the value, and URL passwords are redacted from every log line.
import { describe, expect, it } from 'vitest';
import { configSecrets, parseConfig } from '../../src/runtime/config.js';
import { createLogger, redactSecrets } from '../../src/runtime/logger.js';

// Built from parts so no token-shaped literal sits in the repository for scanners to flag.
const TOKEN = ['xoxb', '999', '888', 'pastedIntoTheWrongPlace'].join('-');
const PASSWORD = 'hunter2-proxy-password';

describe('configuration errors never echo a value', () => {
  const variables = [
    'PORT', 'HEALTH_PORT', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'LOG_LEVEL', 'LOG_PRETTY', 'SLACK_PUBLIC_ANSWERS',
    'MAX_QUESTION_LENGTH', 'RATE_LIMIT_PER_MINUTE', 'SHUTDOWN_TIMEOUT_MS', 'SLACK_API_URL', 'DISCORD_API_URL', 'DISCORD_SHARDS', 'REDIS_URL',
  ];
  it.each(variables)('%s holding a token: the problem names the variable, not the token', (name) => {
    const env = name.startsWith('DISCORD_') ? { DISCORD_TOKEN: 'x'.repeat(30), DISCORD_APPLICATION_ID: '1100000000000000001', [name]: TOKEN } : { [name]: TOKEN };
    const result = parseConfig(env);
    expect(result.ok).toBe(false);
    const text = result.ok ? '' : result.problems.join('\n');
    expect(text).toMatch(new RegExp(`^${name}\\b`, 'm'));
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('pastedIntoTheWrongPlace');
  });

  it('an API URL with a password that is not http(s): the error does not show the password', () => {
    const result = parseConfig({ SLACK_API_URL: `ftp://bot:${PASSWORD}@proxy.example/api/` });
    expect(result.ok ? '' : result.problems.join('\n')).not.toContain(PASSWORD);
  });

  it('a valid API URL with a password: a secret for the logger, redacted from every line', () => {
    const result = parseConfig({ SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: 's'.repeat(32), SLACK_API_URL: `https://bot:${PASSWORD}@proxy.example/api/` });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(configSecrets(result.config)).toContain(PASSWORD);
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', secrets: configSecrets(result.config), destination: { write: (l: string) => { lines.push(l); } } });
    logger.warn({ apiUrl: result.config.slack?.apiUrl }, `request to https://bot:${PASSWORD}@proxy.example/api/chat.postMessage failed`);
    expect(lines.join('')).not.toContain(PASSWORD);
    expect(redactSecrets('see https://u:other-secret@host/x')).toBe('see https://u:[Redacted]@host/x');
  });
});
