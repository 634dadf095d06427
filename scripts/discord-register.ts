// npm run discord:register — registers /treaty and "Ask the treaty bot" with Discord: for
// DISCORD_GUILD_ID when set (instant, for a test server) or globally (every guild, may take a while).
// Reads DISCORD_TOKEN, DISCORD_APPLICATION_ID, DISCORD_GUILD_ID and DISCORD_API_URL from the
// environment or .env.
import dotenv from 'dotenv';
import { registerCommands } from '../adapters/discord/register.js';
import { parseConfig } from '../src/runtime/config.js';

dotenv.config({ quiet: true });

const parsed = parseConfig(process.env);
if (!parsed.ok) {
  for (const problem of parsed.problems) console.error(problem);
  process.exit(1);
}
const { discord } = parsed.config;
if (!discord) {
  console.error('Discord is not configured: set DISCORD_TOKEN and DISCORD_APPLICATION_ID (see adapters/discord/README.md).');
  process.exit(1);
}
try {
  const { scope, count } = await registerCommands(discord);
  console.log(scope === 'guild'
    ? `Registered ${count} commands for guild ${discord.guildId}; they are available now.`
    : `Registered ${count} commands globally; Discord may take a few minutes to show them everywhere.`);
} catch (error) {
  console.error(`Registering the commands failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
