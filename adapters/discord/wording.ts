// Sentences only Discord needs (its own commands, buttons and refusals). Everything about an answer's
// outcome (and the intro, and the failure message) comes from adapters/shared/messages.ts so every
// platform says the same thing.

/** How each shared command (by its first word) is typed on Discord. */
const DISCORD_USAGE: Record<string, string> = {
  article: '/treaty article number:6',
  chapter: '/treaty chapter number:4',
  quotes: '/treaty quotes speaker:HRW',
  timeline: '/treaty timeline',
  sources: '/treaty ask question:sources',
  any: '/treaty ask question:…',
  help: '/treaty help',
};

export function discordUsage(sharedUsage: string): string {
  const first = sharedUsage.split(' ')[0] ?? '';
  return DISCORD_USAGE[first] ?? `/treaty ask question:${sharedUsage}`;
}

export const OTHER_WAYS =
  'Mention me with a question in a channel, reply to one of my answers, send me a direct message, or right-click a message and choose Apps → Ask the treaty bot. Add private:True to a command to get an answer only you can see.';

export const TRY_ASKING = 'Try asking';
export const RELATED = 'Related';
export const COMMANDS_TITLE = 'Commands';
export const EXAMPLES_TITLE = 'Example questions';
export const SOURCE_LABEL = 'Source';
export const SPEAKER_LABEL = 'Said by';
export const STANCE_LABEL = 'Stance';
export const DATED_LABEL = 'Dated';
export const SINCE_LABEL = 'Since then';
export const PREVIOUS = 'Previous';
export const NEXT = 'Next';

export const answerHeading = (query: string): string => (query ? `About: ${query}` : 'Answer');
export const pageLabel = (index: number, total: number): string => `Page ${index + 1} of ${total}`;

export const NOT_YOURS = 'Only the person who asked can turn these pages. Ask your own question with /treaty ask.';
export const EXPIRED = 'These pages have expired. Ask again to see the answer.';
export const NO_TEXT = 'That message has no text I can ask about.';
/** An interaction whose shape does not match the registered commands (a stale or foreign registration). */
export const OUT_OF_DATE = "I couldn't read that command — it may be out of date; ask an admin to run `npm run discord:register`.";
