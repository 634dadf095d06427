// What command handlers receive: the shared handler path, the catalogue for autocomplete, the logger
// and the store of paginated answers.
import type { Engine } from '../../src/engine.js';
import type { Conversations } from '../../src/conversation/memory.js';
import type { Handler } from '../../src/runtime/handler.js';
import type { Logger } from '../../src/runtime/logger.js';
import type { StateStore } from '../../src/runtime/state/store.js';
import type { PageStore } from './pagination.js';
import type { Recorder } from '../../src/runtime/recorder.js';
import type { Turns } from '../../src/runtime/turns.js';

export interface DiscordContext {
  handler: Handler;
  engine: Engine;
  logger: Logger;
  pages: PageStore;
  /** Where 👍/👎 and "what was wrong?" go; absent or off: no feedback buttons. */
  recorder?: Recorder;
  /** Shared state (interaction de-duplication, page sessions). */
  store: StateStore;
  /** Conversations (DMs, reply chains): which one a message continues. */
  conversations?: Conversations;
  /** Defer an interaction when the answer is not ready after this long (Discord allows 3 s in all). */
  deferAfterMs: number;
  /** Answers wait their turn in the process's bounded queue; a full one means "busy" (src/runtime/turns.ts). */
  turns: Turns;
}
