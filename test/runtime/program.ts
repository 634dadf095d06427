// The real program (adapters/main.ts) from the TypeScript source in a child process, Slack in HTTP mode
// logging JSON lines on stdout, with helpers to send it signed slash commands. Used by the tests that
// watch it as an operator and a supervisor do (lifecycle.test.ts, crashGuard.test.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Json } from '../slack/fakeSlack.js';
import { signedHeaders } from '../slack/sign.js';

const MAIN = fileURLToPath(new URL('../../adapters/main.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');
export const SECRET = 'lifecycle-signing-secret-0123456789';

export interface Program {
  child: ChildProcess;
  logs: Json[];
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; afterMs: number }>;
  signalledAt: number;
  kill(signal: NodeJS.Signals): void;
}

/** Start the program with this environment; `preload` modules are loaded first (node --import). */
export function startProgram(env: Record<string, string>, preload: string[] = []): Program {
  const cwd = mkdtempSync(join(tmpdir(), 'treaty-life-'));
  const child = spawn(process.execPath, ['--import', TSX, ...preload.flatMap((p) => ['--import', p]), MAIN], {
    cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd, LOG_LEVEL: 'info', LOG_PRETTY: 'false', LOG_QUESTIONS: 'off', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Json[] = [];
  let partial = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop()!;
    for (const line of lines) if (line.startsWith('{')) logs.push(JSON.parse(line) as Json);
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const program: Program = {
    child, logs, stderr: () => stderr, signalledAt: 0,
    exited: new Promise((resolve) => child.once('exit', (code, signal) => {
      rmSync(cwd, { recursive: true, force: true });
      resolve({ code, signal, afterMs: Date.now() - program.signalledAt });
    })),
    kill(signal) {
      program.signalledAt ||= Date.now();
      child.kill(signal);
    },
  };
  return program;
}

/** A signed /treaty command to the program's PORT, answered through `responseUrl`. */
export function command(port: number, text: string, responseUrl: string): Promise<Response> {
  const body = new URLSearchParams({
    team_id: 'T0TEST', channel_id: 'C0GENERAL', user_id: `U0${text.length}${Date.now()}`, user_name: 'op', command: '/treaty', text, response_url: responseUrl, trigger_id: `${Math.random()}`,
  }).toString();
  return fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(SECRET, body) }, body,
  });
}
