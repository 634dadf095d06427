// Gateway payloads as Discord sends them (API v10), for the fake server to dispatch: one guild with one
// text channel, the bot (with its managed integration role), two people, and builders for messages
// and interactions.
let nextId = 1_300_000_000_000_000_000n;
export const snowflake = (): string => String(nextId++);

export const APP_ID = '1100000000000000001';
export const BOT_ID = APP_ID;
export const GUILD_ID = '1200000000000000001';
export const CHANNEL_ID = '1200000000000000002';
export const DM_CHANNEL_ID = '1200000000000000003';
export const ROLE_ID = '1200000000000000004';
/** The role Discord creates for the bot when it joins a guild (managed, tagged with the bot's id). */
export const BOT_ROLE_ID = '1200000000000000007';
export const COMMAND_ID = '1200000000000000005';
export const CONTEXT_COMMAND_ID = '1200000000000000006';
export const TOKEN = 'test-token-not-a-real-one';
/** A second guild, with its text channel, for sharding: with two shards it is shard 0's, GUILD_ID shard 1's. */
export const SECOND_GUILD_ID = '1200000000004194405';
export const SECOND_CHANNEL_ID = '1200000000004194406';

/** The shard a guild belongs to, by Discord's formula: (guild_id >> 22) % shard_count. */
export const shardOf = (guildId: string, count: number) => Number((BigInt(guildId) >> 22n) % BigInt(count));

export interface User { id: string; username: string; bot?: boolean }
export const BOT: User = { id: BOT_ID, username: 'Treaty bot', bot: true };
export const ALICE: User = { id: '1400000000000000001', username: 'alice' };
export const BOB: User = { id: '1400000000000000002', username: 'bob' };
export const OTHER_BOT: User = { id: '1400000000000000003', username: 'otherbot', bot: true };

export type Json = Record<string, unknown>;

export const user = (u: User): Json => ({
  id: u.id, username: u.username, discriminator: '0', global_name: u.username, avatar: null, bot: u.bot ?? false, public_flags: 0,
});

const member = (u: User, withUser = true, roles: string[] = []): Json => ({
  ...(withUser ? { user: user(u) } : {}),
  roles, joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, nick: null, avatar: null,
  permissions: '2248473465835073',
});

export const textChannel: Json = {
  id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'general', position: 0, permission_overwrites: [], nsfw: false, topic: null, last_message_id: null, parent_id: null,
};

export function readyPayload(sessionId: string, resumeUrl: string, guilds: string[] = [GUILD_ID], shard: [number, number] = [0, 1]): Json {
  return {
    v: 10, user: { ...user(BOT), verified: true, mfa_enabled: false, flags: 0 }, guilds: guilds.map((id) => ({ id, unavailable: true })),
    session_id: sessionId, resume_gateway_url: resumeUrl, shard, application: { id: APP_ID, flags: 0 },
    private_channels: [], relationships: [], user_settings: {},
  };
}

/** A guild as GUILD_CREATE sends it; GUILD_ID's channel is CHANNEL_ID, SECOND_GUILD_ID's SECOND_CHANNEL_ID. */
export function guildCreatePayload(guildId = GUILD_ID): Json {
  const channel = guildId === GUILD_ID ? textChannel : { ...textChannel, id: SECOND_CHANNEL_ID, guild_id: guildId };
  return {
    id: guildId, name: 'Treaty test guild', icon: null, splash: null, discovery_splash: null, owner_id: ALICE.id,
    afk_channel_id: null, afk_timeout: 300, verification_level: 0, default_message_notifications: 0, explicit_content_filter: 0,
    roles: [
      { id: GUILD_ID, name: '@everyone', color: 0, hoist: false, position: 0, permissions: '2248473465835073', managed: false, mentionable: false, flags: 0 },
      { id: ROLE_ID, name: 'Moderators', color: 0, hoist: false, position: 1, permissions: '0', managed: false, mentionable: true, flags: 0 },
      { id: BOT_ROLE_ID, name: BOT.username, color: 0, hoist: false, position: 2, permissions: '274877991936', managed: true, mentionable: false, flags: 0, tags: { bot_id: BOT.id } },
    ],
    emojis: [], stickers: [], features: [], mfa_level: 0, application_id: null, system_channel_id: null, system_channel_flags: 0,
    rules_channel_id: null, vanity_url_code: null, description: null, banner: null, premium_tier: 0, premium_subscription_count: 0,
    preferred_locale: 'en-US', public_updates_channel_id: null, nsfw_level: 0, premium_progress_bar_enabled: false,
    joined_at: '2024-01-01T00:00:00.000Z', large: false, unavailable: false, member_count: 3,
    voice_states: [], members: [member(BOT, true, [BOT_ROLE_ID])], channels: [channel], threads: [], presences: [], stage_instances: [], guild_scheduled_events: [],
  };
}

