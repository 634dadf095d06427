// Every Slack listener, one per file, registered in the order Bolt should see them.
import type { App } from '@slack/bolt';
import type { SlackState } from '../state.js';
import * as ask from './ask.js';
import * as command from './command.js';
import * as dedupe from './dedupe.js';
import * as feedback from './feedback.js';
import * as fullPassage from './fullPassage.js';
import * as home from './home.js';
import * as mention from './mention.js';
import * as message from './message.js';
import * as share from './share.js';

export function registerListeners(app: App, state: SlackState): void {
  for (const listener of [dedupe, command, mention, message, home, share, ask, fullPassage, feedback]) listener.register(app, state);
}
