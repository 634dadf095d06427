// Socket Mode frames come over the app's own authenticated connection, but the client library trusts
// their shape: a frame `null`, or an events_api envelope without its payload, throws inside its async
// message handler, and that unhandled rejection would end the process. Frames are checked first here;
// a malformed one is logged and ignored, and any other failure of the handler is logged too.
import type { SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '../../src/runtime/logger.js';

type Client = SocketModeReceiver['client'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether the client library can handle this text frame without throwing. */
export function wellFormedFrame(text: string): boolean {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return true; // the library ignores unparseable frames itself
  }
  if (!isObject(frame) || typeof frame.type !== 'string') return false;
  if (frame.type === 'hello' || frame.type === 'disconnect') return true;
  if (!isObject(frame.payload)) return false;
  return frame.type !== 'events_api' || isObject(frame.payload.event);
}

export function guardSocketFrames(client: Client, log: Logger): void {
  const library = client as unknown as { onWebSocketMessage(data: string | ArrayBuffer, isBinary: boolean): Promise<void> };
  const handle = library.onWebSocketMessage.bind(client);
  client.removeAllListeners('ws_message');
  client.on('ws_message', (data: string | ArrayBuffer, isBinary: boolean) => {
    if (!isBinary && !wellFormedFrame(typeof data === 'string' ? data : new TextDecoder().decode(data))) {
      log.warn({ bytes: typeof data === 'string' ? data.length : data.byteLength }, 'malformed Socket Mode frame ignored');
      return;
    }
    handle(data, isBinary).catch((error: unknown) => log.warn({ err: error }, 'malformed Socket Mode frame ignored: handling it failed'));
  });
}
