// The console session is one conversation: the real program (npm start with no tokens), piped input.
import { describe, expect, it } from 'vitest';
import { runMain } from '../runtime/spawnMain.js';

describe('console conversation', () => {
  it('answers a follow-up in the context of the answer before it, and says so', async () => {
    const result = await runMain({ stdin: '/treaty article 7\nthe next one\nwhat is sextortion\n' });
    expect(result.code).toBe(0);
    const blocks = result.stdout.split(/^> /m).filter(Boolean);
    expect(blocks[0]).not.toContain('following on from');
    expect(blocks[1]).toContain('(following on from Article 7)');
    expect(blocks[1]).toContain('■ Article 8: ');
    // A question that stands alone is answered alone.
    expect(blocks[2]).not.toContain('following on from');
  });
});
