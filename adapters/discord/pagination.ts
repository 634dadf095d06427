// Previous/Next buttons for answers longer than one page. The pages live in a bounded in-memory store
// for a few minutes; a button's custom id names the stored answer and the page it leads to, and only
// the person who asked may turn the pages.
import { randomBytes } from 'node:crypto';
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { DiscordPage } from './limits.js';
import * as w from './wording.js';

export const PAGE_BUTTON_PREFIX = 'treaty-page';

interface Session {
  owner: string;
  pages: DiscordPage[];
  expiresAt: number;
}

export interface PageStoreOptions {
  ttlMs?: number;
  maxSessions?: number;
  now?: () => number;
}

export type Turn =
  | { ok: true; page: DiscordPage }
  | { ok: false; reason: 'expired' | 'not_yours' };

/** Stored multi-page answers; the oldest are dropped first once `maxSessions` is reached. */
export class PageStore {
  private readonly sessions = new Map<string, Session>();
  private readonly ttlMs: number;
  private readonly maxSessions: number;
  private readonly now: () => number;

  constructor(options: PageStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.maxSessions = options.maxSessions ?? 1000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.sessions.size;
  }

  /** The first page to send: the only page as it is, or page 1 with buttons when there are more. */
  start(owner: string, pages: DiscordPage[]): DiscordPage {
    const first = pages[0]!;
    if (pages.length < 2) return first;
    this.sweep();
    while (this.sessions.size >= this.maxSessions) this.sessions.delete(this.sessions.keys().next().value!);
    const id = randomBytes(9).toString('base64url');
    this.sessions.set(id, { owner, pages, expiresAt: this.now() + this.ttlMs });
    return withButtons(first, id, 0, pages.length);
  }

  /** The page a button click asks for, if the session is alive and the clicker owns it. */
  turn(customId: string, user: string): Turn | undefined {
    const parsed = parseButtonId(customId);
    if (!parsed) return undefined;
    const session = this.sessions.get(parsed.session);
    if (!session || session.expiresAt <= this.now()) {
      this.sessions.delete(parsed.session);
      return { ok: false, reason: 'expired' };
    }
    if (session.owner !== user) return { ok: false, reason: 'not_yours' };
    const index = Math.min(Math.max(parsed.index, 0), session.pages.length - 1);
    return { ok: true, page: withButtons(session.pages[index]!, parsed.session, index, session.pages.length) };
  }

  private sweep(): void {
    const t = this.now();
    for (const [id, s] of this.sessions) if (s.expiresAt <= t) this.sessions.delete(id);
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
