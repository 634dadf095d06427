// What every platform adapter receives and returns, so adapters/main.ts can start and stop them alike.
import type { Engine } from '../../src/engine.js';
import type { Handler } from '../../src/runtime/handler.js';
import type { Logger } from '../../src/runtime/logger.js';
import type { StateStore } from '../../src/runtime/state/store.js';
import type { Recorder } from '../../src/runtime/recorder.js';
import type { Database } from '../../src/db/database.js';
import type { Turns } from '../../src/runtime/turns.js';

export interface HealthState {
  /** True once the knowledge base is indexed and every configured adapter is connected. */
  isReady(): boolean;
  /** Parts running on a fallback (e.g. ['redis']): still ready, but /readyz names them. */
  degraded?(): string[];
}

export interface AdapterDeps {
  handler: Handler;
  /** For catalogue look-ups only (autocomplete, "show full passage"); answers go through handler. */
  engine: Engine;
  logger: Logger;
  /** Cross-request state (seen events, threads, conversations…): shared over Redis when REDIS_URL is set. */
  store: StateStore;
  health: HealthState;
  /** Where 👍/👎 go (and the question log); `notRecording` when nothing is kept. */
  recorder?: Recorder;
  /** The process's database (Slack installations in OAuth mode), opened on first use. */
  database?: () => Promise<Database>;
  /**
   * The process's one bounded queue of answers waiting their turn (src/runtime/turns.ts): shared by
   * every adapter, so a full queue means "busy" on each platform alike. An adapter started alone (a
   * test) makes its own when this is absent.
   */
  turns?: Turns;
}

export interface RunningAdapter {
  name: string;
  /**
   * False while the platform connection is down (a dropped gateway or socket being re-established);
   * /readyz reports not ready meanwhile. Adapters with nothing to lose (HTTP, console) leave it out.
   */
  connected?(): boolean;
  /** Disconnect and release ports; in-flight requests are drained by the caller first. */
  stop(): Promise<void>;
}
