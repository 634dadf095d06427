// The renderer alone: the render contract shared with every platform, and Discord-specific properties
// (mentions neutralised, summaries labelled, pages with buttons still inside every limit).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/runtime/handler.js';
import { SUMMARY_LABEL } from '../../adapters/shared/messages.js';
import { limitViolations, type DiscordPage } from '../../adapters/discord/limits.js';
import { withButtons } from '../../adapters/discord/pagination.js';
import { render } from '../../adapters/discord/render.js';
import { neutralizeMentions, safeText, truncate } from '../../adapters/discord/text.js';
import { describeRenderContract } from '../contract/renderContract.js';
import { answerArb, replyArb } from '../contract/arbitraries.js';
import { testEngine } from '../helpers/engine.js';

/** Live mentions Discord would parse in message text. */
const LIVE_MENTION = /@(?:everyone|here)|<@[!&]?\d+>/;

export function visibleText(page: DiscordPage): string {
  return [page.content, ...page.embeds.flatMap((e) => [e.title, e.description, e.footer?.text, e.author?.name, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])]
    .filter((x): x is string => Boolean(x)).join('\n');
}

export function pingRisks(page: DiscordPage): string[] {
  const risks: string[] = [];
  if (page.allowed_mentions?.parse?.length !== 0) risks.push('allowed_mentions.parse is not empty');
  if (page.allowed_mentions.replied_user !== false) risks.push('replied_user is not false');
  const live = LIVE_MENTION.exec(visibleText(page));
  if (live) risks.push(`live mention ${live[0]}`);
  return risks;
}

describeRenderContract<DiscordPage>({
  name: 'discord',
  render,
  visibleText,
  fallbackText: (page) => page.content,
  limitViolations,
  pingRisks,
});

describe('discord renderer', () => {
  it('every page of every reply, with Previous/Next buttons added, stays inside the limits (property)', () => {
    fc.assert(fc.property(replyArb, (reply) => {
      const pages = render(reply);
      // The page store's session ids are 12 characters (9 random bytes, base64url).
      const buttoned = pages.length > 1 ? pages.map((p, i) => withButtons(p, 'AbCdEfGhIjK_', i, pages.length)) : [];
      for (const page of [...buttoned, ...pages]) {
        expect(limitViolations(page)).toEqual([]);
        expect(pingRisks(page)).toEqual([]);
      }
    }), { numRuns: 150 });
  });

  it('shows every result of an answer exactly once across its pages (property)', () => {
    fc.assert(fc.property(answerArb.filter((a) => !a.abstained && a.results.length > 0), (answer) => {
      const pages = render({ type: 'answer', requestId: 'r', answer });
      expect(pages.flatMap((p) => p.embeds)).toHaveLength(answer.results.length);
      for (const p of pages) expect(p.embeds.length).toBeLessThanOrEqual(3);
    }), { numRuns: 100 });
  });

  it('real answers from the engine render within limits, with citation links and labelled summaries', () => {
    const engine = testEngine();
    for (const question of ['article 6', 'chapter 4', 'quotes HRW', 'timeline', 'What are the objectives?', 'sources', 'how do I cook pasta']) {
      const reply: Reply = { type: 'answer', requestId: 'r', answer: engine.ask(question) };
      for (const page of render(reply)) expect(limitViolations(page)).toEqual([]);
    }
    const [page] = render({ type: 'answer', requestId: 'r', answer: engine.ask('article 6') });
    expect(page!.embeds[0]!.title).toBe('Article 6: Respect for human rights');
    expect(page!.embeds[0]!.url).toBe('https://docs.un.org/en/A/RES/79/243');
    expect(page!.embeds[0]!.description).toContain(SUMMARY_LABEL);
    expect(page!.embeds[0]!.fields!.at(-1)!.value).toMatch(/^\[.*Article 6\]\(https:\/\/docs\.un\.org\/en\/A\/RES\/79\/243\)$/);
  });

  it('quotes are block-quoted verbatim with speaker and stance', () => {
    const answer = testEngine().ask('quotes HRW');
    const quote = answer.results.find((r) => r.kind === 'quote' && r.stance)!;
    const embed = render({ type: 'answer', requestId: 'r', answer }).flatMap((p) => p.embeds).find((e) => e.description?.startsWith('> '))!;
    expect(embed.description).not.toContain(SUMMARY_LABEL);
    const fields = Object.fromEntries(embed.fields!.map((f) => [f.name, f.value]));
    expect(fields['Said by']).toContain(quote.speaker);
    expect(fields.Stance).toMatch(/^(Supportive|Critical|Neutral)$/);
  });

  it('leaves out a speaker field that is blank once control characters are removed (found by the property)', () => {
    const answer = { query: 'q', abstained: false, outcome: { type: 'answered' as const }, intent: 'quotes' as const, suggestions: [],
      results: [{ id: 'q', kind: 'quote' as const, title: 'T', text: 'x', isSummary: false, score: 1, speaker: '\u202e', citation: { source: 'S', locator: 'p 1' } }] };
    const pages = render({ type: 'answer', requestId: 'r', answer });
    for (const p of pages) expect(limitViolations(p)).toEqual([]);
    expect(pages[0]!.embeds[0]!.fields!.map((f) => f.name)).not.toContain('Said by');
  });

  it('neutralises every kind of mention and escapes markdown in untrusted text', () => {
    const text = safeText('@everyone @here <@123456789012345678> <@!123456789012345678> <@&123456789012345678> **bold**');
    expect(text).not.toMatch(LIVE_MENTION);
    expect(text).toContain('\\*\\*bold\\*\\*');
    expect(neutralizeMentions('a@b')).toBe('a@\u200bb');
  });

  it('escapes masked links, headings and lists in untrusted text: every link on a line, not just the first', () => {
    expect(safeText('[a](https://x.example) then [b](https://y.example)')).toBe('\\[a\\](https://x.example) then \\[b\\](https://y.example)');
    expect(safeText('# Big\n1. one\n- two')).toBe('\\# Big\n1\\. one\n\\- two');
    // A backslash typed before a bracket is escaped itself, so it cannot cancel the bracket's escape.
    expect(safeText('\\[a](https://x.example)')).toBe('\\\\\\[a\\](https://x.example)');
  });

  it('an answer names related questions on its last page, escaped and short', () => {
    const answer = testEngine().ask('article 6');
    expect(answer.suggestions.length).toBeGreaterThan(0);
    const pages = render({ type: 'answer', requestId: 'r', answer });
    expect(pages.at(-1)!.content).toContain(`\nRelated: ${answer.suggestions.slice(0, 3).join(' · ')}`);
    const injected = render({ type: 'answer', requestId: 'r', answer: { ...answer, suggestions: ['[x](https://evil.example) @everyone', 'y'.repeat(500)] } });
    const line = injected.at(-1)!.content.split('\n').at(-1)!;
    expect(line).toBe(`Related: \\[x\\](https://evil.example) @\u200beveryone · ${'y'.repeat(99)}…`);
  });

  it('truncates on code points, never leaving half a surrogate pair or a dangling escape', () => {
    expect(truncate('🇺🇳🇺🇳🇺🇳', 5)).toBe('🇺🇳…');
    expect(truncate('abc\\*def', 5)).toBe('abc…');
    expect(truncate('short', 5)).toBe('short');
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.integer({ min: 1, max: 100 }), (s, max) => {
      const out = truncate(s, max);
      expect(out.length).toBeLessThanOrEqual(Math.max(max, 1));
      expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }));
  });
});
