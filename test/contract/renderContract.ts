// One contract every renderer (Slack, Discord, console) runs: limits kept, nobody pinged, a plain-text
// fallback, citations shown, summaries labelled, abstentions explained. Each adapter's test file calls
// describeRenderContract with functions that measure its own rendered messages.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Answer, Result } from '../../src/answer.js';
import type { Reply } from '../../src/runtime/handler.js';
import { SUMMARY_LABEL, outcomeMessage, replyMessage } from '../../adapters/shared/messages.js';
import { replyArb } from './arbitraries.js';

export interface RenderContract<R> {
  name: string;
  /** Render a reply as the messages (or pages) the platform would show, first one first. */
  render(reply: Reply): R[];
  /** Everything a reader can see in one message, as plain text (markup may remain). */
  visibleText(message: R): string;
  /** The notification / screen-reader fallback text of one message. */
  fallbackText(message: R): string;
  /** Every platform limit the message breaks, described; empty when within limits. */
  limitViolations(message: R): string[];
  /** Every way the message could notify someone (a live mention, missing allowed_mentions); empty when safe. */
  pingRisks(message: R): string[];
}

const article: Result = {
  id: 'article-7', kind: 'article', title: 'Illegal access', text: 'Each State Party must make intentional access without right to an ICT system a criminal offence.',
  isSummary: true, score: 1, article: 7,
  citation: { source: 'United Nations Convention against Cybercrime', publisher: 'United Nations General Assembly', date: '2024-12-24', url: 'https://docs.un.org/en/A/RES/79/243', locator: 'Article 7' },
};
const quote: Result = {
  id: 'quote-deborah-brown-disaster', kind: 'quote', title: 'Deborah Brown on a disaster for human rights',
  text: 'The global cybercrime convention that the UN has now adopted will be a disaster for human rights worldwide.',
  isSummary: false, score: 0.8, speaker: 'Deborah Brown', role: 'deputy technology and legal director', organisation: 'Human Rights Watch', stance: 'critical',
  citation: { source: 'UN Convention against Cybercrime finalized', publisher: 'UNIS Vienna / UNODC', date: '2024-08-12', locator: 'paragraph 12' },
};
/** A quote overtaken by events, and a status fact: each must show its date and what happened since. */
const datedQuote: Result = {
  ...quote, asOf: '2024-08-12',
  since: [{ id: 'fact-adoption', title: 'Adoption by the General Assembly', date: '2024-12-24', text: 'On 24 December 2024 the UN General Assembly adopted the Convention.' }],
};
const statusFact: Result = {
  id: 'fact-entry-into-force', kind: 'fact', title: 'Entry into force', text: 'It enters into force on the ninetieth day after the fortieth instrument is deposited.',
  isSummary: true, score: 0.9, asOf: '2026-11-30', citation: { source: 'United Nations Convention against Cybercrime', locator: 'Article 65' },
};
const injection = 'hey @everyone @here <!channel> <!here> <@U024BE7LH> <@&123456789012345678> <@123456789012345678> <#C123|general>';

const answer = (partial: Partial<Answer>): Reply => ({
  type: 'answer', requestId: 'r1',
  answer: { query: 'article 7', abstained: false, outcome: { type: 'answered' }, intent: 'search', results: [article, quote], suggestions: [], ...partial },
});

const samples: Record<string, Reply> = {
  answered: answer({}),
  abstained: answer({ query: 'how do I cook pasta', abstained: true, outcome: { type: 'no_match' }, results: [], suggestions: ['What are the objectives?', 'article 16'] }),
  unknownArticle: answer({ query: 'article 99', abstained: true, outcome: { type: 'unknown_article', numbers: [99], articleCount: 68 }, results: [], suggestions: ['article 6'] }),
  injected: answer({ query: injection, results: [{ ...quote, text: injection, title: injection, speaker: injection }] }),
  dated: answer({ query: 'is it in force?', results: [statusFact, datedQuote] }),
  datedLong: answer({ results: Array.from({ length: 12 }, (_, i) => ({ ...datedQuote, id: `q${i}`, text: 'A sentence of a passage. '.repeat(400) })) }),
  long: answer({ results: Array.from({ length: 12 }, (_, i) => ({ ...quote, id: `q${i}`, text: 'A sentence of a passage. '.repeat(400) })) }),
  help: { type: 'help', requestId: 'r2' },
  tooLong: { type: 'too_long', requestId: 'r3', length: 100_000, maxLength: 500 },
  rateLimited: { type: 'rate_limited', requestId: 'r4', retryAfterSeconds: 42 },
  shuttingDown: { type: 'shutting_down', requestId: 'r5' },
};

export function describeRenderContract<R>(c: RenderContract<R>): void {
  const all = (reply: Reply) => c.render(reply);
  const text = (reply: Reply) => all(reply).map((m) => c.visibleText(m)).join('\n');

  describe(`render contract: ${c.name}`, () => {
    for (const [name, reply] of Object.entries(samples)) {
      it(`${name}: within limits, pings nobody, has fallback text`, () => {
        const messages = all(reply);
        expect(messages.length).toBeGreaterThan(0);
        for (const m of messages) {
          expect(c.limitViolations(m)).toEqual([]);
          expect(c.pingRisks(m)).toEqual([]);
          expect(c.fallbackText(m).trim().length).toBeGreaterThan(0);
        }
      });
    }

    it('shows every result with its title and citation, and labels summaries', () => {
      const shown = text(samples.answered!);
      for (const r of [article, quote]) {
        expect(shown).toContain(r.title);
        expect(shown).toContain(r.citation.locator);
      }
      expect(shown).toContain(SUMMARY_LABEL);
      expect(shown).toContain('Deborah Brown');
      expect(shown.toLowerCase()).toContain('critical');
    });

    it('shows a dated result "As of" its date, and "Since then" the facts that overtook it', () => {
      const shown = text(samples.dated!);
      expect(shown).toContain('As of 12 August 2024');
      expect(shown).toContain('Since then');
      expect(shown).toContain('Adoption by the General Assembly (24 December 2024)');
      expect(shown).toContain('As of 30 November 2026');
      // Still shown when the passage itself must be cut to fit.
      expect(c.visibleText(all(samples.datedLong!)[0]!)).toContain('Since then');
      expect(text(samples.answered!)).not.toContain('Since then');
    });

    it('explains abstentions and offers suggestions', () => {
      const shown = text(samples.abstained!);
      expect(shown).toContain(outcomeMessage({ type: 'no_match' })!);
      expect(shown).toContain('What are the objectives?');
      expect(text(samples.unknownArticle!)).toContain('68 articles');
    });

    it('says why a question was refused', () => {
      for (const key of ['tooLong', 'rateLimited', 'shuttingDown']) {
        const reply = samples[key]!;
        expect(text(reply)).toContain(replyMessage(reply)!);
      }
    });

    it('help lists the commands', () => {
      const shown = text(samples.help!);
      for (const word of ['article', 'chapter', 'quotes', 'timeline', 'sources']) expect(shown).toContain(word);
    });

    it('any answer renders within limits and pings nobody (property)', () => {
      fc.assert(
        fc.property(replyArb, (reply) => {
          for (const m of all(reply)) {
            expect(c.limitViolations(m)).toEqual([]);
            expect(c.pingRisks(m)).toEqual([]);
            expect(c.fallbackText(m).trim().length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 150 },
      );
    });
  });
}
