// The process's one bounded work queue: every adapter's answers wait their turn here (passed to
// handler.respond as `after`), so Slack and Discord share one limit and one way of saying "busy".
// Acknowledge first, answer soon after, and say "busy" rather than answer late. Slack and Discord give
// 3 seconds to acknowledge and show the user an error when that passes, so acknowledgements must never
// wait behind a burst of answers; but answers must not starve behind acknowledgements either (one
// answer per event-loop turn let a flood of commands push answers 30 s back and memory past a
// gigabyte). So each turn, after the pending I/O (the acknowledgements) has been handled, up to
// `perTurn` answers go; at most `limit` wait; whoever finds the queue full, or waited past
// `maxWaitMs`, is told at once that the bot is busy.

export type Turn = 'go' | 'busy';

export interface TurnOptions {
  /** Answers that may wait at once. */
  limit: number;
  /** Answers released per event-loop turn. */
  perTurn: number;
  /** An answer whose turn comes later than this is told "busy" instead: a late answer helps nobody. */
  maxWaitMs: number;
  /**
   * Event-loop lag (smoothed) past which the process counts as overloaded: requests then wait to be
   * read at all, so acknowledgements are late however short the answer queue is.
   */
  maxLagMs: number;
}

/** How late a 50 ms timer fires, smoothed over a few samples: one per process, started on first use. */
let lagMs = 0;
let lagTimer: NodeJS.Timeout | undefined;
function eventLoopLag(): number {
  if (!lagTimer) {
    let expected = performance.now() + 50;
    lagTimer = setInterval(() => {
      const t = performance.now();
      lagMs = 0.7 * lagMs + 0.3 * Math.max(0, t - expected);
      expected = t + 50;
    }, 50);
    lagTimer.unref();
  }
  return lagMs;
}

export const DEFAULT_TURNS: TurnOptions = { limit: 1_000, perTurn: 16, maxWaitMs: 2_000, maxLagMs: 1_000 };

export interface Turns {
  /** Resolves with 'go' when it is this caller's turn, or 'busy' when it will not get one in time. */
  next(): Promise<Turn>;
  /**
   * Behind: the queue is full, its oldest answer has waited half of `maxWaitMs`, or the event loop lags
   * more than `maxLagMs`. New Slack commands are then told "busy" in their acknowledgement itself (adapters/slack),
   * without Bolt or a response-URL call, which frees the CPU that acknowledgements need. `shed()`
   * counts each.
   */
  overloaded(): boolean;
  shed(): void;
  /** Answers waiting now. */
  readonly waiting: number;
  /** Askers told "busy" so far, here or by shedding. */
  readonly busy: number;
}

interface Waiter { since: number; resolve(turn: Turn): void }

export function createTurns(options: Partial<TurnOptions> = {}, now: () => number = () => performance.now()): Turns {
  const { limit, perTurn, maxWaitMs, maxLagMs } = { ...DEFAULT_TURNS, ...options };
  let queue: Waiter[] = [];
  let head = 0;
  let scheduled = false;
  let busy = 0;

  const turn = () => {
    scheduled = false;
    const t = now();
    for (let released = 0; released < perTurn && head < queue.length; released++) {
      const waiter = queue[head++]!;
      if (t - waiter.since > maxWaitMs) {
        busy++;
        waiter.resolve('busy');
      } else waiter.resolve('go');
    }
    if (head === queue.length) {
      queue = [];
      head = 0;
    } else {
      // Drop the released entries now and then, so a queue that never empties does not grow.
      if (head > 1_024) {
        queue = queue.slice(head);
        head = 0;
      }
      schedule();
    }
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(turn);
  };

  return {
    next() {
      if (queue.length - head >= limit) {
        busy++;
        return Promise.resolve('busy');
      }
      schedule();
      return new Promise<Turn>((resolve) => queue.push({ since: now(), resolve }));
    },
    overloaded() {
      const waiting = queue.length - head;
      return waiting >= limit || (waiting > 0 && now() - queue[head]!.since > maxWaitMs / 2) || eventLoopLag() > maxLagMs;
    },
    shed() {
      busy++;
    },
    get waiting() {
      return queue.length - head;
    },
    get busy() {
      return busy;
    },
  };
}
