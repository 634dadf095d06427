// npm start runs the esbuild bundle, not the TypeScript source: build it as npm start does and check
// that the bundled program finds the knowledge base and answers.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMain } from './spawnMain.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the built program (npm start)', () => {
  beforeAll(() => {
    execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'pipe' });
  }, 60_000);

  it('answers piped questions from the bundle, with the knowledge base found from dist/', async () => {
    const result = await runMain({ built: true, stdin: '/treaty article 16\n@bot what did HRW say?\n' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('■ Article 16: Non-consensual dissemination of intimate images');
    expect(result.stdout).toContain('legal basis for repression');
  });
});
