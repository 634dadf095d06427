// A throwaway copy of knowledge/ that a test may break, so each broken fixture is one small edit of the
// real knowledge base rather than a hand-made miniature that could drift from it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KNOWLEDGE_DIR } from '../../src/knowledge/load.js';

export interface KnowledgeCopy {
  dir: string;
  path(file: string): string;
  edit(file: string, change: (content: string) => string): void;
  remove(file: string): void;
  write(file: string, content: string): void;
  cleanup(): void;
}

export function copyKnowledge(): KnowledgeCopy {
  const dir = mkdtempSync(join(tmpdir(), 'treaty-kb-'));
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  const path = (file: string) => join(dir, file);
  return {
    dir,
    path,
    edit: (file, change) => writeFileSync(path(file), change(readFileSync(path(file), 'utf8'))),
    remove: (file) => rmSync(path(file)),
    write: (file, content) => writeFileSync(path(file), content),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
