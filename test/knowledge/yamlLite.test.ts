// The fast YAML reader must read exactly what the `yaml` library reads, or decline (undefined) so that
// `yaml` reads it: every shipped file, hand-picked constructs outside the subset, and fuzzed documents.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/knowledge/frontmatter.js';
import { KNOWLEDGE_DIR } from '../../src/knowledge/load.js';
import { readWithLibrary, readYaml } from '../../src/knowledge/yaml.js';
import { readYamlLite, toJS } from '../../src/knowledge/yamlLite.js';

/** The YAML of every knowledge file: .md front matter (between the fences) and the .yml files. */
function shippedYaml(): { file: string; yaml: string }[] {
  return readdirSync(KNOWLEDGE_DIR, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(md|yml)$/.test(f) && !/README\.md$/.test(f))
    .map((file) => {
      const text = readFileSync(join(KNOWLEDGE_DIR, file), 'utf8');
      return { file, yaml: file.endsWith('.md') ? text.slice(4, text.indexOf('\n---', 3) + 1) : text };
    });
}

/** Whether the fast reading, if any, is the library's: the same nodes, lines and data. */
function agrees(yaml: string): boolean {
  const lite = readYamlLite(yaml);
  if (lite === undefined) return true;
  const library = readWithLibrary(yaml);
  return library.ok && JSON.stringify(lite) === JSON.stringify(library.tree) && JSON.stringify(toJS(lite)) === JSON.stringify(library.data);
}

