import { describe, expect, it } from 'vitest';
import { classifyFollowUp } from '../../src/conversation/followUp.js';

const type = (q: string) => classifyFollowUp(q).type;

describe('classifyFollowUp', () => {
  it('reads questions that stand alone as standalone', () => {
    for (const q of ['what is sextortion', 'article 12', 'and article 8?', 'chapter IV', 'what did HRW say?', 'which article covers ransomware?',
      'what does the treaty say about encryption', 'is this treaty legally binding?', 'timeline', '']) {
      expect(type(q), q).toBe('standalone');
    }
  });

  it('reads "more" forms', () => {
    for (const q of ['tell me more', 'More', 'go on', 'Tell me more about that, please', 'more details', 'what else?', 'show me the full text']) expect(type(q), q).toBe('more');
  });

  it('reads "which article" forms only when nothing new is asked', () => {
    for (const q of ['which article is that in?', 'What article is this?', 'where is that in the treaty?', "what's the article number?"]) expect(type(q), q).toBe('which');
    expect(type('which article covers phishing?')).toBe('standalone');
  });

  it('reads steps through the articles and chapters', () => {
    expect(classifyFollowUp('the next one')).toEqual({ type: 'step', by: 1, unit: 'article' });
    expect(classifyFollowUp('previous article')).toEqual({ type: 'step', by: -1, unit: 'article' });
    expect(classifyFollowUp('and the next chapter?')).toEqual({ type: 'step', by: 1, unit: 'chapter' });
    expect(type('next')).toBe('step');
    expect(type('what happens next?')).not.toBe('step');
  });

  it('reads voices on the topic, with their stance', () => {
    expect(classifyFollowUp('what did critics say about that?')).toEqual({ type: 'voices', stance: 'critical' });
    expect(classifyFollowUp('and what do supporters think of it?')).toEqual({ type: 'voices', stance: 'supportive' });
  });

  it('tells an ellipsis or demonstrative (strong) from a bare "it" (weak)', () => {
    for (const q of ['and the penalties?', 'what about grooming?', 'is that legal?', 'who does this apply to?', 'for companies?']) {
      expect(classifyFollowUp(q), q).toEqual({ type: 'carry', strong: true });
    }
    for (const q of ['does it apply to companies?', 'does it cover ransomware?']) expect(classifyFollowUp(q), q).toEqual({ type: 'carry', strong: false });
  });
});
