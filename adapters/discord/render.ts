// Reply → Discord message pages. Each result becomes one embed (quoted passage or labelled summary,
// citation with link, speaker and stance for quotes); results are packed a few per page so every page
// stays inside Discord's limits. Pagination buttons are added by pagination.ts, not here.
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Answer, Result } from '../../src/answer.js';
import type { Reply } from '../../src/runtime/handler.js';
import {
  COMMANDS, EXAMPLE_QUESTIONS, SUMMARY_LABEL, citationLine, outcomeMessage, replyMessage, speakerLine, stanceLabel,
} from '../shared/messages.js';
import { LIMITS, embedLength, type DiscordPage } from './limits.js';
import { blockquote, neutralizeMentions, safeLinkText, safeText, safeUrl, truncate } from './text.js';
import * as w from './wording.js';

/** Passage text shown per result; the citation link leads to the rest. */
const MAX_PASSAGE = 1500;
const RESULTS_PER_PAGE = 3;
/** Embed characters per page, under Discord's 6000 with room to spare. */
const PAGE_BUDGET = 5500;
const MAX_QUERY_SHOWN = 300;
const COLOR = 0x009edb; // UN blue

export const NO_PINGS = { parse: [] as [], replied_user: false as const };

const page = (content: string, embeds: APIEmbed[] = []): DiscordPage => ({
  content: truncate(content, LIMITS.content), embeds, components: [], allowed_mentions: NO_PINGS,
});

function field(name: string, value: string, inline = false): APIEmbedField {
  return { name: truncate(name, LIMITS.fieldName), value: truncate(value, LIMITS.fieldValue), inline };
}

/** "Article 6: Respect for human rights", so the number is visible even when the title lacks it. */
function titleOf(result: Result): string {
  if (result.article === undefined || result.kind !== 'article' || /\barticle\s+\d/i.test(result.title)) return result.title;
  return `Article ${result.article}: ${result.title}`;
}

export function resultEmbed(result: Result): APIEmbed {
  const url = safeUrl(result.citation.url);
  const text = safeText(result.text, MAX_PASSAGE).trim();
  const body = result.isSummary ? `**${SUMMARY_LABEL}**\n${text}` : blockquote(text || '…');
  const fields: APIEmbedField[] = [];
  // A speaker made only of control or invisible characters is empty once cleaned: no blank field.
  const speaker = safeText(speakerLine(result) ?? '', LIMITS.fieldValue).trim();
  if (speaker) fields.push(field(w.SPEAKER_LABEL, speaker, true));
  const stance = stanceLabel(result);
  if (stance) fields.push(field(w.STANCE_LABEL, stance, true));
  // The link text is cut first so the closing "](url)" always survives.
  const cite = safeLinkText(citationLine(result), LIMITS.fieldValue).trim() || '…';
  const source = url ? `[${truncate(cite, LIMITS.fieldValue - url.length - 4)}](${url})` : cite;
  fields.push(field(w.SOURCE_LABEL, source));
  const title = truncate(safeText(titleOf(result), LIMITS.embedTitle).trim(), LIMITS.embedTitle);
  return {
    ...(title ? { title } : {}),
    ...(url ? { url } : {}),
    description: truncate(body, MAX_PASSAGE),
    fields,
    color: COLOR,
  };
}

/** Greedy packing: at most RESULTS_PER_PAGE embeds and PAGE_BUDGET characters per page. */
function pack(embeds: APIEmbed[]): APIEmbed[][] {
  const pages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const n = embedLength(embed);
    if (current.length && (current.length >= RESULTS_PER_PAGE || size + n > PAGE_BUDGET)) {
      pages.push(current);
      current = [];
      size = 0;
    }
    current.push(embed);
    size += n;
  }
  if (current.length) pages.push(current);
  return pages;
}

function suggestionsEmbed(suggestions: string[]): APIEmbed {
  const list = (suggestions.length ? suggestions : EXAMPLE_QUESTIONS).slice(0, 10);
  const lines = list.map((s) => `• ${truncate(safeText(s, 300).replace(/\s+/g, ' ').trim() || '…', 300)}`);
  return { title: w.TRY_ASKING, description: truncate(lines.join('\n'), LIMITS.embedDescription), color: COLOR };
}

function renderAnswer(answer: Answer): DiscordPage[] {
  const query = truncate(safeText(answer.query, MAX_QUERY_SHOWN).replace(/\s+/g, ' ').trim(), MAX_QUERY_SHOWN);
  const outcome = outcomeMessage(answer.outcome);
  const heading = outcome ? neutralizeMentions(outcome) : w.answerHeading(query);
  if (answer.abstained || answer.results.length === 0) {
    return [page(heading, [suggestionsEmbed(answer.suggestions)])];
  }
  const groups = pack(answer.results.map(resultEmbed));
  return groups.map((embeds, i) => {
    const label = groups.length > 1 ? ` (${w.pageLabel(i, groups.length).toLowerCase()})` : '';
    return page(`${heading}${label}`, embeds);
  });
}

function renderHelp(): DiscordPage {
  const commands: APIEmbed = {
    title: w.COMMANDS_TITLE,
    fields: COMMANDS.map((c) => field(w.discordUsage(c.usage), c.does)),
    color: COLOR,
  };
  const examples: APIEmbed = {
    title: w.EXAMPLES_TITLE,
    description: EXAMPLE_QUESTIONS.map((q) => `• ${q}`).join('\n'),
    color: COLOR,
  };
  return page(`${w.INTRO}\n${w.OTHER_WAYS}`, [commands, examples]);
}

export function render(reply: Reply): DiscordPage[] {
  switch (reply.type) {
    case 'answer':
      return renderAnswer(reply.answer);
    case 'help':
      return [renderHelp()];
    default:
      return [page(replyMessage(reply) ?? w.FAILED)];
  }
}

/** Refusals (too long, rate limited, restarting) concern only the asker. */
export function isRefusal(reply: Reply): boolean {
  return reply.type === 'too_long' || reply.type === 'rate_limited' || reply.type === 'shutting_down';
}
