// Unauthenticated requests are counted, not logged one by one: a line each would let anyone on the
// internet fill the disk (about 2 GB an hour from one client). The first rejection after a quiet spell
// is logged at once, so an operator testing a wrong secret sees it; the rest go into one summary line
// per interval with counts by reason.
import type { Logger } from '../../src/runtime/logger.js';

export interface Rejections {
  count(reason: string): void;
  /** Log what is still counted (at shutdown) and stop the timer. */
  flush(): void;
}

export function createRejections(log: Logger, intervalMs = 60_000): Rejections {
  let counts: Record<string, number> = {};
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    if (total) log.warn({ rejected: total, reasons: counts, intervalMs }, `rejected ${total} requests that failed Slack's checks in the last ${Math.round(intervalMs / 1000)} s`);
    counts = {};
  };
  return {
    count(reason) {
      if (!timer) {
        log.warn({ reason }, 'request rejected; further rejections are summed up once a minute');
        timer = setTimeout(flush, intervalMs);
        timer.unref();
        return;
      }
      counts[reason] = (counts[reason] ?? 0) + 1;
    },
    flush() {
      if (timer) clearTimeout(timer);
      flush();
    },
  };
}
