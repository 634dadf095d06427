// The Slack renderer: the shared render contract (limits, no pings, fallback text, citations) plus
// Slack specifics (quotes, summaries, links, cutting long passages at a sentence).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Result } from '../../src/answer.js';
import type { Reply } from '../../src/runtime/handler.js';
import { FAILURE_MESSAGE, INTRO, SUMMARY_LABEL } from '../../adapters/shared/messages.js';
import { ACTIONS } from '../../adapters/slack/blocks.js';
import { renderReply, type SlackMessage } from '../../adapters/slack/render.js';
import { MAX_MESSAGES, renderPassage } from '../../adapters/slack/renderPassage.js';
import { renderHome } from '../../adapters/slack/renderHome.js';
import { LABELS } from '../../adapters/slack/text.js';
import { describeRenderContract } from '../contract/renderContract.js';
import { resultArb } from '../contract/arbitraries.js';
import { testEngine } from '../helpers/engine.js';
import { limitViolations, pingRisks, visibleText } from './slackChecks.js';

describeRenderContract<SlackMessage>({
  name: 'slack',
  render: (reply) => [renderReply(reply, { share: 'signed-value', commandPrefix: '/treaty ' })],
  visibleText,
  fallbackText: (m) => m.text,
  limitViolations,
  pingRisks,
});

const quote: Result = {
  id: 'quote-x', kind: 'quote', title: 'A & B <on> things', text: 'First sentence here. Second one <!channel> & more.', isSummary: false, score: 1,
  speaker: 'Jane <@U999> Doe', organisation: 'Org & Co', stance: 'critical',
  citation: { source: 'Report', date: '2024-08-12', locator: 'paragraph 3', url: 'https://example.org/a?b=c&d=<e>|f' },
};
const answerOf = (results: Result[], extra: Partial<Answer> = {}): Reply => ({
  type: 'answer', requestId: 'req-9',
  answer: { query: 'q', abstained: false, outcome: { type: 'answered' }, intent: 'search', results, suggestions: [], ...extra },
});
const buttons = (m: SlackMessage) => JSON.stringify(m.blocks).match(/"action_id":"[a-z_]+"/g) ?? [];
const asks = (m: SlackMessage) => (JSON.parse(JSON.stringify(m.blocks)) as { type: string; elements?: { action_id?: string; value: string; text: { text: string } }[] }[])
  .flatMap((b) => (b.type === 'actions' ? b.elements ?? [] : []))
  .filter((e) => e.action_id?.startsWith(`${ACTIONS.ask}:`));
/** U+2060 WORD JOINER, which the renderer puts after every '@'. */
const WJ = '\u2060';

