// "I'm not sure I understood — did you mean …": the core's candidates become buttons, and clicking
// one asks it, through the real discord.js client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limitViolations } from '../../adapters/discord/limits.js';
import { render } from '../../adapters/discord/render.js';
import { testEngine } from '../helpers/engine.js';
import { interact, startBot, visible, type Bot } from './harness.js';
import { ALICE, OPTION, buttonClick, slashCommand, type Json } from './payloads.js';

// A question close to several entries but under the bar (the core's own unsure outcome).
const QUESTION = 'the bit about teens';
let bot: Bot;
beforeAll(async () => { bot = await startBot(); });
afterAll(async () => { await bot?.stop(); });

type Button = { custom_id: string; label: string };
const buttons = (message: Json): Button[] => ((message.components ?? []) as { components: Button[] }[]).flatMap((row) => row.components);

describe('unsure answers on Discord', () => {
  it('the core is unsure about the question (otherwise this file tests nothing)', () => {
    expect(testEngine().ask(QUESTION).outcome.type).toBe('unsure');
  });

  it('render the candidates as buttons inside Discord\'s limits, and other refusals without them', () => {
    const [page] = render({ type: 'answer', requestId: 'r', answer: testEngine().ask(QUESTION) });
    expect(page!.content).toContain("I'm not sure I understood");
    expect(buttons(page as unknown as Json).length).toBeGreaterThanOrEqual(2);
    expect(limitViolations(page!)).toEqual([]);
    const [refused] = render({ type: 'answer', requestId: 'r', answer: testEngine().ask('how do I cook pasta with basil') });
    expect(refused!.components).toEqual([]);
  });

  it('a click asks the candidate and answers it', async () => {
    const interaction = slashCommand('ask', [{ name: 'question', type: OPTION.string, value: QUESTION }], { user: ALICE });
    await interact(bot.fake, interaction);
    const message = bot.fake.messageFor(interaction.token as string);
    const first = buttons(message)[0]!;
    const answered = await interact(bot.fake, buttonClick(message, first.custom_id, { user: ALICE }));
    const body = answered.body as { type: number; data: Json };
    expect(body.type).toBe(4); // a new message in the channel
    expect(visible(body.data)).not.toContain("I'm not sure");
    expect(visible(body.data)).toMatch(/Article \d+/);
  });
});
