// The console adapter: the same input as the platforms, answered through the real handler and engine,
// in order, as readable text; and the real program answering piped questions, then exiting 0.
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../adapters/console/input.js';
import { startConsole, type ConsoleOptions } from '../../adapters/console/index.js';
import { WELCOME } from '../../adapters/console/wording.js';
import type { Handler } from '../../src/runtime/handler.js';
import { FAILURE_MESSAGE } from '../../adapters/shared/messages.js';
import { handlerFrom, testEngine, testHandler } from '../helpers/engine.js';
import { runMain } from './spawnMain.js';
import { createMemoryStore } from '../../src/runtime/state/store.js';

describe('parseLine: platform input in the terminal', () => {
  it.each([
    ['/treaty objectives', 'objectives'],
    ['/TREATY  article 6 ', 'article 6'],
    ['/treaty', ''],
    ['@bot what are the objectives?', 'what are the objectives?'],
    ['@Treaty-bot /treaty help', 'help'],
    ['does it cover hacking?', 'does it cover hacking?'],
    ['/treatyx article 6', '/treatyx article 6'],
  ])('%j asks %j', (line, text) => {
    expect(parseLine(line)).toEqual({ type: 'ask', text });
  });

  it('blank lines are skipped and quit/exit end the chat', () => {
    expect(parseLine('   ')).toEqual({ type: 'blank' });
    for (const line of ['quit', '/exit', 'EXIT']) expect(parseLine(line)).toEqual({ type: 'quit' });
  });
});

async function chat(lines: string, options: Partial<ConsoleOptions> & { handler?: Handler } = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.setEncoding('utf8').on('data', (chunk: string) => { printed += chunk; });
  const adapter = await startConsole({
    handler: options.handler ?? testHandler(), engine: testEngine(), logger: pino({ level: 'silent' }), store: createMemoryStore(), health: { isReady: () => true },
    options: { input, output, interactive: false, user: 'tester', ...options },
  });
  input.end(lines);
  await adapter.finished;
  await adapter.stop();
  return printed;
}

describe('startConsole', () => {
  it('answers each piped line in order, headed by the question, and finishes after the last answer', async () => {
    // The first answer is held back, so a quicker second one would print first if order were not kept.
    const real = testHandler();
    let first = true;
    const slowFirst: Handler = handlerFrom(async (request) => {
      if (first) { first = false; await new Promise((r) => setTimeout(r, 50)); }
      return real.handle(request);
    }, real);
    const printed = await chat('article 7\n\n/treaty article 99\n', { handler: slowFirst });
    const blocks = printed.split(/^> /m).filter(Boolean);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatch(/^article 7\n■ Article 7: Illegal access/);
    expect(blocks[1]).toMatch(/^\/treaty article 99\nThere is no article 99: the convention has 68 articles/);
    expect(printed.endsWith('\n\n')).toBe(true);
  });

  it('sends requests as platform "console" for the configured user', async () => {
    const real = testHandler();
    const seen: unknown[] = [];
    await chat('@bot article 6\n', { handler: handlerFrom((r) => { seen.push(r); return real.handle(r); }, real), user: 'alice' });
    expect(seen).toEqual([{ text: 'article 6', user: 'alice', channel: 'console', platform: 'console', conversation: expect.stringMatching(/^console:alice:/) }]);
  });

  it('interactive: a welcome line and a prompt; no question echo', async () => {
    const printed = await chat('article 7\n', { interactive: true });
    expect(printed.startsWith(`${WELCOME}\n`)).toBe(true);
    expect(printed).toContain('treaty> ');
    expect(printed).not.toContain('> article 7\n■');
    expect(printed).toContain('■ Article 7: Illegal access');
  });

  it('echoes a question without escape sequences or bidi overrides, and cut when very long', async () => {
    const printed = await chat(`\u001b[2J\u001b[31mred \u202eevil\n${'x'.repeat(5000)}\n`);
    expect(printed).not.toMatch(/[\u001b\u202e]/);
    expect(printed).toContain('> [2J[31mred evil\n');
    expect(printed).toContain(`> ${'x'.repeat(300)}…\n`);
    expect(printed).not.toContain('x'.repeat(301));
  });

  it('a failing handler gets a polite line, and the chat goes on', async () => {
    const real = testHandler();
    let calls = 0;
    const flaky: Handler = handlerFrom((r) => (++calls === 1 ? Promise.reject(new Error('boom')) : real.handle(r)), real);
    const printed = await chat('article 6\narticle 7\n', { handler: flaky });
    expect(printed).toContain(FAILURE_MESSAGE);
    expect(printed).toContain('■ Article 7: Illegal access');
  });
});

describe('npm start with no tokens: the console chat', () => {
  it('answers piped questions in order, lists the commands, and exits 0 when input ends', async () => {
    const result = await runMain({ stdin: '/treaty objectives\narticle 99\n/treaty help\n@bot article 7\n' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const blocks = result.stdout.split(/^> /m).filter(Boolean);
    expect(blocks.map((b) => b.split('\n')[0])).toEqual(['/treaty objectives', 'article 99', '/treaty help', '@bot article 7']);
    expect(blocks[0]).toContain('■ Article 1: Statement of purpose');
    expect(blocks[0]).toContain('Summary (our words, not the official text)');
    expect(blocks[0]).toMatch(/“[^”]+”\n {2}Source: /);
    expect(blocks[1]).toContain('There is no article 99: the convention has 68 articles (1 to 68).');
    for (const command of ['/treaty article 6', '/treaty chapter IV', '/treaty quotes', '/treaty timeline', '/treaty sources', '/treaty help']) {
      expect(blocks[2]).toContain(command);
    }
    expect(blocks[3]).toContain('■ Article 7: Illegal access');
    // No prompt or welcome in piped output.
    expect(result.stdout).not.toContain('treaty> ');
  });

  it('reads .env from the working directory; real environment variables win over it', async () => {
    const result = await runMain({
      dotenv: 'MAX_QUESTION_LENGTH=12\nLOG_LEVEL=info\nRATE_LIMIT_PER_MINUTE=1\n',
      env: { MAX_QUESTION_LENGTH: '20' },
      stdin: 'What are the objectives?\narticle 1\narticle 2\narticle 3\n',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('That question is 24 characters long; please keep it under 20.');
    // The console is not rate limited: its only user is the person at the keyboard.
    expect(result.stdout).not.toContain("You're asking faster");
    expect(result.stdout).toContain('■ Article 3:');
    // With LOG_LEVEL set, request lines go to stderr as JSON, never into the answers on stdout.
    const logs = result.stderr.trim().split('\n').map((l) => JSON.parse(l) as { msg: string; platform?: string });
    expect(logs.filter((l) => l.msg === 'answered')).toHaveLength(4);
    expect(logs.some((l) => l.msg === 'starting console')).toBe(true);
    expect(result.stdout).not.toContain('"level"');
  });
});
