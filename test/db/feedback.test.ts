// 👍/👎 through the real adapters, stored against the request: on Slack the 👎 opens the "What was
// wrong?" modal (views.open) and its submission is stored with the vote; on Discord the 👎 button
// answers with a modal and its submission likewise. The user id is stored only as its keyed hash.
import { afterEach, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../adapters/slack/blocks.js';
import { WHY_VIEW } from '../../adapters/slack/listeners/feedback.js';
import { pseudonymiser } from '../../src/db/pseudonym.js';
import { interact, startBot } from '../discord/harness.js';
import { ALICE, OPTION, buttonClick, slashCommand, type Json } from '../discord/payloads.js';
import { TEAM_ID } from '../slack/fakeSlack.js';
import { buttonClick as slackClick, findButton, startHarness } from '../slack/harness.js';
import { KINDS } from './databases.js';
import { KEY, logged, rowsContaining, rowsOnce } from './logged.js';

interface Vote { request_id: string; vote: string; comment: string | null; result_ids: string[]; user_hash: string; platform: string }

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => { for (const c of cleanups.splice(0).reverse()) await c(); });

describe.each(KINDS)('feedback on %s', (kind) => {
  it('Slack: 👎 stored with the results shown, the modal opened, its comment stored with the vote', async () => {
    const log = await logged(kind);
    cleanups.push(() => log.close());
    const slack = await startHarness({ handler: log.handler, recorder: log.recorder });
    cleanups.push(() => slack.close());
    const { responseUrl } = await slack.command('article 6', 'U0ASKER');
    const answer = await slack.fake.responseAt(new URL(responseUrl).pathname);
    const down = findButton(answer, ACTIONS.feedbackDown)!;
    const [question] = await rowsOnce<{ id: string }>(log.sql, 'questions', 1);
    expect(JSON.parse(down.value).r).toBe(question!.id);

    await slack.action(slackClick(ACTIONS.feedbackDown, down.value, slack.fake.responseUrl(), 'U0JUDGE'));
    const opened = await slack.fake.waitFor(() => slack.fake.posts('views.open')[0], 'views.open');
    const view = opened.body.view as Json;
    expect(view).toMatchObject({ type: 'modal', callback_id: WHY_VIEW });
    expect(JSON.stringify(view.blocks)).toContain('"max_length":500');
    const [vote] = await rowsOnce<Vote>(log.sql, 'feedback', 1);
    expect(vote).toMatchObject({ request_id: question!.id, vote: 'down', comment: null, platform: 'slack', user_hash: pseudonymiser(KEY)('U0JUDGE') });
    expect(vote!.result_ids[0]).toBe('article-6');

    const comment = 'It should quote the official text. '.repeat(20); // 700 characters: stored cut to 500
    await slack.action({
      type: 'view_submission', token: 'legacy', api_app_id: 'A0APP', team: { id: TEAM_ID, domain: 'test' },
      user: { id: 'U0JUDGE', username: 'judge', name: 'judge', team_id: TEAM_ID }, trigger_id: '1.2.3',
      view: { id: 'V1', type: 'modal', team_id: TEAM_ID, callback_id: WHY_VIEW, private_metadata: view.private_metadata, state: { values: { why: { text: { type: 'plain_text_input', value: comment } } } } },
    });
    const deadline = Date.now() + 5000;
    let rows: Vote[] = [];
    while (Date.now() < deadline && !(rows = await log.sql.query<Vote>('SELECT * FROM feedback'))[0]?.comment) await new Promise((r) => setTimeout(r, 20));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.comment).toBe(comment.slice(0, 500));
    expect(await rowsContaining(log.sql, 'U0JUDGE')).toBe(0);
  });

  it('Discord: 👍 and 👎 buttons under an answer; 👎 opens a modal whose text is stored', async () => {
    const log = await logged(kind);
    cleanups.push(() => log.close());
    const bot = await startBot({ handler: log.handler, recorder: log.recorder });
    cleanups.push(() => bot.stop());
    const call = await interact(bot.fake, slashCommand('ask', [{ name: 'question', type: OPTION.string, value: 'does it cover ransomware?' }]));
    const message = call.body.data as Json;
    const ids = ((message.components ?? []) as Json[]).flatMap((row) => (row.components as Json[]).map((c) => String(c.custom_id)));
    const down = ids.find((id) => id.startsWith('treaty-fb:down:'))!;
    expect(ids.some((id) => id.startsWith('treaty-fb:up:'))).toBe(true);
    const [question] = await rowsOnce<{ id: string }>(log.sql, 'questions', 1);
    expect(down).toBe(`treaty-fb:down:${question!.id}`);

    const click = buttonClick({ ...message, id: '1500000000000000001', channel_id: '1200000000000000002', author: { id: '1100000000000000001', username: 'bot', discriminator: '0', avatar: null, bot: true } }, down);
    const modal = await interact(bot.fake, click);
    expect(modal.body.type).toBe(9);
    expect(modal.body.data.custom_id).toBe(`treaty-fb-why:${question!.id}`);
    expect(JSON.stringify(modal.body.data.components)).toContain('"max_length":500');

    const submit = { ...buttonClick(message, 'x'), type: 5, data: { custom_id: modal.body.data.custom_id, components: [{ type: 1, components: [{ type: 4, custom_id: 'why', value: 'Ransomware is not named in the text' }] }] } };
    delete (submit as Json).message;
    const thanks = await interact(bot.fake, submit);
    expect(thanks.body.data.flags & 64).toBe(64);
    const deadline = Date.now() + 5000;
    let rows: Vote[] = [];
    while (Date.now() < deadline && !(rows = await log.sql.query<Vote>('SELECT * FROM feedback'))[0]?.comment) await new Promise((r) => setTimeout(r, 20));
    expect(rows).toEqual([expect.objectContaining({ request_id: question!.id, vote: 'down', comment: 'Ransomware is not named in the text', platform: 'discord' })]);
    expect(await rowsContaining(log.sql, ALICE.id)).toBe(0);
  });
});
