// Answers take turns, one per event-loop iteration, first come first served.
import { describe, expect, it } from 'vitest';
import { createTurns } from '../../adapters/slack/turns.js';

describe('turns', () => {
  it('lets work queued by one turn run before the next turn starts', async () => {
    const turns = createTurns();
    const log: string[] = [];
    const first = turns.next().then(() => {
      log.push('answer 1');
      setImmediate(() => log.push('pending work'));
    });
    const second = turns.next().then(() => log.push('answer 2'));
    const third = turns.next().then(() => log.push('answer 3'));
    await Promise.all([first, second, third]);
    expect(log).toEqual(['answer 1', 'pending work', 'answer 2', 'answer 3']);
  });
});
