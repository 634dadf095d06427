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