export interface MessageOptions {
  author: User;
  content: string;
  dm?: boolean;
  mentions?: User[];
  /** Role ids mentioned in the content (`<@&id>`). */
  mentionRoles?: string[];
  /** The message this one replies to (Discord sends it whole as referenced_message). */
  replyTo?: Json;
  /** With "ping on reply" on (the default), Discord lists the replied-to author in mentions. */
  pingOnReply?: boolean;
  id?: string;
  extra?: Json;
}

export function messagePayload(options: MessageOptions): Json {
  const dm = options.dm ?? false;
  const replied = options.replyTo;
  const mentions = [...(options.mentions ?? []).map(user), ...(replied && options.pingOnReply !== false ? [replied.author as Json] : [])];
  const reply = replied
    ? { type: 19, message_reference: { type: 0, message_id: replied.id, channel_id: replied.channel_id, ...(dm ? {} : { guild_id: GUILD_ID }) }, referenced_message: replied }
    : {};
  return {
    // channel_type is how Discord (and discord.js) tell a DM from a guild message when the DM channel is not cached.
    id: options.id ?? snowflake(), channel_id: dm ? DM_CHANNEL_ID : CHANNEL_ID, channel_type: dm ? 1 : 0, ...(dm ? {} : { guild_id: GUILD_ID, member: member(options.author, false) }),
    author: user(options.author), content: options.content, timestamp: new Date().toISOString(), edited_timestamp: null,
    tts: false, mention_everyone: false, mentions, mention_roles: options.mentionRoles ?? [], attachments: [], embeds: [],
    pinned: false, type: 0, flags: 0, components: [], ...reply, ...options.extra,
  };
}

interface InteractionBase { user?: User; dm?: boolean; id?: string }

function interaction(type: number, data: Json, base: InteractionBase, extra: Json = {}): Json {
  const who = base.user ?? ALICE;
  const dm = base.dm ?? false;
  return {
    id: base.id ?? snowflake(), application_id: APP_ID, type, data, token: `interaction-token-${snowflake()}`, version: 1,
    ...(dm
      ? { user: user(who), channel: { id: DM_CHANNEL_ID, type: 1, recipients: [user(who)] }, channel_id: DM_CHANNEL_ID, context: 1 }
      : { guild_id: GUILD_ID, member: member(who), channel: textChannel, channel_id: CHANNEL_ID, context: 0, guild_locale: 'en-US' }),
    app_permissions: '2248473465835073', locale: 'en-GB', entitlements: [], authorizing_integration_owners: { 0: GUILD_ID },
    attachment_size_limit: 10_485_760, ...extra,
  };
}

type Option = { name: string; type: number; value: string | number | boolean; focused?: boolean };
export const OPTION = { string: 3, integer: 4, boolean: 5 } as const;

/** /treaty <subcommand> with its options (type 2, APPLICATION_COMMAND). */
export function slashCommand(subcommand: string, options: Option[] = [], base: InteractionBase = {}): Json {
  return interaction(2, { id: COMMAND_ID, name: 'treaty', type: 1, options: [{ type: 1, name: subcommand, options }] }, base);
}

/** Autocomplete for one focused option of a subcommand (type 4). */
export function autocomplete(subcommand: string, name: string, typed: string, type: number = OPTION.integer, base: InteractionBase = {}): Json {
  return interaction(4, { id: COMMAND_ID, name: 'treaty', type: 1, options: [{ type: 1, name: subcommand, options: [{ name, type, value: typed, focused: true }] }] }, base);
}

/** "Ask the treaty bot" on a message (type 2, command type 3 MESSAGE). */
export function contextMenu(target: Json, base: InteractionBase = {}): Json {
  const targetId = target.id as string;
  return interaction(2, { id: CONTEXT_COMMAND_ID, name: 'Ask the treaty bot', type: 3, target_id: targetId, resolved: { messages: { [targetId]: target } } }, base);
}

/** The same interaction, from the second guild's channel. */
export function inSecondGuild(payload: Json): Json {
  return {
    ...payload, guild_id: SECOND_GUILD_ID, channel_id: SECOND_CHANNEL_ID, channel: { ...textChannel, id: SECOND_CHANNEL_ID, guild_id: SECOND_GUILD_ID },
    authorizing_integration_owners: { 0: SECOND_GUILD_ID },
  };
}

/** A button click on a message the bot sent (type 3, MESSAGE_COMPONENT). */
export function buttonClick(message: Json, customId: string, base: InteractionBase = {}): Json {
  return interaction(3, { custom_id: customId, component_type: 2 }, base, { message });
}
