// discord.js trusts the shape of gateway events: an INTERACTION_CREATE without `member`/`user`, without
// `member.user` or without `data` throws while it builds the interaction, and that would end the
// process. Every dispatch is handled inside a guard here: a malformed one is logged and ignored, and an
// interaction among them is told that the bot could not read it, so the asker is not left waiting.
import { Routes, type Client } from 'discord.js';
import type { Logger } from '../../src/runtime/logger.js';
import { NO_PINGS } from './limits.js';
import { OUT_OF_DATE } from './wording.js';

interface Packet { t?: string; d?: { id?: unknown; token?: unknown } }

const CHANNEL_MESSAGE = 4;
const EPHEMERAL = 1 << 6;

export function guardGatewayEvents(client: Client, log: Logger): void {
  // handlePacket is discord.js's one entry for dispatches (queued ones come back through it too).
  const manager = client.ws as unknown as { handlePacket(packet?: Packet, shard?: unknown): boolean };
  const handle = manager.handlePacket.bind(manager);
  manager.handlePacket = (packet, shard) => {
    try {
      return handle(packet, shard);
    } catch (error) {
      log.warn({ err: error, event: packet?.t }, 'discord: malformed gateway event ignored');
      if (packet?.t === 'INTERACTION_CREATE') void tellUnreadable(client, packet.d, log);
      return true;
    }
  };
}

async function tellUnreadable(client: Client, d: Packet['d'], log: Logger): Promise<void> {
  if (typeof d?.id !== 'string' || typeof d.token !== 'string') return;
  try {
    await client.rest.post(Routes.interactionCallback(d.id, d.token), {
      body: { type: CHANNEL_MESSAGE, data: { content: OUT_OF_DATE, flags: EPHEMERAL, allowed_mentions: NO_PINGS } },
      auth: false,
    });
  } catch (error) {
    log.warn({ err: error }, 'discord: could not answer a malformed interaction');
  }
}
