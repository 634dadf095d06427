// DISCORD_SHARDS=auto from the built bundle against the local Discord gateway, which recommends two
// shards and sends each shard only its own guilds: discord.js's ShardingManager spawns two shard processes, each answers the interaction
// of its guild, /readyz is true only with every shard ready, and a shard killed is started again.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../discord/fakeDiscord.js';
import { interact, visible } from '../discord/harness.js';
import { APP_ID, GUILD_ID, OPTION, SECOND_GUILD_ID, TOKEN, inSecondGuild, shardOf, slashCommand, type Json } from '../discord/payloads.js';
import { SHARED_REDIS_URL, freePort, uniquePrefix, waitUntil } from '../helpers/redis.js';
import { buildBundle } from './fleet.js';

const status = async (port: number) => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status ?? 0;
const article = (n: number) => slashCommand('article', [{ name: 'number', type: OPTION.integer, value: n }]);

describe('Discord as shard processes (DISCORD_SHARDS=auto, two recommended)', () => {
  let fake: FakeDiscord;
  let manager: ChildProcess;
  let healthPort: number;
  const logs: Json[] = [];
  beforeAll(async () => {
    const bundle = buildBundle('fleet-discord');
    fake = await FakeDiscord.start({ guilds: [GUILD_ID, SECOND_GUILD_ID], shards: 2 });
    healthPort = await freePort();
    manager = spawn(process.execPath, [bundle], {
      cwd: '/',
      env: {
        PATH: process.env.PATH ?? '', DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, DISCORD_SHARDS: 'auto',
        HEALTH_PORT: String(healthPort), LOG_LEVEL: 'info', LOG_PRETTY: 'false', REDIS_URL: SHARED_REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('shards'),
        SHUTDOWN_TIMEOUT_MS: '2000', LOG_QUESTIONS: 'off', // shards would share one embedded database
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let partial = '';
    manager.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop()!;
      for (const line of lines) if (line.startsWith('{')) logs.push(JSON.parse(line) as Json);
    });
    await waitUntil(async () => (await status(healthPort)) === 200, 40_000, 'every shard ready');
  }, 90_000);
  afterAll(async () => {
    if (manager && manager.exitCode === null) {
      const exited = once(manager, 'exit');
      manager.kill('SIGTERM');
      await exited;
    }
    await fake?.close();
  });

  it('each shard identifies with its [id, count], gets only its guild, and answers that guild\'s interaction', async () => {
    expect([shardOf(GUILD_ID, 2), shardOf(SECOND_GUILD_ID, 2)]).toEqual([1, 0]);
    expect([...fake.identifiesByShard.entries()].sort()).toEqual([[0, 1], [1, 1]]);
    // GUILD_ID's interaction reaches only shard 1's connection, SECOND_GUILD_ID's only shard 0's.
    for (const [interaction, heading] of [[article(6), 'Article 6'], [inSecondGuild(article(7)), 'Article 7']] as const) {
      const call = await interact(fake, interaction);
      expect(call.body.type).toBe(4);
      expect(visible(call.body.data as Json)).toContain(heading);
    }
    // One health endpoint per shard process, next to the manager's.
    expect(await status(healthPort + 1)).toBe(200);
    expect(await status(healthPort + 2)).toBe(200);
  });

  it('a shard process killed is started again: unready meanwhile, then its guild is answered again', async () => {
    const started = logs.filter((l) => l.msg === 'discord: shard process started' && l.shard === 0);
    const pid = started.at(-1)!.pid as number;
    process.kill(pid, 'SIGKILL');
    await waitUntil(async () => (await status(healthPort)) === 503, 5000, 'manager unready');
    await waitUntil(async () => (await status(healthPort)) === 200, 40_000, 'ready again');
    expect(fake.identifiesByShard.get(0)).toBe(2);
    expect(fake.identifiesByShard.get(1)).toBe(1);
    expect(logs.some((l) => l.msg === 'discord: shard process died; starting it again' && l.shard === 0)).toBe(true);
    const call = await interact(fake, inSecondGuild(article(8)));
    expect(visible(call.body.data as Json)).toContain('Article 8');
  }, 60_000);
});
