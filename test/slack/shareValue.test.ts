// What a "Share in channel" button carries: enough for any replica to rebuild the same answer (a
// follow-up too), signed, expiring, and never longer than Slack allows.
import { describe, expect, it } from 'vitest';
import { createSigner } from '../../adapters/shared/signed.js';
import { LIMITS } from '../../adapters/slack/blocks.js';
import { SHARE_TTL_MS, openShareValue, shareValue, shownIds } from '../../adapters/slack/shareValue.js';
import { contextOf } from '../../src/conversation/context.js';
import { testEngine } from '../helpers/engine.js';

const engine = testEngine();
const signer = createSigner('xoxb-test', 'slack buttons');

describe('share button value', () => {
  it('rebuilds the same answer from the value alone, a follow-up in its context too', () => {
    const first = engine.ask('article 6');
    const followUp = engine.ask('and the next one?', contextOf(first));
    expect(followUp.context).toBeDefined();
    for (const answer of [first, followUp]) {
      const opened = openShareValue(signer, shareValue(signer, 'req-1', answer)!)!;
      expect(shownIds(engine.ask(opened.q, opened.c))).toEqual(shownIds(answer));
      expect(opened.r).toBe('req-1');
    }
  });

  it('expires after a day, and is refused under another key', () => {
    const value = shareValue(signer, 'r', engine.ask('timeline'), 0)!;
    expect(openShareValue(signer, value, SHARE_TTL_MS - 1)).toBeDefined();
    expect(openShareValue(signer, value, SHARE_TTL_MS)).toBeUndefined();
    expect(openShareValue(createSigner('xoxb-other', 'slack buttons'), value, 1)).toBeUndefined();
  });

  it('fits Slack\'s 2,000 characters or is not offered', () => {
    const longest = engine.ask('😀'.repeat(1000));
    const value = shareValue(signer, 'r', { ...longest, query: '😀'.repeat(1000) });
    expect(value).toBeUndefined();
    const usual = shareValue(signer, 'r', engine.ask('what did civil society say about human rights safeguards?'))!;
    expect(usual.length).toBeLessThanOrEqual(LIMITS.buttonValue);
  });
});
