// A knowledge "file" that cannot be read (a directory named like a Markdown file) is reported like any
// other problem, naming the file, instead of a bare EISDIR that says nothing about where.
import { mkdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { copyKnowledge, type KnowledgeCopy } from '../helpers/knowledgeCopy.js';

describe('unreadable knowledge files', () => {
  let copy: KnowledgeCopy | undefined;
  afterEach(() => copy?.cleanup());

  it('a directory called articles/oops.md: one problem naming it', () => {
    copy = copyKnowledge();
    mkdirSync(copy.path('articles/oops.md'));
    const result = loadKnowledge(copy.dir);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual([expect.stringMatching(/^articles\/oops\.md:1: file: cannot be read \(it is a directory\)/)]);
  });
});
