// fast-check generators for the core's values, shared by every renderer's property tests.
import fc from 'fast-check';
import type { Answer, Outcome, Result } from '../../src/answer.js';
import type { Reply } from '../../src/runtime/handler.js';
import { ENTRY_KINDS, STANCES } from '../../src/knowledge/types.js';

/** Text that tries to break renderers: long, any unicode, markup and mention syntax of every platform. */
export const nastyText = (maxLength = 6000): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength, unit: 'grapheme' }),
    fc.string({ maxLength: 200, unit: 'binary' }),
    fc.array(
      fc.constantFrom('@everyone', '@here', '<!channel>', '<!here>', '<@U123ABC>', '<@&123456789012345678>', '<@123456789012345678>',
        '<#C123>', '*bold*', '_it_', '`code`', '```', '> quote', '&amp;', '<', '>', '&', '\u200b', '\u202e', '🇺🇳', 'ﷺ', '\n', ' ', 'word', '.'),
      { maxLength: 400 },
    ).map((parts) => parts.join('')),
  );

const citation = fc.record({
  source: nastyText(300),
  publisher: fc.option(nastyText(100), { nil: undefined }),
  date: fc.option(fc.constant('2024-08-12'), { nil: undefined }),
  url: fc.option(fc.constantFrom('https://docs.un.org/en/A/RES/79/243', 'https://example.org/a?b=c&d=<e>'), { nil: undefined }),
  locator: nastyText(60),
});

export const resultArb: fc.Arbitrary<Result> = fc.record({
  id: fc.stringMatching(/^[a-z0-9-]{1,60}$/),
  kind: fc.constantFrom(...ENTRY_KINDS),
  title: nastyText(400),
  text: nastyText(),
  isSummary: fc.boolean(),
  citation,
  score: fc.double({ min: 0, max: 1, noNaN: true }),
  speaker: fc.option(nastyText(100), { nil: undefined }),
  role: fc.option(nastyText(100), { nil: undefined }),
  organisation: fc.option(nastyText(100), { nil: undefined }),
  stance: fc.option(fc.constantFrom(...STANCES), { nil: undefined }),
  article: fc.option(fc.integer({ min: 1, max: 68 }), { nil: undefined }),
  asOf: fc.option(fc.constantFrom('2024-08-12', '2026-11-30', 'not a date'), { nil: undefined }),
  since: fc.option(fc.array(fc.record({ id: fc.stringMatching(/^[a-z0-9-]{1,60}$/), title: nastyText(400), date: fc.constantFrom('2024-12-24', 'x'), text: nastyText(600) }), { maxLength: 8 }), { nil: undefined }),
});

const outcomeArb: fc.Arbitrary<Outcome> = fc.oneof(
  fc.constant({ type: 'answered' as const }),
  fc.record({ type: fc.constant('no_match' as const), englishOnly: fc.option(fc.boolean(), { nil: undefined }) }),
  fc.constant({ type: 'empty_question' as const }),
  fc.record({ type: fc.constant('unknown_article' as const), numbers: fc.array(fc.integer({ min: 69, max: 1e9 }), { minLength: 1, maxLength: 5 }), articleCount: fc.constant(68) }),
  fc.record({ type: fc.constant('unknown_chapter' as const), chapter: nastyText(40), chapterCount: fc.constant(9) }),
);

export const answerArb: fc.Arbitrary<Answer> = fc.record({
  query: nastyText(),
  abstained: fc.boolean(),
  outcome: outcomeArb,
  intent: fc.constantFrom('reference', 'quotes', 'timeline', 'purpose', 'sources', 'balanced', 'search'),
  results: fc.array(resultArb, { maxLength: 12 }),
  suggestions: fc.array(nastyText(200), { maxLength: 6 }),
});

export const replyArb: fc.Arbitrary<Reply> = fc.oneof(
  { weight: 6, arbitrary: answerArb.map((answer) => ({ type: 'answer' as const, requestId: 'req-1', answer })) },
  { weight: 1, arbitrary: fc.constant({ type: 'help' as const, requestId: 'req-2' }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('too_long' as const), requestId: fc.constant('req-3'), length: fc.integer({ min: 501, max: 1e6 }), maxLength: fc.constant(500) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('rate_limited' as const), requestId: fc.constant('req-4'), retryAfterSeconds: fc.integer({ min: 1, max: 60 }) }) },
);
