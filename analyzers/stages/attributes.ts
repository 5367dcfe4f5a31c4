/**
 * The attributes stage: what reviewers say about themselves — life stage, role, stated age,
 * experience, usage context, purchase motive, price sensitivity, loyalty and channel — each with the
 * sentence that discloses it. Patterns are first-person and narrow on purpose: a wrong attribute
 * puts a person in the wrong persona, a missed one only leaves them out. Nothing is inferred from
 * names, and there are no rules for health, ethnicity, religion or sexuality, nor for gender.
 * The rules of each language are a RuleSet over its own normalisation (attributes-en.ts, -ru.ts, -zh.ts,
 * -fa.ts), run by the same loop here.
 */
import type { Attribute } from '../../domain/types.js';
import type { AnalysisRecord, Sentence, Stage } from '../record.js';
import { matchRule, type RuleSet } from './attribute-rules.js';
import { ENGLISH } from './attributes-en.js';
import { PERSIAN } from './attributes-fa.js';
import { RUSSIAN } from './attributes-ru.js';
import { CHINESE } from './attributes-zh.js';

/** A sentence that ends as a question. */
const QUESTION_END = /[?？؟]\s*["')\]»”]*\s*$/;

/** The rule set of each language with attribute rules. */
const RULE_SETS: Record<string, RuleSet> = { en: ENGLISH, ru: RUSSIAN, zh: CHINESE, fa: PERSIAN };

/** Languages whose self-disclosed attributes are read. */
export const ATTRIBUTE_LANGUAGES: ReadonlySet<string> = new Set(Object.keys(RULE_SETS));

/** Finds the self-disclosed attributes in a text's sentences (English unless `record.lang` names another rule set). */
export function findAttributes(record: AnalysisRecord): Attribute[] {
  const set = RULE_SETS[record.lang ?? 'en'] ?? ENGLISH;
  const out: Attribute[] = [];
  const seen = new Set<string>();
  for (const s of record.sentences ?? []) {
    let text = set.normalise(s.text);
    const reply = set.reply?.exec(text);
    if (reply) text = text.slice(0, reply.index);
    if (set.trigger.test(text) && !(set.skipQuestions && QUESTION_END.test(text))) matchSentence(set, text, s, seen, out);
    // The rest of the text is the business answering.
    if (reply) break;
  }
  return out;
}

/** Adds the attributes one normalised sentence discloses. */
function matchSentence(set: RuleSet, text: string, s: Sentence, seen: Set<string>, out: Attribute[]): void {
  const cued = new Map<string, boolean>();
  for (const rule of set.rules) {
    // The words the rule cannot match without are looked up first: one pass over the sentence serves all rules.
    if (!(rule.re instanceof RegExp) && !rule.re.mayMatch(text)) continue;
    let ok = cued.get(rule.type);
    if (ok === undefined) {
      ok = set.cues[rule.type]?.test(text) ?? true;
      cued.set(rule.type, ok);
    }
    if (!ok) continue;
    const m = rule.re instanceof RegExp ? rule.re.exec(text) : matchRule(rule.re, text);
    if (!m) continue;
    if (rule.unless?.test(text.slice(0, m.index))) continue;
    const value = typeof rule.value === 'string' ? rule.value : rule.value(m);
    if (!value) continue;
    // A "free product for my review" is an incentive, not a deal the reviewer chose.
    if (rule.type === 'motive' && value === 'deal' && set === ENGLISH && /\bin\s+exchange\s+for\b/.test(text)) continue;
    // "Not sure I'd buy it again", "вряд ли вернемся", "如果…还会再来": a hedge in the same clause undoes the promise.
    if (value === 'will-buy-again' || value === 'recommends') {
      const before = text.slice(0, m.index);
      if (set.hedge.test(before.split(set.clauseBreak).pop()!) || set.condition?.test(before)) continue;
    }
    const key = `${rule.type}=${value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ type: rule.type, value, evidence: s.text, start: s.start, end: s.end });
  }
}

/** The attributes stage: writes `attributes` (English, Russian, Chinese and Persian texts; other languages get none). */
export function attributesStage(): Stage {
  return {
    name: 'attributes',
    reads: ['lang', 'sentences'],
    writes: ['attributes'],
    run(record: AnalysisRecord): void {
      record.attributes = record.lang && ATTRIBUTE_LANGUAGES.has(record.lang) ? findAttributes(record) : [];
    },
  };
}
