// A source document, split into the verbatim paragraphs that answers quote. Passages are derived,
// never edited by hand, so they cannot drift from the source they cite.
import type { PassageEntry, SourceEntry } from './types.js';

export function splitSource(source: SourceEntry): PassageEntry[] {
  const passages: PassageEntry[] = [];
  let section: string | undefined;
  for (const block of source.text.split(/\n\s*\n/)) {
    let text = block.trim();
    if (!text || source.notText.includes(text)) continue;
    // A metadata stamp may share a line with the first paragraph ("date 2024-08-12 The road ...").
    for (const stamp of source.notText) if (text.startsWith(stamp + ' ')) text = text.slice(stamp.length).trim();
    if (source.sections.includes(text)) {
      section = text;
      continue;
    }
    const paragraph = passages.length + 1;
    const marks = source.passageMarks.get(paragraph);
    passages.push({
      id: `${source.id}-p${paragraph}`,
      kind: 'passage',
      title: section ?? source.title,
      text,
      isSummary: false,
      sourceId: source.id,
      paragraph,
      section,
      aliases: [],
      sinceIds: marks?.sinceIds ?? [],
      stillCurrent: marks?.stillCurrent ?? false,
      asks: [],
      citation: { ...source.citation, locator: section ? `paragraph ${paragraph} (${section})` : `paragraph ${paragraph}` },
      origin: source.origin,
    });
  }
  return passages;
}

/** Whitespace-folded form used to check that quoted text appears verbatim in a source. */
export function foldSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
