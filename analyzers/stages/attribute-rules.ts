/**
 * What a language's attribute and intent rules are made of: disclosure rules over a normalised
 * sentence, cheap cues that let most sentences skip most rules, and the normalisation the rules are
 * written against (so "ё" and "е", Arabic and Persian "ی", a ZWNJ or none, ٣٥ and 35 read alike).
 * Offsets are never taken from a match: an attribute's evidence is its whole sentence.
 */

import { LiteralSet, requiredLiterals } from './rule-literals.js';

/** One disclosure rule: a pattern and the attribute it yields (the value may depend on the match). */
export interface Rule {
  /** Attribute type ("life-stage", "loyalty", …). */
  type: string;
  /** Pattern over the normalised, lower-cased sentence (a `rulePattern` checks where words start after matching). */
  re: RegExp | RulePattern;
  /** The value, or a function of the match (undefined drops it). */
  value: string | ((m: RegExpExecArray) => string | undefined);
  /**
   * Words that, just before the match, take it back ("подходит для деловых встреч" claims who a place
   * suits). Tested on the text before the match only when the rule matched: a lookbehind in the
   * pattern would be tried at every position of every sentence.
   */
  unless?: RegExp;
}

/** A language's attribute rules. */
export interface RuleSet {
  /** Lower-cases and normalises a sentence the way the rules are written. */
  normalise(text: string): string;
  /** A sentence matching none of these words cannot match any rule. */
  trigger: RegExp;
  /** Per attribute type: a sentence without the cue skips that type's rules. */
  cues: Record<string, RegExp>;
  /** The rules, in order (the first value of a type and value wins; several types may match). */
  rules: Rule[];
  /** Words before a promise to buy again or recommend that take it back ("not sure", "вряд ли", "如果"). */
  hedge: RegExp;
  /** Where a clause ends, so that a hedge is read in the promise's own clause. */
  clauseBreak: RegExp;
  /** A condition anywhere before a promise, across commas ("если…, обязательно вернемся", "如果…，还会再来"). */
  condition?: RegExp;
  /**
   * Where the business's reply starts inside a review's text ("酒店反馈：", "Ответ администрации:"):
   * what follows is not the reviewer speaking, so it discloses nothing about them.
   */
  reply?: RegExp;
  /** Whether a question discloses nothing ("学生证可以打折吗？" asks about a discount, it did not get one). */
  skipQuestions?: boolean;
}

/** Letters and digits of any script: what a word is made of. */
const W = String.raw`[\p{L}\p{N}]`;
/** Where a word starts, in any script (`\b` in a JavaScript pattern knows only ASCII). */
const WORD_START = `(?<!${W})`;
/** Where a word ends, in any script. */
const WORD_END = `(?!${W})`;

/**
 * Compiles a rule written with `\b` as a word boundary in any script (Cyrillic, Persian…), with the
 * `u` flag. `\p{L}*` style suffixes stand for endings; one pattern covers a word's inflections.
 * A `\b` before a letter (or before a group where no word just ended) starts a word, any other ends
 * one: one-sided checks, because a two-sided boundary tried at every position of every sentence made
 * the rules ten times slower.
 */
export function words(source: string): RegExp {
  return new RegExp(
    source.replace(/\\b(?=(.?))/gu, (_, next: string, at: number) => {
      if (/\p{L}/u.test(next)) return WORD_START;
      // Before a group, a class or an escape a word starts, unless a word, group or quantifier just
      // ended (a lookaround just before is no word: "(?<!не\s)\b(?:впервые…").
      const prev = source[at - 1] ?? '';
      const ended = /[\p{L}\]?*+}]/u.test(prev) || (prev === ')' && !closesLookaround(source, at - 1));
      return (next === '(' || next === '[' || next === '\\') && !ended ? WORD_START : WORD_END;
    }),
    'u',
  );
}

/** The top-level alternatives of a pattern (split at "|" outside groups and classes). */
function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

/** A rule pattern that matches where a word starts; see `matchRule`. */
export interface RulePattern {
  /** The pattern, global, without its leading word-start checks when `startsWords`. */
  readonly re: RegExp;
  /** Whether every match must start a word (checked after the match, by `matchRule`). */
  readonly startsWords: boolean;
  /** Whether the text holds one of the words every match needs (see `requiredLiterals`); when not, the rule is not run. */
  mayMatch(text: string): boolean;
}

