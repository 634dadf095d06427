// What kind of question this is, from its words. Each rule names a whole class of questions (not any
// one question), and only changes which entries come first; the search itself stays the same.
import { fold, tokenize } from './text.js';

export interface IntentSignals {
  /** Asks what someone said ("what did X say", "quote", "view", "warn"). */
  quotes: boolean;
  /** Only critical or only supportive voices ("critics", "supporters"). */
  stance?: 'critical' | 'supportive';
  /** Asks when, or for the timeline or status. */
  when: boolean;
  /** Asks for the whole timeline and nothing narrower. */
  timelineOnly: boolean;
  /** Asks for the convention's purpose. */
  purpose: boolean;
  /** Asks which documents the answers come from. */
  sources: boolean;
  /** The contested topics it touches (human rights, privacy, surveillance), as phrases. */
  contested: string[];
  /** Asks why: motivation and background, which the source passages explain. */
  why: boolean;
  /** Asks for a verdict on the treaty ("is it good or bad", "is it dangerous"): its words of judgement. */
  verdict: string[];
  /** Asks which chapter something is in. */
  chapter: boolean;
  /** Asks the bot to do a task (translate, write, convert), which is not a question about the treaty. */
  task: boolean;
}

const QUOTE_WORDS = new Set(['say', 'said', 'says', 'saying', 'quote', 'quotes', 'quoted', 'quotation', 'quotations', 'stated', 'statement', 'statements',
  'think', 'thinks', 'thought', 'view', 'views', 'opinion', 'opinions', 'warn', 'warned', 'warns', 'warning', 'react', 'reacted', 'reaction', 'reactions',
  'position', 'stance', 'comment', 'comments', 'commented', 'voices', 'voice', 'claim', 'claimed', 'argue', 'argued', 'praised', 'criticised', 'criticized']);
const CRITICAL_WORDS = new Set(['critics', 'critic', 'opponents', 'opposed', 'oppose', 'opposes', 'opposing', 'pushback', 'concerns', 'concerned', 'worries', 'objections', 'criticised', 'criticized', 'criticism', 'criticisms', 'risks', 'dangers']);
// "Who's against it": opposition, though "against" is also in the convention's own name.
const OPPOSED = /\b(?:who|who s|whos|anyone|anybody|people|groups|countries|states|organisations|organizations)\s+(?:is\s+|are\s+|was\s+|were\s+)?(?:against|opposing|opposed to)\b(?!\s+cybercrime)/;
const SUPPORTIVE_WORDS = new Set(['supporters', 'proponents', 'praise', 'praised', 'supportive', 'welcomed', 'backers']);
/** Nouns for people by stance: "critics" asks for voices even without "say". */
const STANCE_NOUNS = new Set(['critics', 'opponents', 'supporters', 'proponents', 'backers']);
const TASK_VERBS = new Set(['translate', 'write', 'compose', 'convert', 'calculate', 'compute', 'generate', 'draw', 'code', 'sing', 'draft', 'rewrite',
  'paraphrase', 'ignore', 'pretend', 'roleplay', 'imagine', 'act', 'forget', 'disregard', 'play']);
