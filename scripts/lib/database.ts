// The scripts' way to the bot's database: the same .env and settings as `npm start`, so they open the
// same database and hash user ids with the same key.
import { resolve } from 'node:path';
import dotenv from 'dotenv';
import { parseConfig, type DatabaseConfig } from '../../src/runtime/config.js';

export function databaseConfig(): DatabaseConfig {
  dotenv.config({ path: resolve(process.cwd(), '.env'), quiet: true });
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    process.stderr.write(`Fix these settings (in .env or the environment) first:\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  return parsed.config.database;
}

/** Exit with one line, no stack trace: these are the operator's problems to fix. */
export function die(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
