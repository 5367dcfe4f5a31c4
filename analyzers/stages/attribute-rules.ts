/**
 * What a language's attribute and intent rules are made of: disclosure rules over a normalised
 * sentence, cheap cues that let most sentences skip most rules, and the normalisation the rules are
 * written against (so "ё" and "е", Arabic and Persian "ی", a ZWNJ or none, ٣٥ and 35 read alike).
 * Offsets are never taken from a match: an attribute's evidence is its whole sentence.
 */

/** One disclosure rule: a pattern and the attribute it yields (the value may depend on the match). */
export interface Rule {
  /** Attribute type ("life-stage", "loyalty", …). */
  type: string;
  /** Pattern over the normalised, lower-cased sentence. */
  re: RegExp;
  /** The value, or a function of the match (undefined drops it). */
  value: string | ((m: RegExpExecArray) => string | undefined);
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
/** A word boundary in any script (`\b` in a JavaScript pattern knows only ASCII). */
const BOUNDARY = String.raw`(?:(?<=${W})(?!${W})|(?<!${W})(?=${W}))`;

/**
 * Compiles a rule written with `\b` as a word boundary in any script (Cyrillic, Persian…), with the
 * `u` flag. `\p{L}*` style suffixes stand for endings; one pattern covers a word's inflections.
 */
export function words(source: string): RegExp {
  return new RegExp(source.replace(/\\b/g, BOUNDARY), 'u');
}

/** Digits of other scripts (Persian, Arabic-Indic, full-width) as ASCII digits. */
export function asciiDigits(text: string): string {
  return text.replace(/[۰-۹٠-٩０-９]/g, (d) => {
    const c = d.charCodeAt(0);
    return String(c >= 0xff10 ? c - 0xff10 : c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
  });
}

/** Russian as the rules read it: lower case, "ё" as "е", typographic quotes and dashes plain. */
export function normaliseRussian(text: string): string {
  return text
    .toLowerCase()
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
