// Slack OAuth for many workspaces, through Bolt's own installer against the local fake Web API: the
// install redirect, the callback exchanging the code (oauth.v2.access), the installation stored in the
// database; a signed event from that team answered with that team's token, another team's not at all;
// app_uninstalled deletes the installation and its token.
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../adapters/slack/installations.js';
import { createSlackApp } from '../../adapters/slack/index.js';
import { databaseOver } from '../../src/db/database.js';
import { createMemoryStore } from '../../src/runtime/state/store.js';
import { testEngine } from '../helpers/engine.js';
import { startFakeSlack } from '../slack/fakeSlack.js';
import { signedHeaders } from '../slack/sign.js';
import { KINDS } from './databases.js';
import { logged } from './logged.js';

const SECRET = 'oauth-test-signing-secret-0123456789';
const TEAM = 'T0TWO';
const TOKEN = 'xoxb-team-two-token';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => { for (const c of cleanups.splice(0).reverse()) await c(); });

describe.each(KINDS)('Slack OAuth on %s', (kind) => {
  it('installs a workspace, answers its events with its token, not another team\'s, and forgets it on uninstall', async () => {
    const fake = await startFakeSlack();
    cleanups.push(() => fake.close());
    fake.setResult('oauth.v2.access', {
      access_token: TOKEN, token_type: 'bot', scope: BOT_SCOPES.join(','), bot_user_id: 'UBOT2', app_id: 'A0APP',
      team: { id: TEAM, name: 'Two' }, enterprise: null, is_enterprise_install: false, authed_user: { id: 'U0INSTALLER' },
    });
    const log = await logged(kind);
    cleanups.push(() => log.close());
    const slack = createSlackApp({
      handler: log.handler, engine: testEngine(), logger: pino({ level: 'silent' }), store: createMemoryStore(), health: { isReady: () => true },
      recorder: log.recorder, database: async () => ({ ...databaseOver(log.sql), close: async () => undefined }),
      config: { mode: 'http', signingSecret: SECRET, port: 0, apiUrl: fake.apiUrl, publicAnswers: false, oauth: { clientId: '111.222', clientSecret: 'client-secret-xyz', stateSecret: 'state-secret-0123456789' } },
    }, { host: '127.0.0.1', retryConfig: { retries: 0 } });
    await slack.start();
    cleanups.push(() => slack.stop());
    const base = `http://127.0.0.1:${slack.port}`;

    // "Add to Slack": a redirect to Slack's authorize page, with a state bound to this browser by a cookie.
    const install = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    expect(install.status).toBe(302);
    const authorize = new URL(install.headers.get('location')!);
    expect(authorize.searchParams.get('client_id')).toBe('111.222');
    expect(authorize.searchParams.get('scope')).toBe(BOT_SCOPES.join(','));
    const state = authorize.searchParams.get('state')!;
    const cookie = install.headers.get('set-cookie')!.split(';')[0]!;

    // A forged state is refused and nothing is stored.
    const forged = await fetch(`${base}/slack/oauth_redirect?code=c0de&state=forged`, { headers: { cookie } });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(await log.sql.query('SELECT * FROM slack_installations')).toHaveLength(0);

    const done = await fetch(`${base}/slack/oauth_redirect?code=c0de&state=${encodeURIComponent(state)}`, { headers: { cookie } });
    expect(done.status).toBe(200);
    expect(fake.posts('oauth.v2.access')[0]!.body).toMatchObject({ code: 'c0de', client_id: '111.222' });
    const rows = await log.sql.query<{ team_id: string; installation: { bot: { token: string } } | string }>('SELECT team_id, installation FROM slack_installations');
    expect(rows.map((r) => r.team_id)).toEqual([TEAM]);
    expect(JSON.stringify(rows[0]!.installation)).toContain(TOKEN);

    const mention = (team: string, channel: string, ts: string, type = 'app_mention') => {
      const body = JSON.stringify({
        token: 'legacy', team_id: team, api_app_id: 'A0APP', type: 'event_callback', event_id: `Ev${ts}`, event_time: Math.floor(Date.now() / 1000),
        event: type === 'app_mention' ? { type, user: 'U0ASKER', text: '<@UBOT2> article 6', ts, channel } : { type, event_ts: ts },
        authorizations: [{ team_id: team, user_id: 'UBOT2', is_bot: true }],
      });
      return fetch(`${base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...signedHeaders(SECRET, body) }, body });
    };
    expect((await mention(TEAM, 'C0TWO', '1700000000.000100')).status).toBe(200);
    const post = await fake.waitFor(() => fake.posts('chat.postMessage').find((c) => c.body.channel === 'C0TWO'), 'the answer in team two');
    expect(post.authorization).toBe(`Bearer ${TOKEN}`);

    // Another team has no installation: its event is not answered, with that token or any other.
    await mention('T0THREE', 'C0THREE', '1700000000.000200');
    await mention(TEAM, 'C0TWO', '1700000000.000300');
    await fake.waitFor(() => (fake.posts('chat.postMessage').filter((c) => c.body.channel === 'C0TWO').length === 2 ? true : undefined), 'the second answer in team two');
    expect(fake.calls.filter((c) => c.body.channel === 'C0THREE')).toEqual([]);

    await mention(TEAM, '', '1700000000.000400', 'app_uninstalled');
    const deadline = Date.now() + 5000;
    while ((await log.sql.query('SELECT 1 FROM slack_installations')).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await log.sql.query('SELECT 1 FROM slack_installations')).toHaveLength(0);
    await mention(TEAM, 'C0TWO', '1700000000.000500');
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.posts('chat.postMessage').filter((c) => c.body.channel === 'C0TWO')).toHaveLength(2);
  });
});
