// Configuration from the environment, validated once at start-up. Every problem is reported at once,
// each naming the variable and what to set, so a misconfigured bot never half-starts.
import { httpUrl } from '../httpUrl.js';
import { MAX_SEARCHED_CHARS } from '../retrieval/text.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface SlackConfig {
  /** Single-workspace mode; absent in OAuth mode, where each workspace's token is in the database. */
  botToken?: string;
  /** "Add to Slack" for many workspaces (HTTP mode): /slack/install and /slack/oauth_redirect on PORT. */
  oauth?: { clientId: string; clientSecret: string; stateSecret: string };
  /** Socket Mode when an app-level token is set; otherwise HTTP with the signing secret. */
  mode: 'socket' | 'http';
  appToken?: string;
  signingSecret?: string;
  /** HTTP mode listens here, at POST /slack/events. */
  port: number;
  /** Web API base URL (GovSlack: https://slack-gov.com/api/). */
  apiUrl?: string;
  /** Answers to /treaty are visible to everyone in the channel instead of only the asker. */
  publicAnswers: boolean;
}

export interface DiscordConfig {
  token: string;
  applicationId: string;
  /** Register commands for one guild (instant) instead of globally. */
  guildId?: string;
  /** REST base URL, for a shared REST proxy or a local test server. */
  apiUrl?: string;
  /** DISCORD_SHARDS: run this many shard processes under a ShardingManager ('auto': as Discord recommends). */
  shards?: number | 'auto';
}

/** REDIS_URL: state and rate limits shared by every replica and shard. */
export interface RedisConfig {
  url: string;
  /** Prepended to every key (REDIS_KEY_PREFIX). */
  prefix: string;
}

export interface DatabaseConfig {
  /** postgres://… from DATABASE_URL; undefined: the embedded database in dataDir. */
  url?: string;
  dataDir: string;
  logQuestions: 'full' | 'redacted' | 'off';
  retentionDays: number;
  /** Key of the pseudonymous user ids; undefined: generated once in dataDir (embedded database only). */
  pseudonymSecret?: string;
  /** A PostgreSQL schema of the bot's own (created when missing); default: the connection's search path. */
  schema?: string;
}

