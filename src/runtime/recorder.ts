// Keeps what the bot learns from use — one row per request, and the 👍/👎 on answers — without ever
// slowing or stopping an answer. Records wait in a bounded queue and are written in batches by one
// writer; the database is opened only after the bot is ready, and when it fails (down, read-only,
// unreachable) the bot keeps answering: one warning per outage, /readyz names it, the oldest waiting
// records are dropped past the bound, and writing resumes by itself when the database is back.
import type { Database, FeedbackRow, Outcome, QuestionRow } from '../db/database.js';
import type { Pseudonymise } from '../db/pseudonym.js';
import type { BotRequest, Reply } from './handler.js';
import type { Logger } from './logger.js';

export type LogQuestions = 'full' | 'redacted' | 'off';
export type RecorderStatus = 'off' | 'opening' | 'ok' | 'unavailable';

/** What the handler hands over for each request it answered. */
export interface HandledRequest {
  request: BotRequest;
  reply: Reply;
  latencyMs: number;
}

export interface Vote {
  requestId: string;
  /** The platform user id; only its pseudonym is kept. */
  user: string;
  platform: string;
  vote: 'up' | 'down';
  comment?: string;
  resultIds?: string[];
}

export interface Recorder {
  /** Queue one request's row (never throws, never waits). */
  question(entry: HandledRequest): void;
  feedback(vote: Vote): void;
  status(): RecorderStatus;
  /** Open the database (retrying quietly until it answers) and start writing. */
  open(): void;
  /** Write what is waiting (at most timeoutMs) and close; logs what could not be written. */
  close(timeoutMs: number): Promise<void>;
}

export interface RecorderOptions {
  openDatabase: () => Promise<Database>;
  pseudonymise: Pseudonymise;
  logQuestions: LogQuestions;
  retentionDays: number;
  logger: Logger;
  /** Records waiting to be written, at most (default 10 000); past it the oldest are dropped. */
  maxPending?: number;
  /** Rows per INSERT (default 500). */
  batchSize?: number;
  /** First retry after a failure (default 1 s), doubling up to maxRetryMs (default 30 s). */
  retryMs?: number;
  maxRetryMs?: number;
  now?: () => Date;
}

type Item = { kind: 'question'; row: QuestionRow } | { kind: 'feedback'; row: FeedbackRow };

const DAY_MS = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The recorder when nothing is kept (LOG_QUESTIONS=off and no Slack installations to store). */
export const notRecording: Recorder = {
  question: () => undefined,
  feedback: () => undefined,
  status: () => 'off',
  open: () => undefined,
  close: async () => undefined,
};

/** How a reply ends up in the log: the outcome, and why when the bot did not answer. */
export function outcomeOf(reply: Reply): { outcome: Outcome; reason?: string; intent?: string; resultIds: string[] } {
  if (reply.type !== 'answer') return { outcome: reply.type, resultIds: [] };
  const { answer } = reply;
  const resultIds = answer.results.map((r) => r.id);
  const why = answer.outcome.type === 'no_match' && answer.outcome.englishOnly ? 'english_only' : answer.outcome.type;
  // Refused: no answer at all. Unsure: results shown, but the question had a problem (article 99).
  if (answer.abstained || !resultIds.length) return { outcome: 'refused', reason: why, intent: answer.intent, resultIds };
  if (answer.outcome.type !== 'answered') return { outcome: 'unsure', reason: why, intent: answer.intent, resultIds };
  return { outcome: 'answered', intent: answer.intent, resultIds };
}

