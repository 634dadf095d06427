// Registering the commands: for one guild (appears instantly, for development) or globally (all guilds).
import { REST, Routes } from 'discord.js';
import type { DiscordConfig } from '../../src/runtime/config.js';
import { commandDefinitions } from './commands/index.js';

export interface Registration {
  scope: 'guild' | 'global';
  count: number;
}

export async function registerCommands(config: DiscordConfig, restOptions: { timeout?: number; retries?: number } = {}): Promise<Registration> {
  const rest = new REST({ ...restOptions, ...(config.apiUrl ? { api: config.apiUrl } : {}) }).setToken(config.token);
  const body = commandDefinitions();
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  // PUT replaces the whole set, so commands removed from the code disappear from Discord too.
  const saved = (await rest.put(route, { body })) as unknown[];
  return { scope: config.guildId ? 'guild' : 'global', count: Array.isArray(saved) ? saved.length : body.length };
}