describe('slack renderer', () => {
  it('quotes verbatim text line by line, escaped, with speaker, stance and an escaped link', () => {
    const m = renderReply(answerOf([{ ...quote, text: 'Line one.\nLine two <@U1>.' }]));
    const shown = visibleText(m);
    expect(shown).toContain(`> Line one.\n> Line two &lt;@${WJ}U1&gt;.`);
    expect(shown).toContain('*A &amp; B &lt;on&gt; things*');
    expect(shown).toContain(`Jane &lt;@${WJ}U999&gt; Doe, Org &amp; Co · *Critical*`);
    expect(shown).toContain('<https://example.org/a?b=c&amp;d=%3Ce%3E%7Cf|Report · 2024-08-12 · paragraph 3>');
    expect(pingRisks(m)).toEqual([]);
  });

  it('leaves out a speaker that is blank once control characters are removed (found by the property)', () => {
    const m = renderReply(answerOf([{ ...quote, speaker: '\u202e', organisation: undefined, stance: undefined }]));
    expect(limitViolations(m)).toEqual([]);
    expect(visibleText(m)).not.toContain(' · *');
  });

  it('labels summaries and does not quote them', () => {
    const m = renderReply(answerOf([{ ...quote, isSummary: true, speaker: undefined, stance: undefined }]));
    const section = JSON.stringify(m.blocks[1]);
    expect(section).toContain(`_${SUMMARY_LABEL}_`);
    expect(section).not.toContain('> First');
  });

  it('cuts a long passage at a sentence boundary and offers the full passage', () => {
    const long = Array.from({ length: 300 }, (_, i) => `Sentence number ${i} ends here.`).join(' ');
    const m = renderReply(answerOf([{ ...quote, text: long }]));
    const section = (m.blocks[1] as { text: { text: string }; accessory?: { action_id: string; value: string } });
    expect(section.text.text.length).toBeLessThanOrEqual(3000);
    expect(section.text.text).toMatch(/ends here\. …$/);
    expect(section.accessory).toMatchObject({ action_id: ACTIONS.fullPassage, value: 'quote-x' });
    // A short passage is shown whole, with no button.
    expect(buttons(renderReply(answerOf([quote])))).not.toContain(`"action_id":"${ACTIONS.fullPassage}"`);
  });

  it('offers share only when asked, and feedback carries the request and result ids', () => {
    const shared = renderReply(answerOf([quote]), { share: 'signed-value' });
    expect(buttons(shared)).toEqual([`"action_id":"${ACTIONS.share}"`, `"action_id":"${ACTIONS.feedbackUp}"`, `"action_id":"${ACTIONS.feedbackDown}"`]);
    const up = JSON.stringify(shared.blocks).match(/"value":"(\{[^}]*\})"/)?.[1];
    expect(JSON.parse(JSON.parse(`"${up}"`))).toEqual({ r: 'req-9', ids: ['quote-x'] });
    expect(buttons(renderReply(answerOf([quote])))).not.toContain(`"action_id":"${ACTIONS.share}"`);
  });

  it('when abstaining, each suggestion is a button that asks it; after an answer they are "Related" text', () => {
    const long = `${'why '.repeat(30)}?`;
    const m = renderReply(answerOf([], { abstained: true, outcome: { type: 'no_match' }, suggestions: ['article 6', '<!here> & co', long, '\u202e'] }), { commandPrefix: '/treaty ' });
    // The value is the question itself; the label is plain text within Slack's 75 characters.
    expect(asks(m).map((b) => b.value)).toEqual(['article 6', '<!here> & co', long.trim()]);
    expect(asks(m).map((b) => b.text.text).slice(0, 2)).toEqual(['article 6', '‹!here› & co']);
    expect(asks(m)[2]!.text.text).toMatch(/^why why .{50,} …$/);
    expect(asks(m)[2]!.text.text.length).toBeLessThanOrEqual(75);
    expect(limitViolations(m)).toEqual([]);
    expect(pingRisks(m)).toEqual([]);
    const answered = renderReply(answerOf([quote], { suggestions: ['article 7'] }), { commandPrefix: '/treaty ' });
    expect(asks(answered)).toEqual([]);
    expect(visibleText(answered)).toContain(`${LABELS.related}: /treaty article 7`);
  });

  it('mrkdwn is verbatim, and a typed @here, @channel or @everyone stays text, even in the fallback', () => {
    const m = renderReply(answerOf([{ ...quote, title: '@channel news', text: 'Tell @here and @Channel, @everyone.', speaker: '@everyone' }], { query: '@here what' }));
    expect(pingRisks(m)).toEqual([]);
    expect(m.text).toBe(`@${WJ}channel news`);
    expect(visibleText(m)).toContain(`> Tell @${WJ}here and @${WJ}Channel, @${WJ}everyone.`);
    // Our own links still work: verbatim only stops Slack's automatic parsing.
    expect(visibleText(m)).toContain('<https://example.org/a?b=c&amp;d=%3Ce%3E%7Cf|Report · 2024-08-12 · paragraph 3>');
    // The check itself catches both.
    expect(pingRisks({ text: 'ping @here' })).toHaveLength(1);
    expect(pingRisks({ blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: 'hi' }] }] })).toHaveLength(1);
  });

  it('titles articles with their number, in the answer, its fallback text and the full passage', () => {
    const article: Result = { ...quote, id: 'article-6', kind: 'article', article: 6, title: 'Respect for human rights', isSummary: true, speaker: undefined, stance: undefined };
    const m = renderReply(answerOf([article]));
    expect(visibleText(m)).toContain('*Article 6: Respect for human rights*');
    expect(m.text).toBe('Article 6: Respect for human rights');
    const [passage] = renderPassage(article);
    expect(visibleText(passage!)).toContain('*Article 6: Respect for human rights*');
    expect(passage!.text).toBe('Article 6: Respect for human rights');
  });

  it('full passage: a dated passage keeps "As of" and "Since then" under it', () => {
    const dated: Result = { ...quote, asOf: '2024-08-12', since: [{ id: 'fact-adoption', title: 'Adoption by the General Assembly', date: '2024-12-24', text: '…' }] };
    const shown = renderPassage(dated).map(visibleText).join('\n');
    expect(shown).toContain('As of 12 August 2024');
    expect(shown).toContain('Since then: Adoption by the General Assembly (24 December 2024)');
  });

  it('uses the shared intro and failure sentences', () => {
    expect(visibleText(renderReply({ type: 'help', requestId: 'h' }))).toContain(INTRO);
    expect(visibleText({ blocks: renderHome(testEngine().catalog).blocks })).toContain(INTRO);
    // A reply type this renderer does not know (a newer core) is not left blank.
    expect(renderReply({ type: 'mystery', requestId: 'x' } as unknown as Reply).text).toBe(FAILURE_MESSAGE);
  });

  it(`full passage: at most ${MAX_MESSAGES} messages (all a response URL takes); the last says the rest is in the source`, () => {
    const messages = renderPassage({ ...quote, text: 'Another sentence follows. '.repeat(10_000) });
    expect(messages).toHaveLength(MAX_MESSAGES);
    const last = visibleText(messages.at(-1)!);
    expect(last).toContain(LABELS.passageContinues);
    expect(last).toContain('<https://example.org/a?b=c');
    for (const m of messages) {
      expect(limitViolations(m)).toEqual([]);
      expect(pingRisks(m)).toEqual([]);
    }
    expect(renderPassage(quote).map(visibleText).join('\n')).not.toContain(LABELS.passageContinues);
  });

  it('full passage: every word of a very long passage, split within limits', () => {
    const property = fc.property(resultArb, fc.integer({ min: 0, max: 40_000 }), (result, extra) => {
      const text = `${result.text} ${'Another sentence follows. '.repeat(extra / 26)}`;
      const messages = renderPassage({ ...result, text });
      expect(messages.length).toBeLessThanOrEqual(MAX_MESSAGES);
      for (const m of messages) {
        expect(limitViolations(m)).toEqual([]);
        expect(pingRisks(m)).toEqual([]);
      }
      // Cut short only when all that fits is shown, and then it says so.
      if (visibleText(messages.at(-1)!).includes(LABELS.passageContinues)) return expect(messages).toHaveLength(MAX_MESSAGES);
      const words = (s: string) => s.replace(/&amp;|&lt;|&gt;|[>*_]/g, ' ').split(/\s+/).filter((w) => /^[a-z]+\.?$/i.test(w));
      const shown = words(messages.map(visibleText).join(' '));
      expect(shown.filter((w) => w === 'follows.').length).toBeGreaterThanOrEqual(Math.floor(extra / 26));
    });
    fc.assert(property, { numRuns: 60 });
    expect(renderPassage(undefined)[0]!.text).toMatch(/no longer available/);
  });

  it('renders every real answer of the knowledge base within limits', () => {
    const engine = testEngine();
    for (const q of ['article 6', 'chapter 2', 'quotes HRW', 'timeline', 'sources', 'what are the objectives?', 'article 99', 'pasta']) {
      const m = renderReply({ type: 'answer', requestId: 'r', answer: engine.ask(q) }, { share: 'signed-value' });
      expect(limitViolations(m)).toEqual([]);
      expect(pingRisks(m)).toEqual([]);
    }
  });

  it('App Home lists what the bot knows, examples and commands, within view limits', () => {
    const view = renderHome(testEngine().catalog);
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const shown = visibleText({ blocks: view.blocks });
    expect(shown).toMatch(/68 articles in 9 chapters/);
    expect(shown).toContain('/treaty article 6');
    expect(shown).toContain('What are the objectives of the convention?');
    expect(limitViolations({ blocks: view.blocks })).toEqual([]);
    expect(pingRisks({ blocks: view.blocks })).toEqual([]);
  });
});
