// npm start: load .env, validate the configuration once, start the bot on every configured platform
// (or the console chat when none is), and shut down gracefully on SIGINT and SIGTERM. This file owns
// the process — environment, stderr messages, signals, exit codes; the wiring is in bot.ts.
import { constants, userInfo } from 'node:os';
import { resolve } from 'node:path';
import dotenv from 'dotenv';
import { KnowledgeError } from '../src/knowledge/open.js';
import { configSecrets, parseConfig } from '../src/runtime/config.js';
import { createLogger, redactSecrets, type Logger } from '../src/runtime/logger.js';
import { AdapterStartError, StartupTimeoutError, maxShutdownMs, startBot, type RunningBot } from './bot.js';

/** Which settings to check when an adapter cannot connect. */
const CREDENTIALS: Record<string, string> = {
  slack: 'check SLACK_BOT_TOKEN (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET), SLACK_APP_TOKEN or SLACK_SIGNING_SECRET, and SLACK_API_URL if set',
  discord: 'check DISCORD_TOKEN, DISCORD_APPLICATION_ID, and DISCORD_API_URL if set',
};

/** Start-up failures are the operator's to fix: a heading and one line per problem, no stack trace. */
function fail(heading: string, problems: string[]): never {
  process.stderr.write(`${heading}\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(1);
}

function osUser(): string {
  try {
    return userInfo().username || 'console';
  } catch {
    // No passwd entry for the uid, as in some containers.
    return 'console';
  }
}

async function main(): Promise<void> {
  // Until the bot is up, a signal means "give up starting": say so and exit normally, rather than die
  // by the signal mid-handshake with nothing said. Nothing has been acknowledged yet, so nothing is lost.
  // One listener per signal for the whole run: removing one and adding another would let a signal that
  // arrives in between be lost (Node stops watching a signal that has no listener).
  let onSignal = (signal: NodeJS.Signals): void => {
    process.stderr.write(`Stopped by ${signal} during start-up, before anything was answered.\n`);
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => onSignal(signal));
  // Real environment variables win over .env (dotenv never overrides), so a deployment can pin any value.
  const loaded = dotenv.config({ path: resolve(process.cwd(), '.env'), quiet: true });
  const readError = loaded.error as NodeJS.ErrnoException | undefined;
  if (readError && readError.code !== 'ENOENT') fail('Cannot start: .env could not be read:', [readError.message]);

  const parsed = parseConfig(process.env);
  if (!parsed.ok) fail('Cannot start: fix these settings (in .env or the environment), then run npm start again:', parsed.problems);
  const { config } = parsed;
  const secrets = configSecrets(config);

  // The console chat prints answers on stdout, so logs go to stderr: piped output stays answers only.
  // And unless LOG_LEVEL is set, only warnings: a per-answer info line would clutter a person's chat.
  const consoleMode = !config.slack && !config.discord;
  const level = consoleMode && !process.env.LOG_LEVEL?.trim() ? 'warn' : config.logLevel;
  const logger = createLogger({ level, pretty: config.logPretty, secrets, to: consoleMode ? 'stderr' : 'stdout' });
  // The last boundary, behind every listener's own try/catch. A rejected promise nobody awaited (a
  // library's handler failing on a malformed event, typically) has unwound only its own chain: it is
  // logged and the bot serves on, as the guide asks of malformed input. A synchronous throw nobody
  // caught may have left anything half-done, and Node's advice is not to resume: it is logged and the
  // process stops, once the bot is up through the same bounded shutdown as SIGTERM (answers in flight
  // get their chance, those that do not are logged), with exit code 1 so a supervisor restarts it.
  let onCrash = (error: unknown): void => {
    logger.fatal({ err: error }, 'uncaught exception');
    process.exit(1);
  };
  process.on('uncaughtException', (error) => onCrash(error));
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection ignored; still serving'));

  let bot: RunningBot;
  try {
    bot = await startBot({
      config,
      logger,
      console: {
        input: process.stdin,
        output: process.stdout,
        interactive: process.stdin.isTTY === true,
        user: osUser(),
        // Ctrl-C at the prompt reaches readline, not the process: route it to the same shutdown.
        onInterrupt: () => process.kill(process.pid, 'SIGINT'),
      },
    });
  } catch (error) {
    if (error instanceof KnowledgeError) fail('Cannot start: the knowledge base has problems:', error.problems);
    if (error instanceof AdapterStartError && error.cause instanceof StartupTimeoutError) {
      fail('Cannot start: a platform did not answer in time:', [`${error.cause.message}; check the network, and SLACK_API_URL or DISCORD_API_URL if set.`]);
    }
    const cause = (error instanceof AdapterStartError ? error.cause : error) as NodeJS.ErrnoException;
    if (cause?.code === 'EADDRINUSE') {
      fail('Cannot start: a port is already in use:', [`${redactSecrets(cause.message, secrets)}; stop the program using it, or set PORT (Slack HTTP mode) or HEALTH_PORT to a free port.`]);
    }
    if (error instanceof AdapterStartError) {
      fail('Cannot start: an adapter did not connect:', [`${redactSecrets(error.message, secrets)} (${CREDENTIALS[error.adapter] ?? 'check its settings'})`]);
    }
    fail('Cannot start:', [redactSecrets(cause.message ?? String(error), secrets)]);
  }
  ({ onSignal, onCrash } = handleShutdown(bot, logger, config.shutdownTimeoutMs));
}

/**
 * Shut down on the first signal, uncaught exception or the console's end of input; returns what a
 * signal and an uncaught exception do from now on.
 */
function handleShutdown(bot: RunningBot, logger: Logger, shutdownTimeoutMs: number): { onSignal(signal: NodeJS.Signals): void; onCrash(error: unknown): void } {
  let stopping = false;
  const shutdown = async (reason: string, failed = false) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    // Every part of stop() has its own bound; past all of them, something hangs.
    const watchdog = setTimeout(() => {
      process.stderr.write('Shutdown did not finish in time: exiting without waiting.\n');
      process.exit(1);
    }, maxShutdownMs(shutdownTimeoutMs));
    watchdog.unref();
    try {
      // Non-zero after a crash, or when acknowledged requests were dropped: a supervisor (and the operator) can tell.
      await bot.stop();
      logger.info({ dropped: bot.dropped }, 'stopped');
      process.exit(failed || bot.dropped ? 1 : 0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  // The console finishes when its input ends (piped input, or Ctrl-D); platforms run until a signal.
  void bot.finished.then(() => shutdown('end of input'));
  return {
    onSignal(signal) {
      // A second signal means "now": whoever sent it has decided not to wait for the drain.
      if (stopping) {
        process.stderr.write(`${signal} again: exiting without waiting.\n`);
        process.exit(128 + constants.signals[signal]);
      }
      void shutdown(signal);
    },
    onCrash(error) {
      logger.fatal({ err: error }, 'uncaught exception: shutting down');
      void shutdown('uncaught exception', true);
    },
  };
}

await main();
