// Runs the real program (adapters/main.ts, as `npm start` does) in a child process with a clean
// environment: no platform credentials, and a temporary working directory so no developer's .env is read.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../adapters/main.ts', import.meta.url));
/** What `npm start` runs: the bundle `npm run build` writes. */
export const BUILT_MAIN = fileURLToPath(new URL('../../dist/adapters/main.js', import.meta.url));
// Resolved from here, since the child's working directory has no node_modules.
const TSX = import.meta.resolve('tsx');

export interface RunOptions {
  env?: Record<string, string>;
  /** Written to the child's stdin, which is then closed. */
  stdin?: string;
  /** Contents of a .env in the child's working directory. */
  dotenv?: string;
  timeoutMs?: number;
  /** Keep stdin open and send this signal once `when` holds for the output so far. */
  signal?: { name: NodeJS.Signals; when(output: { stdout: string; stderr: string }): boolean };
  /** Run the built bundle (as npm start does) instead of the TypeScript source through tsx. */
  built?: boolean;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export async function runMain(options: RunOptions = {}): Promise<RunResult> {
  const cwd = mkdtempSync(join(tmpdir(), 'treaty-bot-'));
  if (options.dotenv !== undefined) writeFileSync(join(cwd, '.env'), options.dotenv);
  // Only what node needs: nothing from the developer's shell (tokens, LOG_LEVEL) leaks into the run.
  // LOG_QUESTIONS=off unless a test asks for the log: creating the embedded database costs seconds.
  const env = { PATH: process.env.PATH ?? '', HOME: cwd, LOG_QUESTIONS: 'off', ...options.env };
  const args = options.built ? [BUILT_MAIN] : ['--import', TSX, MAIN];
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let signalled = false;
  const check = () => {
    if (!options.signal || signalled || !options.signal.when({ stdout, stderr })) return;
    signalled = true;
    child.kill(options.signal.name);
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; check(); });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; check(); });
  if (options.signal) child.stdin.write(options.stdin ?? '');
  else child.stdin.end(options.stdin ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
  try {
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (c, s) => resolve([c, s]));
    });
    return { code, signal, stdout, stderr };
  } finally {
    clearTimeout(timer);
    child.stdin.destroy();
    rmSync(cwd, { recursive: true, force: true });
  }
}
