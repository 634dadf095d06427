// Does a question lean on the previous turn, and how? Read from its words alone (deterministic, no
// knowledge base): each rule names a way people continue a conversation, never a particular question.
//   more       "tell me more", "go on", "more details"          → the full text and related entries
//   which      "which article is that in?"                       → the articles behind what was shown
//   step       "the next one", "previous article"                → move through the article numbers
//   voices     "what did critics say about that?"                → the voices on that topic
//   carry      "and the penalties?", "does that apply to…"       → the topic carried over, narrowed by new words
//              (or not: a question with no word pointing back is carried only when it cannot stand alone)
//   standalone a reference of its own ("article 12")             → answered on its own
import { detectIntents } from '../retrieval/intents.js';
import { parseReferences } from '../retrieval/references.js';
import { fold, tokenize } from '../retrieval/text.js';

export type FollowUp =
  | { type: 'standalone' }
  | { type: 'more' }
  /** `unit`: "which article is that in" names articles, "which chapter" their chapters. */
  | { type: 'which'; unit: 'article' | 'chapter' }
  | { type: 'step'; by: 1 | -1; unit: 'article' | 'chapter' }
  /** `others`: "who else…", voices besides those already shown. */
  | { type: 'voices'; stance?: 'critical' | 'supportive'; others?: true }
  /** `narrow`: "only for serious crimes?", "just subscriber info?": about the scope of what was shown;
   *  `strong`: an ellipsis or a demonstrative ("and…", "what about…", "that", "else") surely points back;
   *  `weak`: a pronoun may ("it" is often the convention itself: "does it cover ransomware?");
   *  `none`: nothing points back ("Third-party protections?" after Article 31 still may).
   *  `about`: what was shown is the question's subject, its other words ask something of it ("who
   *  decides that?", "any exceptions?"), so words the knowledge base lacks leave the subject on screen. */
  | { type: 'carry'; marker: Marker; about?: true }
  /** `within`: counted inside the chapter on screen ("the first article in it"), else in the treaty. */
  | ({ type: 'ordinal' } & Ordinal);

export type Marker = 'narrow' | 'strong' | 'weak' | 'none';

/** "The last chapter", "the first article in it": a place counted from the start (1, 2…) or the end (-1). */
export interface Ordinal { position: number; unit: 'article' | 'chapter'; within: boolean }

const POLITE = String.raw`(?:\s+(?:please|pls|then|thanks))*`;
const MORE = new RegExp(String.raw`^(?:ok(?:ay)?\s+|and\s+|so\s+)?(?:` + [
  String.raw`(?:tell|show|give)\s+me\s+more(?:\s+(?:about|on)\s+(?:it|that|this|them|those))?`,
  String.raw`(?:can|could)\s+you\s+(?:tell|show|give)\s+(?:me\s+)?more(?:\s+(?:about|on)\s+(?:it|that|this))?`,
  String.raw`more(?:\s+(?:details?|info|information|on\s+(?:that|this|it)|about\s+(?:that|this|it)))?`,
  String.raw`go\s+on`, String.raw`continue`, String.raw`keep\s+going`, String.raw`what\s+else`, String.raw`anything\s+else`,
  String.raw`(?:expand|elaborate)(?:\s+on\s+(?:that|this|it))?`,
  String.raw`(?:show\s+(?:me\s+)?)?(?:the\s+)?full\s+(?:text|passage|article)`, String.raw`read\s+more`, String.raw`details`,
  String.raw`what\s+does\s+(?:it|that|this)\s+say(?:\s+exactly)?`, String.raw`(?:say|explain)\s+more`,
  // Asking for it again in plainer words: the entry in focus, then what it leads to.
  String.raw`(?:(?:can|could)\s+you\s+)?(?:explain|say|put|describe)\s+(?:it|that|this)(?:\s+again)?\s+(?:simply|more\s+simply|in\s+(?:simple|simpler|plain|plainer|easy|easier|normal|everyday|layman\s*s?)\s+(?:words|terms|english|language))`,
  String.raw`(?:in\s+)?(?:simple|simpler|plain|plainer|easy|easier|normal|everyday|layman\s*s?)\s+(?:words|terms|english|language)`,
  String.raw`eli5`, String.raw`(?:explain\s+(?:it|that|this)\s+)?like\s+i\s*m\s+(?:five|5)`, String.raw`simpler`,
].join('|') + String.raw`)${POLITE}$`);

