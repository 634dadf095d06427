// The command-line tools as people run them: npm run knowledge -- check | export | import-official, and
// npm run ask -- --jsonl. Each runs as a real process through tsx, as the npm scripts do.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { copyKnowledge, type KnowledgeCopy } from '../helpers/knowledgeCopy.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = import.meta.resolve('tsx');

interface Run { code: number; stdout: string; stderr: string }

async function run(script: string, args: string[], stdin?: string): Promise<Run> {
  const child = promisify(execFile)(process.execPath, ['--import', TSX, join(ROOT, 'scripts', script), ...args], { cwd: ROOT, maxBuffer: 50e6 });
  if (stdin !== undefined) {
    child.child.stdin!.end(stdin);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run knowledge', () => {
  let copy: KnowledgeCopy | undefined;
  afterEach(() => copy?.cleanup());

  it('check prints the counts by kind and exits 0', async () => {
    const r = await run('knowledge.ts', ['check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/article\s+68/);
    expect(r.stdout).toMatch(/chapter\s+9/);
    expect(r.stdout).toMatch(/quote\s+4/);
  });

  it('check exits 1 listing the problem as file:line: field: reason', async () => {
    copy = copyKnowledge();
    copy.edit('quotes/ghada-waly-milestone.md', (s) => s.replace('is a milestone', 'is a triumph'));
    const r = await run('knowledge.ts', ['check', '--dir', copy.dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('quotes/ghada-waly-milestone.md:13: text: is not found verbatim');
  });

  it('export --jsonl writes every entry as one JSON object a line', async () => {
    const r = await run('knowledge.ts', ['export', '--jsonl']);
    expect(r.code).toBe(0);
    const entries = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries.filter((e) => e.kind === 'article')).toHaveLength(68);
    const quote = entries.find((e) => e.id === 'quote-deborah-brown-disaster')!;
    expect(quote).toMatchObject({ kind: 'quote', speaker: 'Deborah Brown', stance: 'critical' });
    for (const e of entries) for (const field of ['id', 'kind', 'title', 'text', 'citation']) expect(e[field], `${e.id}.${field}`).toBeDefined();
  });

  it('import-official fills articles from a text file and reports the ones it could not find', async () => {
    copy = copyKnowledge();
    const file = join(copy.dir, '..', `official-${Date.now()}.txt`);
    writeFileSync(file, 'Article 16\nNon-consensual dissemination of intimate images\n\n1. Each State Party shall adopt such measures.\n');
    const r = await run('knowledge.ts', ['import-official', file, '--dir', copy.dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Filled the official text of 1 article.');
    expect(r.stdout).toMatch(/Not found in .*: articles 1, 2, 3,/);
    expect(readFileSync(copy.path('articles/article-16.md'), 'utf8')).toMatch(/## Official text\n\n1\. Each State Party shall adopt such measures\.\n$/);
  });
});

describe('npm run knowledge -- import-official, when the knowledge base has an official text but no copy', () => {
  let copy: KnowledgeCopy | undefined;
  afterEach(() => copy?.cleanup());

  it('still imports, and afterwards the knowledge base checks out', async () => {
    copy = copyKnowledge();
    copy.edit('articles/article-07.md', (s) => `${s.trimEnd()}\n\n## Official text\n\nPasted by hand.\n`);
    expect((await run('knowledge.ts', ['check', '--dir', copy.dir])).code).toBe(1);
    const file = join(copy.dir, '..', `official-${Date.now()}-7.txt`);
    writeFileSync(file, 'Article 7\nIllegal access\n\n1. Each State Party shall adopt such measures.\n');
    const r = await run('knowledge.ts', ['import-official', file, '--dir', copy.dir]);
    expect(r.code).toBe(0);
    expect((await run('knowledge.ts', ['check', '--dir', copy.dir])).code).toBe(0);
  });
});

describe('npm run ask', () => {
  it('--jsonl answers one question a line, in order', async () => {
    const r = await run('ask.ts', ['--jsonl'], 'article 7\nhow do I cook pasta\nWhat did HRW say?\n');
    expect(r.code).toBe(0);
    const answers = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { query: string; abstained: boolean; results: { id: string }[] });
    expect(answers.map((a) => a.query)).toEqual(['article 7', 'how do I cook pasta', 'What did HRW say?']);
    expect(answers[0]!.results[0]!.id).toBe('article-7');
    expect(answers[1]!.abstained).toBe(true);
    expect(answers[2]!.results[0]!.id).toMatch(/^quote-/);
  });

  it('prints a readable answer with quotes and citations', async () => {
    const r = await run('ask.ts', ['what are the objectives?']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Article 1: Statement of purpose');
    expect(r.stdout).toContain('“The new convention aims to strengthen international cooperation');
    expect(r.stdout).toContain('paragraph 4');
  });
});
