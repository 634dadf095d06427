// Independent checks of a Slack message against Slack's limits and mention syntax, used by the
// render contract, the property tests and the end-to-end tests on what the fake Slack received.

export interface MessageLike {
  text?: string;
  blocks?: unknown[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every text string a reader can see: block texts, context elements, buttons, headers, fallback. */
export function textsOf(message: MessageLike): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isObj(v)) {
      for (const [key, inner] of Object.entries(v)) {
        if (key === 'text' && typeof inner === 'string') out.push(inner);
        else if (key !== 'value') visit(inner);
      }
    }
  };
  visit(message.blocks ?? []);
  if (message.text !== undefined) out.push(message.text);
  return out;
}

export function visibleText(message: MessageLike): string {
  return textsOf(message).join('\n');
}

const WELL_FORMED = /^(?:[^\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/;

export function limitViolations(message: MessageLike): string[] {
  const problems: string[] = [];
  const blocks = (message.blocks ?? []) as Obj[];
  if (blocks.length > 50) problems.push(`${blocks.length} blocks (max 50)`);
  const blockIds = new Set<string>();
  let total = 0;
  for (const [i, b] of blocks.entries()) {
    if (typeof b.block_id === 'string') {
      if (blockIds.has(b.block_id)) problems.push(`block ${i}: duplicate block_id`);
      if (b.block_id.length > 255) problems.push(`block ${i}: block_id too long`);
      blockIds.add(b.block_id);
    }
    if (b.type === 'section') {
      const text = (b.text as Obj | undefined)?.text;
      if (typeof text !== 'string' || !text.trim()) problems.push(`block ${i}: empty section text`);
      else if (text.length > 3000) problems.push(`block ${i}: section text ${text.length} chars (max 3000)`);
    }
    if (b.type === 'context') {
      const elements = b.elements as Obj[];
      if (!elements.length || elements.length > 10) problems.push(`block ${i}: ${elements.length} context elements`);
      for (const e of elements) {
        const text = e.text;
        if (typeof text !== 'string' || !text.trim()) problems.push(`block ${i}: empty context text`);
        else if (text.length > 2000) problems.push(`block ${i}: context text ${text.length} chars`);
      }
    }
    if (b.type === 'actions' && ((b.elements as unknown[]).length > 25 || !(b.elements as unknown[]).length)) problems.push(`block ${i}: actions elements`);
    const buttons = [b.accessory, ...(b.type === 'actions' ? (b.elements as unknown[]) : [])].filter(isObj);
    // Slack rejects a message whose block repeats an action_id (invalid_blocks).
    const actionIds = buttons.map((button) => button.action_id);
    if (new Set(actionIds).size !== actionIds.length) problems.push(`block ${i}: duplicate action_id`);
    for (const button of buttons) {
      const label = (button.text as Obj).text as string;
      if (!label || label.length > 75) problems.push(`block ${i}: button label "${label}"`);
      if (typeof button.value === 'string' && button.value.length > 2000) problems.push(`block ${i}: button value ${button.value.length} chars`);
      if (typeof button.action_id !== 'string' || button.action_id.length > 255) problems.push(`block ${i}: action_id`);
    }
  }
  for (const text of textsOf(message)) {
    total += text.length;
    if (!WELL_FORMED.test(text)) problems.push('text with a lone surrogate');
  }
  // Slack rejects messages somewhere near 12 000 characters without documenting it: stay well under.
  if (total > 11_000) problems.push(`${total} characters of text (keep under 11 000)`);
  if (message.text !== undefined && message.text.length > 3000) problems.push(`fallback text ${message.text.length} chars`);
  return problems;
}

/** A link we built ourselves: <http(s)://url|label> with nothing special inside. */
const OUR_LINK = /^<https?:\/\/[^\s<>|]+\|[^<>]*>/;

/** Typed broadcasts: Slack may auto-parse "certain mentions" in text (strict: "@heres" counts too). */
const BROADCAST = /@(?:here|channel|everyone)/i;

/** Every mrkdwn text object in the blocks without verbatim: true (Slack then auto-parses its text). */
function unverbatim(blocks: unknown[]): string[] {
  const found: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isObj(v)) {
      if (v.type === 'mrkdwn' && v.verbatim !== true) found.push(`mrkdwn without verbatim: true: ${JSON.stringify(String(v.text).slice(0, 40))}`);
      Object.values(v).forEach(visit);
    }
  };
  visit(blocks);
  return found;
}

export function pingRisks(message: MessageLike): string[] {
  const risks: string[] = [];
  for (const text of textsOf(message)) {
    for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) {
      const rest = text.slice(at);
      if (!OUR_LINK.test(rest)) risks.push(`unescaped "<" in: ${JSON.stringify(rest.slice(0, 40))}`);
    }
    // A link's label must not carry a raw mention either (the pattern already forbids < and >).
    const broadcast = BROADCAST.exec(text);
    if (broadcast) risks.push(`bare ${broadcast[0]} in: ${JSON.stringify(text.slice(Math.max(0, broadcast.index - 20), broadcast.index + 20))}`);
  }
  risks.push(...unverbatim(message.blocks ?? []));
  const m = message as Obj;
  if (m.link_names === true || m.link_names === 1) risks.push('link_names is on');
  if (m.parse === 'full') risks.push('parse=full turns @names into mentions');
  return risks;
}
