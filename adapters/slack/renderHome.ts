// The App Home tab: what the bot knows (from the engine's catalogue), example questions, commands.
import type { types } from '@slack/bolt';
import type { Catalog } from '../../src/engine.js';
import { BOT_NAME, EXAMPLE_QUESTIONS, INTRO } from '../shared/messages.js';
import { context, divider, section, type Block } from './blocks.js';
import { commandLines } from './renderHelp.js';
import { escapeText, link, short } from './mrkdwn.js';
import { LABELS } from './text.js';

const MAX_LISTED = 15;
const LIST_BUDGET = 2700;

/** A bulleted list of at most MAX_LISTED items that stays within one section's limit. */
function listed(items: string[]): string {
  const shown: string[] = [];
  let length = 0;
  for (const item of items.slice(0, MAX_LISTED)) {
    if (length + item.length + 3 > LIST_BUDGET) break;
    shown.push(`• ${item}`);
    length += item.length + 3;
  }
  if (items.length > shown.length) shown.push(`• … ${items.length - shown.length} more`);
  return shown.join('\n');
}

export function renderHome(catalog: Catalog): types.HomeView {
  const counts = `${catalog.articles.length} articles in ${catalog.chapters.length} chapters, `
    + `${catalog.speakers.length} people and organisations quoted, ${catalog.sources.length} sources.`;
  const sources = catalog.sources.map((s) => {
    const label = short([s.title, s.publisher, s.date].filter(Boolean).join(' · '), 200);
    return link(s.url, label);
  });
  const speakers = catalog.speakers.map((s) => short([s.name, s.organisation].filter(Boolean).join(', '), 150));
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: BOT_NAME, emoji: true } },
    section(escapeText(INTRO)),
    section(`*${LABELS.knows}*\n${escapeText(counts)}`),
  ];
  if (sources.length) blocks.push(section(`*${LABELS.sources}*\n${listed(sources)}`));
  if (speakers.length) blocks.push(section(`*${LABELS.quoted}*\n${listed(speakers)}`));
  blocks.push(
    divider(),
    section(`*${LABELS.examples}*\n${EXAMPLE_QUESTIONS.map((q) => `• \`/treaty ${escapeText(q)}\``).join('\n')}`),
    section(`*${LABELS.commands}*\n${commandLines('/treaty ')}`),
    context([escapeText(LABELS.whereToAsk)]),
  );
  return { type: 'home', blocks };
}
