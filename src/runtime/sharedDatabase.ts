// One database per process, opened on first use and shared by the question log and the Slack
// installation store. A failed open is forgotten, so the next use tries again; close() is idempotent.
import type { Database } from '../db/database.js';

export interface SharedDatabase {
  get(): Promise<Database>;
  /** Whether it has been asked for (and so may need closing). */
  opened(): boolean;
  close(): Promise<void>;
}

export function sharedDatabase(open: () => Promise<Database>): SharedDatabase {
  let current: Promise<Database> | undefined;
  let closing: Promise<void> | undefined;
  return {
    get() {
      if (closing) return Promise.reject(new Error('the database is closed'));
      current ??= open().catch((error: unknown) => {
        current = undefined;
        throw error;
      });
      return current;
    },
    opened: () => current !== undefined,
    close() {
      closing ??= (async () => {
        const db = await current?.catch(() => undefined);
        await db?.close();
      })();
      return closing;
    },
  };
}
