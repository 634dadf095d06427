// The process's last boundary (adapters/main.ts), in the real program: a promise rejected with nobody
// awaiting it (a library failing on a malformed event) is logged and the bot keeps answering; a
// synchronous throw nobody caught is logged and the program shuts down as on SIGTERM, exit code 1.
// crashTrigger.ts, loaded into the child, stands in for the failing library.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, waitUntil } from '../helpers/redis.js';
import { startFakeSlack, type FakeSlack } from '../slack/fakeSlack.js';
import { SECRET, command, startProgram, type Program } from './program.js';

const TRIGGER = new URL('./crashTrigger.ts', import.meta.url).href;

let fake: FakeSlack;
const running: Program[] = [];
beforeAll(async () => { fake = await startFakeSlack(); });
afterAll(async () => {
  for (const p of running) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  await fake.close();
});

async function started(crash: 'rejection' | 'throw'): Promise<{ p: Program; port: number }> {
  const port = await freePort();
  const p = startProgram({ SLACK_BOT_TOKEN: 'xoxb-crash', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(port), CRASH: crash }, [TRIGGER]);
  running.push(p);
  // Generous: the machine running the suite may be busy, and start-up is not what is tested here.
  await waitUntil(() => p.logs.some((l) => l.msg === 'ready'), 40_000, 'ready');
  return { p, port };
}

/** Ask the program and wait for its answer at the fake response URL. */
async function ask(port: number, text: string) {
  const url = fake.responseUrl();
  expect((await command(port, text, url)).status).toBe(200);
  return JSON.stringify(await fake.responseAt(new URL(url).pathname));
}

describe('the crash guard of the real program', () => {
  it('an unhandled promise rejection is logged with its error, and the bot keeps answering', async () => {
    const { p, port } = await started('rejection');
    expect(await ask(port, 'article 6')).toContain('Respect for human rights');
    p.kill('SIGUSR2');
    await waitUntil(() => p.logs.some((l) => l.msg === 'unhandled promise rejection ignored; still serving'), 5_000, 'the logged rejection');
    const logged = p.logs.find((l) => l.msg === 'unhandled promise rejection ignored; still serving')!;
    expect(logged).toMatchObject({ level: 50, err: { message: 'malformed event (crash guard test)' } });
    // Still serving: a second question is answered, and the process did not exit.
    expect(await ask(port, 'article 6')).toContain('Respect for human rights');
    expect(p.child.exitCode).toBeNull();
    p.kill('SIGTERM');
    expect((await p.exited).code).toBe(0);
  }, 60_000);

  it('an uncaught exception is logged as fatal, then the program shuts down as on SIGTERM and exits 1', async () => {
    const { p } = await started('throw');
    p.kill('SIGUSR2');
    const { code, signal } = await p.exited;
    expect({ code, signal }).toEqual({ code: 1, signal: null });
    expect(p.logs.find((l) => l.level === 60)).toMatchObject({ msg: 'uncaught exception: shutting down', err: { message: 'malformed event (crash guard test)' } });
    expect(p.logs.find((l) => l.msg === 'shutting down')).toMatchObject({ reason: 'uncaught exception' });
    expect(p.logs.at(-1)).toMatchObject({ msg: 'stopped', dropped: 0 });
  }, 60_000);
});
