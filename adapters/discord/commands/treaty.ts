// /treaty with one subcommand per kind of question. Each subcommand becomes the text the core
// understands ("article 6", "chapter 4", "quotes HRW", "timeline", "help") and goes through the handler.
import {
  InteractionContextType, SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';
import { articleChoices, chapterChoices, speakerChoices } from '../autocomplete.js';
import type { DiscordContext } from '../context.js';
import { commandConversation } from '../conversation.js';
import { answerInteraction, replyUnreadable } from '../respond.js';

const withPrivate = (sub: SlashCommandSubcommandBuilder) =>
  sub.addBooleanOption((o) => o.setName('private').setDescription('Answer so only you can see it (default: everyone in the channel)'));

export const data = new SlashCommandBuilder()
  .setName('treaty')
  .setDescription('Questions about the UN Convention against Cybercrime, answered with quoted, cited passages')
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
  .addSubcommand((s) => withPrivate(s.setName('ask').setDescription('Ask any question about the convention')
    .addStringOption((o) => o.setName('question').setDescription('e.g. Does it cover ransomware?').setRequired(true))))
  .addSubcommand((s) => withPrivate(s.setName('article').setDescription('One article: title, chapter, summary and a link to the official text')
    .addIntegerOption((o) => o.setName('number').setDescription('Article number, or type words of its title').setRequired(true).setMinValue(1).setAutocomplete(true))))
  .addSubcommand((s) => withPrivate(s.setName('chapter').setDescription('One chapter and its articles')
    .addIntegerOption((o) => o.setName('number').setDescription('Chapter number (1 to 9), or type words of its title').setRequired(true).setMinValue(1).setAutocomplete(true))))
  .addSubcommand((s) => withPrivate(s.setName('quotes').setDescription('What people and organisations said about the convention')
    .addStringOption((o) => o.setName('speaker').setDescription('A person or organisation, e.g. Human Rights Watch').setAutocomplete(true))))
  .addSubcommand((s) => withPrivate(s.setName('timeline').setDescription('Key dates, from the 2019 mandate to entry into force')))
  // No `private` option: the help is only ever shown to the asker.
  .addSubcommand((s) => s.setName('help').setDescription('What the bot can answer, and how to ask (only you see it)'));

type Options = ChatInputCommandInteraction['options'];

/** The text the core understands for one subcommand. */
export function questionFor(subcommand: string, options: Pick<Options, 'getString' | 'getInteger'>): string {
  switch (subcommand) {
    case 'ask':
      return options.getString('question') ?? '';
    case 'article':
      return `article ${options.getInteger('number') ?? ''}`.trim();
    case 'chapter':
      return `chapter ${options.getInteger('number') ?? ''}`.trim();
    case 'quotes':
      return `quotes ${options.getString('speaker') ?? ''}`.trim();
    case 'timeline':
      return 'timeline';
    default:
      return 'help';
  }
}

/** The question and its visibility, or undefined when the options do not match this definition. */
export function parse(options: Options): { text: string; isPrivate: boolean } | undefined {
  try {
    // discord.js throws when an option has another type than asked for, or the subcommand is missing:
    // a registration older (or newer) than this code.
    const subcommand = options.getSubcommand(true);
    // The help concerns only the asker, like Slack's: always ephemeral, so nobody floods a channel with it.
    const isPrivate = subcommand === 'help' || (options.getBoolean('private') ?? false);
    return { text: questionFor(subcommand, options), isPrivate };
  } catch {
    return undefined;
  }
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  const parsed = parse(interaction.options);
  if (!parsed) return replyUnreadable(interaction, ctx);
  // Every subcommand's answer is a turn of the asker's conversation in this channel, so "/treaty ask
  // and the penalties?" follows on from "/treaty article 7"; the answer says so when it does.
  await answerInteraction(interaction, ctx, parsed.text, parsed.isPrivate, commandConversation(interaction.channelId, interaction.user.id));
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: DiscordContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value);
  const { catalog } = ctx.engine;
  const subcommand = interaction.options.getSubcommand(false);
  if (subcommand === 'article') await interaction.respond(articleChoices(catalog, typed));
  else if (subcommand === 'chapter') await interaction.respond(chapterChoices(catalog, typed));
  else if (subcommand === 'quotes') await interaction.respond(speakerChoices(catalog, typed));
  else await interaction.respond([]);
}
