// Every user-facing sentence about an outcome, in one place, so Slack, Discord and the console say
// the same thing. Renderers add only their platform's formatting around these strings.
import type { Answer, Outcome, Result } from '../../src/answer.js';
import type { Reply } from '../../src/runtime/handler.js';
import { numberToRoman } from '../../src/retrieval/references.js';

export const BOT_NAME = 'Treaty bot';

/** Label shown on every result whose text is our own words, never the official text. */
export const SUMMARY_LABEL = 'Summary (our words, not the official text)';

/** What the bot is, in one sentence: help texts and the Slack Home tab open with it. */
export const INTRO = 'I answer questions about the UN Convention against Cybercrime with quoted, cited passages.';

/** Too many questions at once: said at once, rather than an answer far too late (or none). */
export const BUSY_MESSAGE = "I'm answering a lot of questions right now and couldn't get to yours in time. Please ask again in a minute.";

/** When answering failed unexpectedly (a bug or a platform error): never leave the asker with silence. */
export const FAILURE_MESSAGE = 'Something went wrong while answering. Please try again in a moment.';

export const OFFICIAL_TEXT_URL = 'https://docs.un.org/en/A/RES/79/243';

/** The commands every platform offers, in its own syntax: `prefix` is "/treaty " or similar. */
export const COMMANDS: { usage: string; does: string }[] = [
  { usage: 'article 6', does: 'an article: its title, chapter and a summary, with a link to the official text' },
  { usage: 'chapter IV', does: 'a chapter and its articles' },
  { usage: 'quotes [speaker or organisation]', does: 'what people and organisations said, e.g. quotes HRW' },
  { usage: 'timeline', does: 'key dates, from the 2019 mandate to signature and entry into force' },
  { usage: 'sources', does: 'the documents the answers are quoted from' },
  { usage: 'any question', does: 'e.g. what are the objectives? or does it cover hacking?' },
  { usage: 'help', does: 'this list' },
];

export const EXAMPLE_QUESTIONS = [
  'What are the objectives of the convention?',
  'article 16',
  'What did Human Rights Watch say?',
  'When does it enter into force?',
  'Does it cover ransomware?',
];

export function outcomeMessage(outcome: Outcome): string | undefined {
  switch (outcome.type) {
    case 'answered':
      return undefined;
    case 'no_match':
      return outcome.englishOnly
        ? "I couldn't find that, and I can only read questions in English: the convention texts I quote are in English. Please ask again in English."
        : "I couldn't find that in what I know about the UN Convention against Cybercrime, so I won't guess.";
    case 'empty_question':
      return 'Ask me a question about the UN Convention against Cybercrime, or try one of the suggestions.';
    case 'unknown_article': {
      const list = outcome.numbers.join(', ');
      const which = outcome.numbers.length === 1 ? `There is no article ${list}` : `There are no articles ${list}`;
      return `${which}: the convention has ${outcome.articleCount} articles (1 to ${outcome.articleCount}).`;
    }
    case 'no_voices': {
      const who = outcome.stance === 'critical' ? 'critics' : outcome.stance === 'supportive' ? 'supporters' : 'people';
      return `None of the ${who} I quote address ${outcome.topic} directly.`;
    }
    case 'other_instrument':
      return `I only know the UN Convention against Cybercrime, not ${outcome.name}, so I won't answer for it. I can say what this convention says about its relation to other treaties.`;
    case 'unsure':
      return "I'm not sure I understood — did you mean one of these?";
    case 'unknown_chapter':
      return `There is no chapter ${outcome.chapter}: the convention has ${outcome.chapterCount} chapters (I to ${numberToRoman(outcome.chapterCount).toUpperCase()}).`;
  }
}

/** "(following on from Article 7)": shown above an answer read as a follow-up, so a wrong carry-over is visible. */
export function contextLine(answer: Answer): string | undefined {
  return answer.context ? `(following on from ${answer.context.about})` : undefined;
}

/** One line per non-answer reply; undefined for answers and help, which renderers lay out. */
export function replyMessage(reply: Reply): string | undefined {
  switch (reply.type) {
    case 'too_long':
      return `That question is ${reply.length} characters long; please keep it under ${reply.maxLength}.`;
    case 'rate_limited':
      return `You're asking faster than I can keep up with. Try again in ${reply.retryAfterSeconds} second${reply.retryAfterSeconds === 1 ? '' : 's'}.`;
    case 'shutting_down':
      return "I'm restarting. Please ask again in a moment.";
    case 'busy':
      return BUSY_MESSAGE;
    default:
      return undefined;
  }
}

export function stanceLabel(result: Result): string | undefined {
  if (!result.stance) return undefined;
  return { supportive: 'Supportive', critical: 'Critical', neutral: 'Neutral' }[result.stance];
}

/** "Deborah Brown, deputy technology and legal director, Human Rights Watch". */
export function speakerLine(result: Result): string | undefined {
  if (!result.speaker) return undefined;
  // An organisation quoted as itself ("Human Rights Watch") is named once.
  const organisation = result.organisation === result.speaker ? undefined : result.organisation;
  return [result.speaker, result.role, organisation].filter(Boolean).join(', ');
}

/** "UNIS/UNODC, 2024-08-12, paragraph 5". */
export function citationLine(result: Result): string {
  const c = result.citation;
  return [c.source, c.publisher, c.date, c.locator].filter(Boolean).join(' · ');
}

/** "Article 6: Respect for human rights" for articles (the number is what people cite), else the title. */
export function resultHeading(result: Result): string {
  if (result.kind !== 'article' || result.article === undefined || /\barticle\s+\d/i.test(result.title)) return result.title;
  return `Article ${result.article}: ${result.title}`;
}


const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2024-08-12" → "12 August 2024"; anything else is returned as it is. */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/**
 * "As of 12 August 2024" for a passage or quote that events have overtaken; "As of 30 November 2026
 * (last checked)" for a fact that can go stale. Undefined for text that does not date.
 */
export function asOfLine(result: Result): string | undefined {
  if (!result.asOf) return undefined;
  return `As of ${longDate(result.asOf)}${result.kind === 'fact' ? ' (last checked)' : ''}`;
}

/** "Since then: Adoption by the General Assembly (24 December 2024); Opening for signature (25 October 2025)". */
export function sinceLine(result: Result): string | undefined {
  if (!result.since?.length) return undefined;
  return `Since then: ${result.since.map((f) => `${f.title} (${longDate(f.date)})`).join('; ')}`;
}

/** The dating lines of a result, in the order every platform shows them: as of, then since then. */
export function datedLines(result: Result): string[] {
  return [asOfLine(result), sinceLine(result)].filter((l): l is string => l !== undefined);
}
