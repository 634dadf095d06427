// "Show full passage": the whole entry, only to whoever clicked.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTIONS } from '../blocks.js';
import { renderPassage } from '../renderPassage.js';
import type { SlackState } from '../state.js';

export function register(app: App, state: SlackState): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.fullPassage, async ({ ack, action, respond }) => {
    await ack();
    for (const message of renderPassage(state.deps.engine.result(action.value ?? ''))) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...message, unfurl_links: false });
    }
  });
}
