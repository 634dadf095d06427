// From the configuration to the database and the recorder: where the data lives, how user ids are
// keyed, and whether anything is kept at all. The bot and the scripts (insights, data) share it, so
// both open the same database and hash user ids alike.
import { join } from 'node:path';
import { openDatabase, type Database } from '../db/database.js';
import { pseudonymiser, secretFile, type Pseudonymise } from '../db/pseudonym.js';
import type { OpenOptions } from '../db/sql.js';
import type { DatabaseConfig } from './config.js';
import type { Logger } from './logger.js';
import { createRecorder, notRecording, type Recorder } from './recorder.js';
import type { SharedDatabase } from './sharedDatabase.js';

export function openOptions(config: DatabaseConfig): OpenOptions {
  return config.url ? { url: config.url, schema: config.schema } : { dataDir: join(config.dataDir, 'pglite'), schema: config.schema };
}

export function openConfiguredDatabase(config: DatabaseConfig): Promise<Database> {
  return openDatabase(openOptions(config));
}

/** The configured key, or the embedded database's own, generated on first use beside its data. */
export function configuredPseudonymiser(config: DatabaseConfig): Pseudonymise {
  return pseudonymiser(config.pseudonymSecret ?? secretFile(join(config.dataDir, 'pseudonym.key')));
}

/** Where the database lives, for logs and /readyz: never the URL, which may hold a password. */
export function describeDatabase(config: DatabaseConfig): string {
  return config.url ? 'postgres' : `pglite (${config.dataDir})`;
}

/** The recorder over the process's shared database; the database is closed by its owner, not here. */
export function recorderFor(config: DatabaseConfig, database: SharedDatabase, logger: Logger): Recorder {
  if (config.logQuestions === 'off') return notRecording;
  return createRecorder({
    openDatabase: async () => ({ ...(await database.get()), close: async () => undefined }),
    pseudonymise: configuredPseudonymiser(config),
    logQuestions: config.logQuestions,
    retentionDays: config.retentionDays,
    logger,
  });
}
