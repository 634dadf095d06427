// The console's plain-text renderer runs the same render contract as Slack and Discord. A terminal has
// no length limit and no mentions, but escape sequences in text could rewrite what the reader sees.
import { describe, expect, it } from 'vitest';
import { replyText, terminalSafe } from '../../adapters/shared/plainText.js';
import { describeRenderContract } from '../contract/renderContract.js';

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describeRenderContract<string>({
  name: 'console',
  render: (reply) => [replyText(reply)],
  visibleText: (text) => text,
  fallbackText: (text) => text,
  limitViolations: (text) => {
    const unsafe = UNSAFE.exec(text);
    return [...(unsafe ? [`control character U+${unsafe[0].codePointAt(0)!.toString(16)}`] : []), ...(text.isWellFormed() ? [] : ['lone surrogate'])];
  },
  // A terminal notifies nobody.
  pingRisks: () => [],
});

describe('console renderer', () => {
  it('removes escape sequences and bidi overrides, keeps line breaks and ordinary text', () => {
    expect(terminalSafe('a\u001b[2Jb\u202ec\nd\ud800')).toBe('a[2Jbc\nd\ufffd');
  });
});
