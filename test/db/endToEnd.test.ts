// Done when: a new user runs `npm start`, asks three questions in the console, and sees them in
// `npm run insights`; `npm run data -- forget` then removes them. The real program and scripts, in a
// fresh directory with the embedded database and nothing configured.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../runtime/spawnMain.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = import.meta.resolve('tsx');

describe('npm start, three questions, npm run insights', () => {
  const dir = mkdtempSync(join(tmpdir(), 'treaty-e2e-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = { PATH: process.env.PATH ?? '', HOME: dir, DATA_DIR: join(dir, 'data') };
  const script = (name: string, ...args: string[]) => run(process.execPath, ['--import', TSX, join(ROOT, 'scripts', name), ...args], { cwd: dir, env, timeout: 30_000 });

  it('the questions asked in the console are in the report, and forget removes them', async () => {
    const started = await runMain({ env: { DATA_DIR: env.DATA_DIR, LOG_QUESTIONS: 'full' }, stdin: 'article 6\nhow do I cook pasta?\nwhat did HRW say?\n', timeoutMs: 45_000 });
    expect(started.code).toBe(0);
    expect(started.stdout).toContain('Article 6');
    expect(started.stderr).not.toMatch(/records not written|database unavailable/);

    const { stdout } = await script('insights.ts', '--format', 'json');
    const report = JSON.parse(stdout) as { total: number; outcomes: Record<string, number>; refused: { examples: string[] }[]; platform: string | null };
    expect(report.total).toBe(3);
    expect(report.outcomes).toEqual({ answered: 2, refused: 1 });
    expect(report.refused[0]!.examples).toEqual(['how do I cook pasta?']);

    const forgot = await script('data.ts', 'forget', userInfo().username || 'console');
    expect(forgot.stdout).toMatch(/Deleted 3 question\(s\)/);
    expect(JSON.parse((await script('insights.ts', '--format', 'json')).stdout).total).toBe(0);
  }, 120_000);
});
