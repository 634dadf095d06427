// The retrieval core: a question in, an Answer of verbatim passages and labelled summaries out.
// A pipeline of small stages, each in stages/: normalise → references → scope and intent → expand →
// search → rerank → decide → assemble. A new layer of understanding is a new stage, not a longer file.
import type { Answer } from '../answer.js';
import type { Engine } from '../engine.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { withFollowUps } from '../conversation/resolve.js';
import { buildCatalog } from './catalog.js';
import { buildCorpus, processed } from './corpus.js';
import { createAssembler } from './stages/assemble.js';
import { createComposer } from './stages/compose.js';
import { decide } from './stages/decide.js';
import { expand } from './stages/expand.js';
import { normalise } from './stages/normalise.js';
import { addWordNet } from './stages/wordnet.js';
import { answerReferences, findReferences } from './stages/references.js';
import { rerank } from './stages/rerank.js';
import { scope as findScope } from './stages/scope.js';
import { search as searchIndex } from './stages/search.js';
import { layersOf, type EngineOptions } from './options.js';
import { groupCoverage } from './abstain.js';
import { contestedTopics } from './intents.js';
import type { Hit } from './searchIndex.js';
import { fold, normalizeQuery, SUBJECT_WORDS, tokenize } from './text.js';

export function createEngine(kb: KnowledgeBase, options: EngineOptions = {}): Engine {
  const layers = layersOf(options);
  const corpus = buildCorpus(kb, layers);
  const out = createAssembler(corpus);
  const compose = createComposer(corpus, out);

  /** The question's words as weighted groups of index terms (the lexicon's and WordNet's words added). */
  function expandText(text: string) {
    const expanded = expand(text, corpus.phrases, layers, corpus.titleWords);
    return layers.wordnet ? addWordNet(expanded, corpus.index) : expanded;
  }

  /** Expand, search and rerank a text: the ranked hits for it, or none when it would abstain. */
  function rank(text: string): Hit[] {
    const expanded = expandText(text);
    const { groups, hits } = searchIndex(corpus, expanded);
    if (decide(corpus, groups, hits).abstain) return [];
    return rerank(corpus, hits, text, expanded.plain, groups);
  }

  /** Everything after references: scope and intent, expand, search, rerank, decide, assemble. The
   *  scope is given when answerText has already read it for the same text. */
  function answerSearch(query: string, scope = findScope(corpus, query)): Answer {
    const { intents, speakerQuotes } = scope;
    if (scope.other && !scope.other.relation) return compose.otherInstrument(query, scope.other.name);
    if (intents.sources) return compose.sources(query);
    if (intents.timelineOnly) return compose.timeline(query);
    if (intents.task) return out.answer(query, 'search', []);

    const expanded = expandText(query);
    const terms = expanded.plain;
    // Asked what someone said whom the knowledge base never quotes: it has no answer, whatever the
    // others said on the topic.
    if (intents.quotes && !speakerQuotes.length && scope.namedSpeaker) return out.answer(query, 'search', []);
    if (intents.quotes && !speakerQuotes.length) {
      const quoted = compose.quotesAbout(query, scope, terms);
      if (quoted) return quoted;
    }
    if (!terms.length && !speakerQuotes.length) {
      // Only the subject's own name ("the UN cybercrime treaty"): say what it is for.
      const namesSubject = tokenize(query).some((w) => SUBJECT_WORDS.has(fold(w)));
      return namesSubject ? compose.purpose(query) : out.answer(query, 'search', []);
    }
    const { groups, hits } = searchIndex(corpus, expanded);
    // "What did UNODC say" asks for quotes; "is UNODC going to help countries ratify" asks about what
    // UNODC does, which the entries (not its quotes) answer.
    const speakerTerms = new Set(processed(speakerQuotes.flatMap((q) => [q.speaker, q.organisation ?? '', ...q.aliases]).join(' ')));
    if (speakerQuotes.length && (intents.quotes || terms.every((t) => speakerTerms.has(t)))) return compose.speakers(query, scope, hits);
    if (intents.purpose) return compose.purpose(query);
    if (scope.other?.relation) return compose.relation(query, rerank(corpus, hits, query, terms, groups));

    // "Is it good or bad?": nothing but judgement on the treaty as a whole is a contested question.
    const judgement = new Set(processed(intents.verdict.join(' ')));
    if (judgement.size && terms.every((t) => judgement.has(t))) return compose.balanced(query, hits, terms, ['human rights']);
    const decision = decide(corpus, groups, hits);
    if (decision.abstain) return decision.unsure ? compose.unsure(query, rerank(corpus, hits, query, terms, groups)) : out.answer(query, 'search', []);
    // Contested topics named in everyday words ("go after bloggers") count through the lexicon.
    const contested = intents.contested.length ? intents.contested : contestedTopics(groups.map((g) => g.means ?? '').join(' '));
    // Criticism asked for ("civil society concerns about X") gets the critical voice beside the provisions.
    if (contested.length || intents.stance === 'critical') {
      // Provisions are found by the convention's words for what was asked: "regimes abuse it" means
      // abusing powers (safeguards), not the "abuse" of the child abuse offences.
      const meant = [...new Set(groups.flatMap((g) => (g.fromLexicon && g.means ? processed(g.means) : g.terms)))];
      return compose.balanced(query, hits, meant, contested, intents.stance);
    }
    const ranked = rerank(corpus, hits, query, terms, groups);
    if (intents.why) return compose.why(query, ranked);
    if (intents.when) return compose.when(query, ranked, (h) => groupCoverage(groups, h));
    if (intents.chapter) return compose.chapter(query, ranked);
    if (scope.comparison) {
      // A difference we know only one side of ("the Security Council and the General Assembly") is
      // not one we can explain.
      const sides = scope.comparison.map(rank);
      if (sides.some((side) => !side.length)) return out.answer(query, 'search', []);
      return compose.comparison(query, sides, ranked);
    }
    return compose.search(query, ranked);
  }

  function answerText(query: string): Answer {
    if (!query) return out.answer(query, 'search', [], { type: 'empty_question' });
    // Read once: the search path reuses it rather than detecting intents and instruments again.
    const scope = findScope(corpus, query);
    // "Translate article 6 into French": a task, not a question, whatever it names.
    if (scope.intents.task) return out.answer(query, 'search', []);
    // "Article 5 of the Budapest Convention" is another treaty's article, never this one's.
    if (scope.other && !scope.other.relation) return compose.otherInstrument(query, scope.other.name);
    const refs = findReferences(query);
    return refs ? answerReferences(corpus, out, query, refs, (text) => answerSearch(text)) : answerSearch(query, scope);
  }

  // Follow-ups ("and the penalties?") are a stage of their own around the pipeline (src/conversation/).
  return withFollowUps(corpus, {
    catalog: buildCatalog(corpus),
    result: (id) => {
      const e = corpus.entry(id);
      if (!e) return undefined;
      return e.kind === 'source' ? { ...out.toResult(e, 1), text: e.text } : out.toResult(e, 1);
    },
    ask(raw) {
      // The pipeline reads the question with mentions dropped and casual spellings written out; the
      // answer echoes it as asked.
      const asked = normalizeQuery(raw);
      const text = layers.lexicon ? normalise(raw, kb.lexicon.casual, kb.lexicon.frames) : normalise(raw);
      return { ...answerText(text), query: asked };
    },
  });
}
