// User-supplied strings that are rendered are cut to a sensible length: a 5 000-character display name
// in "Shared by <name>" does not make a 5 010-character context block.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../adapters/slack/blocks.js';
import { buttonClick, findButton, startHarness, type Harness } from './harness.js';
import { limitViolations, visibleText } from './slackChecks.js';
import type { Json } from './fakeSlack.js';

describe('rendered user names', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness(); });
  afterAll(() => h.close());

  it('"Shared by" shows at most 80 characters of a 5 000-character name', async () => {
    const { responseUrl } = await h.command('quotes HRW');
    const answer = await h.fake.responseAt(new URL(responseUrl).pathname);
    const url = h.fake.responseUrl();
    const click = buttonClick(ACTIONS.share, findButton(answer, ACTIONS.share)!.value, url);
    (click.user as Json).name = `${'Mallory '.repeat(625)}`;
    expect((await h.action(click)).status).toBe(200);
    const shared = await h.fake.responseAt(new URL(url).pathname);
    const line = visibleText(shared).split('\n').find((l) => l.startsWith('Shared by'))!;
    expect(line.length).toBeLessThanOrEqual('Shared by '.length + 80);
    expect(line).toMatch(/Mallory/);
    expect(limitViolations(shared)).toEqual([]);
  });
});
