// Other instruments a question may be about: treaties, declarations and laws other than this
// convention. The bot covers only this convention, so a question about another instrument is told
// so (and offered what this convention says about its relation to other treaties), unless it asks
// exactly that relation ("how does it relate to the Budapest Convention?"), which is answered.
import { fold } from './text.js';

/** Well-known instruments people name by a short name or acronym, with the name to show. */
const KNOWN: [RegExp, string][] = [
  [/\bbudapest\b/, 'the Budapest Convention'],
  [/\bcouncil of europe\b/, 'the Council of Europe convention'],
  [/\bconvention on cybercrime\b/, 'the Budapest Convention'],
  [/\bgdpr\b|\bgeneral data protection regulation\b/, 'the GDPR'],
  [/\biccpr\b|\binternational covenant on civil and political rights\b/, 'the ICCPR'],
  [/\bicescr\b/, 'the ICESCR'],
  [/\bechr\b|\beuropean convention on human rights\b/, 'the European Convention on Human Rights'],
  [/\budhr\b|\buniversal declaration\b/, 'the Universal Declaration of Human Rights'],
  [/\bvienna convention\b/, 'the Vienna Convention'],
  [/\bmalabo\b/, 'the Malabo Convention'],
  [/\buntoc\b|\bpalermo convention\b|\bconvention against transnational organized crime\b/, 'the UN Convention against Transnational Organized Crime'],
  [/\buncac\b|\bconvention against corruption\b/, 'the UN Convention against Corruption'],
  [/\bcloud act\b|\bpatriot act\b|\bfisa\b|\bcfaa\b|\bcomputer fraud and abuse act\b|\bdmca\b|\bcomputer misuse act\b|\bonline safety act\b|\bdigital services act\b|\bai act\b|\bnis ?2\b|\be-?evidence (?:regulation|directive|package|rules)\b|\bdigital operational resilience act\b/, ''],
  // Regulations and industry standards a compliance team works under: other instruments too.
  [/\bhipaa\b|\bccpa\b|\bcpra\b|\bpci[ -]?dss\b|\bsoc ?2\b|\biso ?2700[12]\b|\bnist\b|\bsox\b|\bsarbanes|\bglba\b|\bcoppa\b|\bferpa\b|\bdora\b|\blgpd\b|\bpipl\b|\bpipeda\b|\beprivacy\b|\becpa\b|\bstored communications act\b|\bwiretap act\b|\binvestigatory powers act\b|\bripa\b|\bsection 702\b/, ''],
  [/\bconvention on the rights of the child\b|\buncrc\b|\blanzarote\b|\bistanbul convention\b/, ''],
  [/\bgeneva conventions?\b|\bparis agreement\b|\bkyoto protocol\b|\bnpt\b|\bun charter\b|\bcharter of the united nations\b/, ''],
];

// "the X Convention/Treaty/Act/… (of|on …)": a named instrument other than this one. The words
// before the noun must name it (a capitalised name, in the question as typed).
const NAMED = /\b((?:[A-Z][\p{L}'-]+\s+){1,5})(Convention|Treaty|Act|Regulation|Directive|Declaration|Covenant|Charter|Protocol|Statute|Manual|Arrangement|Principles|Guidelines)\b/u;
const NAMED_OF = /\b(Convention|Treaty|Covenant|Charter|Declaration|Protocol|Directive|Regulation|Statute|Manual|Principles|Guidelines)\s+(?:on|of|for|against)\s+(?:the\s+)?((?:[A-Z][\p{L}'-]+\s*){1,6})/u;
// A country's or region's own law ("US law", "French legislation", "the UK's constitution"): not this
// convention, though "domestic law" and "national law" are the convention's own words for them.
const COUNTRY_LAW = /\b((?:US|U\.S\.|USA|UK|EU|American|British|English|French|German|Indian|Chinese|Russian|European|Australian|Canadian|Brazilian|Nigerian|Kenyan|Irish|Dutch|Spanish|Italian|Japanese|Korean|Mexican|Californian|Texas|state)(?:'s)?)\s+(?:law|laws|legislation|statutes?|constitution|criminal code|penal code)\b/;

/** Words that name this convention, not another one. */
const THIS_ONE = /\b(?:un|united nations|cybercrime|this|the|our|new|un cybercrime|un's)\s*$/i;
const THIS_NAME = /^(?:cybercrime|cybercrimes)\b/i;

/** Words asking how this convention relates to another instrument: answered, not refused. */
const RELATION = /\b(?:relat\w*|compar\w*|differ\w*|diff|vs|versus|replace\w*|supersede\w*|overrid\w*|conflict\w*|overlap\w*|interact\w*|prevail\w*|compatib\w*|consistent|inconsistent|based on|modell?ed|similar|same as|instead of|alongside|together with|co-?exist\w*|affect\w*|effect on|both|like the|like it|fit\w*|work with|interplay)\b/;

export interface OtherInstrument {
  /** How to name it to the asker ("the Budapest Convention"), as typed when not a known one. */
  name: string;
  /** The question asks how this convention relates to it. */
  relation: boolean;
}

/** The question has this convention in view ("it", "this treaty", "the UN convention"). */
const THIS_IN_VIEW = /\b(?:it|its|this|the (?:un )?(?:convention|treaty)|un (?:cybercrime )?(?:convention|treaty)|cybercrime (?:convention|treaty))\b/;
// "existing bilateral MLA treaties", "other agreements": treaties in general, asked about in relation.
const OTHER_TREATIES = /\b(?:other|existing|bilateral|regional|older|earlier|previous|current|national)\b(?:\s+\w+){0,2}\s+(?:treaties|treaty|agreements|arrangements|instruments|conventions)\b/;

export function findOtherInstrument(question: string): OtherInstrument | undefined {
  const folded = fold(question);
  // Comparing two other instruments ("GDPR vs CCPA") is no question about this one.
  const relation = RELATION.test(folded) && THIS_IN_VIEW.test(folded.replace(/\bconvention on cybercrime\b|\bbudapest convention\b|\bcouncil of europe (?:convention|treaty)\b/g, ' '));
  for (const [pattern, name] of KNOWN) {
    const m = pattern.exec(folded);
    if (!m) continue;
    // "the first UN convention on cybercrime" is this one.
    if (/\b(?:un|united nations)\s+$/.test(folded.slice(0, m.index))) continue;
    // An unnamed one is shown as typed (folding keeps lengths for the Latin letters these use).
    const typed = question.slice(m.index, m.index + m[0].length);
    return { name: name || `the ${typed}`, relation };
  }
  const country = COUNTRY_LAW.exec(question);
  if (country) return { name: country[0], relation };
  const named = NAMED.exec(question);
  if (named) {
    const words = named[1]!.trim();
    const isThis = /\b(?:UN|United Nations|Cybercrime|Hanoi)\b/i.test(words) && !/\bEurope|Budapest\b/i.test(words);
    if (!isThis && !THIS_ONE.test(words) && !/^(?:The|This|That|A|An|Does|Is|What|How|Why|When|Can|Will|Under)$/i.test(words)) return { name: `the ${words} ${named[2]}`, relation };
  }
  const namedOf = NAMED_OF.exec(question);
  if (namedOf && !THIS_NAME.test(namedOf[2]!)) return { name: `the ${namedOf[1]} ${namedOf[0].slice(namedOf[1]!.length).trim()}`.replace(/\s+/g, ' ').trim(), relation };
  // Treaties in general are no other instrument to refuse, but a question on how this one relates to them.
  if (RELATION.test(folded) && OTHER_TREATIES.test(folded)) return { name: 'other treaties', relation: true };
  return undefined;
}
