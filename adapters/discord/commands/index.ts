// The bot's application commands, guide style: each file exports `data` (the definition) and `execute`.
// The register script and the tests use the same JSON.
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import * as askContextMenu from './askContextMenu.js';
import * as treaty from './treaty.js';

export { askContextMenu, treaty };

/** Everything `npm run discord:register` sends to Discord. */
export function commandDefinitions(): RESTPostAPIApplicationCommandsJSONBody[] {
  return [treaty.data.toJSON(), askContextMenu.data.toJSON()];
}
