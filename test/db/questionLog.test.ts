// The question log through the real adapters (Bolt over HTTP, discord.js over the gateway), on both
// databases: one row per request with its outcome, the user id only as a keyed hash, no text when
// redacted.
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseOver } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrations.js';
import { createRecorder } from '../../src/runtime/recorder.js';
import { pseudonymiser } from '../../src/db/pseudonym.js';
import { startBot, until } from '../discord/harness.js';
import { ALICE, DM_CHANNEL_ID, GUILD_ID, messagePayload, BOT, BOT_ID, OPTION, slashCommand } from '../discord/payloads.js';
import { interact } from '../discord/harness.js';
import { startHarness, type Harness } from '../slack/harness.js';
import { TEAM_ID } from '../slack/fakeSlack.js';
import { KINDS, freshSql } from './databases.js';
import { KEY, logged, rowsContaining, rowsOnce, type Logged } from './logged.js';

interface Row { platform: string; workspace: string | null; channel_type: string; user_hash: string; question: string | null; outcome: string; reason: string | null; result_ids: string[]; intent: string | null; latency_ms: number }

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => { for (const c of cleanups.splice(0).reverse()) await c(); });

async function slackWith(log: Logged): Promise<Harness> {
  const h = await startHarness({ handler: log.handler, recorder: log.recorder });
  cleanups.push(() => h.close());
  return h;
}

describe.each(KINDS)('question log on %s', (kind) => {
  it('Slack: one row per request with its outcome; the raw user id is stored nowhere', async () => {
    const log = await logged(kind, { perMinute: 3 });
    cleanups.push(() => log.close());
    const slack = await slackWith(log);
    const asker = 'U0SECRETASKER';
    for (const text of ['article 6', 'how do I cook pasta', 'article 99', 'x'.repeat(501)]) {
      const { responseUrl } = await slack.command(text, asker);
      await slack.fake.responseAt(new URL(responseUrl).pathname);
    }
    // The fourth counted question from this user in a minute is over the limit of 3.
    const { responseUrl } = await slack.command('timeline', asker);
    await slack.fake.responseAt(new URL(responseUrl).pathname);
    await slack.event({ type: 'app_mention', user: 'U0OTHER', text: '<@UBOT123> what did HRW say?', ts: '1700000000.000300', channel: 'C0GENERAL' });
    const rows = await rowsOnce<Row>(log.sql, 'questions', 6);
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => [r.question?.slice(0, 20), r.outcome, r.reason])).toEqual([
      ['article 6', 'answered', null],
      ['how do I cook pasta', 'refused', 'no_match'],
      ['article 99', 'refused', 'unknown_article'],
      ['x'.repeat(20), 'too_long', null],
      ['timeline', 'rate_limited', null],
      ['what did HRW say?', 'answered', null],
    ]);
    expect(rows[0]).toMatchObject({ platform: 'slack', workspace: TEAM_ID, channel_type: 'channel', intent: 'reference' });
    expect(rows[0]!.result_ids[0]).toMatch(/article-?6|6/);
    expect(rows[5]).toMatchObject({ channel_type: 'channel', intent: 'quotes' });
    expect(rows[0]!.latency_ms).toBeGreaterThan(0);
    expect(rows[0]!.user_hash).toBe(pseudonymiser(KEY)(asker));
    expect(new Set(rows.slice(0, 5).map((r) => r.user_hash)).size).toBe(1);
    expect(await rowsContaining(log.sql, asker)).toBe(0);
    expect(await rowsContaining(log.sql, 'U0OTHER')).toBe(0);
  });

  it('Discord: slash command, channel mention and DM, each one row, guild kept, user id never', async () => {
    const log = await logged(kind);
    cleanups.push(() => log.close());
    const bot = await startBot({ handler: log.handler, recorder: log.recorder });
    cleanups.push(() => bot.stop());
    await interact(bot.fake, slashCommand('ask', [{ name: 'question', type: OPTION.string, value: 'does it cover ransomware?' }]));
    bot.fake.dispatch('MESSAGE_CREATE', messagePayload({ author: ALICE, content: `<@${BOT_ID}> article 16`, mentions: [BOT] }));
    bot.fake.dispatch('MESSAGE_CREATE', messagePayload({ author: ALICE, content: 'what is the weather in Paris', dm: true }));
    const rows = await rowsOnce<Row>(log.sql, 'questions', 3);
    const byText = Object.fromEntries(rows.map((r) => [r.question, r]));
    expect(byText['does it cover ransomware?']).toMatchObject({ platform: 'discord', workspace: GUILD_ID, channel_type: 'channel', outcome: 'answered' });
    expect(byText['article 16']).toMatchObject({ workspace: GUILD_ID, channel_type: 'channel', outcome: 'answered' });
    expect(byText['what is the weather in Paris']).toMatchObject({ workspace: null, channel_type: 'dm', outcome: 'refused' });
    expect(await rowsContaining(log.sql, ALICE.id)).toBe(0);
    await until(() => bot.fake.calls.some((c) => c.path === `/channels/${DM_CHANNEL_ID}/messages`));
  });

  it('LOG_QUESTIONS=redacted keeps the outcome but no text', async () => {
    const log = await logged(kind, { logQuestions: 'redacted' });
    cleanups.push(() => log.close());
    const slack = await slackWith(log);
    for (const text of ['article 6', 'how do I cook pasta']) {
      const { responseUrl } = await slack.command(text);
      await slack.fake.responseAt(new URL(responseUrl).pathname);
    }
    const rows = await rowsOnce<Row>(log.sql, 'questions', 2);
    expect(rows.map((r) => [r.question, r.outcome])).toEqual([[null, 'answered'], [null, 'refused']]);
    expect(await rowsContaining(log.sql, 'pasta')).toBe(0);
  });
});

describe('retention', () => {
  it('rows older than RETENTION_DAYS are deleted when the recorder opens the database (and daily after)', async () => {
    const sql = await freshSql('pglite');
    cleanups.push(() => sql.close());
    await migrate(sql);
    const db = databaseOver(sql);
    const at = (days: number) => new Date(Date.now() - days * 86_400_000);
    const row = (days: number, id: string) => ({ id, at: at(days), platform: 'slack', userHash: 'h', question: 'q', outcome: 'answered' as const, resultIds: [], latencyMs: 1 });
    await db.writeQuestions([row(31, '00000000-0000-4000-8000-000000000001'), row(29, '00000000-0000-4000-8000-000000000002')]);
    const recorder = createRecorder({
      openDatabase: async () => ({ ...db, close: async () => undefined }), pseudonymise: pseudonymiser(KEY), logQuestions: 'full', retentionDays: 30, logger: pino({ level: 'silent' }),
    });
    recorder.open();
    cleanups.push(() => recorder.close(1000));
    const deadline = Date.now() + 5000;
    while ((await sql.query('SELECT 1 FROM questions')).length > 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect((await sql.query<{ id: string }>('SELECT id FROM questions')).map((r) => r.id)).toEqual(['00000000-0000-4000-8000-000000000002']);
  });
});
