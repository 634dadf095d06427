// App Home tab: publish the home view whenever a user opens it.
import type { App } from '@slack/bolt';
import { renderHome } from '../renderHome.js';
import type { SlackState } from '../state.js';

export function register(app: App, state: SlackState): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await client.views.publish({ user_id: event.user, view: renderHome(state.deps.engine.catalog) });
  });
}
