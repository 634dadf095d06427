// Logging to a stdout whose reader has gone (a log shipper restarted, a closed pipe) must not keep the
// process from exiting: with buffered writes, pino's flush at exit retried EPIPE forever.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LOGGER = new URL('../../src/runtime/logger.ts', import.meta.url).href;
const TSX = import.meta.resolve('tsx');

describe('logging to a closed stdout', () => {
  it('a few lines, then exit: the process exits at once', async () => {
    const script = `import { createLogger } from '${LOGGER}';
const log = createLogger({ level: 'info', to: 'stdout', pretty: false });
setTimeout(() => { for (let i = 0; i < 5; i++) log.info({ i }, 'line'); process.exit(0); }, 300);`;
    const child = spawn(process.execPath, ['--import', TSX, '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // the reader goes away before anything is written
    const started = Date.now();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.once('exit', (c, s) => resolve([c, s])));
    clearTimeout(timer);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(4_000);
  });
});