// Polite openings before a task verb: "can you write …", "please draft …".
// "help me draft …", "i need you to write …": asking for help with a task is still the task.
const POLITE = new Set(['hey', 'hi', 'ok', 'okay', 'please', 'can', 'could', 'would', 'will', 'you', 'kindly', 'now', 'help', 'me', 'us', 'i', 'need', 'want']);
// Help with someone's own account ("how do i recover my instagram account", "reset my password"): a task for them or their provider, not a question about the treaty. Money taken is not
// here: getting it back is the convention's (confiscation, return of proceeds, compensation).
const ACCOUNT_HELP = / (?:recover|restore|regain|reset|unlock|unblock|unlocking|recovering|resetting|get back into|back into) (?:my|our|the|his|her|their) (?:\w+ ){0,2}(?:account|accounts|password|passwords|login|profile|email|inbox|phone) | get (?:my|our) (?:\w+ ){0,2}(?:account|accounts|password|login|profile|email) back /;
// Instructions to the bot rather than questions ("… ignore your previous instructions and …").
const INJECTION = / (?:ignore|disregard|forget) (?:all |any |your |the |my )*(?:previous |prior |above |earlier |system )*(?:instructions|rules|prompt|prompts|guidelines) | system prompt | jailbreak /;
// "How do I fix my wifi", "how to install …", "I forgot my password": a practical how-to the treaty
// says nothing about, a task.
const HOW_TO = / how (?:do|can|should|would|could) (?:i|we|you) (?:\w+ )?(?:fix|repair|troubleshoot|install|reinstall|uninstall|configure|set up|setup|reset|reboot|restart|speed up|upgrade|download|cook|bake) | how to (?:fix|repair|troubleshoot|install|reinstall|uninstall|configure|set up|setup|reset|reboot|restart|speed up|upgrade|download|cook|bake) | (?:forgot|forgotten|reset|change) (?:my |the |our )?password /;
// "Best phone to buy", "what's the cheapest cloud storage", "recommend a laptop": shopping advice, a
// task. "Best practices" and "the best way to report it" are no such thing.
const SHOPPING = /^(?:what s |what is |whats |which is )?(?:the )?(?:best|cheapest|top rated) (?!practice|practices|way|ways|article|articles|provision|provisions|chapter|part|summary)| recommend (?:a|an|me|some|good) /;
const WHEN_WORDS = new Set(['when', 'timeline', 'date', 'dates', 'dated', 'history', 'chronology', 'status', 'deadline', 'schedule', 'year', 'milestones']);
const TIMELINE_WORDS = new Set(['timeline', 'history', 'chronology', 'dates', 'milestones']);
const PURPOSE_WORDS = new Set(['objective', 'objectives', 'purpose', 'purposes', 'aim', 'aims', 'goal', 'goals', 'mission']);
const SOURCE_WORDS = new Set(['source', 'sources', 'documents', 'references', 'bibliography']);
/** Stems of contested topics: any of these makes the answer show provisions and voices of both stances. */
const CONTESTED_PHRASES = ['human rights', 'privacy', 'surveillance', 'data protection', 'personal data', 'safeguard', 'civil liberties',
  'freedom of expression', 'free speech', 'repression', 'authoritarian', 'journalists', 'activists', 'dissidents', 'abuse of power', 'oversight'];
// "Effective" alone asks whether it will work, not when it applies: only "take effect" counts.
const IN_FORCE = /\b(?:in|into) force\b|\btakes? effect\b|\bbecomes? effective\b/;
// Signing and ratifying ask for a date only when asked about progress ("has anyone ratified it yet"),
// not when asked what they are ("difference between signing and ratifying").
const STATUS = /\b(?:signed|signature|ratif\w*)\b.*\b(?:yet|so far|already|now)\b|\b(?:yet|so far|already)\b.*\b(?:signed|ratif\w*)\b|\bhow many\b.*\b(?:signed|ratif\w*)\b/;
/** Words a question uses when it asks what the treaty itself says ("what does it say"), not a person. */
const TREATY_SUBJECT = new Set(['it', 'treaty', 'convention', 'text', 'article', 'articles', 'law', 'provision', 'provisions', 'this', 'document', 'clause', 'section', 'part', 'anything', 'something', 'chapter',
  // Documents it governs: "does a request have to say what crime it is about".
  'request', 'requests', 'order', 'orders', 'warrant', 'notice', 'application', 'form', 'letter']);
const THINK_VERBS = new Set(['think', 'thinks', 'thought']);
/** "why do people say …", "is it true, as some claim, …": a claim put to the treaty's text, by no one in particular. */
const GENERIC_CLAIM = / (?:why|is it true|true that) (?:do|does|did|would|are|is)? ?(?:people|some|some people|many|many people|they|everyone|folks|others|critics say|you hear) (?:say|saying|claim|claiming|call|calling|argue|arguing|think)\b/;
const SAY_VERBS = new Set(['say', 'says', 'said', 'saying', 'state', 'stated']);