/** "which article is that in", "what article covers this", "where is that in the treaty". */
const ARTICLE_NOUN = String.raw`(?:article|articles|provision|provisions|section|part|clause|number|chapter|chapters)`;
const WHICH = new RegExp(String.raw`^(?:and\s+|so\s+|ok\s+)?(?:(?:which|what)\s+${ARTICLE_NOUN}\b|where\s+(?:is|are|does|do|can\s+i\s+find)\s+(?:that|this|it|those|these|they)\b|(?:what|which)(?:\s+is|\s+s)?\s+the\s+${ARTICLE_NOUN}\b)`);
/** Words a "which article" question may have besides its pronoun: anything else asks something new. */
const WHICH_WORDS = new Set(['which', 'what', 'where', 'whats', 'is', 's', 'are', 'does', 'do', 'did', 'can', 'i', 'find', 'that', 'this', 'it', 'those', 'these', 'they', 'them',
  'in', 'of', 'from', 'the', 'a', 'an', 'article', 'articles', 'chapter', 'chapters', 'provision', 'provisions', 'section', 'part', 'clause', 'number', 'say', 'says', 'cover', 'covers',
  'come', 'comes', 'treaty', 'convention', 'text', 'exactly', 'again', 'under', 'and', 'so', 'ok', 'please', 'was', 'mentioned', 'located', 'about', 'talk', 'talks', 'deal', 'deals', 'with', 'on']);

const NEXT = /\b(?:next|following|after)\b/;
const PREVIOUS = /\b(?:previous|prior|preceding|before|last)\b/;
const STEP = /^(?:and\s+|ok\s+|so\s+|now\s+|then\s+)?(?:(?:show\s+me|go\s+to|what\s+about|what\s+is|whats|and)\s+)?(?:the\s+)?(?:(?:next|following|previous|prior|preceding)\s+(?:one|article|chapter|provision)|last\s+one|one\s+(?:after|before)(?:\s+(?:that|it|this))?|(?:article|chapter)\s+(?:after|before)\s+(?:that|it|this)|next)(?:\s+(?:one|please|then))*$/;

/** Openers that say a question starts afresh: "different topic —", "separate q:", "unrelated, but…", "new question". */
const NEW_TOPIC = /^(?:(?:ok|okay|so|and|also|now|btw|by\s+the\s+way)\s+)?(?:(?:on\s+)?(?:a\s+)?(?:different|separate|unrelated|new|other|random|side)\s+(?:topic|q|question|subject|thing|matter|note|issue|point)|(?:on\s+)?another\s+(?:topic|q|question|subject|thing|matter|note|issue|point)|changing\s+(?:the\s+)?(?:topic|subject)|change\s+of\s+(?:topic|subject)|unrelated(?:ly)?|separately|something\s+(?:else|different)|switching\s+(?:topics?|gears))\b/;

/** Sentence openers that continue the last answer: "and the penalties?", "what about grooming?". */
const ELLIPSIS = /^(?:and|also|plus|but|same|what\s+about|how\s+about|and\s+what\s+about|what\s+of|as\s+for|then\s+what\s+about|ok\s+and|okay\s+and|so\s+what\s+about|(?:for|in|under|with|regarding|re|to|by|on|about)\s+(?!the\s+(?:convention|treaty)\b))\b/;
/** Demonstratives that point back ("is that legal?", "who does this apply to"), not "this treaty". */
const FOLLOWERS = 'one|ones|article|provision|rule|offence|offense|crime|part|section|law|term|thing|fact|apply|applies|cover|covers|include|includes|mean|means|say|says|require|requires|is|was|does|do|allow|allows|affect|affects|work|works|also|still|only|in|to|for|under|and|or|too|as|again';
const THE_SUBJECT = String.raw`(?!\s+(?:treaty|convention|agreement|instrument|text|document|un)\b)`;
const DEMONSTRATIVE = new RegExp(String.raw`\b(?:that|this|these|those)\b${THE_SUBJECT}(?=\s*$|\s+(?:${FOLLOWERS})\b)` +
  String.raw`|\b(?:is|was|are|does|do|did)\s+(?:that|this|these|those)\b${THE_SUBJECT}|\bsame\b|\b(?:said|such)\s+(?:article|provision|offence|rule)\b`);
/** Stances as adjectives ("who else was critical?"), which the search's intents read as topics. */
const CRITICAL = /\b(?:critical|against|opposed|negative|push(?:ed|es|ing)?\s+back|pushback|object(?:ed|s)?|disagree(?:d|s)?|criticis(?:e|ed|es)|criticiz(?:e|ed|es)|complain(?:ed|s)?|skeptic(?:al|s)?|sceptic(?:al|s)?)\b/;
const SUPPORTIVE = /\b(?:supportive|in favou?r|positive|for it)\b/;
/** "Any exceptions?", "is there a time limit?": asks whether what was shown has something. */
const EXISTENTIAL = /^(?:(?:and|but|so|ok|okay)\s+)?(?:any|are\s+there|is\s+there|were\s+there|was\s+there)\b/;
/** "only for…", "just…": less than what was said. */
const NARROWING = /^(?:only|just|even|but\s+only)\b/;
/** "who else", "anything else": more of what was said. */
const OTHERS = /\belse\b/;
/** Pronouns that may point back, or may mean the convention, its parties or the asker. */
const WEAK_PRONOUN = /\b(?:it|its|they|them|their|she|her|he|him|his|we|us|our|there)\b|^(?:(?:and|but|so|ok|okay)\s+)?(?:what\s+if|what\s+happens\s+if|and\s+if|but\s+if|even\s+if|if)\b/;

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const ORDINAL = new RegExp(String.raw`\b(${ORDINALS.join('|')}|last|final|closing|opening)\s+(article|chapter|provision)s?\b`);
/** Words an ordinal question may have besides its ordinal: anything else asks something of its own. */
const ORDINAL_WORDS = new Set(['what', 'whats', 's', 'is', 'are', 'the', 'a', 'about', 'say', 'says', 'show', 'me', 'tell', 'give', 'read', 'explain', 'of', 'in', 'it', 'its',
  'this', 'that', 'treaty', 'convention', 'text', 'and', 'so', 'ok', 'okay', 'which', 'does', 'do', 'cover', 'covers', 'deal', 'deals', 'with', 'on', 'please', 'then',
  'go', 'to', 'one', 'called', 'titled', 'title', 'chapter', 'article', 'provision', 'how', 'about', 'say', 'now', 'can', 'you', 'i', 'see']);
