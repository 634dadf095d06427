// /treaty through the real Bolt app: acknowledged at once, answered through the response URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../adapters/slack/blocks.js';
import { escapeText } from '../../adapters/slack/mrkdwn.js';
import { SUMMARY_LABEL } from '../../adapters/shared/messages.js';
import { createMemoryRateLimiter } from '../../src/runtime/rateLimit.js';
import { testEngine, testHandler } from '../helpers/engine.js';
import { buttonClick, findButton, startHarness, type Harness } from './harness.js';
import { limitViolations, pingRisks, visibleText } from './slackChecks.js';
import type { Json } from './fakeSlack.js';

describe('/treaty', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const answerTo = async (text: string, user = 'U0ASKER') => {
    const { res, responseUrl } = await h.command(text, user);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const path = new URL(responseUrl).pathname;
    return h.fake.waitFor(() => h.fake.responses.find((r) => r.path === path)?.body, `answer to "${text}"`);
  };

  it('empty and "help" list the commands, only to the asker', async () => {
    for (const text of ['', 'help']) {
      const body = await answerTo(text);
      expect(body.response_type).toBe('ephemeral');
      const shown = visibleText(body);
      for (const usage of ['/treaty article 6', '/treaty chapter IV', '/treaty quotes', '/treaty timeline', '/treaty sources']) expect(shown).toContain(usage);
    }
  });

  const engine = testEngine();
  for (const text of ['article 6', 'chapter 2', 'quotes HRW', 'timeline', 'sources', 'what are the objectives?']) {
    it(`"${text}" is answered with every result the core found, ephemeral, with a share button`, async () => {
      const expected = engine.ask(text);
      expect(expected.results.length).toBeGreaterThan(0);
      const body = await answerTo(text);
      expect(body.response_type).toBe('ephemeral');
      const shown = visibleText(body);
      for (const r of expected.results.slice(0, 8)) expect(shown).toContain(escapeText(r.title));
      if (expected.results.some((r) => r.isSummary)) expect(shown).toContain(SUMMARY_LABEL);
      expect(findButton(body, ACTIONS.share)).toBeDefined();
      expect(limitViolations(body)).toEqual([]);
      expect(pingRisks(body)).toEqual([]);
    });
  }

  it('quotes show the speaker and stance', async () => {
    const shown = visibleText(await answerTo('quotes HRW'));
    expect(shown).toContain('Human Rights Watch');
    expect(shown).toContain('*Critical*');
  });

  it('passes the text to the core unescaped, and echoes it escaped so nobody is pinged', async () => {
    // Slack escapes what users type: "<!channel> & <@U123>" arrives as below.
    const body = await answerTo('&lt;!channel&gt; article 6 &amp; &lt;@U0OTHER&gt;');
    expect(h.asked.at(-1)).toMatchObject({ text: '<!channel> article 6 & <@U0OTHER>', user: 'U0ASKER', channel: 'C0GENERAL', platform: 'slack' });
    // U+2060 (an invisible word joiner) follows every '@', so no "@name" can ever become a mention.
    expect(visibleText(body)).toContain('&lt;!channel&gt; article 6 &amp; &lt;@\u2060U0OTHER&gt;');
    expect(pingRisks(body)).toEqual([]);
  });

  it('a question over the length limit is refused with the reason', async () => {
    const body = await answerTo('why '.repeat(200));
    expect(visibleText(body)).toMatch(/characters long; please keep it under 500/);
    expect(findButton(body, ACTIONS.share)).toBeUndefined();
  });

  it('acknowledges before answering', async () => {
    const started = performance.now();
    const { res, responseUrl } = await h.command('article 16');
    const acked = performance.now() - started;
    expect(res.status).toBe(200);
    expect(acked).toBeLessThan(1000);
    await h.fake.waitFor(() => h.fake.responses.find((r) => r.path === new URL(responseUrl).pathname), 'answer');
  });
});

describe('/treaty with public answers and a tight rate limit', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ publicAnswers: true, handler: testHandler({ rateLimiter: createMemoryRateLimiter(1) }) });
  });
  afterAll(() => h.close());

  const answerTo = async (text: string, user: string) => {
    const { responseUrl } = await h.command(text, user);
    const path = new URL(responseUrl).pathname;
    return h.fake.waitFor(() => h.fake.responses.find((r) => r.path === path)?.body, `answer to "${text}"`) as Promise<Json>;
  };

  it('answers in the channel without a share button; help stays private', async () => {
    const body = await answerTo('article 6', 'U0PUBLIC');
    expect(body.response_type).toBe('in_channel');
    expect(findButton(body, ACTIONS.share)).toBeUndefined();
    expect(findButton(body, ACTIONS.feedbackUp)).toBeDefined();
    expect((await answerTo('help', 'U0PUBLIC')).response_type).toBe('ephemeral');
  });

  it('a clicked suggestion is answered in the channel too', async () => {
    const pasta = await answerTo('how do I cook pasta', 'U0PASTA');
    expect(findButton(pasta, `${ACTIONS.ask}:0`)).toBeDefined();
    const url = h.fake.responseUrl();
    await h.action(buttonClick(`${ACTIONS.ask}:0`, findButton(pasta, `${ACTIONS.ask}:0`)!.value, url, 'U0CLICK'));
    const path = new URL(url).pathname;
    const body = await h.fake.waitFor(() => h.fake.responses.find((r) => r.path === path)?.body, 'answer to the click') as Json;
    expect(body.response_type).toBe('in_channel');
  });

  it('tells a user who asks too fast when to try again, privately', async () => {
    await answerTo('article 7', 'U0FAST');
    const body = await answerTo('article 8', 'U0FAST');
    expect(body.response_type).toBe('ephemeral');
    expect(visibleText(body)).toMatch(/Try again in \d+ seconds?/);
  });
});
