// Small Block Kit constructors and the limits they must respect. Every string passed in as mrkdwn
// must already be escaped (see mrkdwn.ts); button labels are plain text, which Slack does not parse.
import type { types } from '@slack/bolt';

export type Block = types.KnownBlock;

/** What the renderer returns and the listeners send: blocks plus the notification fallback. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Slack's documented limits we lay text out against, and our budget under the undocumented ~12 000 total. */
export const LIMITS = {
  sectionText: 3000,
  buttonText: 75,
  buttonValue: 2000,
  /** All visible text of one message; Slack rejects messages somewhere near 12 000. */
  messageText: 10_000,
  fallbackText: 600,
} as const;

export const ACTIONS = {
  share: 'treaty_share',
  fullPassage: 'treaty_full_passage',
  feedbackUp: 'treaty_feedback_up',
  feedbackDown: 'treaty_feedback_down',
  /** A suggested question as a button: clicking it asks that question. */
  ask: 'treaty_ask',
} as const;

/**
 * mrkdwn with `verbatim: true`: Slack then parses only our explicit markup (`<url|label>`, *bold*),
 * never auto-linking names or "certain mentions" in text that came from users or files.
 */
export function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim: true };
}

export function section(text: string, accessory?: types.Button, blockId?: string): types.SectionBlock {
  return {
    type: 'section',
    text: mrkdwn(text),
    ...(accessory ? { accessory } : {}),
    ...(blockId ? { block_id: blockId } : {}),
  };
}

export function context(texts: string[]): types.ContextBlock {
  return { type: 'context', elements: texts.map(mrkdwn) };
}

export function button(label: string, actionId: string, value: string, style?: 'primary'): types.Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: label, emoji: true },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

export function actions(elements: types.Button[], blockId?: string): types.ActionsBlock {
  return { type: 'actions', elements, ...(blockId ? { block_id: blockId } : {}) };
}

export function divider(): types.DividerBlock {
  return { type: 'divider' };
}

/** Characters of visible text in blocks (sections, fields, context, buttons, headers). */
export function blocksTextLength(blocks: Block[]): number {
  let total = 0;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'text' && typeof inner === 'string') total += inner.length;
        else if (key !== 'value') visit(inner);
      }
    }
  };
  visit(blocks);
  return total;
}
