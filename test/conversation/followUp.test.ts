import { describe, expect, it } from 'vitest';
import { afterNewTopic, classifyFollowUp } from '../../src/conversation/followUp.js';

const type = (q: string) => classifyFollowUp(q).type;

describe('classifyFollowUp', () => {
  it('reads a question with a reference of its own as standalone', () => {
    for (const q of ['article 12', 'and article 8?', 'chapter IV', 'what about arts 12-14?', '']) expect(type(q), q).toBe('standalone');
  });

  it('finds nothing pointing back in a question that names its own topic', () => {
    for (const q of ['what is sextortion', 'what did HRW say?', 'which article covers ransomware?', 'what does the treaty say about encryption',
      'is this treaty legally binding?', 'timeline']) {
      expect(classifyFollowUp(q), q).toEqual({ type: 'carry', marker: 'none' });
    }
  });

  it('reads "more" forms', () => {
    for (const q of ['tell me more', 'More', 'go on', 'Tell me more about that, please', 'more details', 'what else?', 'show me the full text']) expect(type(q), q).toBe('more');
  });

  it('reads "which article" forms only when nothing new is asked', () => {
    for (const q of ['which article is that in?', 'What article is this?', 'where is that in the treaty?', "what's the article number?"]) expect(type(q), q).toBe('which');
    expect(type('which article covers phishing?')).toBe('carry');
    expect(classifyFollowUp('which chapter is that in?')).toEqual({ type: 'which', unit: 'chapter' });
    expect(classifyFollowUp('which article is that in?')).toEqual({ type: 'which', unit: 'article' });
  });

  it('reads steps through the articles and chapters', () => {
    expect(classifyFollowUp('the next one')).toEqual({ type: 'step', by: 1, unit: 'article' });
    expect(classifyFollowUp('previous article')).toEqual({ type: 'step', by: -1, unit: 'article' });
    expect(classifyFollowUp('and the next chapter?')).toEqual({ type: 'step', by: 1, unit: 'chapter' });
    expect(type('next')).toBe('step');
    expect(type('what happens next?')).not.toBe('step');
  });

  it('reads a place counted in the treaty, or in what is on screen, only when that is all it asks', () => {
    expect(classifyFollowUp("what's the last chapter about")).toEqual({ type: 'ordinal', position: -1, unit: 'chapter', within: false });
    expect(classifyFollowUp('show me the first article in it')).toEqual({ type: 'ordinal', position: 1, unit: 'article', within: true });
    expect(classifyFollowUp('the second article of this chapter')).toEqual({ type: 'ordinal', position: 2, unit: 'article', within: true });
    expect(classifyFollowUp('the first article of this treaty')).toEqual({ type: 'ordinal', position: 1, unit: 'article', within: false });
    expect(type('is the first article about ransomware?')).not.toBe('ordinal');
    // "The last one", "the one before" still step back from the article in focus.
    for (const q of ['the last one', 'and the one before?']) expect(classifyFollowUp(q), q).toEqual({ type: 'step', by: -1, unit: 'article' });
  });

  it('reads a question the asker says is new as standalone', () => {
    for (const q of ['Different topic: what is grooming?', 'separate q - does it cover phishing?', 'unrelated, but who signed it?', 'on a different note, what about that?', 'new question: and the penalties?']) {
      expect(type(q), q).toBe('standalone');
    }
    expect(type('is that a different offence?')).toBe('carry');
    expect(afterNewTopic('Separate q: over what years did they negotiate?')).toBe('over what years did they negotiate?');
    expect(afterNewTopic('what is grooming')).toBeUndefined();
  });

  it('marks a question asked of what was shown: a demonstrative subject or an existential opener', () => {
    for (const q of ['who decides that?', 'is that mandatory?', 'any exceptions?', 'are there limits?', 'and is there a deadline?']) {
      expect(classifyFollowUp(q), q).toMatchObject({ type: 'carry', about: true });
    }
    for (const q of ['what about grooming?', 'does it cover phishing?', 'who signed the convention?']) expect(classifyFollowUp(q), q).not.toHaveProperty('about');
  });

  it('reads a request for plainer words as "more" of the same', () => {
    for (const q of ['in simple words pls', 'explain that in plain english', 'can you say it more simply?', 'eli5']) expect(type(q), q).toBe('more');
  });

  it('reads voices on the topic, with their stance', () => {
    expect(classifyFollowUp('and who pushed back on that?')).toEqual({ type: 'voices', stance: 'critical' });
    expect(classifyFollowUp('who objected to this?')).toEqual({ type: 'voices', stance: 'critical' });
    expect(classifyFollowUp('what did critics say about that?')).toEqual({ type: 'voices', stance: 'critical' });
    expect(classifyFollowUp('and what do supporters think of it?')).toEqual({ type: 'voices', stance: 'supportive' });
  });

  it('tells a narrowing, an ellipsis or demonstrative (strong) and a bare pronoun (weak) apart', () => {
    const marker = (q: string) => (classifyFollowUp(q) as { marker?: string }).marker;
    for (const q of ['only for serious crimes?', 'just subscriber info?']) expect(marker(q), q).toBe('narrow');
    for (const q of ['and the penalties?', 'what about grooming?', 'is that legal?', 'who does this apply to?', 'for companies?', 'who else?']) {
      expect(marker(q), q).toBe('strong');
    }
    for (const q of ['does it apply to companies?', 'who is she?', 'can we tell the customer?']) expect(marker(q), q).toBe('weak');
    // "What if…" may turn what was said to a new case, or ask one of its own.
    for (const q of ['what if google is abroad?', 'and if the suspect is a minor?']) expect(marker(q), q).not.toBe('none');
  });
});