export interface Config {
  database: DatabaseConfig;
  slack?: SlackConfig;
  discord?: DiscordConfig;
  redis?: RedisConfig;
  logLevel: LogLevel;
  logPretty?: boolean;
  healthPort?: number;
  maxQuestionLength: number;
  rateLimit: { perMinute: number };
  shutdownTimeoutMs: number;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

type Env = Record<string, string | undefined>;

// No message repeats a value: a token pasted into the wrong variable (PORT, LOG_LEVEL…) would otherwise
// be printed in full. Each names the variable and the shape expected instead.
export function parseConfig(env: Env): ConfigResult {
  const problems: string[] = [];
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    // Digits only: Number() alone would also take "1e3", "0x10" or "3000.0", which nobody means as a port.
    const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name}: not a whole number from ${min} to ${max}; set it to one or remove it.`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string): boolean | undefined => {
    const raw = get(name)?.toLowerCase();
    if (raw === undefined) return undefined;
    if (['true', '1', 'yes'].includes(raw)) return true;
    if (['false', '0', 'no'].includes(raw)) return false;
    problems.push(`${name}: not true or false; set it to true or false.`);
    return undefined;
  };
  const url = (name: string): string | undefined => {
    const raw = get(name);
    if (raw === undefined || httpUrl(raw)) return raw;
    problems.push(`${name}: not an http(s) URL; set it to one such as https://slack-gov.com/api/ or remove it.`);
    return undefined;
  };
  const prefixed = (name: string, prefix: string, what: string): string | undefined => {
    const raw = get(name);
    if (raw !== undefined && !raw.startsWith(prefix)) {
      problems.push(`${name}: does not look like ${what} (it should start with "${prefix}"); copy it again from the Slack app settings.`);
    }
    return raw;
  };

  const logLevelRaw = get('LOG_LEVEL')?.toLowerCase() ?? 'info';
  let logLevel: LogLevel = 'info';
  if ((LOG_LEVELS as readonly string[]).includes(logLevelRaw)) logLevel = logLevelRaw as LogLevel;
  else problems.push(`LOG_LEVEL: not a log level; set one of ${LOG_LEVELS.join(', ')}.`);

  // Slack: a bot token plus either an app-level token (Socket Mode) or a signing secret (HTTP).
  const botToken = prefixed('SLACK_BOT_TOKEN', 'xoxb-', 'a Slack bot token');
  const appToken = prefixed('SLACK_APP_TOKEN', 'xapp-', 'a Slack app-level token');
  const signingSecret = get('SLACK_SIGNING_SECRET');
  const slackApiUrl = url('SLACK_API_URL');
  const slackPublic = bool('SLACK_PUBLIC_ANSWERS') ?? false;
  const port = int('PORT', 3000, 1, 65535);
  let slack: SlackConfig | undefined;
  const clientId = get('SLACK_CLIENT_ID');
  const clientSecret = get('SLACK_CLIENT_SECRET');
  const stateSecret = get('SLACK_STATE_SECRET');
  const oauthSet = [clientId, clientSecret, stateSecret].filter(Boolean).length;
  if (oauthSet) {
    // Many workspaces: each installs with "Add to Slack" and its token is kept in the database.
    if (oauthSet < 3) problems.push('SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET go together (OAuth for many workspaces): set all three, or none.');
    else if (botToken) problems.push('SLACK_BOT_TOKEN is set with SLACK_CLIENT_ID (OAuth): remove SLACK_BOT_TOKEN for many workspaces, or the three SLACK_CLIENT_*/SLACK_STATE_SECRET for one.');
    else if (appToken || !signingSecret) problems.push('SLACK_CLIENT_ID (OAuth) needs HTTP mode: set SLACK_SIGNING_SECRET and remove SLACK_APP_TOKEN.');
    else if (stateSecret!.length < 16) problems.push('SLACK_STATE_SECRET: is shorter than 16 characters; set a long random value (e.g. openssl rand -base64 32).');
    else slack = { oauth: { clientId: clientId!, clientSecret: clientSecret!, stateSecret: stateSecret! }, mode: 'http', signingSecret, port, apiUrl: slackApiUrl, publicAnswers: slackPublic };
  } else if (botToken) {
    if (appToken) slack = { botToken, mode: 'socket', appToken, signingSecret, port, apiUrl: slackApiUrl, publicAnswers: slackPublic };
    else if (signingSecret) slack = { botToken, mode: 'http', signingSecret, port, apiUrl: slackApiUrl, publicAnswers: slackPublic };
    else problems.push('SLACK_BOT_TOKEN is set without its partner: set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode).');
  } else if (appToken || signingSecret) {
    const which = appToken ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET';
    problems.push(`${which} is set but SLACK_BOT_TOKEN is not: set SLACK_BOT_TOKEN (xoxb-...) from the Slack app's OAuth page.`);
  }

  // Discord: a bot token and the application id; a guild id only narrows command registration.
  const discordToken = get('DISCORD_TOKEN');
  const applicationId = get('DISCORD_APPLICATION_ID');
  const guildId = get('DISCORD_GUILD_ID');
  const discordApiUrl = url('DISCORD_API_URL');
  for (const [name, value] of [['DISCORD_APPLICATION_ID', applicationId], ['DISCORD_GUILD_ID', guildId]] as const) {
    if (value !== undefined && !/^\d{17,20}$/.test(value)) {
      problems.push(`${name}: not a Discord id (17 to 20 digits); copy it from the Discord developer portal.`);
    }
  }
  const shardsRaw = get('DISCORD_SHARDS')?.toLowerCase();
  let shards: number | 'auto' | undefined;
  if (shardsRaw === 'auto') shards = 'auto';
  else if (shardsRaw !== undefined) {
    if (/^\d{1,4}$/.test(shardsRaw) && Number(shardsRaw) >= 1) shards = Number(shardsRaw);
    else problems.push('DISCORD_SHARDS: neither auto nor a number of shards from 1; set auto, a number, or remove it.');
  }
  let discord: DiscordConfig | undefined;
  if (discordToken && applicationId) discord = { token: discordToken, applicationId, guildId, apiUrl: discordApiUrl, ...(shards !== undefined ? { shards } : {}) };
  else if (discordToken) problems.push('DISCORD_TOKEN is set without DISCORD_APPLICATION_ID: set it to the application id from the Discord developer portal.');
  else if (applicationId) problems.push('DISCORD_APPLICATION_ID is set without DISCORD_TOKEN: set DISCORD_TOKEN to the bot token from the Discord developer portal.');

  // Never echo the value: it may hold the Redis password.
  const redisUrl = get('REDIS_URL');
  const redisPrefix = get('REDIS_KEY_PREFIX') ?? 'treaty:';
  let redis: RedisConfig | undefined;
  if (redisUrl !== undefined) {
    if (redisUrlValid(redisUrl)) redis = { url: redisUrl, prefix: redisPrefix };
    else problems.push('REDIS_URL: is not a Redis URL; set it to one such as redis://127.0.0.1:6379 or rediss://:password@host:6380/0, or remove it.');
  }

  const healthRaw = get('HEALTH_PORT');
  const healthPort = healthRaw === undefined ? undefined : int('HEALTH_PORT', 0, 1, 65535);

  // The Slack HTTP server already answers /healthz and /readyz on PORT; a second server there cannot bind.
  if (healthPort !== undefined && slack?.mode === 'http' && healthPort === port) {
    problems.push(`HEALTH_PORT: ${healthPort} is also PORT, where the Slack HTTP server already serves /healthz and /readyz; remove HEALTH_PORT or choose another port.`);
  }

  const database = databaseConfig(get, int, problems);

  const config: Config = {
    database,
    slack,
    discord,
    redis,
    logLevel,
    logPretty: bool('LOG_PRETTY'),
    healthPort,
    // No longer than the core searches: a longer limit would accept words that are then ignored.
    maxQuestionLength: int('MAX_QUESTION_LENGTH', 500, 1, MAX_SEARCHED_CHARS),
    rateLimit: { perMinute: int('RATE_LIMIT_PER_MINUTE', 10, 1, 10_000) },
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 10_000, 0, 120_000),
  };
  return problems.length ? { ok: false, problems } : { ok: true, config };
}

