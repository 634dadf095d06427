// Answers take turns: a few per event-loop iteration, so acknowledgements (pending I/O) run between
// batches; a full queue, or a wait past the deadline, means "busy" at once rather than an answer late.
import { once } from 'node:events';
import { connect, createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createTurns } from '../../src/runtime/turns.js';

describe('turns', () => {
  it('between turns, pending I/O (the acknowledgements) is handled', async () => {
    // A loopback connection stands in for the requests waiting to be acknowledged.
    const server = createServer((socket) => socket.pipe(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
    await once(client, 'connect');
    const log: string[] = [];
    client.on('data', () => log.push('acknowledgement'));
    client.write('x');
    await once(client, 'data');
    log.length = 0;

    const turns = createTurns({ perTurn: 4 });
    const waits = Array.from({ length: 12 }, (_, i) => turns.next().then(() => {
      log.push(`answer ${i + 1}`);
      if (i === 0) client.write('y'); // echoed back while the answers are still queued
    }));
    await Promise.all(waits);
    client.destroy();
    server.close();
    // The first batch of four goes in one turn; the echo is handled before the last batch.
    expect(log.slice(0, 4)).toEqual(['answer 1', 'answer 2', 'answer 3', 'answer 4']);
    expect(log.indexOf('acknowledgement')).toBeGreaterThanOrEqual(4);
    expect(log.indexOf('acknowledgement')).toBeLessThan(12);
  });

  it('a full queue says busy at once, and counts it', async () => {
    const turns = createTurns({ limit: 3 });
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => turns.next()));
    expect(outcomes).toEqual(['go', 'go', 'go', 'busy', 'busy']);
    expect(turns.busy).toBe(2);
    expect(turns.waiting).toBe(0);
  });

  it('an answer whose turn comes after maxWaitMs is told busy instead', async () => {
    let clock = 0;
    const turns = createTurns({ maxWaitMs: 2_000 }, () => clock);
    const late = turns.next();
    clock = 2_001;
    const onTime = turns.next();
    expect([await late, await onTime]).toEqual(['busy', 'go']);
  });

  it('is overloaded when full, or when its oldest answer has waited half of maxWaitMs', async () => {
    let clock = 0;
    const turns = createTurns({ limit: 2, maxWaitMs: 2_000 }, () => clock);
    expect(turns.overloaded()).toBe(false);
    const first = turns.next();
    clock = 999;
    expect(turns.overloaded()).toBe(false);
    clock = 1_001;
    expect(turns.overloaded()).toBe(true);
    await first;
    const both = [turns.next(), turns.next()];
    expect(turns.overloaded()).toBe(true); // full
    await Promise.all(both);
    expect(turns.overloaded()).toBe(false);
  });
});
