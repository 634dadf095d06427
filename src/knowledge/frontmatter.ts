// Split a knowledge file into YAML front matter and Markdown body, keeping the line of every field
// so that problems can be reported as `file:line: field: reason`.
import { readYaml } from './yaml.js';

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
  const read = readYaml(yamlText, { maxAliasCount: 0 });
  // The YAML starts on line 2 of the file.
  if (!read.ok) return { ok: false, line: read.line + 1, reason: `front matter is not valid YAML: ${read.message.split('\n')[0]}` };
  if (!read.tree || !('pairs' in read.tree)) return { ok: false, line: 2, reason: 'the front matter must be a set of "field: value" lines' };
  const lines = new Map(read.tree.pairs.map((pair) => [pair.key, pair.line + 1]));
  const data = read.data as Record<string, unknown>;
  const bodyStart = afterFence + 1;
  const bodyLine = text.slice(0, bodyStart).split('\n').length;
  return { ok: true, value: { data, lines, body: text.slice(bodyStart), bodyLine } };
}
