// `npm run discord:register` (scripts/discord-register.ts), run as a real process against the fake
// Discord through DISCORD_API_URL: one PUT of the command definitions, for a guild or globally.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import { commandDefinitions } from '../../adapters/discord/index.js';
import { FakeDiscord } from './fakeDiscord.js';
import { APP_ID, GUILD_ID, TOKEN } from './payloads.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const SCRIPT = join(ROOT, 'scripts/discord-register.ts');

let fake: FakeDiscord;
let cwd: string; // an empty folder, so no developer's .env is read
beforeAll(async () => {
  fake = await FakeDiscord.start();
  cwd = mkdtempSync(join(tmpdir(), 'discord-register-'));
});
afterAll(async () => {
  await fake?.close();
  rmSync(cwd, { recursive: true, force: true });
});

async function register(env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD|SLACK)_/.test(k)));
  try {
    const { stdout, stderr } = await run(TSX, [SCRIPT], { cwd, env: { ...clean, ...env }, timeout: 15_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const configured = () => ({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl });

describe('npm run discord:register', () => {
  it('with DISCORD_GUILD_ID, replaces the guild commands with the definitions', async () => {
    const result = await register({ ...configured(), DISCORD_GUILD_ID: GUILD_ID });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Registered 2 commands for guild ${GUILD_ID}`);
    const call = fake.calls.at(-1)!;
    expect(call).toMatchObject({ method: 'PUT', path: `/applications/${APP_ID}/guilds/${GUILD_ID}/commands`, authorization: `Bot ${TOKEN}` });
    expect(call.body).toEqual(JSON.parse(JSON.stringify(commandDefinitions())));
  });

  it('without it, registers globally', async () => {
    const result = await register(configured());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('globally');
    expect(fake.calls.at(-1)).toMatchObject({ method: 'PUT', path: `/applications/${APP_ID}/commands` });
  });

  it('says what to set when Discord is not configured, and calls nothing', async () => {
    const before = fake.calls.length;
    const result = await register({ DISCORD_API_URL: fake.apiUrl });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('set DISCORD_TOKEN and DISCORD_APPLICATION_ID');
    expect(fake.calls.length).toBe(before);
  });

  it('reports a rejected token', async () => {
    const result = await register({ ...configured(), DISCORD_TOKEN: 'wrong-token' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Registering the commands failed');
  });
});

describe('command definitions', () => {
  const [treaty, menu] = commandDefinitions() as any[];

  it('/treaty has the six subcommands, each but help (always private) with a private option', () => {
    expect(treaty.name).toBe('treaty');
    const subs = treaty.options as { name: string; type: number; options?: { name: string; type: number; autocomplete?: boolean; required?: boolean }[] }[];
    expect(subs.map((s) => s.name)).toEqual(['ask', 'article', 'chapter', 'quotes', 'timeline', 'help']);
    for (const s of subs) {
      expect(s.type).toBe(ApplicationCommandOptionType.Subcommand);
      const privateOption = (s.options ?? []).find((o) => o.name === 'private');
      if (s.name === 'help') expect(privateOption).toBeUndefined();
      else expect(privateOption?.type).toBe(ApplicationCommandOptionType.Boolean);
    }
    const option = (sub: string, name: string) => subs.find((s) => s.name === sub)!.options!.find((o) => o.name === name)!;
    expect(option('article', 'number')).toMatchObject({ type: ApplicationCommandOptionType.Integer, autocomplete: true, required: true });
    expect(option('chapter', 'number')).toMatchObject({ type: ApplicationCommandOptionType.Integer, autocomplete: true });
    expect(option('quotes', 'speaker')).toMatchObject({ type: ApplicationCommandOptionType.String, autocomplete: true });
    expect(option('ask', 'question')).toMatchObject({ type: ApplicationCommandOptionType.String, required: true });
  });

  it('"Ask the treaty bot" is a message context-menu command', () => {
    expect(menu).toMatchObject({ name: 'Ask the treaty bot', type: ApplicationCommandType.Message });
  });
});
