// Slack-only words: button labels and the few lines the Slack surface adds around the shared
// messages (adapters/shared/messages.ts holds every sentence about an outcome).
export const LABELS = {
  question: '*Question*',
  source: 'Source',
  result: 'Result',
  noResults: 'No results.',
  tryAsking: 'Try asking',
  related: 'Related',
  fullPassage: 'Show full passage',
  share: 'Share in channel',
  helpful: '👍 Helpful',
  notHelpful: '👎 Not helpful',
  moreResults: (n: number) => `${n} more result${n === 1 ? '' : 's'} not shown; ask a narrower question to see them.`,
  /** `name` is already escaped. */
  sharedBy: (name: string) => `Shared by ${name}`,
  shared: 'Shared in the channel.',
  expired: 'That answer is no longer available to share; please ask again.',
  passageGone: 'That passage is no longer available.',
  feedbackThanks: 'Thanks for the feedback.',
  continued: '(continued)',
  passageContinues: 'The passage is longer than Slack can show here; it continues in the source.',
  whereToAsk: 'Use /treaty anywhere (only you see the answer until you share it), mention me in a channel to get an answer in a thread, or send me a direct message.',
  commands: 'Commands',
  examples: 'Examples',
  knows: 'What I know',
  sources: 'Sources',
  quoted: 'Quoted',
} as const;
