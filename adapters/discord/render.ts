// Reply → Discord message pages. Each result becomes one embed (quoted passage or labelled summary,
// citation with link, speaker and stance for quotes); results are packed a few per page so every page
// stays inside Discord's limits, and the last page names related questions. Pagination buttons are
// added by pagination.ts, not here.
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Answer, Result } from '../../src/answer.js';
import type { Reply } from '../../src/runtime/handler.js';
import {
  COMMANDS, EXAMPLE_QUESTIONS, FAILURE_MESSAGE, INTRO, SUMMARY_LABEL, asOfLine, citationLine, contextLine, outcomeMessage, sinceLine, replyMessage, resultHeading,
  speakerLine, stanceLabel,
} from '../shared/messages.js';
import { LIMITS, NO_PINGS, embedLength, type DiscordPage } from './limits.js';
import { blockquote, linkUrl, neutralizeMentions, safeText, truncate } from './text.js';
import { askButtons } from './suggestions.js';
import * as w from './wording.js';

/** Passage text shown per result; the citation link leads to the rest. */
const MAX_PASSAGE = 1500;
const RESULTS_PER_PAGE = 3;
/** Embed characters per page, under Discord's 6000 with room to spare. */
const PAGE_BUDGET = 5500;
const MAX_QUERY_SHOWN = 300;
/** Related questions after an answer: a short line, like Slack's, not a second list of results. */
const MAX_RELATED = 3;
const MAX_RELATED_SHOWN = 100;
const COLOR = 0x009edb; // UN blue

/** A message of our own text (and embeds); also used for one-line notices such as "not yours". */
export const page = (content: string, embeds: APIEmbed[] = []): DiscordPage => ({
  content: truncate(content, LIMITS.content), embeds, components: [], allowed_mentions: NO_PINGS,
});

function field(name: string, value: string, inline = false): APIEmbedField {
  return { name: truncate(name, LIMITS.fieldName), value: truncate(value, LIMITS.fieldValue), inline };
}

export function resultEmbed(result: Result): APIEmbed {
  const url = linkUrl(result.citation.url);
  const text = safeText(result.text, MAX_PASSAGE).trim();
  const body = result.isSummary ? `**${SUMMARY_LABEL}**\n${text}` : blockquote(text || '…');
  const fields: APIEmbedField[] = [];
  // A speaker made only of control or invisible characters is empty once cleaned: no blank field.
  const speaker = safeText(speakerLine(result) ?? '', LIMITS.fieldValue).trim();
  if (speaker) fields.push(field(w.SPEAKER_LABEL, speaker, true));
  const stance = stanceLabel(result);
  if (stance) fields.push(field(w.STANCE_LABEL, stance, true));
  // "As of …" and "Since then: …" as fields of their own, so a long passage cut short never hides them.
  const asOf = asOfLine(result);
  if (asOf) fields.push(field(w.DATED_LABEL, safeText(asOf, LIMITS.fieldValue)));
  const since = sinceLine(result);
  if (since) fields.push(field(w.SINCE_LABEL, safeText(since.replace(/^Since then: /, ''), LIMITS.fieldValue)));
  // The link text is cut first so the closing "](url)" always survives; safeText escapes its brackets.
  const cite = safeText(citationLine(result), LIMITS.fieldValue).trim() || '…';
  const source = url ? `[${truncate(cite, LIMITS.fieldValue - url.length - 4)}](${url})` : cite;
  fields.push(field(w.SOURCE_LABEL, source));
  const title = truncate(safeText(resultHeading(result), LIMITS.embedTitle).trim(), LIMITS.embedTitle);
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

/** "Related: article 5 (Protection of sovereignty) · article 24 (…)", or nothing. */
function relatedLine(suggestions: string[]): string {
  const shown = suggestions.slice(0, MAX_RELATED)
    .map((s) => truncate(safeText(s, MAX_RELATED_SHOWN).replace(/\s+/g, ' ').trim(), MAX_RELATED_SHOWN))
    .filter(Boolean);
  return shown.length ? `\n${w.RELATED}: ${shown.join(' · ')}` : '';
}

function renderAnswer(answer: Answer): DiscordPage[] {
  const query = truncate(safeText(answer.query, MAX_QUERY_SHOWN).replace(/\s+/g, ' ').trim(), MAX_QUERY_SHOWN);
  const outcome = outcomeMessage(answer.outcome);
  const followsOn = contextLine(answer);
  const said = outcome ? neutralizeMentions(outcome) : w.answerHeading(query);
  const heading = followsOn ? `${safeText(followsOn, 200)}\n${said}` : said;
  if (answer.abstained || answer.results.length === 0) {
    // Unsure what was meant: the candidates are buttons as well as lines.
    const buttons = answer.outcome.type === 'unsure' ? askButtons(answer.suggestions) : [];
    return [{ ...page(heading, [suggestionsEmbed(answer.suggestions)]), components: buttons }];
  }
  const groups = pack(answer.results.map(resultEmbed));
  const related = relatedLine(answer.suggestions);
  return groups.map((embeds, i) => {
    const label = groups.length > 1 ? ` (${w.pageLabel(i, groups.length).toLowerCase()})` : '';
    // On the last page: where a reader who went through the answer looks for what to ask next.
    return page(`${heading}${label}${i === groups.length - 1 ? related : ''}`, embeds);
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
  return page(`${INTRO}\n${w.OTHER_WAYS}`, [commands, examples]);
}

export function render(reply: Reply): DiscordPage[] {
  switch (reply.type) {
    case 'answer':
      return renderAnswer(reply.answer);
    case 'help':
      return [renderHelp()];
    default:
      return [page(replyMessage(reply) ?? FAILURE_MESSAGE)];
  }
}

/**
 * Replies that concern only the asker: refusals (too long, rate limited, restarting) and the help.
 * Interactions send them ephemerally, whatever the `private` option says.
 */
export function isForAskerOnly(reply: Reply): boolean {
  return reply.type === 'too_long' || reply.type === 'rate_limited' || reply.type === 'shutting_down' || reply.type === 'busy' || reply.type === 'help';
}
