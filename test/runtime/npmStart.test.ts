// `npm start` must not leave an orphan: npm forwards SIGTERM (from pm2, supervisord, many container
// setups) only to its direct child, so that child must be node itself, not a shell that would die and
// leave node holding the port. Checked on the real process tree, then with the signal.
import { execFileSync, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePort, waitUntil } from '../helpers/redis.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const listening = (port: number) => new Promise<boolean>((resolve) => {
  const socket = connect(port, '127.0.0.1');
  socket.once('connect', () => { socket.destroy(); resolve(true); });
  socket.once('error', () => resolve(false));
});

interface Proc { pid: number; ppid: number; cmd: string }

/** Every descendant of a process. */
function descendants(pid: number): Proc[] {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' }).trim().split('\n').map((line) => {
    const [, p, pp, cmd] = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line)!;
    return { pid: Number(p), ppid: Number(pp), cmd: cmd! };
  });
  const out: Proc[] = [];
  const visit = (parent: number) => rows.filter((r) => r.ppid === parent).forEach((r) => { out.push(r); visit(r.pid); });
  visit(pid);
  return out;
}

const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

describe('npm start', () => {
  it('runs node as npm\'s own child, so SIGTERM to npm stops the bot and frees its port', async () => {
    const port = await freePort();
    // The console chat (no tokens) with a health port: it runs while stdin stays open.
    const npm = spawn('npm', ['start', '--silent'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), HEALTH_PORT: String(port), LOG_QUESTIONS: 'off' }, stdio: ['pipe', 'ignore', 'ignore'] });
    const exited = new Promise((resolve) => npm.once('exit', resolve));
    let tree: Proc[] = [];
    try {
      await waitUntil(() => listening(port), 20_000, 'the health port');
      tree = descendants(npm.pid!);
      const bot = tree.find((p) => p.cmd.includes('dist/adapters/main.js') && !p.cmd.startsWith('sh '));
      expect(bot?.ppid).toBe(npm.pid);
      npm.kill('SIGTERM');
      await exited;
      await waitUntil(async () => !(await listening(port)) && !tree.some((p) => alive(p.pid)), 5_000, 'the bot to exit and free its port');
    } finally {
      for (const p of tree) if (alive(p.pid)) process.kill(p.pid, 'SIGKILL');
      npm.kill('SIGKILL');
    }
  }, 40_000);
});
