// Buttons through the real Bolt app: share in channel, feedback, show full passage, suggested questions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSigner } from '../../adapters/shared/signed.js';
import { ACTIONS } from '../../adapters/slack/blocks.js';
import { escapeText, quoteLines } from '../../adapters/slack/mrkdwn.js';
import { createLogger } from '../../src/runtime/logger.js';
import { testEngine, testHandler } from '../helpers/engine.js';
import type { Json } from './fakeSlack.js';
import { buttonClick, findButton, startHarness, type Harness } from './harness.js';
import { limitViolations, pingRisks, visibleText } from './slackChecks.js';

describe('Slack buttons', () => {
  let h: Harness;
  const lines: Json[] = [];
  beforeAll(async () => {
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => lines.push(JSON.parse(line) as Json) } });
    h = await startHarness({ logger, handler: testHandler({ logger }) });
  });
  afterAll(() => h.close());

  const responsesTo = (url: string) => h.fake.responses.filter((r) => r.path === new URL(url).pathname).map((r) => r.body);
  const ask = async (text: string) => {
    const { responseUrl } = await h.command(text);
    return h.fake.waitFor(() => responsesTo(responseUrl)[0], `answer to ${text}`);
  };
  const click = async (actionId: string, value: string, user?: string) => {
    const url = h.fake.responseUrl();
    const res = await h.action(buttonClick(actionId, value, url, user));
    expect(res.status).toBe(200);
    return url;
  };

  it('"Share in channel" posts the same answer to the channel, says who shared it, and removes the private copy', async () => {
    const answer = await ask('quotes HRW');
    const share = findButton(answer, ACTIONS.share);
    expect(share).toBeDefined();
    const url = await click(ACTIONS.share, share!.value);
    const [shared, removed] = await h.fake.waitFor(() => (responsesTo(url).length >= 2 ? responsesTo(url) : undefined), 'share responses');
    expect(shared).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(visibleText(shared!)).toContain('Deborah Brown');
    expect(visibleText(shared!)).toContain('Shared by roadrunner');
    expect(findButton(shared!, ACTIONS.share)).toBeUndefined();
    expect(findButton(shared!, ACTIONS.feedbackUp)).toBeDefined();
    expect(limitViolations(shared!)).toEqual([]);
    expect(pingRisks(shared!)).toEqual([]);
    expect(removed).toEqual({ delete_original: true });
  });

  it('"Share in channel" clicked twice posts the answer once; the other click hears it is no longer available', async () => {
    const share = findButton(await ask('article 16'), ACTIONS.share)!;
    // A double click: two interactions from the same message, so the same response URL, at once.
    const url = h.fake.responseUrl();
    const clicks = await Promise.all([1, 2].map(() => h.action(buttonClick(ACTIONS.share, share.value, url))));
    expect(clicks.map((r) => r.status)).toEqual([200, 200]);
    // Shared, private copy removed, and the other click told: three responses in all.
    const bodies = await h.fake.waitFor(() => (responsesTo(url).length >= 3 ? responsesTo(url) : undefined), 'both clicks handled');
    expect(bodies.filter((b) => b.response_type === 'in_channel')).toHaveLength(1);
    expect(bodies.filter((b) => /no longer available/.test(String(b.text)))).toHaveLength(1);
    // A later click too.
    const later = await click(ACTIONS.share, share.value);
    expect((await h.fake.waitFor(() => responsesTo(later)[0], 'later click')).text).toMatch(/no longer available/);
  });

  it('sharing an answer the bot no longer remembers says so, privately', async () => {
    const url = await click(ACTIONS.share, 'no-such-request');
    const body = await h.fake.waitFor(() => responsesTo(url)[0], 'expired');
    expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(body.text).toMatch(/no longer available/);
  });

  it('a forged share value (its question changed, or signed with another key) posts nothing', async () => {
    const value = findButton(await ask('article 6'), ACTIONS.share)!.value;
    const dot = value.lastIndexOf('.');
    const payload = JSON.parse(value.slice(0, dot)) as { q: string };
    const altered = JSON.stringify({ ...payload, q: 'quotes HRW' }) + value.slice(dot);
    const otherKey = createSigner('xoxb-someone-else', 'slack buttons').sign(JSON.stringify({ ...payload, r: 'forged' }));
    for (const forged of [altered, otherKey, `${value}x`, '{"q":"article 6"}']) {
      const url = await click(ACTIONS.share, forged);
      expect((await h.fake.waitFor(() => responsesTo(url)[0], 'refusal')).text).toMatch(/no longer available/);
    }
  });

  it('👍 and 👎 are logged with the request id and result ids', async () => {
    const answer = await ask('article 6');
    const up = findButton(answer, ACTIONS.feedbackUp)!;
    const { r: requestId, ids } = JSON.parse(up.value) as { r: string; ids: string[] };
    expect(ids).toEqual(testEngine().ask('article 6').results.map((r) => r.id));
    const url = await click(ACTIONS.feedbackUp, up.value, 'U0VOTER');
    const thanks = await h.fake.waitFor(() => responsesTo(url)[0], 'thanks');
    expect(thanks).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const logged = lines.find((l) => l.msg === 'feedback' && l.requestId === requestId);
    expect(logged).toMatchObject({ feedback: 'up', results: ids, user: 'U0VOTER', adapter: 'slack' });
    // The same request id was logged by the handler when it answered.
    expect(lines.some((l) => l.msg === 'answered' && l.requestId === requestId)).toBe(true);

    const down = findButton(answer, ACTIONS.feedbackDown)!;
    const url2 = await click(ACTIONS.feedbackDown, down.value);
    await h.fake.waitFor(() => responsesTo(url2)[0], 'thanks');
    expect(lines.find((l) => l.msg === 'feedback' && l.feedback === 'down')).toMatchObject({ requestId, results: ids });
  });

  it('a suggested question, clicked, is answered to whoever clicked, privately, with a share button', async () => {
    const pasta = testEngine().ask('how do I cook pasta');
    expect(pasta.abstained).toBe(true);
    const suggestion = findButton(await ask('how do I cook pasta'), `${ACTIONS.ask}:0`);
    expect(suggestion?.value).toBe(pasta.suggestions[0]);
    const expected = testEngine().ask(suggestion!.value);
    expect(expected.results.length).toBeGreaterThan(0);
    const url = await click(`${ACTIONS.ask}:0`, suggestion!.value, 'U0CURIOUS');
    const body = await h.fake.waitFor(() => responsesTo(url)[0], 'answer to the suggestion');
    expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(visibleText(body)).toContain(escapeText(expected.results[0]!.title));
    expect(findButton(body, ACTIONS.share)).toBeDefined();
    expect(limitViolations(body)).toEqual([]);
    expect(pingRisks(body)).toEqual([]);
    expect(lines.some((l) => l.msg === 'answered' && l.user === 'U0CURIOUS' && l.channel === 'C0GENERAL' && l.platform === 'slack')).toBe(true);
  });

  it('"Show full passage" sends the whole entry, only to whoever clicked', async () => {
    const entry = testEngine().result('chapter-2');
    expect(entry).toBeDefined();
    const url = await click(ACTIONS.fullPassage, 'chapter-2');
    const body = await h.fake.waitFor(() => responsesTo(url)[0], 'full passage');
    expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const shown = visibleText(body);
    const format = entry!.isSummary ? (s: string) => s : quoteLines;
    expect(shown.replace(/&amp;/g, '&')).toContain(format(entry!.text.trim().split('\n')[0]!).replace(/&amp;/g, '&'));
    expect(limitViolations(body)).toEqual([]);
    const gone = await click(ACTIONS.fullPassage, 'no-such-entry');
    expect((await h.fake.waitFor(() => responsesTo(gone)[0], 'gone')).text).toMatch(/no longer available/);
  });
});