/** Words of judgement: a question made of them asks what the treaty is worth, a contested matter. */
export const VERDICT_WORDS = new Set(['good', 'bad', 'harmful', 'dangerous', 'controversial', 'controversy', 'problematic', 'criticism', 'criticisms',
  'worrying', 'concerning', 'evil', 'threat', 'pros', 'cons', 'fair', 'safe', 'worth', 'beneficial', 'helpful', 'useful', 'debate', 'debated', 'divisive']);

/** The contested topics a text touches, as phrases ("human rights", "surveillance"). */
export function contestedTopics(text: string): string[] {
  const phrase = ` ${tokenize(fold(text)).join(' ')} `;
  // A phrase matches at a word start, so "safeguard" matches "safeguards".
  return CONTESTED_PHRASES.filter((p) => phrase.includes(` ${p}`));
}

export function detectIntents(question: string): IntentSignals {
  const folded = fold(question);
  const words = tokenize(folded);
  const has = (set: Set<string>) => words.some((w) => set.has(w));
  const phrase = ` ${words.join(' ')} `;
  const when = has(WHEN_WORDS) || IN_FORCE.test(folded) || STATUS.test(folded);
  // "What does X say": quotes only when X is not the treaty itself ("what does it say about Y").
  const sayAt = words.findIndex((w) => SAY_VERBS.has(w));
  const treatySays = sayAt > 0 && words.slice(Math.max(0, sayAt - 3), sayAt).some((w) => TREATY_SUBJECT.has(w));
  // "What do critics think" asks for views; "do states have to think about third parties" does not.
  const asksView = (i: number) => words.slice(Math.max(0, i - 5), i).some((w) => w === 'what' || w === 'how');
  // "Why do people say it's X" asks whether X holds, which the provisions answer, not who said it.
  const claimQuestioned = GENERIC_CLAIM.test(phrase);
  const quoteWord = !claimQuestioned && words.some((w, i) => QUOTE_WORDS.has(w) && !(treatySays && SAY_VERBS.has(w)) && (!THINK_VERBS.has(w) || asksView(i)));
  // "timeline", "history" or "key dates" with nothing else but filler: the whole timeline.
  const filler = new Set(['the', 'of', 'a', 'key', 'show', 'me', 'what', 'is', 'its', 'full', 'give', 'and', 'convention', 'treaty', 'cybercrime', 'un', 'please']);
  const timelineOnly = has(TIMELINE_WORDS) && words.every((w) => TIMELINE_WORDS.has(w) || filler.has(w));
  const opposed = OPPOSED.test(phrase);
  const stance = has(CRITICAL_WORDS) || opposed ? 'critical' : has(SUPPORTIVE_WORDS) || (words[0] === 'who' && words.some((w) => w.startsWith('support'))) ? 'supportive' : undefined;
  return {
    quotes: quoteWord || has(STANCE_NOUNS) || opposed || (stance !== undefined && words[0] === 'who'),
    stance,
    when,
    timelineOnly,
    purpose: has(PURPOSE_WORDS),
    sources: has(SOURCE_WORDS) && words.length <= 4,
    contested: contestedTopics(question),
    why: words[0] === 'why' || [' reason ', ' reasons ', ' argument ', ' rationale ', ' justification '].some((w) => phrase.includes(w)),
    task: TASK_VERBS.has(words.find((w) => !POLITE.has(w)) ?? '') || INJECTION.test(phrase) || HOW_TO.test(phrase) || SHOPPING.test(phrase.trimStart()) || ACCOUNT_HELP.test(phrase),
    chapter: /\b(?:what|which) chapter\b|\bchapter (?:is|are|does|covers?)\b.*\bin\b/.test(phrase),
    verdict: words.filter((w) => VERDICT_WORDS.has(w)),
  };
}

/** The words that define the purpose intent, used to find the source passages that state aims. */
export const PURPOSE_QUERY = [...PURPOSE_WORDS].join(' ');
/** Words that only say "what did someone say": removed before searching for what they said it about. */
export const QUOTE_QUERY = [...QUOTE_WORDS, ...STANCE_NOUNS, ...CRITICAL_WORDS, ...SUPPORTIVE_WORDS, 'who', 'supports'].join(' ');
