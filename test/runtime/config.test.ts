// parseConfig: each bad setting gives one message naming its variable and what to set; good
// combinations select Socket Mode, HTTP mode, Discord, or nothing (the console).
import { readFileSync } from 'node:fs';
import dotenv from 'dotenv';
import { describe, expect, it } from 'vitest';
import { configSecrets, parseConfig, type Config } from '../../src/runtime/config.js';

// Built from parts so no token-shaped literal sits in the repository for scanners to flag.
const BOT = ['xoxb', '111', '222', 'abcdefABCDEF'].join('-');
const APP = ['xapp', '1', 'A111', '222', 'abcdef'].join('-');
const SECRET = 'a'.repeat(32);
const APP_ID = '1100000000000000001';

function problems(env: Record<string, string>): string[] {
  const result = parseConfig(env);
  if (result.ok) throw new Error(`expected problems for ${JSON.stringify(env)}`);
  return result.problems;
}

function config(env: Record<string, string>): Config {
  const result = parseConfig(env);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config;
}

describe('parseConfig: one message per problem, naming the variable', () => {
  const cases: [string, Record<string, string>, string, RegExp][] = [
    ['Slack bot token without a partner', { SLACK_BOT_TOKEN: BOT }, 'SLACK_BOT_TOKEN', /SLACK_APP_TOKEN.*SLACK_SIGNING_SECRET/],
    ['Slack app token without the bot token', { SLACK_APP_TOKEN: APP }, 'SLACK_APP_TOKEN', /set SLACK_BOT_TOKEN/],
    ['Slack signing secret without the bot token', { SLACK_SIGNING_SECRET: SECRET }, 'SLACK_SIGNING_SECRET', /set SLACK_BOT_TOKEN/],
    ['a bot token that is not one', { SLACK_BOT_TOKEN: 'xapp-oops', SLACK_SIGNING_SECRET: SECRET }, 'SLACK_BOT_TOKEN', /xoxb-/],
    ['an app token that is not one', { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'xoxb-oops' }, 'SLACK_APP_TOKEN', /xapp-/],
    ['Discord token without the application id', { DISCORD_TOKEN: 'abc.def.ghi' }, 'DISCORD_TOKEN', /set it to the application id/],
    ['Discord application id without the token', { DISCORD_APPLICATION_ID: APP_ID }, 'DISCORD_APPLICATION_ID', /set DISCORD_TOKEN/],
    ['a malformed application id', { DISCORD_TOKEN: 'abc.def.ghi', DISCORD_APPLICATION_ID: 'my-bot' }, 'DISCORD_APPLICATION_ID', /17 to 20 digits/],
    ['a malformed guild id', { DISCORD_TOKEN: 'abc.def.ghi', DISCORD_APPLICATION_ID: APP_ID, DISCORD_GUILD_ID: '12' }, 'DISCORD_GUILD_ID', /17 to 20 digits/],
    ['a Slack API URL that is not http(s)', { SLACK_API_URL: 'ftp://slack.example' }, 'SLACK_API_URL', /http\(s\) URL/],
    ['a Discord API URL that is not a URL', { DISCORD_API_URL: 'localhost:3000' }, 'DISCORD_API_URL', /http\(s\) URL/],
    ['a port out of range', { PORT: '70000' }, 'PORT', /1 to 65535/],
    ['a port in exponent notation', { PORT: '1e3' }, 'PORT', /1 to 65535/],
    ['a health port that is not a number', { HEALTH_PORT: 'eighty' }, 'HEALTH_PORT', /1 to 65535/],
    ['the health port on the Slack HTTP port', { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '3000', HEALTH_PORT: '3000' }, 'HEALTH_PORT', /another port/],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /info/],
    ['LOG_PRETTY not a boolean', { LOG_PRETTY: 'maybe' }, 'LOG_PRETTY', /true or false/],
    ['SLACK_PUBLIC_ANSWERS not a boolean', { SLACK_PUBLIC_ANSWERS: 'sometimes' }, 'SLACK_PUBLIC_ANSWERS', /true or false/],
    ['a zero question length', { MAX_QUESTION_LENGTH: '0' }, 'MAX_QUESTION_LENGTH', /whole number/],
    ['a fractional rate limit', { RATE_LIMIT_PER_MINUTE: '2.5' }, 'RATE_LIMIT_PER_MINUTE', /whole number/],
    ['a negative shutdown timeout', { SHUTDOWN_TIMEOUT_MS: '-1' }, 'SHUTDOWN_TIMEOUT_MS', /whole number/],
    ['a Redis URL of another scheme', { REDIS_URL: 'http://127.0.0.1:6379' }, 'REDIS_URL', /redis:\/\/127\.0\.0\.1:6379/],
    ['a Redis URL with a bad database number', { REDIS_URL: 'redis://127.0.0.1:6379/main' }, 'REDIS_URL', /not a Redis URL/],
    ['DISCORD_SHARDS neither auto nor a number', { DISCORD_SHARDS: 'many' }, 'DISCORD_SHARDS', /auto/],
    ['zero Discord shards', { DISCORD_SHARDS: '0' }, 'DISCORD_SHARDS', /auto/],
    ['OAuth without its state secret', { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'cs', SLACK_SIGNING_SECRET: SECRET }, 'SLACK_CLIENT_ID', /all three/],
    ['OAuth with a bot token too', { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'cs', SLACK_STATE_SECRET: 'state-secret-0123456789', SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: BOT }, 'SLACK_BOT_TOKEN', /remove SLACK_BOT_TOKEN/],
    ['OAuth in Socket Mode', { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'cs', SLACK_STATE_SECRET: 'state-secret-0123456789', SLACK_APP_TOKEN: APP }, 'SLACK_CLIENT_ID', /HTTP mode/],
    ['a database URL that is not PostgreSQL', { DATABASE_URL: 'mysql://u:p@h/db' }, 'DATABASE_URL', /postgres:\/\//],
    ['PostgreSQL without a pseudonym key', { DATABASE_URL: 'postgres://u:hunter2@h/db' }, 'PSEUDONYM_SECRET', /required with DATABASE_URL/],
    ['a short pseudonym key', { PSEUDONYM_SECRET: 'short' }, 'PSEUDONYM_SECRET', /16 characters/],
    ['an unknown LOG_QUESTIONS', { LOG_QUESTIONS: 'everything' }, 'LOG_QUESTIONS', /full, redacted, off/],
    ['a zero retention', { RETENTION_DAYS: '0' }, 'RETENTION_DAYS', /whole number/],
    ['a schema name with SQL in it', { DATABASE_SCHEMA: 'x; DROP TABLE y' }, 'DATABASE_SCHEMA', /plain schema name/],
  ];
  it.each(cases)('%s', (_name, env, variable, says) => {
    const found = problems(env);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^${variable}\\b`));
    expect(found[0]).toMatch(says);
  });

  it('reports every problem at once, never a secret value', () => {
    const found = problems({ SLACK_BOT_TOKEN: `bad${SECRET}`, DISCORD_APPLICATION_ID: APP_ID, LOG_LEVEL: 'loud', PORT: 'x' });
    // The bad bot token is two problems: its shape, and its missing partner.
    expect(found).toHaveLength(5);
    for (const name of ['SLACK_BOT_TOKEN', 'DISCORD_APPLICATION_ID', 'LOG_LEVEL', 'PORT']) expect(found.some((p) => p.startsWith(name))).toBe(true);
    expect(found.join('\n')).not.toContain(SECRET);
  });

  it('never echoes a database URL or a pseudonym key, which may hold passwords', () => {
    const found = problems({ DATABASE_URL: 'mysql://u:hunter2@h/db', PSEUDONYM_SECRET: 'tiny-key' });
    expect(found.join('\n')).not.toMatch(/hunter2|tiny-key/);
  });
});

describe('parseConfig: Redis and shards', () => {
  it('a malformed REDIS_URL is one line that never echoes its password', () => {
    const found = problems({ REDIS_URL: 'redis//:hunter2secret@cache:6379' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^REDIS_URL\b/);
    expect(found[0]).not.toContain('hunter2secret');
  });

  it('REDIS_URL selects shared state under the default prefix; its password is a secret for the logs', () => {
    const c = config({ REDIS_URL: 'rediss://:s3cr%40t@cache.internal:6380/2' });
    expect(c.redis).toEqual({ url: 'rediss://:s3cr%40t@cache.internal:6380/2', prefix: 'treaty:' });
    expect(configSecrets(c)).toEqual(['s3cr@t']);
    expect(config({ REDIS_URL: 'redis://127.0.0.1', REDIS_KEY_PREFIX: 'bot2:' }).redis?.prefix).toBe('bot2:');
    expect(config({}).redis).toBeUndefined();
  });

  it('DISCORD_SHARDS: auto or a number, for the Discord adapter', () => {
    const discord = { DISCORD_TOKEN: 'abc.def.ghi', DISCORD_APPLICATION_ID: APP_ID };
    expect(config({ ...discord, DISCORD_SHARDS: 'auto' }).discord?.shards).toBe('auto');
    expect(config({ ...discord, DISCORD_SHARDS: '4' }).discord?.shards).toBe(4);
    expect(config(discord).discord?.shards).toBeUndefined();
  });
});

describe('parseConfig: good combinations', () => {
  it('no credentials: no platform, so the console runs, with the documented defaults', () => {
    expect(config({})).toEqual({
      slack: undefined, discord: undefined, logLevel: 'info', logPretty: undefined, healthPort: undefined,
      maxQuestionLength: 500, rateLimit: { perMinute: 10 }, shutdownTimeoutMs: 10_000,
      database: { url: undefined, schema: undefined, dataDir: 'data', logQuestions: 'full', retentionDays: 90, pseudonymSecret: undefined },
    });
  });

  it('Slack OAuth: client id, secret and state secret with a signing secret: HTTP mode, no bot token; the secrets are secrets', () => {
    const c = config({ SLACK_CLIENT_ID: '111.222', SLACK_CLIENT_SECRET: 'client-secret-xyz', SLACK_STATE_SECRET: 'state-secret-0123456789', SLACK_SIGNING_SECRET: SECRET });
    expect(c.slack?.botToken).toBeUndefined();
    expect(c.slack).toMatchObject({ mode: 'http', oauth: { clientId: '111.222', clientSecret: 'client-secret-xyz', stateSecret: 'state-secret-0123456789' } });
    expect(configSecrets(c)).toEqual(expect.arrayContaining(['client-secret-xyz', 'state-secret-0123456789', SECRET]));
  });

  it('database: PostgreSQL with a key, redacted log, shorter retention; the URL and key are secrets', () => {
    const url = 'postgres://bot:hunter2@db.internal:5432/treaty';
    const c = config({ DATABASE_URL: url, PSEUDONYM_SECRET: 'a-long-enough-secret-value', LOG_QUESTIONS: 'Redacted', RETENTION_DAYS: '30', DATABASE_SCHEMA: 'treaty_bot' });
    expect(c.database).toEqual({ url, schema: 'treaty_bot', dataDir: 'data', logQuestions: 'redacted', retentionDays: 30, pseudonymSecret: 'a-long-enough-secret-value' });
    expect(configSecrets(c)).toEqual(expect.arrayContaining([url, 'a-long-enough-secret-value']));
  });

  it('bot and app token: Slack in Socket Mode (the app token wins over a signing secret)', () => {
    const c = config({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: SECRET });
    expect(c.slack).toMatchObject({ mode: 'socket', botToken: BOT, appToken: APP });
    expect(c.discord).toBeUndefined();
  });

  it('bot token and signing secret: Slack over HTTP on PORT, with a GovSlack API URL and public answers', () => {
    const c = config({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '8080', SLACK_API_URL: 'https://slack-gov.com/api/', SLACK_PUBLIC_ANSWERS: 'yes' });
    expect(c.slack).toMatchObject({ mode: 'http', signingSecret: SECRET, port: 8080, apiUrl: 'https://slack-gov.com/api/', publicAnswers: true });
  });

  it('Discord token and application id: Discord, optionally for one guild', () => {
    const c = config({ DISCORD_TOKEN: 'abc.def.ghi', DISCORD_APPLICATION_ID: APP_ID, DISCORD_GUILD_ID: '1200000000000000001' });
    expect(c.discord).toEqual({ token: 'abc.def.ghi', applicationId: APP_ID, guildId: '1200000000000000001', apiUrl: undefined });
    expect(c.slack).toBeUndefined();
  });

  it('both platforms at once, with runtime settings; blank values count as unset', () => {
    const c = config({
      SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, DISCORD_TOKEN: 'abc.def.ghi', DISCORD_APPLICATION_ID: APP_ID,
      LOG_LEVEL: 'DEBUG', LOG_PRETTY: 'false', HEALTH_PORT: '9090', MAX_QUESTION_LENGTH: '200', RATE_LIMIT_PER_MINUTE: '3',
      SHUTDOWN_TIMEOUT_MS: '0', DISCORD_GUILD_ID: '  ',
    });
    expect(c).toMatchObject({ logLevel: 'debug', logPretty: false, healthPort: 9090, maxQuestionLength: 200, rateLimit: { perMinute: 3 }, shutdownTimeoutMs: 0 });
    expect(c.slack?.mode).toBe('socket');
    expect(c.discord?.guildId).toBeUndefined();
    expect(configSecrets(c).sort()).toEqual([APP, BOT, 'abc.def.ghi'].sort());
  });
});

describe('.env.example', () => {
  const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');

  it('lists, with a comment, every variable parseConfig reads', () => {
    const source = readFileSync(new URL('../../src/runtime/config.ts', import.meta.url), 'utf8');
    const read = new Set([...source.matchAll(/\b(?:get|int|bool|url|prefixed)\('([A-Z_]+)'/g)].map((m) => m[1]!));
    expect(read.size).toBeGreaterThanOrEqual(16);
    const lines = example.split('\n');
    for (const name of read) {
      const at = lines.findIndex((l) => l.startsWith(`${name}=`));
      expect(at, `${name} in .env.example`).toBeGreaterThan(0);
      expect(lines[at - 1], `comment above ${name}`).toMatch(/^#/);
    }
  });

  it('copied to .env as it is, starts the console with valid settings', () => {
    const result = parseConfig(dotenv.parse(example));
    expect(result).toMatchObject({ ok: true, config: { slack: undefined, discord: undefined } });
  });
});