function redisUrlValid(raw: string): boolean {
  try {
    const u = new URL(raw);
    const db = u.pathname.replace(/^\//, '');
    return (u.protocol === 'redis:' || u.protocol === 'rediss:') && u.hostname !== '' && (db === '' || /^\d{1,2}$/.test(db));
  } catch {
    return false;
  }
}

/** Every secret value in a configuration, for the logger to scrub from every line by value. */
export function configSecrets(config: Config): string[] {
  const { slack, discord } = config;
  // A password in a URL (Redis's, the database's, or an API proxy's) is a secret too.
  const passwords = [config.redis?.url, slack?.apiUrl, discord?.apiUrl, config.database.url].map((u) => (u ? safePassword(u) : undefined));
  return [slack?.botToken, slack?.appToken, slack?.signingSecret, slack?.oauth?.clientSecret, slack?.oauth?.stateSecret, discord?.token, ...passwords, config.database.url, config.database.pseudonymSecret]
    .filter((s): s is string => Boolean(s));
}

function safePassword(url: string): string | undefined {
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password || undefined;
  } catch {
    return undefined;
  }
}

const LOG_QUESTIONS = ['full', 'redacted', 'off'] as const;

/** The question log's database and what it keeps. Values are never echoed: a URL may hold a password. */
function databaseConfig(
  get: (name: string) => string | undefined,
  int: (name: string, fallback: number, min: number, max: number) => number,
  problems: string[],
): DatabaseConfig {
  const raw = get('DATABASE_URL');
  const url = raw !== undefined && /^postgres(ql)?:\/\/./.test(raw) ? raw : undefined;
  if (raw !== undefined && !url) {
    problems.push('DATABASE_URL: is not a PostgreSQL URL (postgres://user:password@host:5432/database); set one, or remove it to use the embedded database in DATA_DIR.');
  }
  const logRaw = get('LOG_QUESTIONS')?.toLowerCase() ?? 'full';
  const logQuestions = (LOG_QUESTIONS as readonly string[]).includes(logRaw) ? (logRaw as DatabaseConfig['logQuestions']) : 'full';
  if (logQuestions !== logRaw) problems.push(`LOG_QUESTIONS: is not one of ${LOG_QUESTIONS.join(', ')}; set one of them or remove it (default full).`);
  const pseudonymSecret = get('PSEUDONYM_SECRET');
  if (pseudonymSecret !== undefined && pseudonymSecret.length < 16) {
    problems.push('PSEUDONYM_SECRET: is shorter than 16 characters; set a long random value (e.g. openssl rand -base64 32).');
  }
  if (url && !pseudonymSecret && logQuestions !== 'off') {
    problems.push('PSEUDONYM_SECRET: is required with DATABASE_URL (every replica must hash user ids alike); set a long random value (e.g. openssl rand -base64 32), or LOG_QUESTIONS=off.');
  }
  const schema = get('DATABASE_SCHEMA');
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    problems.push('DATABASE_SCHEMA: is not a plain schema name (lower-case letters, digits and _); set one or remove it.');
  }
  return {
    schema: schema && /^[a-z_][a-z0-9_]{0,62}$/.test(schema) ? schema : undefined,
    url,
    dataDir: get('DATA_DIR') ?? 'data',
    logQuestions,
    retentionDays: int('RETENTION_DAYS', 90, 1, 36_500),
    pseudonymSecret,
  };
}
