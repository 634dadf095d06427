// Reading knowledge/'s YAML: the fast reader of the plain subset the files are written in
// (./yamlLite.ts) first, the `yaml` library for anything else, errors included, so problems keep the
// library's messages and lines. `yaml` is loaded only then: loading it alone took a tenth of start-up.
import { createRequire } from 'node:module';
import type * as YamlLibrary from 'yaml';
import { readYamlLite, toJS, type YamlNode } from './yamlLite.js';

export { toJS, type YamlNode, type YamlPair } from './yamlLite.js';

/** `tree` is null for an empty document. `line` is 1-based, in the text given. */
export type YamlRead = { ok: true; tree: YamlNode | null; data: unknown } | { ok: false; line: number; message: string };

export interface YamlOptions {
  /** Error messages with the line and an excerpt, as `yaml`'s parse() throws them (default false). */
  prettyErrors?: boolean;
  /** Aliases allowed when building the data (`yaml`'s toJS option; default 100, 0 forbids them). */
  maxAliasCount?: number;
}

let library: typeof YamlLibrary | undefined;
const yamlLibrary = () => (library ??= createRequire(import.meta.url)('yaml') as typeof YamlLibrary);

export function readYaml(text: string, options: YamlOptions = {}): YamlRead {
  const tree = readYamlLite(text);
  return tree ? { ok: true, tree, data: toJS(tree) } : readWithLibrary(text, options);
}

/** The `yaml` library's reading, as the same tree (exported for the test that compares the two). */
export function readWithLibrary(text: string, options: YamlOptions = {}): YamlRead {
  const { LineCounter, parseDocument, isMap, isScalar, isSeq } = yamlLibrary();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: options.prettyErrors ?? false });
  const error = doc.errors[0];
  if (error) return { ok: false, line: lineCounter.linePos(error.pos[0]).line, message: error.message };
  const lineOf = (node: unknown, otherwise: number) => {
    const range = (node as { range?: [number] } | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : otherwise;
  };
  // Maps, lists and scalars as they are; anything else (an alias) as null, which every check rejects.
  const convert = (node: unknown, otherwise: number): YamlNode => {
    const line = lineOf(node, otherwise);
    if (isMap(node)) {
      return {
        line,
        pairs: node.items.map((p) => {
          const keyLine = lineOf(p.key, line);
          return { key: String(isScalar(p.key) ? p.key.value : p.key), line: keyLine, value: convert(p.value, keyLine) };
        }),
      };
    }
    if (isSeq(node)) return { line, items: node.items.map((item) => convert(item, line)) };
    if (isScalar(node)) return { line, scalar: node.value as string | number | boolean | null };
    return { line, scalar: null };
  };
  try {
    const data = doc.toJS({ maxAliasCount: options.maxAliasCount ?? 100 });
    return { ok: true, tree: doc.contents ? convert(doc.contents, 1) : null, data };
  } catch (error) {
    return { ok: false, line: 1, message: (error as Error).message };
  }
}