/** "In it", "of this chapter": counted inside what is on screen. */
const WITHIN = /\b(?:in|of|from)\s+(?:it|(?:this|that|the)\s+chapter|(?:this|that)(?!\s+(?:treaty|convention|agreement|text)))\b/;

/** "What's the last chapter about?", "show me the first article in it": the place asked for, if that is all it asks. */
export function ordinalOf(question: string): Ordinal | undefined {
  const ws = words(question);
  const text = ws.join(' ');
  const m = ORDINAL.exec(text);
  if (!m) return undefined;
  const [, which, noun] = m;
  const rest = text.replace(m[0], ' ').split(' ').filter(Boolean);
  if (!rest.every((w) => ORDINAL_WORDS.has(w) || ORDINALS.includes(w))) return undefined;
  const position = which === 'last' || which === 'final' || which === 'closing' ? -1 : which === 'opening' ? 1 : ORDINALS.indexOf(which!) + 1;
  return { position, unit: noun === 'chapter' ? 'chapter' : 'article', within: WITHIN.test(text) };
}

function words(question: string): string[] {
  return tokenize(fold(question));
}

/** The question after an opener that says it is a new one ("Different topic: what is grooming?" → "what is grooming?"). */
export function afterNewTopic(question: string): string | undefined {
  const m = NEW_TOPIC.exec(words(question).join(' '));
  if (!m) return undefined;
  const skip = new RegExp(String.raw`^[^\p{L}\p{N}]*(?:[\p{L}\p{N}]+[^\p{L}\p{N}]*){${m[0].split(' ').length}}`, 'u');
  const rest = question.replace(skip, '').trim();
  return rest || undefined;
}

export function classifyFollowUp(question: string): FollowUp {
  const ws = words(question);
  if (!ws.length) return { type: 'standalone' };
  const text = ws.join(' ');
  // The asker says the question is a new one ("different topic:", "unrelated q"): nothing carries over.
  if (NEW_TOPIC.test(text)) return { type: 'standalone' };
  // A question with its own reference ("article 12", "and chapter 4?") needs nothing from before.
  const refs = parseReferences(question);
  if (refs.articles.length || refs.chapters.length) return { type: 'standalone' };
  if (MORE.test(text)) return { type: 'more' };
  const ordinal = ordinalOf(question);
  if (ordinal) return { type: 'ordinal', ...ordinal };
  if (STEP.test(text) && (NEXT.test(text) || PREVIOUS.test(text))) {
    return { type: 'step', by: NEXT.test(text) ? 1 : -1, unit: /\bchapter\b/.test(text) ? 'chapter' : 'article' };
  }
  if (WHICH.test(text) && ws.every((w) => WHICH_WORDS.has(w))) return { type: 'which', unit: /\bchapters?\b/.test(text) ? 'chapter' : 'article' };
  const marker: Marker = NARROWING.test(text) ? 'narrow' : ELLIPSIS.test(text) || DEMONSTRATIVE.test(text) || OTHERS.test(text) ? 'strong' : WEAK_PRONOUN.test(text) ? 'weak' : 'none';
  const intents = detectIntents(question);
  const stance = intents.stance ?? (CRITICAL.test(text) ? 'critical' : SUPPORTIVE.test(text) ? 'supportive' : undefined);
  const asksVoices = intents.quotes || (stance !== undefined && /^(?:(?:and|so|but|ok|okay)\s+)?(?:who|which|any|anyone|anybody)\b/.test(text));
  if (asksVoices && marker !== 'none') return { type: 'voices', ...(stance ? { stance } : {}), ...(/\b(?:else|other|others)\b/.test(text) ? { others: true } : {}) };
  // Existential questions count as pointing back only where the rest cannot stand alone (resolve.ts).
  const about = marker === 'strong' && DEMONSTRATIVE.test(text) || EXISTENTIAL.test(text);
  return { type: 'carry', marker, ...(about ? { about: true as const } : {}) };
}