export function createRecorder(options: RecorderOptions): Recorder {
  const { logger, pseudonymise, logQuestions } = options;
  const maxPending = options.maxPending ?? 10_000;
  const batchSize = options.batchSize ?? 500;
  const retryMs = options.retryMs ?? 1_000;
  const maxRetryMs = options.maxRetryMs ?? 30_000;
  const now = options.now ?? (() => new Date());
  const log = logger.child({ component: 'database' });

  const pending: Item[] = [];
  let db: Database | undefined;
  let status: RecorderStatus = 'opening';
  let opening: Promise<void> | undefined;
  let writing: Promise<void> | undefined;
  let closed = false;
  let retryDelay = retryMs;
  let retryTimer: NodeJS.Timeout | undefined;
  let retentionTimer: NodeJS.Timeout | undefined;
  let dropped = 0;

  const fail = (what: string, error: unknown) => {
    // One warning per outage; recovery is logged once too.
    if (status !== 'unavailable') log.warn({ err: error }, `database unavailable (${what}); answering continues, records wait in memory (at most ${maxPending})`);
    status = 'unavailable';
  };
  const recovered = () => {
    if (status === 'unavailable') log.info({ dropped }, 'database available again');
    status = 'ok';
    retryDelay = retryMs;
  };
  const retryLater = (fn: () => void) => {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => { retryTimer = undefined; fn(); }, retryDelay);
    retryTimer.unref();
    retryDelay = Math.min(retryDelay * 2, maxRetryMs);
  };

  const enqueue = (item: Item) => {
    if (closed) return;
    pending.push(item);
    if (pending.length > maxPending) {
      pending.splice(0, pending.length - maxPending);
      dropped += 1;
      if (dropped === 1 || dropped % 1000 === 0) log.warn({ dropped, maxPending }, 'records dropped: too many waiting for the database');
    }
    scheduleWrite();
  };

  const scheduleWrite = () => {
    if (!db || writing || retryTimer || !pending.length) return;
    writing = writeSome().finally(() => {
      writing = undefined;
      if (status === 'ok') scheduleWrite();
      else retryLater(scheduleWrite);
    });
  };

  async function writeSome(): Promise<void> {
    // Let the requests of this tick join the batch: one INSERT for a burst, not one per request.
    await new Promise((resolve) => setImmediate(resolve));
    const batch = pending.splice(0, batchSize);
    const questions = batch.flatMap((i) => (i.kind === 'question' ? [i.row] : []));
    const votes = batch.flatMap((i) => (i.kind === 'feedback' ? [i.row] : []));
    try {
      await db!.writeQuestions(questions);
      for (const v of votes) await db!.writeFeedback(v);
      recovered();
    } catch (error) {
      if (isBadData(error)) {
        // Never retried: a row the database rejects would block every row behind it.
        log.error({ err: error, rows: batch.length }, 'records rejected by the database; dropped');
        return;
      }
      // Back to the front, in order, within the bound.
      pending.unshift(...batch.slice(Math.max(0, batch.length - (maxPending - pending.length))));
      fail('writing', error);
    }
  }

  const applyRetention = async () => {
    if (!db) return;
    try {
      const deleted = await db.deleteOlderThan(new Date(now().getTime() - options.retentionDays * DAY_MS));
      if (deleted.questions || deleted.feedback) log.info({ ...deleted, retentionDays: options.retentionDays }, 'retention: old rows deleted');
    } catch (error) {
      fail('retention', error);
    }
  };

  const tryOpen = async (): Promise<void> => {
    try {
      const opened = await options.openDatabase();
      if (closed) {
        db = opened; // closed meanwhile: close() writes what waits, then closes it
        return;
      }
      db = opened;
      log.info({ kind: db.sql.kind }, 'database open');
      recovered();
      await applyRetention();
      retentionTimer = setInterval(() => void applyRetention(), DAY_MS);
      retentionTimer.unref();
      scheduleWrite();
    } catch (error) {
      fail('opening', error);
      if (!closed) retryLater(() => { opening = tryOpen(); });
    }
  };

  return {
    question({ request, reply, latencyMs }) {
      if (logQuestions === 'off') return;
      try {
        const { outcome, reason, intent, resultIds } = outcomeOf(reply);
        enqueue({
          kind: 'question',
          row: {
            id: reply.requestId,
            at: now(),
            platform: request.platform,
            workspace: request.workspace,
            channelType: request.channelType,
            userHash: pseudonymise(request.user),
            question: logQuestions === 'full' ? request.text.trim() : undefined,
            intent,
            outcome,
            reason,
            resultIds,
            latencyMs,
          },
        });
      } catch (error) {
        log.error({ err: error }, 'could not record a question');
      }
    },
    feedback(vote) {
      // The id comes back from a button a client could forge: only a request id is stored.
      if (logQuestions === 'off' || !UUID.test(vote.requestId)) return;
      enqueue({
        kind: 'feedback',
        row: {
          requestId: vote.requestId, userHash: pseudonymise(vote.user), at: now(), platform: vote.platform, vote: vote.vote,
          comment: vote.comment?.trim() || undefined, resultIds: vote.resultIds ?? [],
        },
      });
    },
    status: () => status,
    open() {
      opening ??= tryOpen();
    },
    async close(timeoutMs) {
      closed = true;
      clearTimeout(retryTimer);
      retryTimer = undefined;
      clearInterval(retentionTimer);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
      const drain = async () => {
        await opening;
        while (db && (writing || pending.length)) {
          if (writing) await writing;
          else {
            writing = writeSome();
            await writing;
            writing = undefined;
            if (status !== 'ok') break;
          }
        }
      };
      const result = await Promise.race([drain(), timeout]);
      clearTimeout(timer);
      if (result === 'timeout' || pending.length) log.warn({ unwritten: pending.length }, 'shutdown: records not written to the database');
      await db?.close().catch((error: unknown) => log.warn({ err: error }, 'database did not close cleanly'));
    },
  };
}

/** PostgreSQL error classes 22 (data exception) and 23 (integrity violation): the row, not the server. */
function isBadData(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^2[23]/.test(code);
}
