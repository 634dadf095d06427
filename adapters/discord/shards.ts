// DISCORD_SHARDS: Discord served by shard processes under discord.js's own ShardingManager. This
// process (the manager) spawns one child per shard running the same program, which discord.js tells
// which shard it is (SHARDING_MANAGER, SHARDS, SHARD_COUNT in its environment); a child that dies is
// spawned again by the manager. Each child has its own health endpoint (HEALTH_PORT + 1 + shard id,
// when HEALTH_PORT is set), and the manager counts as connected only while every shard is ready, so
// its /readyz is true only then. Why processes rather than the client's `shards` option: a shard that
// crashes or leaks takes only its own guilds down and is restarted alone, and shards spread over cores.
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from 'discord.js';
import type { DiscordConfig } from '../../src/runtime/config.js';
import type { AdapterDeps, RunningAdapter } from '../shared/adapter.js';

/** True in a shard process that a ShardingManager spawned (discord.js sets this variable). */
export const isShardProcess = (env: NodeJS.ProcessEnv = process.env) => env.SHARDING_MANAGER === 'true';

/** Discord allows `max_concurrency` identifies per 5 seconds; shards start that far apart. */
const IDENTIFY_WINDOW_MS = 5_500;

export async function startDiscordShards(deps: AdapterDeps & { config: DiscordConfig; healthPort?: number }): Promise<RunningAdapter> {
  const { config } = deps;
  const logger = deps.logger.child({ adapter: 'discord' });
  // GET /gateway/bot: the recommended shard count (for auto) and how many may identify at once.
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  const total = config.shards === 'auto' || config.shards === undefined ? gateway.shards : config.shards;
  const delay = Math.ceil(IDENTIFY_WINDOW_MS / Math.max(1, gateway.session_start_limit.max_concurrency));

  const manager = new ShardingManager(process.argv[1]!, { totalShards: total, token: config.token, mode: 'process', respawn: true, execArgv: process.execArgv });
  const ready = new Set<number>();
  let stopping = false;
  manager.on('shardCreate', (shard) => {
    // Shards serve Discord only: Slack (if configured) runs here, once, not once per shard.
    const env = shard.env as NodeJS.ProcessEnv;
    for (const name of Object.keys(env)) if (name.startsWith('SLACK_')) delete env[name];
    if (deps.healthPort !== undefined) env.HEALTH_PORT = String(deps.healthPort + 1 + shard.id);
    else delete env.HEALTH_PORT;
    shard.on('spawn', (child) => logger.info({ shard: shard.id, pid: (child as ChildProcess).pid, total }, 'discord: shard process started'));
    shard.on('ready', () => { ready.add(shard.id); logger.info({ shard: shard.id }, 'discord: shard ready'); });
    shard.on('resume', () => ready.add(shard.id));
    for (const down of ['disconnect', 'reconnecting'] as const) shard.on(down, () => ready.delete(shard.id));
    shard.on('death', (child) => {
      ready.delete(shard.id);
      if (!stopping) logger.warn({ shard: shard.id, exitCode: (child as ChildProcess).exitCode }, 'discord: shard process died; starting it again');
    });
    shard.on('error', (err) => logger.error({ shard: shard.id, err }, 'discord: shard error'));
  });
  logger.info({ shards: total, recommended: gateway.shards, delayMs: delay }, 'discord: spawning shard processes');
  const stop = async () => {
    stopping = true;
    // Each child drains its own answers on SIGTERM (shard.kill()); wait until every one has exited.
    await Promise.all([...manager.shards.values()].map(async (shard) => {
      const child = shard.process;
      if (!child || child.exitCode !== null) return;
      const exited = once(child, 'exit');
      shard.kill();
      await exited;
    }));
  };
  try {
    await manager.spawn({ amount: total, delay, timeout: 60_000 });
  } catch (error) {
    await stop();
    throw error;
  }
  return { name: 'discord', connected: () => ready.size === total, stop };
}
