// The retrieval core: a question in, an Answer of verbatim passages and labelled summaries out.
// A pipeline of small stages, each in stages/: normalise → references → scope and intent → expand →
// search → rerank → decide → assemble. A new layer of understanding is a new stage, not a longer file.
import type { Answer } from '../answer.js';
import type { Engine } from '../engine.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { withFollowUps } from '../conversation/resolve.js';
import { buildCatalog } from './catalog.js';
import { buildCorpus } from './corpus.js';
import { createAssembler } from './stages/assemble.js';
import { createComposer } from './stages/compose.js';
import { decide } from './stages/decide.js';
import { expand } from './stages/expand.js';
import { normalise } from './stages/normalise.js';
import { answerReferences, findReferences } from './stages/references.js';
import { rerank } from './stages/rerank.js';
import { scope as findScope } from './stages/scope.js';
import { search as searchIndex } from './stages/search.js';
import { fold, SUBJECT_WORDS, tokenize } from './text.js';

export function createEngine(kb: KnowledgeBase): Engine {
  const corpus = buildCorpus(kb);
  const out = createAssembler(corpus);
  const compose = createComposer(corpus, out);

  /** Everything after references: scope and intent, expand, search, rerank, decide, assemble. */
  function answerSearch(query: string): Answer {
    const scope = findScope(corpus, query);
    const { intents, speakerQuotes } = scope;
    if (intents.sources) return compose.sources(query);
    if (intents.timelineOnly) return compose.timeline(query);
    if (intents.task) return out.answer(query, 'search', []);

    const { terms, words } = expand(query);
    if (intents.quotes && !speakerQuotes.length) {
      const quoted = compose.quotesAbout(query, scope, terms);
      if (quoted) return quoted;
    }
    if (!terms.length && !speakerQuotes.length) {
      // Only the subject's own name ("the UN cybercrime treaty"): say what it is for.
      const namesSubject = tokenize(query).some((w) => SUBJECT_WORDS.has(fold(w)));
      return namesSubject ? compose.purpose(query) : out.answer(query, 'search', []);
    }
    const { searched, hits } = searchIndex(corpus, terms);
    if (speakerQuotes.length) return compose.speakers(query, scope, hits);
    if (intents.purpose) return compose.purpose(query);

    if (decide(corpus, searched, hits, words).abstain) return out.answer(query, 'search', []);
    if (intents.contested.length) return compose.balanced(query, hits, terms, intents.contested);
    if (intents.why) return compose.why(query, hits);
    if (intents.when) return compose.when(query, hits);
    return compose.search(query, rerank(corpus, hits, query, terms, searched));
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
      const query = normalise(raw);
      if (!query) return out.answer(query, 'search', [], { type: 'empty_question' });
      const refs = findReferences(query);
      return refs ? answerReferences(corpus, out, query, refs, answerSearch) : answerSearch(query);
    },
  });
}
