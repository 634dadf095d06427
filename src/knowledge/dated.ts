// Dated content. A passage or quote that spoke of what was then the future ("expected to be adopted
// later this year") must not read as current once events have overtaken it: an editor marks it with
// `since: [fact-id, …]` (the dated facts that happened since) or, when it still reads true,
// `stillCurrent: true`. Facts that can go stale (status, signatures) carry `checked: YYYY-MM-DD`.
// The loader resolves the marks into each entry's `asOf` and `since`, which answers carry to every
// platform as "As of <date>" and "Since then: …".
import type { Fields } from './fields.js';
import type { DatedMarks, Entry, FactEntry, SinceFact, SourceEntry } from './types.js';

/**
 * Wording that speaks of the future. Deliberately broad ("will" alone): a false alarm costs an editor
 * one `stillCurrent: true`, a miss shows stale news as current.
 */
const LOOK_AHEAD = /\b(?:will|won't|expected to|later this year|next year|next steps?|in the coming (?:days|weeks|months|years)|upcoming|is set to|are set to)\b/i;

/** The look-ahead wording in a text, if any ("expected to"). */
export function lookAhead(text: string): string | undefined {
  return LOOK_AHEAD.exec(text)?.[0];
}

/** A quote's `since` and `stillCurrent` fields. */
export function readMarks(f: Fields): DatedMarks {
  return { sinceIds: f.strList('since'), stillCurrent: f.bool('stillCurrent') };
}

/**
 * A source's `passages:` field: marks by paragraph number, e.g.
 *   passages:
 *     2: { since: [fact-adoption] }
 *     16: { stillCurrent: true }
 */
export function readPassageMarks(f: Fields): Map<number, DatedMarks & { line: number }> {
  const marks = new Map<number, DatedMarks & { line: number }>();
  const raw = f.map('passages');
  if (!raw) return marks;
  const line = f.line('passages');
  for (const [key, value] of Object.entries(raw)) {
    const paragraph = Number(key);
    const v = (value ?? {}) as Record<string, unknown>;
    const unknown = typeof value === 'object' && value !== null ? Object.keys(v).filter((k) => k !== 'since' && k !== 'stillCurrent') : ['(not a mapping)'];
    if (!Number.isInteger(paragraph) || paragraph < 1) {
      f.problem('passages', `"${key}" is not a paragraph number (1, 2, …)`, line);
    } else if (unknown.length) {
      f.problem('passages', `paragraph ${key}: write { since: [fact-id] } or { stillCurrent: true } (found ${unknown.join(', ')})`, line);
    } else if ((v.since !== undefined && (!Array.isArray(v.since) || v.since.some((s) => typeof s !== 'string'))) || (v.stillCurrent !== undefined && typeof v.stillCurrent !== 'boolean')) {
      f.problem('passages', `paragraph ${key}: since must be a list of fact ids and stillCurrent true or false`, line);
    } else {
      marks.set(paragraph, { sinceIds: (v.since as string[] | undefined) ?? [], stillCurrent: v.stillCurrent === true, line });
    }
  }
  return marks;
}

const problemAt = (e: Entry, field: string, reason: string, line?: number) =>
  `${e.origin.file}:${line ?? e.origin.lines?.[field] ?? e.origin.line}: ${field}: ${reason}`;

/**
 * Check every mark and resolve it: `since` ids must be dated facts later than the text, a passage or
 * quote that looks ahead must be marked, and marks must name paragraphs that exist. Sets `asOf` and
 * `since` on the entries.
 */
export function resolveDated(entries: Entry[], problems: string[]): void {
  const facts = new Map(entries.filter((e): e is FactEntry => e.kind === 'fact').map((f) => [f.id, f]));
  const sources = new Map(entries.filter((e): e is SourceEntry => e.kind === 'source').map((s) => [s.id, s]));
  for (const e of entries) {
    if (e.kind === 'fact' && e.checked) e.asOf = e.checked;
    if (e.kind === 'source') {
      const paragraphs = new Set(entries.filter((p) => p.kind === 'passage' && p.sourceId === e.id).map((p) => (p.kind === 'passage' ? p.paragraph : 0)));
      for (const [n, mark] of e.passageMarks) {
        if (!paragraphs.has(n)) problems.push(problemAt(e, 'passages', `paragraph ${n} does not exist (the source has ${paragraphs.size})`, mark.line));
      }
    }
    if (e.kind !== 'passage' && e.kind !== 'quote') continue;
    const line = e.kind === 'passage' ? sources.get(e.sourceId)?.passageMarks.get(e.paragraph)?.line : undefined;
    const where = e.kind === 'passage' ? `paragraph ${e.paragraph}: ` : '';
    const field = e.kind === 'passage' ? 'passages' : 'since';
    const date = e.kind === 'quote' ? e.date : e.citation.date;
    const since: SinceFact[] = [];
    for (const id of e.sinceIds) {
      const fact = facts.get(id);
      if (!fact) problems.push(problemAt(e, field, `${where}"${id}" is not the id of a fact in knowledge/facts/`, line));
      else if (!fact.date) problems.push(problemAt(e, field, `${where}fact "${id}" has no date, so it cannot say what happened since`, line));
      else if (date && fact.date <= date) problems.push(problemAt(e, field, `${where}fact "${id}" (${fact.date}) is not later than the text (${date})`, line));
      else since.push({ id: fact.id, title: fact.title, date: fact.date, text: fact.text });
    }
    if (e.sinceIds.length && e.stillCurrent) problems.push(problemAt(e, field, `${where}has both since and stillCurrent: choose one`, line));
    const ahead = lookAhead(e.text);
    if (ahead && !e.sinceIds.length && !e.stillCurrent) {
      const how = e.kind === 'passage'
        ? `add it under the source's passages: as ${e.paragraph}: { since: [fact-id] }, or { stillCurrent: true } if it still reads true`
        : 'add since: [fact-id] for what has happened since, or stillCurrent: true if it still reads true';
      problems.push(problemAt(e, e.kind === 'passage' ? 'passages' : 'text', `${where}looks ahead ("${ahead}"); ${how}`, line));
    }
    if (since.length) {
      e.since = since.sort((a, b) => a.date.localeCompare(b.date));
      if (date) e.asOf = date;
    }
  }
}
