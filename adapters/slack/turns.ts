// Acknowledge first, answer after. Slack gives 3 seconds to acknowledge and shows the user an error
// when that passes, while an answer may follow at leisure. Answers therefore take turns, one per
// event-loop iteration, so requests waiting to be acknowledged never queue behind a burst of answers.

export interface Turns {
  /** Resolves when it is this caller's turn (at the earliest, after pending I/O has been handled). */
  next(): Promise<void>;
}

export function createTurns(): Turns {
  let last: Promise<void> = Promise.resolve();
  return {
    next() {
      const mine = last.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
      last = mine;
      return mine;
    },
  };
}
