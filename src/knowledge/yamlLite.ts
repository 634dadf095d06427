// A fast reader for the plain subset of YAML that knowledge/ is written in: block maps and lists,
// one-line scalars (plain, "double" or 'single' quoted), one-line [flow, lists] and { flow: maps },
// and comment lines. Why not the `yaml` library alone: loading and running it cold was about two
// thirds of start-up (#9, ready ≤ 300 ms). Why it is safe: it reads nothing it is not sure of. Any
// other construct (multi-line scalars, escapes, anchors, tags, tabs, floats, duplicate keys, errors…)
// returns undefined and the caller reads the text with `yaml` instead (./yaml.ts), so errors and
// unusual files get the library's exact reading and messages. A test checks that every shipped file
// reads here exactly as `yaml` reads it, and fuzzes the subset against `yaml`.

/** A YAML node with the 1-based line it starts on, for `file:line: field: reason` problems. */
export type YamlNode =
  | { line: number; scalar: string | number | boolean | null }
  | { line: number; items: YamlNode[] }
  | { line: number; pairs: YamlPair[] };

export interface YamlPair {
  key: string;
  /** The key's line. */
  line: number;
  value: YamlNode;
}

/** The value as plain data, as `yaml`'s toJS() gives it (maps become objects keyed by string). */
export function toJS(node: YamlNode): unknown {
  if ('items' in node) return node.items.map(toJS);
  if ('pairs' in node) return Object.fromEntries(node.pairs.map((p) => [p.key, toJS(p.value)]));
  return node.scalar;
}

interface Line {
  indent: number;
  text: string;
  line: number;
}

/** Thrown (and caught below) when the text leaves the subset: the caller then uses `yaml`. */
class Unsure extends Error {}
const unsure = (): never => {
  throw new Unsure();
};

