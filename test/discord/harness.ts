// Starts the real Discord adapter (a real discord.js client) against the fake Discord on loopback,
// with the real handler and engine, and offers small helpers to act as Discord and read the bot's calls.
import type { APIEmbed } from 'discord.js';
import pino from 'pino';
import type { BotRequest, Handler } from '../../src/runtime/handler.js';
import type { Recorder } from '../../src/runtime/recorder.js';
import { limitViolations, type DiscordPage } from '../../adapters/discord/limits.js';
import { startDiscord, type DiscordTuning } from '../../adapters/discord/index.js';
import type { RunningAdapter } from '../../adapters/shared/adapter.js';
import { handlerFrom, testEngine, testHandler } from '../helpers/engine.js';
import { FakeDiscord, type RestCall } from './fakeDiscord.js';
import { APP_ID, TOKEN, type Json } from './payloads.js';
import { createMemoryStore, type StateStore } from '../../src/runtime/state/store.js';

export interface Bot {
  fake: FakeDiscord;
  adapter: RunningAdapter;
  stop(): Promise<void>;
}

export async function startBot(options: { handler?: Handler; tuning?: DiscordTuning; recorder?: Recorder; store?: StateStore } = {}): Promise<Bot> {
  const fake = await FakeDiscord.start();
  try {
    const adapter = await startDiscord(
      {
        handler: options.handler ?? testHandler(),
        engine: testEngine(),
        logger: pino({ level: 'silent' }),
        store: options.store ?? createMemoryStore(), health: { isReady: () => true },
        recorder: options.recorder,
        config: { token: TOKEN, applicationId: APP_ID, apiUrl: fake.apiUrl },
      },
      // Fail fast instead of retrying against a server that will not change its mind.
      { ...options.tuning, clientOptions: { rest: { retries: 0, timeout: 5000 }, ...options.tuning?.clientOptions } },
    );
    return { fake, adapter, stop: async () => { await adapter.stop(); await fake.close(); } };
  } catch (error) {
    await fake.close();
    throw error;
  }
}

/** Dispatch an interaction and wait for the bot's response to it (the callback POST). */
export async function interact(fake: FakeDiscord, interaction: Json): Promise<RestCall> {
  fake.dispatch('INTERACTION_CREATE', interaction);
  return fake.waitForCall((c) => c.method === 'POST' && c.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
}

/** Everything a reader could see in a message body (content, embeds), for assertions. */
export function visible(body: Json): string {
  const embeds = (body.embeds ?? []) as Json[];
  return [body.content ?? '', ...embeds.flatMap((e) => [e.title, e.description, (e.footer as Json | undefined)?.text, ...((e.fields ?? []) as Json[]).flatMap((f) => [f.name, f.value])])]
    .filter(Boolean).join('\n');
}

/** The real handler, with every request it receives kept for assertions. */
export function recording(handler: Handler = testHandler()): Handler & { requests: BotRequest[] } {
  const requests: BotRequest[] = [];
  return Object.assign(handlerFrom((request) => { requests.push(request); return handler.handle(request); }, handler), { requests });
}

/** The message body of a REST call the bot made (interaction callback data, or the body itself). */
export function messageBody(call: RestCall): Json | undefined {
  if (call.path.endsWith('/callback')) return call.body?.data;
  if (['POST', 'PATCH'].includes(call.method) && /\/messages|\/webhooks\//.test(call.path)) return call.body;
  return undefined;
}

/** Every limit broken and every way to ping, across all messages the bot sent to the fake. */
export function sendProblems(fake: FakeDiscord): string[] {
  const problems: string[] = [];
  for (const call of fake.calls) {
    const body = messageBody(call);
    if (!body || !('content' in body || 'embeds' in body)) continue;
    const where = `${call.method} ${call.path}`;
    const page = { content: (body.content as string) ?? '', embeds: (body.embeds as APIEmbed[]) ?? [], components: (body.components as DiscordPage['components']) ?? [] };
    for (const v of limitViolations(page)) problems.push(`${where}: ${v}`);
    const allowed = body.allowed_mentions as { parse?: unknown[]; replied_user?: boolean } | undefined;
    if (!allowed || allowed.parse?.length !== 0 || allowed.replied_user === true) problems.push(`${where}: allowed_mentions ${JSON.stringify(allowed)}`);
    if (LIVE_MENTION.test(visible(body))) problems.push(`${where}: live mention in the text`);
  }
  return problems;
}

/** Mentions Discord would parse in message text. */
export const LIVE_MENTION = /@(?:everyone|here)|<@[!&]?\d+>/;

export async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
