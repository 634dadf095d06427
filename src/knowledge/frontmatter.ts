// Split a knowledge file into YAML front matter and Markdown body, keeping the line of every field
// so that problems can be reported as `file:line: field: reason`.
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** 1-based line of each top-level field in the file. */
  lines: Map<string, number>;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

export type Parsed = { ok: true; value: FrontMatter } | { ok: false; line: number; reason: string };

const FENCE = '---';

export function parseFrontMatter(source: string): Parsed {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  if (!text.startsWith(FENCE + '\n')) return { ok: false, line: 1, reason: 'the file must start with a "---" line opening its front matter' };
  const end = text.indexOf('\n' + FENCE, FENCE.length);
  const afterFence = end === -1 ? -1 : end + 1 + FENCE.length;
  if (end === -1 || (text[afterFence] !== '\n' && afterFence !== text.length)) {
    return { ok: false, line: 1, reason: 'the front matter is not closed by a "---" line' };
  }
  const yamlText = text.slice(FENCE.length + 1, end + 1);
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // The YAML starts on line 2 of the file.
  const fileLine = (offset: number) => lineCounter.linePos(offset).line + 1;
  const error = doc.errors[0];
  if (error) return { ok: false, line: fileLine(error.pos[0]), reason: `front matter is not valid YAML: ${error.message.split('\n')[0]}` };
  if (!isMap(doc.contents)) return { ok: false, line: 2, reason: 'the front matter must be a set of "field: value" lines' };
  const lines = new Map<string, number>();
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && pair.key.range) lines.set(String(pair.key.value), fileLine(pair.key.range[0]));
  }
  const data = doc.toJS({ maxAliasCount: 0 }) as Record<string, unknown>;
  const bodyStart = afterFence + 1;
  const bodyLine = text.slice(0, bodyStart).split('\n').length;
  return { ok: true, value: { data, lines, body: text.slice(bodyStart), bodyLine } };
}