// Characters that `yaml` treats specially (tabs, CR, BOM, control characters) are left to it.
const UNUSUAL = /[\t\r\uFEFF\x00-\x08\x0B\x0C\x0E-\x1F\x7F\x85\u2028\u2029]/;
// A plain scalar may not start with an indicator or a space.
const PLAIN_START = /^[^\s\-?:,[\]{}#&*!|>'"%@`]/;
// `key:` then a value after at least one space, or nothing (a nested block, or null).
const KEY_LINE = /^([A-Za-z0-9_][A-Za-z0-9_.-]*):(?: +(.*))?$/;
// Core-schema scalars other than strings (yaml's own tests); only the simple ones are read here.
const NOT_STRING = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** A plain scalar's value, as the YAML 1.2 core schema resolves it. */
function resolvePlain(text: string): string | number | boolean | null {
  if (!NOT_STRING.test(text)) return text;
  if (/^(?:0|[1-9][0-9]{0,14})$/.test(text)) return Number(text);
  if (/^(?:true|True|TRUE)$/.test(text)) return true;
  if (/^(?:false|False|FALSE)$/.test(text)) return false;
  if (/^(?:~|null|Null|NULL)$/.test(text)) return null;
  return unsure(); // floats, signs, octal, hex, leading zeros
}

/** A map key: a plain word that stays itself as a string ("2" is fine, "true" or "1e3" are not). */
function key(text: string): string {
  const value = resolvePlain(text);
  if (typeof value === 'number' ? String(value) !== text : typeof value !== 'string') unsure();
  if (text === '__proto__') unsure();
  return text;
}

const strip = (s: string) => s.replace(/^ +| +$/g, ''); // YAML's white space; tabs are left to `yaml`

/** Read the subset, or undefined when the text holds anything else (the caller then uses `yaml`). */
export function readYamlLite(text: string): YamlNode | undefined {
  if (UNUSUAL.test(text)) return undefined;
  const lines: Line[] = [];
  let comments: number[] = []; // indents of the comment lines since the last content line
  const raw = text.split('\n');
  for (let n = 0; n < raw.length; n++) {
    const body = strip(raw[n]!);
    const indent = /^ */.exec(raw[n]!)![0].length;
    if (!body) continue;
    if (body.startsWith('#')) comments.push(indent);
    else {
      // A comment line is read as one where it starts at column 0 or at the next line's indent.
      if (comments.some((c) => c !== 0 && c !== indent)) return undefined;
      comments = [];
      lines.push({ indent, text: body, line: n + 1 });
    }
  }
  if (comments.some((c) => c !== 0) || !lines.length || lines[0]!.indent !== 0) return undefined;
  try {
    const reader = new Reader(lines);
    const root = reader.block(0);
    return reader.done() ? root : undefined;
  } catch (error) {
    if (error instanceof Unsure) return undefined;
    throw error;
  }
}

class Reader {
  private at = 0;
  constructor(private readonly lines: Line[]) {}

  done(): boolean {
    return this.at === this.lines.length;
  }

  /** The map or list whose lines start at `indent`. */
  block(indent: number): YamlNode {
    const first = this.lines[this.at]!;
    if (first.text === '-') unsure(); // an item on the lines below its dash
    return first.text.startsWith('- ') ? this.list(indent) : this.map(indent);
  }

  private map(indent: number): YamlNode {
    const node = { line: this.lines[this.at]!.line, pairs: [] as YamlPair[] };
    const seen = new Set<string>();
    while (this.at < this.lines.length && this.lines[this.at]!.indent === indent) {
      const { text, line } = this.lines[this.at]!;
      const m = KEY_LINE.exec(text) ?? unsure();
      const k = key(m[1]!);
      if (seen.has(k)) unsure(); // duplicate keys are an error `yaml` reports
      seen.add(k);
      this.at++;
      node.pairs.push({ key: k, line, value: m[2] === undefined ? this.nested(indent, line) : this.inline(m[2], line, indent) });
    }
    this.end(indent);
    return node;
  }

  private list(indent: number): YamlNode {
    const node = { line: this.lines[this.at]!.line, items: [] as YamlNode[] };
    while (this.at < this.lines.length && this.lines[this.at]!.indent === indent && this.lines[this.at]!.text.startsWith('- ')) {
      const current = this.lines[this.at]!;
      const rest = current.text.slice(2);
      if (rest.startsWith(' ')) unsure();
      if (KEY_LINE.test(rest)) {
        // "- words: [...]" then "  means: ...": a map whose lines start two columns in.
        this.lines[this.at] = { indent: indent + 2, text: rest, line: current.line };
        node.items.push(this.map(indent + 2));
      } else {
        this.at++;
        node.items.push(this.inline(rest, current.line, indent));
      }
    }
    this.end(indent);
    return node;
  }

  /** After a block, the next line must belong to an enclosing one. */
  private end(indent: number): void {
    const next = this.lines[this.at];
    if (next && next.indent > indent) unsure();
  }

  /** `key:` with nothing after it: a more indented block, or null. */
  private nested(indent: number, line: number): YamlNode {
    const next = this.lines[this.at];
    if (!next || next.indent <= indent) {
      if (next && next.indent === indent && next.text.startsWith('- ')) unsure(); // a list not indented under its key
      return { line, scalar: null };
    }
    return this.block(next.indent);
  }

  /** A one-line value; a more indented line after it would continue it, which is left to `yaml`. */
  private inline(text: string, line: number, indent: number): YamlNode {
    const next = this.lines[this.at];
    if (next && next.indent > indent) unsure();
    const flow = new Flow(text, line);
    const node = flow.value(false);
    flow.finish();
    return node;
  }
}

/** One line's value: a scalar, or a flow list or map of scalars (a flow map's values may be lists). */
class Flow {
  private at = 0;
  constructor(
    private readonly text: string,
    private readonly line: number,
  ) {}

  finish(): void {
    if (strip(this.text.slice(this.at))) unsure();
  }

  private spaces(): void {
    while (this.text[this.at] === ' ') this.at++;
  }

  /** `inFlow`: inside [ ] or { }, where , ] } end a plain scalar. */
  value(inFlow: boolean, allowList = true): YamlNode {
    const c = this.text[this.at];
    if (c === '"' || c === "'") return { line: this.line, scalar: this.quoted(c) };
    if (c === '[' && allowList) return this.list();
    if (c === '{' && !inFlow) return this.map();
    const end = inFlow ? this.text.slice(this.at).search(/[,\]}]/) : this.text.length - this.at;
    const plain = strip(this.text.slice(this.at, this.at + (end < 0 ? this.text.length : end)));
    if (!PLAIN_START.test(plain) || plain.includes(' #') || plain.endsWith(':') || plain.includes(': ')) unsure();
    if (inFlow && /[:#[{]/.test(plain)) unsure();
    this.at += end < 0 ? this.text.length : end;
    return { line: this.line, scalar: resolvePlain(plain) };
  }

  private quoted(q: string): string {
    const close = this.text.indexOf(q, this.at + 1);
    if (close < 0) unsure();
    const inner = this.text.slice(this.at + 1, close);
    if (q === '"' && inner.includes('\\')) unsure(); // escapes are left to `yaml`
    if (q === "'" && this.text[close + 1] === "'") unsure(); // '' (an escaped quote) too
    this.at = close + 1;
    return inner;
  }

  /** `[a, "b c", 3]`, of scalars only. */
  private list(): YamlNode {
    const node = { line: this.line, items: [] as YamlNode[] };
    this.at++;
    this.spaces();
    if (this.text[this.at] === ']') return this.at++, node;
    for (;;) {
      this.spaces();
      node.items.push(this.value(true, false));
      this.spaces();
      const c = this.text[this.at++];
      if (c === ']') return node;
      if (c !== ',') unsure();
      this.spaces();
      if (this.text[this.at] === ']') unsure(); // a trailing comma
    }
  }

  /** `{ since: [a, b], stillCurrent: true }` */
  private map(): YamlNode {
    const node = { line: this.line, pairs: [] as YamlPair[] };
    const seen = new Set<string>();
    this.at++;
    this.spaces();
    if (this.text[this.at] === '}') return this.at++, node;
    for (;;) {
      this.spaces();
      const m = /^([A-Za-z0-9_][A-Za-z0-9_.-]*): +/.exec(this.text.slice(this.at)) ?? unsure();
      const k = key(m[1]!);
      if (seen.has(k)) unsure();
      seen.add(k);
      this.at += m[0].length;
      node.pairs.push({ key: k, line: this.line, value: this.value(true, true) });
      this.spaces();
      const c = this.text[this.at++];
      if (c === '}') return node;
      if (c !== ',') unsure();
      this.spaces();
      if (this.text[this.at] === '}') unsure();
    }
  }
}
