// Discord's message limits, and a checker that lists every limit a page breaks. The renderer is built to
// stay inside them; the tests (render contract, property test, every REST body) use the checker.
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';

export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  componentsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
} as const;

/**
 * The one no-pings setting, as Discord reads it on every message and interaction response: parse no
 * mention in the text, and do not ping the author of a message replied to. Every page carries it and
 * respond.ts sends it from there; the client's default is built from it too.
 */
export const NO_PINGS = { parse: [], replied_user: false } as const;
export type NoPings = typeof NO_PINGS;

/** What a message body looks like on the wire (snake_case, as in REST bodies). */
export interface DiscordPage {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowed_mentions: NoPings;
}

/** Characters Discord counts towards the 6000 across all embeds of one message. */
export function embedLength(embed: APIEmbed): number {
  let n = (embed.title ?? '').length + (embed.description ?? '').length;
  n += (embed.footer?.text ?? '').length + (embed.author?.name ?? '').length;
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

export function limitViolations(page: Pick<DiscordPage, 'content' | 'embeds' | 'components'>): string[] {
  const out: string[] = [];
  const over = (what: string, length: number, max: number) => {
    if (length > max) out.push(`${what}: ${length} > ${max}`);
  };
  over('content', page.content.length, LIMITS.content);
  over('embeds', page.embeds.length, LIMITS.embedsPerMessage);
  if (!page.content.trim() && page.embeds.length === 0) out.push('message has neither content nor embeds');
  page.embeds.forEach((e, i) => {
    over(`embed ${i} title`, (e.title ?? '').length, LIMITS.embedTitle);
    over(`embed ${i} description`, (e.description ?? '').length, LIMITS.embedDescription);
    over(`embed ${i} fields`, (e.fields ?? []).length, LIMITS.fields);
    over(`embed ${i} footer`, (e.footer?.text ?? '').length, LIMITS.footer);
    over(`embed ${i} author`, (e.author?.name ?? '').length, LIMITS.authorName);
    if (e.description !== undefined && !e.description.trim()) out.push(`embed ${i} description is blank`);
    if (e.title !== undefined && !e.title.trim()) out.push(`embed ${i} title is blank`);
    if (embedLength(e) === 0) out.push(`embed ${i} is empty`);
    (e.fields ?? []).forEach((f, j) => {
      over(`embed ${i} field ${j} name`, f.name.length, LIMITS.fieldName);
      over(`embed ${i} field ${j} value`, f.value.length, LIMITS.fieldValue);
      if (!f.name.trim() || !f.value.trim()) out.push(`embed ${i} field ${j} is blank`);
    });
  });
  over('embeds in total', page.embeds.reduce((n, e) => n + embedLength(e), 0), LIMITS.embedTotal);
  over('action rows', page.components.length, LIMITS.actionRows);
  for (const row of page.components) {
    over('components in a row', row.components.length, LIMITS.componentsPerRow);
    for (const c of row.components) {
      if ('label' in c && c.label !== undefined) over('button label', c.label.length, LIMITS.buttonLabel);
      if ('custom_id' in c) over('custom_id', c.custom_id.length, LIMITS.customId);
    }
  }
  return out;
}
