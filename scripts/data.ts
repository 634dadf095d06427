// npm run data -- forget USER_ID     delete every question and feedback row of one user
// npm run data -- retention          delete rows older than RETENTION_DAYS now (the bot does it daily)
// USER_ID is the platform's id (Slack U…, Discord digits, the console's login name); only its keyed
// hash is in the database, so the id is hashed with the bot's key and the rows with that hash deleted.
import './lib/cli.js';
import { configuredPseudonymiser, describeDatabase, openConfiguredDatabase } from '../src/runtime/database.js';
import { databaseConfig, die } from './lib/database.js';

const [command, ...rest] = process.argv.slice(2);
const config = databaseConfig();

if (command === 'forget' && rest.length === 1 && rest[0]!.trim()) {
  const db = await openConfiguredDatabase(config).catch((e: Error) => die(`Cannot open the database (${describeDatabase(config)}): ${e.message}`));
  const deleted = await db.forgetUser(configuredPseudonymiser(config)(rest[0]!.trim()));
  await db.close();
  console.log(`Deleted ${deleted.questions} question(s) and ${deleted.feedback} feedback row(s) of that user from ${describeDatabase(config)}.`);
} else if (command === 'retention' && !rest.length) {
  const db = await openConfiguredDatabase(config).catch((e: Error) => die(`Cannot open the database (${describeDatabase(config)}): ${e.message}`));
  const deleted = await db.deleteOlderThan(new Date(Date.now() - config.retentionDays * 86_400_000));
  await db.close();
  console.log(`Deleted ${deleted.questions} question(s) and ${deleted.feedback} feedback row(s) older than ${config.retentionDays} days.`);
} else {
  die('Usage: npm run data -- forget USER_ID   |   npm run data -- retention');
}
