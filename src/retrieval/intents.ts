// What kind of question this is, from its words. Each rule names a whole class of questions (not any
// one question), and only changes which entries come first; the search itself stays the same.
import { fold, tokenize } from './text.js';

export interface IntentSignals {
  /** Asks what someone said ("what did X say", "quote", "view", "warn"). */
  quotes: boolean;
  /** Only critical or only supportive voices ("critics", "supporters"). */
  stance?: 'critical' | 'supportive';
  /** Asks when, or for the timeline or status. */
  when: boolean;
  /** Asks for the whole timeline and nothing narrower. */
  timelineOnly: boolean;
  /** Asks for the convention's purpose. */
  purpose: boolean;
  /** Asks which documents the answers come from. */
  sources: boolean;
  /** Touches a contested topic: human rights, privacy, surveillance. */
  contested: boolean;
}

const QUOTE_WORDS = new Set(['say', 'said', 'says', 'saying', 'quote', 'quotes', 'quoted', 'quotation', 'quotations', 'stated', 'statement', 'statements',
  'think', 'thinks', 'thought', 'view', 'views', 'opinion', 'opinions', 'warn', 'warned', 'warns', 'warning', 'react', 'reacted', 'reaction', 'reactions',
  'position', 'stance', 'comment', 'comments', 'commented', 'voices', 'voice', 'claim', 'claimed', 'argue', 'argued', 'praised', 'criticised', 'criticized']);
const CRITICAL_WORDS = new Set(['critics', 'critic', 'opponents', 'opposed', 'against', 'concerns', 'concerned', 'worries', 'objections', 'criticised', 'criticized']);
const SUPPORTIVE_WORDS = new Set(['supporters', 'proponents', 'praise', 'praised', 'support', 'supportive', 'welcomed', 'backers']);
const WHEN_WORDS = new Set(['when', 'timeline', 'date', 'dates', 'dated', 'history', 'chronology', 'status', 'deadline', 'schedule', 'year', 'milestones']);
const TIMELINE_WORDS = new Set(['timeline', 'history', 'chronology', 'dates', 'milestones']);
const PURPOSE_WORDS = new Set(['objective', 'objectives', 'purpose', 'purposes', 'aim', 'aims', 'goal', 'goals', 'mission']);
const SOURCE_WORDS = new Set(['source', 'sources', 'documents', 'references', 'bibliography']);
/** Stems of contested topics: any of these makes the answer show provisions and voices of both stances. */
const CONTESTED_PHRASES = ['human rights', 'privacy', 'surveillance', 'data protection', 'personal data', 'safeguard', 'civil liberties',
  'freedom of expression', 'free speech', 'repression', 'authoritarian', 'journalists', 'activists', 'dissidents', 'abuse of power', 'oversight'];
const IN_FORCE = /\b(?:in|into) force\b|\beffective\b|\bsigned\b|\bsignature\b|\bratif/;

export function detectIntents(question: string): IntentSignals {
  const folded = fold(question);
  const words = tokenize(folded);
  const has = (set: Set<string>) => words.some((w) => set.has(w));
  const phrase = ` ${words.join(' ')} `;
  const when = has(WHEN_WORDS) || IN_FORCE.test(folded);
  // "timeline", "history" or "key dates" with nothing else but filler: the whole timeline.
  const filler = new Set(['the', 'of', 'a', 'key', 'show', 'me', 'what', 'is', 'its', 'full', 'give', 'and', 'convention', 'treaty', 'cybercrime', 'un', 'please']);
  const timelineOnly = has(TIMELINE_WORDS) && words.every((w) => TIMELINE_WORDS.has(w) || filler.has(w));
  return {
    quotes: has(QUOTE_WORDS),
    stance: has(CRITICAL_WORDS) ? 'critical' : has(SUPPORTIVE_WORDS) ? 'supportive' : undefined,
    when,
    timelineOnly,
    purpose: has(PURPOSE_WORDS),
    sources: has(SOURCE_WORDS) && words.length <= 4,
    contested: CONTESTED_PHRASES.some((p) => phrase.includes(` ${p} `) || phrase.includes(` ${p}s `) || phrase.includes(` ${p}`)),
  };
}

/** The words that define the purpose intent, used to find the source passages that state aims. */
export const PURPOSE_QUERY = [...PURPOSE_WORDS].join(' ');