/** The literals every rule pattern needs, found in a sentence in one pass for all its rules. */
const LITERALS = new LiteralSet();

/**
 * A rule pattern compiled on first use: the rules of every language are declared when the analyzers
 * load, and compiling them all then was a fifth of `radar score`'s start-up on a text in one language.
 */
class LazyRulePattern implements RulePattern {
  #source: string;
  #re: RegExp | undefined;
  #startsWords = false;
  #needs: number[] | null = null;

  constructor(source: string) {
    this.#source = source;
  }

  get re(): RegExp {
    if (this.#re === undefined) this.#compile();
    return this.#re!;
  }

  get startsWords(): boolean {
    if (this.#re === undefined) this.#compile();
    return this.#startsWords;
  }

  mayMatch(text: string): boolean {
    if (this.#re === undefined) this.#compile();
    const needs = this.#needs;
    return needs === null || LITERALS.holdsAny(text, needs);
  }

  #compile(): void {
    const source = this.#source;
    const alts = alternatives(source);
    this.#startsWords = alts.every((a) => a.startsWith('\\b') && !/^\\b\(\?<?[=!]/.test(a));
    const stripped = this.#startsWords ? alts.map((a) => a.slice(2)).join('|') : source;
    this.#re = new RegExp(words(stripped).source, 'gu');
    const needs = requiredLiterals(source);
    this.#needs = needs && LITERALS.add(needs);
  }
}

/**
 * Compiles a rule like `words`, but a `\b` that begins every top-level alternative is checked after a
 * match instead of in the pattern: a pattern that begins with a literal lets V8 skip ahead to where
 * it can match, one that begins with a lookbehind is tried at every position (three times slower on
 * Russian reviews). Compiled when first matched.
 */
export function rulePattern(source: string): RulePattern {
  return new LazyRulePattern(source);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The first match of a rule pattern that starts a word (when it must), or null. */
export function matchRule(p: RulePattern, text: string): RegExpExecArray | null {
  if (!p.mayMatch(text)) return null;
  const re = p.re;
  const startsWords = p.startsWords;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!startsWords || m.index === 0 || !WORD_CHAR.test(text[m.index - 1]!)) return m;
    re.lastIndex = m.index + 1;
  }
  return null;
}

/** Whether the ")" at `close` ends a lookahead or lookbehind group. */
function closesLookaround(source: string, close: number): boolean {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const c = source[i];
    if (source[i - 1] === '\\') continue;
    if (c === ')') depth++;
    else if (c === '(' && --depth === 0) return /^\(\?<?[=!]/.test(source.slice(i, i + 4));
  }
  return false;
}

/** Digits of other scripts (Persian, Arabic-Indic, full-width) as ASCII digits. */
export function asciiDigits(text: string): string {
  return text.replace(/[۰-۹٠-٩０-９]/g, (d) => {
    const c = d.charCodeAt(0);
    return String(c >= 0xff10 ? c - 0xff10 : c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
  });
}

/** What normaliseRussian replaces (after lower-casing). */
const RU_TO_REPLACE = /[ё«»“”„‐‑–—’‘]/;

/** Russian as the rules read it: lower case, "ё" as "е", typographic quotes and dashes plain. */
export function normaliseRussian(text: string): string {
  const lower = text.toLowerCase();
  // Runs on every sentence (attributes and intents): most need none of the passes below.
  if (!RU_TO_REPLACE.test(lower)) return lower;
  return lower
    .replace(/ё/g, 'е')
    .replace(/[«»“”„]/g, '"')
    .replace(/[‐‑–—]/g, '-')
    .replace(/[’‘]/g, "'");
}

/** Chinese as the rules read it: ASCII digits and Latin letters, lower case. */
export function normaliseChinese(text: string): string {
  return asciiDigits(text).toLowerCase();
}

/**
 * Persian as the rules read it: Arabic yeh and kaf as Persian, teh marbuta and heh with yeh as heh,
 * no ZWNJ, tatweel or short vowels ("می‌خرم" and "میخرم" alike; rules allow "می خرم" with `می ?`),
 * ASCII digits.
 */
export function normalisePersian(text: string): string {
  return asciiDigits(text)
    .toLowerCase()
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/[ةۀ]/g, 'ه')
    .replace(/[أإآ]/g, (c) => (c === 'آ' ? 'آ' : 'ا'))
    .replace(/\u200c|\u200d|[\u0640\u064b-\u065f]/g, '')
    .replace(/[«»]/g, '"');
}
