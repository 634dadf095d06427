// The Discord adapter: a discord.js client that turns slash commands, the context menu, mentions and
// direct messages into handler requests and renders the replies. No answering logic lives here.
import { Client, Events, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import { createConversations } from '../../src/conversation/memory.js';
import type { DiscordConfig } from '../../src/runtime/config.js';
import { createTurns, type TurnOptions } from '../../src/runtime/turns.js';
import type { AdapterDeps, RunningAdapter } from '../shared/adapter.js';
import type { DiscordContext } from './context.js';
import { guardGatewayEvents } from './gateway.js';
import { onInteraction } from './interactions.js';
import { onMessage } from './mentions.js';
import { PageStore, type PageStoreOptions } from './pagination.js';
import { mentionOptions } from './respond.js';

export { commandDefinitions } from './commands/index.js';

/** Knobs for tests and unusual deployments; production uses the defaults. */
export interface DiscordTuning {
  /** Merged over the client options built from the config (e.g. shorter REST timeouts in tests). */
  clientOptions?: Partial<ClientOptions>;
  /** Defer an interaction when no answer is ready after this many ms (default 1500, half of Discord's 3 s). */
  deferAfterMs?: number;
  pages?: PageStoreOptions;
  /** The answer queue's limits (src/runtime/turns.ts), when deps.turns is not given. */
  turns?: Partial<TurnOptions>;
}

export function createDiscordClient(config: DiscordConfig, extra: Partial<ClientOptions> = {}): Client {
  return new Client({
    // No privileged intent: Discord sends a message's content without Message Content when the message
    // mentions the bot, replies to it or is a DM, and a message command gets its target in full.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    // DM channels are not cached until the first message arrives, so they come in as partials.
    partials: [Partials.Channel],
    // Every send sets allowed_mentions itself; this default covers any send that might not.
    allowedMentions: mentionOptions(),
    ...extra,
    rest: { ...(config.apiUrl ? { api: config.apiUrl } : {}), ...extra.rest },
  });
}

export async function startDiscord(deps: AdapterDeps & { config: DiscordConfig }, tuning: DiscordTuning = {}): Promise<RunningAdapter> {
  const logger = deps.logger.child({ adapter: 'discord' });
  const ctx: DiscordContext = {
    handler: deps.handler,
    engine: deps.engine,
    logger,
    pages: new PageStore(deps.store, deps.engine, tuning.pages),
    recorder: deps.recorder,
    store: deps.store,
    conversations: createConversations(deps.store),
    deferAfterMs: tuning.deferAfterMs ?? 1500,
    turns: deps.turns ?? createTurns(tuning.turns),
  };
  const client = createDiscordClient(deps.config, tuning.clientOptions);
  guardGatewayEvents(client, logger);
  client.on(Events.InteractionCreate, (interaction) => void onInteraction(interaction, ctx));
  client.on(Events.MessageCreate, (message) => void onMessage(message, ctx));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord: client error'));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ code: event.code, shard }, 'discord: gateway closed for good'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'discord: gateway resumed'));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  // Up between a shard's ready (or resume) and its next drop; discord.js reconnects by itself.
  let connected = false;
  client.on(Events.ShardReady, () => { connected = true; });
  client.on(Events.ShardResume, () => { connected = true; });
  client.on(Events.ShardReconnecting, () => { connected = false; });
  client.on(Events.ShardDisconnect, () => { connected = false; });
  try {
    await client.login(deps.config.token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord: connected');

  return {
    name: 'discord',
    connected: () => connected,
    async stop() {
      client.removeAllListeners();
      await client.destroy();
      logger.info('discord: disconnected');
    },
  };
}
