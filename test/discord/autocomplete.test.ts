// Autocomplete choices on their own: Discord rejects the whole list if one name is over 100 characters
// or not valid UTF-16, and typed words match as the core's search matches them.
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/engine.js';
import { articleChoices, chapterChoices, speakerChoices } from '../../adapters/discord/autocomplete.js';

const catalog = (title: string, speaker = 'Deborah Brown'): Catalog => ({
  articles: [{ number: 1, title, chapter: 'General provisions' }],
  chapters: [{ number: 1, roman: 'I', title, first: 1, last: 1 }],
  speakers: [{ name: speaker, organisation: `${title} Watch` }],
  sources: [],
});

describe('autocomplete choices', () => {
  it('cuts long names on a code point: an emoji at the cut is dropped whole, never halved', () => {
    // "Article 1: " is 11 units; the emoji (2 units) straddles the 99th unit, where the cut falls.
    const title = `${'x'.repeat(87)}🇺🇳 and more words after the flag`;
    const names = [
      ...articleChoices(catalog(title), ''), ...chapterChoices(catalog(title), ''), ...speakerChoices(catalog(title), ''),
    ].map((c) => c.name);
    expect(names[0]).toBe(`Article 1: ${'x'.repeat(87)}…`);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(100);
      expect(name.isWellFormed()).toBe(true);
    }
  });

  it('typed words match as the core folds them (accents, case)', () => {
    const list = speakerChoices(catalog('Human Rights', 'Tomás Ojea Quintana'), 'TOMAS oje');
    expect(list.map((c) => c.value)).toEqual(['Tomás Ojea Quintana']);
    expect(articleChoices(catalog('Protección de datos'), 'proteccion').map((c) => c.value)).toEqual([1]);
  });
});
