// Previous/Next buttons for answers longer than one page. What a session needs to rebuild its pages
// (the asker, the question as the engine saw it and the result ids) goes in the state store for a few
// minutes, under a random id that the buttons' custom ids name with the page they lead to. The engine is
// deterministic, so any shard or replica rebuilds the same pages; the ids check that it did. Only the
// person who asked may turn the pages.
import { randomBytes } from 'node:crypto';
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import { askedIn, parseContext, type ConversationContext } from '../../src/conversation/context.js';
import type { Engine } from '../../src/engine.js';
import type { Reply } from '../../src/runtime/handler.js';
import type { StateStore } from '../../src/runtime/state/store.js';
import type { DiscordPage } from './limits.js';
import { render } from './render.js';
import * as w from './wording.js';

export const PAGE_BUTTON_PREFIX = 'treaty-page';

interface Session {
  owner: string;
  /** answer.query: asked again to rebuild the pages. */
  q: string;
  /** The conversation context it was answered in, if any: asked again in it. */
  c?: ConversationContext;
  ids: string[];
  /** The answer's request id: the 👍/👎 row on every page votes on it (absent in older sessions). */
  r?: string;
  expiresAt: number;
}

export interface PageStoreOptions {
  ttlMs?: number;
  now?: () => number;
}

export type Turn =
  /** The page, and the reply it is a page of (the answer asked again, under its first request id). */
  | { ok: true; page: DiscordPage; reply: Reply }
  | { ok: false; reason: 'expired' | 'not_yours' };

const key = (session: string) => `discord:pages:${session}`;

export class PageStore {
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(private readonly store: StateStore, private readonly engine: Engine, options: PageStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** The first page to send: the only page as it is, or page 1 with buttons when there are more. */
  async start(owner: string, reply: Reply): Promise<DiscordPage> {
    const pages = render(reply);
    const first = pages[0]!;
    if (pages.length < 2 || reply.type !== 'answer') return first;
    const id = randomBytes(9).toString('base64url');
    const c = askedIn(reply.answer);
    const session: Session = {
      owner, q: reply.answer.query, ...(c ? { c } : {}), ids: reply.answer.results.map((r) => r.id), r: reply.requestId, expiresAt: this.now() + this.ttlMs,
    };
    await this.store.set(key(id), JSON.stringify(session), this.ttlMs);
    return withButtons(first, id, 0, pages.length);
  }

  /** The page a button click asks for, if the session is alive and the clicker owns it. */
  async turn(customId: string, user: string): Promise<Turn | undefined> {
    const parsed = parseButtonId(customId);
    if (!parsed) return undefined;
    const session = parseSession(await this.store.get(key(parsed.session)));
    if (!session || session.expiresAt <= this.now()) return { ok: false, reason: 'expired' };
    if (session.owner !== user) return { ok: false, reason: 'not_yours' };
    const answer = this.engine.ask(session.q, parseContext(session.c && JSON.stringify(session.c)));
    // A knowledge base changed since (a redeploy) would give other pages: better expired than wrong.
    if (answer.results.map((r) => r.id).join('\n') !== session.ids.join('\n')) return { ok: false, reason: 'expired' };
    const reply: Reply = { type: 'answer', requestId: typeof session.r === 'string' ? session.r : '', answer };
    const pages = render(reply);
    const index = Math.min(Math.max(parsed.index, 0), pages.length - 1);
    return { ok: true, page: withButtons(pages[index]!, parsed.session, index, pages.length), reply };
  }
}

function parseSession(raw: string | undefined): Session | undefined {
  if (raw === undefined) return undefined;
  try {
    const s = JSON.parse(raw) as Session;
    return typeof s.owner === 'string' && typeof s.q === 'string' && Array.isArray(s.ids) && typeof s.expiresAt === 'number' ? s : undefined;
  } catch {
    return undefined;
  }
}

export function isPageButton(customId: string): boolean {
  return customId.startsWith(`${PAGE_BUTTON_PREFIX}:`);
}

function parseButtonId(customId: string): { session: string; index: number } | undefined {
  const m = /^treaty-page:([\w-]{1,40}):(\d{1,4}):(?:prev|next|label)$/.exec(customId);
  return m ? { session: m[1]!, index: Number(m[2]) } : undefined;
}

function button(session: string, target: number, role: 'prev' | 'next' | 'label', label: string, disabled: boolean): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: role === 'label' ? ButtonStyle.Secondary : ButtonStyle.Primary,
    custom_id: `${PAGE_BUTTON_PREFIX}:${session}:${target}:${role}`,
    label,
    disabled,
  };
}

export function withButtons(page: DiscordPage, session: string, index: number, total: number): DiscordPage {
  const row: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: [
      button(session, Math.max(index - 1, 0), 'prev', w.PREVIOUS, index === 0),
      button(session, index, 'label', w.pageLabel(index, total), true),
      button(session, Math.min(index + 1, total - 1), 'next', w.NEXT, index === total - 1),
    ],
  };
  return { ...page, components: [row] };
}
