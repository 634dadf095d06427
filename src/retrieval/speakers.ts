// Find the people and organisations a question names, from the quotes' own speaker and organisation
// fields: "HRW", "Human Rights Watch", "Deborah Brown", "Rodríguez", "UNODC".
import type { QuoteEntry } from '../knowledge/types.js';
import { fold, tokenize } from './text.js';

/** The names a quote can be asked about: the speaker, the organisation, and an acronym in parentheses. */
function namesOf(q: QuoteEntry): string[] {
  const names = [q.speaker];
  if (q.organisation) {
    const acronym = /\(([^)]+)\)/.exec(q.organisation)?.[1];
    names.push(q.organisation.replace(/\s*\([^)]*\)/, ''));
    if (acronym) names.push(acronym);
  }
  // Acronyms among the aliases (HRW, EFF) name the organisation too.
  names.push(...q.aliases.filter((a) => /^[A-Z]{2,6}$/.test(a)));
  return names;
}

/** A name as folded words, and whether it is the speaker's own (whose surname alone also names them). */
interface Name {
  tokens: string[];
  isSpeaker: boolean;
}

// The quotes' names depend only on the quotes: folded and split once per quote, not per question.
const namesCache = new WeakMap<QuoteEntry, Name[]>();

function foldedNamesOf(q: QuoteEntry): Name[] {
  let names = namesCache.get(q);
  if (!names) {
    names = namesOf(q).map((name) => ({ tokens: tokenize(fold(name)), isSpeaker: q.speaker === name }));
    namesCache.set(q, names);
  }
  return names;
}

export function findSpeakers(question: string, quotes: QuoteEntry[]): QuoteEntry[] {
  const words = ` ${tokenize(fold(question)).join(' ')} `;
  return quotes.filter((q) =>
    foldedNamesOf(q).some(({ tokens, isSpeaker }) => {
      if (!tokens.length) return false;
      // A full name matches; so does a person's surname alone ("Rodríguez", "Waly").
      if (words.includes(` ${tokens.join(' ')} `)) return true;
      const surname = tokens[tokens.length - 1]!;
      return isSpeaker && tokens.length > 1 && surname.length >= 4 && words.includes(` ${surname} `);
    }),
  );
}

// "What did Access Now say", "how did Russia react", "what is Google's stance": the one asked about,
// named with a capital letter as typed. Lower-case askers ("critics", "rights groups") are kinds of
// voices, not names.
const ASKED_OF = /\b(?:what|how)\s+(?:did|does|do|has|have|is|are|was|were)\s+((?:the\s+)?(?:[A-Z][\p{L}.&-]*\s*){1,4})(?:'s\s+|’s\s+)?(?:\w+\s+){0,2}?(?:say|said|think|thought|react|reacted|comment|commented|respond|responded|stance|position|view|views|take)\b/u;
/** Names that are this convention's own subject, not a speaker: "what did the UN say". */
const SUBJECT_NAME = /^(?:the\s+)?(?:UN|U\.N\.|United Nations|I|It|This|Article|Articles|Chapter|Convention|Treaty)\b/;

/** A speaker the question names by a proper name, as typed, unless it is the UN itself. */
export function namedSpeaker(question: string): string | undefined {
  const m = ASKED_OF.exec(question);
  const name = m?.[1]?.trim();
  return name && !SUBJECT_NAME.test(name) ? name : undefined;
}
