// The manifest asks for what the code listens to, and for nothing it does not use.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMAND } from '../../adapters/slack/listeners/command.js';

interface Manifest {
  features: { app_home: Record<string, boolean>; slash_commands: { command: string }[]; bot_user: { display_name: string } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
}

const source = readFileSync(new URL('../../adapters/slack/manifest.yml', import.meta.url), 'utf8');
const manifest = parse(source) as Manifest;

describe('adapters/slack/manifest.yml', () => {
  it('declares the slash command, events, interactivity, Socket Mode and App Home tabs', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([COMMAND]);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_home_opened', 'app_mention', 'message.channels', 'message.groups', 'message.im']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
  });

  it('asks only for the scopes those need', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(['app_mentions:read', 'channels:history', 'chat:write', 'commands', 'groups:history', 'im:history']);
  });

  it('HTTP mode: uncommenting the lines the README names puts /slack/events in all three places', () => {
    const http = source.replace(/^(\s*)# ((?:url|request_url): \S+)\s+# HTTP mode$/gm, '$1$2');
    const m = parse(http) as { features: { slash_commands: { url?: string }[] }; settings: { event_subscriptions: { request_url?: string }; interactivity: { request_url?: string } } };
    const urls = [m.features.slash_commands[0]!.url, m.settings.event_subscriptions.request_url, m.settings.interactivity.request_url];
    expect(urls).toEqual(Array(3).fill('https://YOUR-HOST/slack/events'));
  });
});
