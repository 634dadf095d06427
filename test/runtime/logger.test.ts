// Secrets never reach a log line: by field path (config objects, headers), by token shape (Slack and
// Discord tokens inside messages and errors) and by value (the signing secret has no shape).
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/runtime/config.js';
import { configSecrets } from '../../src/runtime/config.js';
import { createLogger, redactSecrets } from '../../src/runtime/logger.js';
import { testHandler } from '../helpers/engine.js';

// Built from parts so no token-shaped literal sits in the repository for scanners to flag.
const BOT = ['xoxb', '1234567890', '0987654321', 'AbCdEfGhIjKlMnOpQrStUvWx'].join('-');
const APP = ['xapp', '1', 'A0123456789', '1234567890123', 'abcdef0123456789abcdef'].join('-');
const SIGNING = '8f14e45fceea167a5a36dedd4bea2543';
const DISCORD = ['MTEwMDAwMDAwMDAwMDAwMDAwMQ', 'GhIjKl', 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789ab'].join('.');
const SECRETS = [BOT, APP, SIGNING, DISCORD];

function capture(level: 'info' | 'debug' = 'info', secrets: string[] = []) {
  const lines: string[] = [];
  const logger = createLogger({ level, secrets, destination: { write: (line: string) => void lines.push(line) } });
  const text = () => lines.join('');
  return { logger, lines, text };
}

function expectNoSecret(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

describe('secrets never appear in a log line', () => {
  const result = parseConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: SIGNING, DISCORD_TOKEN: DISCORD, DISCORD_APPLICATION_ID: '1100000000000000001' });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  const { config } = result;

  it('a whole config object, logged as it is', () => {
    const { logger, text } = capture('info', configSecrets(config));
    logger.info({ config }, 'starting');
    logger.info(config.slack, 'slack settings');
    logger.info({ discord: config.discord }, 'discord settings');
    expectNoSecret(text());
    expect(text()).toContain('[Redacted]');
    expect(text()).toContain('"mode":"socket"');
  });

  it('an error whose message and stack contain a Slack bot token, even without the secrets list', () => {
    const { logger, text } = capture();
    logger.error({ err: new Error(`An API error occurred: invalid_auth for token ${BOT}`) }, 'slack failed');
    logger.warn(`retrying with ${APP}`);
    expectNoSecret(text());
    expect(text()).toContain('invalid_auth for token [Redacted]');
  });

  it('a Discord-shaped token in a message or a nested field', () => {
    const { logger, text } = capture();
    logger.info(`login with ${DISCORD} failed`);
    logger.info({ request: { headers: { authorization: `Bot ${DISCORD}` } } }, 'rest call');
    logger.info({ client: { token: DISCORD } }, 'client');
    expectNoSecret(text());
  });

  it('the signing secret, which has no recognisable shape, by its value', () => {
    const { logger, text } = capture('info', configSecrets(config));
    logger.info(`signature base computed with ${SIGNING}`);
    logger.info({ headers: { 'x-slack-signature': 'v0=abc', authorization: SIGNING } }, 'headers');
    expectNoSecret(text());
  });

  it('a question that contains a token, logged at debug level by the handler', async () => {
    const { logger, text, lines } = capture('debug');
    await testHandler({ logger }).handle({ text: `is ${BOT} a secret?`, user: 'U1', platform: 'slack' });
    expect(lines.length).toBe(2);
    expect(text()).toContain('"question":"is [Redacted] a secret?"');
    expectNoSecret(text());
  });

  it('redactSecrets leaves ordinary text alone', () => {
    expect(redactSecrets('Article 7. Illegal access: xox is not a token, nor is a.b.c')).toBe('Article 7. Illegal access: xox is not a token, nor is a.b.c');
  });
});
