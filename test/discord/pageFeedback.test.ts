// 👍/👎 on a paginated answer, through the real discord.js client: turning the page keeps the feedback
// row (the update re-renders the components), and a vote cast on any page counts for the one answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as w from '../../adapters/discord/wording.js';
import { notRecording, type Recorder, type Vote } from '../../src/runtime/recorder.js';
import { interact, startBot, type Bot } from './harness.js';
import { ALICE, buttonClick, slashCommand, type Json } from './payloads.js';

/** Keeps each vote (the question log itself is tested in test/db): feedback is on, so the row shows. */
const votes: Vote[] = [];
const recorder: Recorder = { ...notRecording, status: () => 'ok', feedback: (vote) => void votes.push(vote) };

let bot: Bot;
beforeAll(async () => { bot = await startBot({ recorder }); });
afterAll(async () => { await bot?.stop(); });

type Button = { custom_id: string; label: string };
const buttons = (message: Json): Button[] => ((message.components ?? []) as { components: Button[] }[]).flatMap((row) => row.components);
const feedbackIds = (message: Json) => buttons(message).map((b) => b.custom_id).filter((id) => id.startsWith('treaty-fb:'));
const byLabel = (message: Json, label: string) => buttons(message).find((b) => b.label === label)!.custom_id;

async function click(message: Json, customId: string): Promise<{ type: number; data: Json }> {
  return (await interact(bot.fake, buttonClick(message, customId, { user: ALICE }))).body as { type: number; data: Json };
}

describe('feedback buttons on a paginated answer', () => {
  it('stay on every page, voting on the same answer, and a vote from page 2 is kept against it', async () => {
    const interaction = slashCommand('timeline', [], { user: ALICE });
    await interact(bot.fake, interaction);
    const first = bot.fake.messageFor(interaction.token as string);
    const ids = feedbackIds(first);
    expect(ids).toHaveLength(2); // 👍 and 👎, besides Previous / page / Next

    const second = await click(first, byLabel(first, w.NEXT));
    expect(second.type).toBe(7); // the message updated in place
    expect(second.data.content).toContain('(page 2 of');
    expect(feedbackIds(second.data)).toEqual(ids);

    const back = await click(second.data, byLabel(second.data, w.PREVIOUS));
    expect(feedbackIds(back.data)).toEqual(ids);

    const helpful = ids.find((id) => id.startsWith('treaty-fb:up:'))!;
    const thanks = await click(second.data, helpful);
    expect(thanks.type).toBe(4);
    expect(votes).toEqual([expect.objectContaining({ vote: 'up', user: ALICE.id, platform: 'discord', requestId: helpful.split(':')[2] })]);
  });
});