describe('the fast YAML reader', () => {
  it('reads every shipped knowledge file itself, exactly as yaml does (lines included)', () => {
    const files = shippedYaml();
    expect(files.length).toBeGreaterThan(100);
    for (const { file, yaml } of files) {
      const lite = readYamlLite(yaml);
      expect(lite, `${file} falls back to yaml`).toBeDefined();
      const library = readWithLibrary(yaml);
      expect(library.ok && library.tree, file).toEqual(lite);
      expect(library.ok && library.data, file).toEqual(toJS(lite!));
    }
  });

  it('reads the subset: scalars, quoted text, flow lists and maps, nested blocks, comments', () => {
    const yaml = [
      '# a comment',
      'id: article-6',
      'number: 6',
      "title: 'It''s' ",
      'date: 2024-08-08',
      'aliases: [human rights, "free speech", 7]',
      'passages:',
      '  2: { since: [fact-adoption], stillCurrent: true }',
      'concepts:',
      '  # a list of maps',
      '  - words: [teens]',
      '    means: child',
      'empty:',
    ].join('\n');
    expect(readYamlLite(yaml)).toBeUndefined(); // '' inside single quotes is left to yaml
    const plain = yaml.replace("'It''s' ", 'Its');
    expect(toJS(readYamlLite(plain)!)).toEqual({
      id: 'article-6', number: 6, title: 'Its', date: '2024-08-08', aliases: ['human rights', 'free speech', 7],
      passages: { 2: { since: ['fact-adoption'], stillCurrent: true } }, concepts: [{ words: ['teens'], means: 'child' }], empty: null,
    });
    expect(agrees(plain)).toBe(true);
  });

  it('leaves everything else to yaml, which then reads it', () => {
    const others = [
      'title: a long title\n  that continues', // a multi-line plain scalar
      'text: |\n  a block\n', // block scalar
      'text: "an \\"escaped\\" quote"',
      'a: &x 1\nb: *x', // anchor and alias
      'ratio: 1.5', // float
      'number: 07', // leading zero
      'title: a: b', // a nested map on one line: an error in yaml
      'id: a\nid: b', // duplicate key: an error in yaml
      'id:\ta', // tab
      'list:\n- a\n- b', // a list not indented under its key
      'a: 1\n   # an indented comment\nb: 2',
      'tags: [a, b,]', // trailing comma
      'title: one # and a comment',
    ];
    for (const yaml of others) {
      expect(readYamlLite(yaml), yaml).toBeUndefined();
      const library = readWithLibrary(yaml);
      expect(readYaml(yaml), yaml).toEqual(library);
    }
  });

  it('keeps yaml\'s error line and message for front matter it cannot read', () => {
    const parsed = parseFrontMatter('---\nid: a\nrelated: [1, 2\nkind: article\n---\nbody\n');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.line).toBeGreaterThanOrEqual(3);
    expect(!parsed.ok && parsed.reason).toMatch(/^front matter is not valid YAML: /);
  });

  it('gives front matter it cannot read to yaml, with lines still right', () => {
    const parsed = parseFrontMatter('---\nid: a\ntext: |\n  two\n  lines\nkind: fact\n---\nbody\n');
    expect(parsed.ok && parsed.value.data).toEqual({ id: 'a', text: 'two\nlines\n', kind: 'fact' });
    expect(parsed.ok && Object.fromEntries(parsed.value.lines)).toEqual({ id: 2, text: 3, kind: 6 });
  });

  // Scalars from an alphabet of YAML's special characters, safe words more often than not.
  const tricky = fc.string({ unit: fc.constantFrom(...'ab Z09:#-\'"[]{},.\\!&*|>%@`~?_', '\t', '\u00a0', 'é'), maxLength: 8 });
  const safe = fc.stringMatching(/^[a-z][a-z0-9 ,.()'/-]{0,12}$/);
  const special = fc.constantFrom('true', 'False', 'null', '~', '6', '06', '1.5', '-3', '0x1F', '.inf', '2024-08-08', 'yes', '__proto__', '');
  /** Keys and values of every form; `safety`: how many times likelier a safe word is than a tricky one. */
  const forms = (safety: number) => {
    const key = fc.oneof({ arbitrary: fc.stringMatching(/^[a-z][a-zA-Z0-9-]{0,6}$/), weight: safety }, fc.constantFrom('2', '10', 'true', '1e3', 'x.y', '__proto__'), tricky);
    const word = fc.oneof({ arbitrary: safe, weight: safety }, tricky, special);
    const scalar = fc.oneof(word, word.map((w) => `"${w}"`), word.map((w) => `'${w}'`));
    const list = fc.array(scalar, { maxLength: 3 }).map((items) => `[${items.join(', ')}]`);
    const map = fc.array(fc.tuple(key, fc.oneof(scalar, list)), { maxLength: 2 }).map((pairs) => `{ ${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')} }`);
    return { key, value: fc.oneof({ arbitrary: scalar, weight: 3 }, list, map) };
  };
  const pad = (n: number) => ' '.repeat(n);

  it('never reads a fuzzed document differently from yaml: random lines', () => {
    const { key, value } = forms(3);
    const line = fc.tuple(
      fc.constantFrom(0, 0, 0, 1, 2, 2, 4),
      fc.oneof(key.map((k) => `${k}:`), fc.tuple(key, value).map(([k, v]) => `${k}: ${v}`), value.map((v) => `- ${v}`),
        fc.tuple(key, value).map(([k, v]) => `- ${k}: ${v}`), fc.constant('# note'), fc.constant('')),
    ).map(([indent, text]) => pad(indent) + text);
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => agrees(lines.join('\n'))), { numRuns: 2000 });
  });

  it('never reads a fuzzed document differently from yaml: well-formed nesting', () => {
    type Block = (indent: number) => string[];
    const { key, value } = forms(30);
    const step = fc.constantFrom(1, 2, 4);
    const map = (child: fc.Arbitrary<string | Block>): fc.Arbitrary<Block> =>
      fc.tuple(fc.array(fc.tuple(key, child), { minLength: 1, maxLength: 4 }), step).map(([pairs, by]) => (n: number) =>
        pairs.flatMap(([k, v]) => (typeof v === 'string' ? [`${pad(n)}${k}: ${v}`] : [`${pad(n)}${k}:`, ...v(n + by)])));
    const list: fc.Arbitrary<Block> = fc.array(fc.oneof(value, fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 4 })
      .map((items) => (n: number) => items.flatMap((item) => (typeof item === 'string' ? [`${pad(n)}- ${item}`] : item.map(([k, v], i) => `${pad(n)}${i ? '  ' : '- '}${k}: ${v}`))));
    const comment = fc.constantFrom('', '# note', '  # note');
    const doc = fc.tuple(map(fc.oneof(value, map(value), list)), comment).map(([root, c]) => [c, ...root(0)].join('\n'));
    fc.assert(fc.property(doc, agrees), { numRuns: 2000 });
  });
});
