/**
 * First sentiment scorers for Russian, German and Persian (word lexicons with stems, negators before
 * and after the opinion, intensifiers, contrast) and Chinese (longest-match scan over characters,
 * since ICU word segmentation splits some opinion words). Simpler than the English scorer on
 * purpose: a later phase deepens them.
 */
import { baseEmoji, EMOJI_VALENCE } from './lexicons/emoji.js';
import type { LexiconValue } from './lexicons/english.js';
import { DE, FA, RU, ZH, type LanguageLexicon } from './lexicons/other-languages.js';
import type { Opinion, Sentence, Token } from '../record.js';
import { bracketSmileys, russianAfinn } from './russian.js';
import { verdict, type SentimentWeights } from './weights.js';

interface Entry {
  v: number;
  neg?: number;
}

interface Compiled {
  lex: LanguageLexicon;
  exact: Map<string, Entry>;
  /** Stems by first character, longest first. */
  stems: Map<string, { stem: string; entry: Entry }[]>;
  phrases: Map<string, { tokens: string[]; entry: Entry; text: string }[]>;
  negators: Set<string>;
  postExact: Set<string>;
  postPrefixes: string[];
  boosters: Map<string, number>;
  contrast: Set<string>;
  concessive: Set<string>;
  verdicts: Set<string>;
  maxKey: number;
  /** Each word's lexicon entry (`lookupWord`), kept for the weights it was worked out with. */
  known: Map<string, Entry | null>;
  knownFor: SentimentWeights | undefined;
}

/** Words whose lexicon entry is kept per language; emptied when full, so a long run cannot grow it for ever. */
const KNOWN_LIMIT = 100_000;

/** Normalises a word of a language the way its lexicon keys are written. */
export function normaliseFor(lang: string, word: string): string {
  let w = word.toLowerCase();
  // Runs on every Russian token; most have no "ё" to replace.
  if (lang === 'ru') return w.includes('ё') ? w.replace(/ё/g, 'е') : w;
  if (lang === 'fa')
    w = w
      .replace(/[يى]/g, 'ی')
      .replace(/ك/g, 'ک')
      .replace(/\u200c|\u200d|[\u0640\u064b-\u065f]/g, '');
  return w;
}

function toEntry(value: LexiconValue): Entry {
  return typeof value === 'number' ? { v: value } : { v: value[0], neg: value[1] };
}

const cache = new Map<string, Compiled>();

function compile(lang: string): Compiled | undefined {
  const hit = cache.get(lang);
  if (hit) return hit;
  const lex = ({ ru: RU, de: DE, fa: FA, zh: ZH } as Record<string, LanguageLexicon>)[lang];
  if (!lex) return undefined;
  const c: Compiled = {
    lex,
    exact: new Map(),
    stems: new Map(),
    phrases: new Map(),
    negators: new Set(lex.negators.map((n) => normaliseFor(lang, n))),
    postExact: new Set(lex.postNegators.filter((n) => !n.endsWith('*')).map((n) => normaliseFor(lang, n))),
    postPrefixes: lex.postNegators.filter((n) => n.endsWith('*')).map((n) => normaliseFor(lang, n.slice(0, -1))),
    boosters: new Map(Object.entries(lex.boosters).map(([k, v]) => [normaliseFor(lang, k), v])),
    contrast: new Set(lex.contrast.map((n) => normaliseFor(lang, n))),
    concessive: new Set(lex.concessive.map((n) => normaliseFor(lang, n))),
    verdicts: new Set((lex.verdicts ?? []).map((n) => normaliseFor(lang, n))),
    maxKey: 1,
    known: new Map(),
    knownFor: undefined,
  };
  for (const [rawKey, value] of Object.entries(lex.words)) {
    const entry = toEntry(value);
    const key = normaliseFor(lang, rawKey);
    c.maxKey = Math.max(c.maxKey, key.length);
    if (lang !== 'zh' && key.includes(' ')) {
      const tokens = key.split(' ');
      const list = c.phrases.get(tokens[0]!) ?? [];
      list.push({ tokens, entry, text: key });
      list.sort((a, b) => b.tokens.length - a.tokens.length);
      c.phrases.set(tokens[0]!, list);
    } else if (key.endsWith('*')) {
      const stem = key.slice(0, -1);
      const list = c.stems.get(stem[0]!) ?? [];
      list.push({ stem, entry });
      list.sort((a, b) => b.stem.length - a.stem.length);
      c.stems.set(stem[0]!, list);
    } else {
      c.exact.set(key, entry);
      for (const s of lex.suffixes) if (!c.exact.has(key + s)) c.exact.set(key + s, entry);
    }
  }
  cache.set(lang, c);
  return c;
}

function lookupListed(c: Compiled, word: string): Entry | undefined {
  const e = c.exact.get(word);
  if (e) return e;
  const stems = c.stems.get(word[0] ?? '');
  if (stems) for (const s of stems) if (word.startsWith(s.stem)) return s.entry;
  return undefined;
}

/**
 * Russian short adjectives drop a vowel the long forms keep: "вкусен", "надёжен", "внимателен",
 * "качествен" are "вкусн-", "надёжн-", "внимательн-", "качественн-" as the lexicon lists them.
 */
function russianShortForm(c: Compiled, word: string): Entry | undefined {
  if (!word.endsWith('ен') || word.length < 6) return undefined;
  const base = word.slice(0, -2);
  for (const long of [`${base}н`, `${base}ьн`, `${base}енн`]) {
    const e = lookupListed(c, long);
    if (e) return e;
  }
  return undefined;
}

function lookupWord(c: Compiled, word: string, lang: string, w: SentimentWeights): Entry | undefined {
  const e = lookupListed(c, word);
  if (e || lang !== 'ru') return e;
  const short = russianShortForm(c, word);
  if (short) return short;
  // "не" fused to a word the lexicon knows ("нечестный", "невнимателен", "несвежий"): that word,
  // negated — and negated again by a negator before it ("не неудобный") back to itself.
  if (word.startsWith('не') && word.length >= 6) {
    const rest = word.slice(2);
    const base = lookupListed(c, rest) ?? russianShortForm(c, rest);
    if (base && base.v !== 0) return { v: negate(base, base.v, w), neg: base.v };
  }
  return undefined;
}

/**
 * `lookupWord`, kept per word: a Russian word the lexicon lacks is tried as listed, as a short
 * adjective and without a fused "не" (up to six lookups and stem scans), and reviews repeat words.
 */
function knownWord(c: Compiled, word: string, lang: string, w: SentimentWeights): Entry | undefined {
  if (c.knownFor !== w || c.known.size >= KNOWN_LIMIT) {
    c.known.clear();
    c.knownFor = w;
  }
  let e = c.known.get(word);
  if (e === undefined) {
    e = lookupWord(c, word, lang, w) ?? null;
    c.known.set(word, e);
  }
  return e ?? undefined;
}

/** A token's text as `normaliseFor` gives it, from its `norm` (lower-cased already) when that can tell. */
function tokenWord(lang: string, t: Token): string {
  // `norm` differs from the lower-cased text only where a typographic apostrophe was made plain.
  if (lang !== 'ru' || t.norm.includes("'")) return normaliseFor(lang, t.text);
  return t.norm.includes('ё') ? t.norm.replace(/ё/g, 'е') : t.norm;
}

function isPostNegator(c: Compiled, word: string): boolean {
  return c.postExact.has(word) || c.postPrefixes.some((p) => word.startsWith(p));
}

function negate(e: Entry, v: number, w: SentimentWeights): number {
  return e.neg !== undefined ? e.neg : v * (v > 0 ? w.negatePositive : w.negateNegative);
}

function clauseWeights(openers: (string | undefined)[], c: Compiled, w: SentimentWeights): number[] {
  const weights = openers.map(() => 1);
  openers.forEach((o, k) => {
    if (o && c.contrast.has(o)) {
      for (let j = 0; j < k; j++) weights[j]! *= w.contrastBefore;
      for (let j = k; j < openers.length; j++) weights[j]! *= w.contrastAfter;
    } else if (o && c.concessive.has(o)) weights[k]! *= w.concessive;
    else if (o && c.verdicts.has(o)) for (let j = k; j < openers.length; j++) weights[j]! *= w.verdict;
  });
  return weights;
}

function finish(sentence: Sentence, opinions: Opinion[], clauses: number[], w: SentimentWeights): void {
  let raw = 0;
  let evidence = 0;
  for (const o of opinions) {
    raw += o.value;
    evidence += Math.abs(o.value);
  }
  if (raw !== 0) {
    const bangs = (sentence.text.match(/[!！]/g) ?? []).length;
    raw += Math.sign(raw) * Math.min(bangs, 4) * w.exclamation;
    if (/[?？؟]\s*$/.test(sentence.text)) raw *= w.question;
  }
  sentence.clauses = clauses;
  sentence.opinions = opinions;
  sentence.raw = raw;
  sentence.sentiment = verdict(raw, evidence, w);
}

function emojiOpinions(tokens: Token[], clauseOf: (i: number) => number): Opinion[] {
  const out: Opinion[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'emoji') return;
    const v = EMOJI_VALENCE[baseEmoji(t.text)];
    if (v !== undefined) out.push({ first: i, last: i, term: t.text, value: v, local: v, negated: false, clause: clauseOf(i) });
  });
  return out;
}

/** Scores a sentence of a word-based language (ru, de, fa). */
function scoreWords(sentence: Sentence, lang: string, c: Compiled, w: SentimentWeights): void {
  const toks = sentence.tokens;
  const norms = toks.map((t) => tokenWord(lang, t));
  const clauses = [0];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === 'punct' && /^[,;:()—–\-،؛…]|^\.{2,}$/.test(t.norm) && i + 1 < toks.length) clauses.push(i + 1);
    else if (t.kind === 'word' && i > 0 && (c.contrast.has(norms[i]!) || c.concessive.has(norms[i]!)) && clauses[clauses.length - 1] !== i)
      clauses.push(i);
  }
  const uniq = [...new Set(clauses)].sort((a, b) => a - b);
  // Each token's clause, worked out once: it is asked for every word around every opinion.
  const clauseIndex = new Int32Array(toks.length);
  for (let t = 0, k = 0; t < toks.length; t++) {
    while (k + 1 < uniq.length && uniq[k + 1]! <= t) k++;
    clauseIndex[t] = k;
  }
  const clauseOf = (i: number) => clauseIndex[i]!;
  const weights = clauseWeights(
    uniq.map((s) => norms[s]),
    c,
    w,
  );
  const boost = new Float64Array(toks.length).fill(1);
  const neg = new Uint8Array(toks.length);
  const cands: { first: number; last: number; entry: Entry; term: string }[] = [];
  const broad: typeof cands = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    if (t.kind !== 'word') {
      i++;
      continue;
    }
    const word = norms[i]!;
    const phrase = c.phrases.get(word)?.find((p) => p.tokens.every((pt, k) => norms[i + k] === pt));
    if (phrase) {
      cands.push({ first: i, last: i + phrase.tokens.length - 1, entry: phrase.entry, term: phrase.text });
      i += phrase.tokens.length;
      continue;
    }
    if (c.negators.has(word)) neg[i] = 1;
    else if (c.boosters.has(word)) boost[i] = c.boosters.get(word)!;
    else {
      const e = knownWord(c, word, lang, w);
      if (e && (e.v !== 0 || e.neg !== undefined)) cands.push({ first: i, last: i, entry: e, term: word });
      else if (!e && lang === 'ru') {
        const a = russianAfinn(word);
        if (a) broad.push({ first: i, last: i, entry: a, term: word });
      }
    }
    i++;
  }
  // The translated AFINN list is broad but noisy (it rates "большой", "big", as praise): it only
  // speaks in a sentence where the own lexicon finds no opinion.
  if (!cands.length) cands.push(...broad);
  const opinions: Opinion[] = emojiOpinions(toks, clauseOf);
  if (lang === 'ru') opinions.push(...bracketSmileys(toks, clauseOf));
  for (const cand of cands) {
    const clause = clauseOf(cand.first);
    let v = cand.entry.v;
    let negated = false;
    let boosted = false;
    for (let j = cand.first - 1, seen = 0; j >= 0 && clauseOf(j) === clause && seen < 3; j--) {
      if (toks[j]!.kind !== 'word') continue;
      if (neg[j]) {
        negated = true;
        break;
      }
      if (boost[j] !== 1 && !boosted) {
        v *= boost[j]!;
        boosted = true;
      }
      seen++;
    }
    // Negation after the opinion: "funktioniert nicht", "خوب نیست".
    if (!negated && c.postExact.size + c.postPrefixes.length > 0) {
      for (let j = cand.last + 1, seen = 0; j < toks.length && clauseOf(j) === clause && seen < 3; j++) {
        if (toks[j]!.kind !== 'word') continue;
        if (isPostNegator(c, norms[j]!)) {
          // "leider nicht gut": a negator followed by an opinion belongs to that opinion.
          negated = !cands.some((o) => o.first > j && o.first <= j + 2 && clauseOf(o.first) === clause);
          break;
        }
        seen++;
      }
    }
    if (negated) v = negate(cand.entry, v, w);
    const local = v;
    v *= weights[clause]!;
    if (v !== 0) opinions.push({ first: cand.first, last: cand.last, term: cand.term, value: v, local, negated, clause });
  }
  opinions.sort((a, b) => a.first - b.first);
  finish(sentence, opinions, uniq, w);
}

/** Whether a lexicon word with a valence starts at `at` in a Chinese text. */
function opinionAt(c: Compiled, s: string, at: number): boolean {
  for (let len = Math.min(c.maxKey, s.length - at); len >= 1; len--) {
    const e = c.exact.get(s.slice(at, at + len));
    if (e) return e.v !== 0;
  }
  return false;
}

/** Scores a Chinese sentence by scanning its characters for the longest lexicon entries. */
function scoreChinese(sentence: Sentence, c: Compiled, w: SentimentWeights): void {
  const s = sentence.text;
  const toks = sentence.tokens;
  const base = sentence.start;
  const tokenAt = (offset: number) => {
    const abs = base + offset;
    const k = toks.findIndex((t) => t.start <= abs && abs < t.end);
    return Math.max(k, 0);
  };
  const clauseStarts = [0];
  const found: { at: number; len: number; entry: Entry; term: string }[] = [];
  const negAt: number[] = [];
  const boostAt: { end: number; f: number }[] = [];
  const openers: (string | undefined)[] = [undefined];
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if ('，,；;：:、（）()…—'.includes(ch)) {
      clauseStarts.push(i + 1);
      openers.push(undefined);
      i++;
      continue;
    }
    let best: { kind: 'word' | 'neg' | 'boost' | 'contrast'; len: number; entry?: Entry; f?: number; key: string } | undefined;
    for (let len = Math.min(c.maxKey, s.length - i); len >= 1; len--) {
      const key = s.slice(i, i + len);
      const e = c.exact.get(key);
      // A longer clause opener ("美中不足", "唯一的缺点") keeps the word inside it ("不足", "缺点") from scoring.
      if (e && best?.kind !== 'contrast') {
        best = { kind: 'word', len, entry: e, key };
        break;
      }
      if (!best && c.negators.has(key)) best = { kind: 'neg', len, key };
      else if (!best && (c.contrast.has(key) || c.concessive.has(key) || c.verdicts.has(key))) best = { kind: 'contrast', len, key };
      else if (!best && c.boosters.has(key)) best = { kind: 'boost', len, f: c.boosters.get(key)!, key };
    }
    if (!best) {
      i++;
      continue;
    }
    // "好" before an opinion word intensifies it ("好无聊", "好开心"), as "很" does; it is no praise itself.
    if (best.kind === 'word' && best.key === '好' && opinionAt(c, s, i + 1)) {
      boostAt.push({ end: i + 1, f: 1.3 });
      i++;
      continue;
    }
    if (best.kind === 'word' && (best.entry!.v !== 0 || best.entry!.neg !== undefined))
      found.push({ at: i, len: best.len, entry: best.entry!, term: best.key });
    else if (best.kind === 'neg') negAt.push(i + best.len);
    else if (best.kind === 'boost') boostAt.push({ end: i + best.len, f: best.f! });
    else if (best.kind === 'contrast' && i > 0) {
      clauseStarts.push(i);
      openers.push(best.key);
    } else if (best.kind === 'contrast') openers[0] = best.key;
    i += best.len;
  }
  const clauseOfOffset = (off: number) => {
    let k = 0;
    while (k + 1 < clauseStarts.length && clauseStarts[k + 1]! <= off) k++;
    return k;
  };
  const weights = clauseWeights(openers, c, w);
  const opinions: Opinion[] = emojiOpinions(toks, (ti) => clauseOfOffset(toks[ti]!.start - base));
  for (const f of found) {
    const clause = clauseOfOffset(f.at);
    let v = f.entry.v;
    const negated = negAt.some((end) => end <= f.at && f.at - end <= 3 && clauseOfOffset(end - 1) === clause);
    const b = boostAt.filter((x) => x.end <= f.at && f.at - x.end <= 2 && clauseOfOffset(x.end - 1) === clause).pop();
    if (b) v *= b.f;
    if (negated) v = negate(f.entry, v, w);
    const local = v;
    v *= weights[clause]!;
    if (v !== 0) opinions.push({ first: tokenAt(f.at), last: tokenAt(f.at + f.len - 1), term: f.term, value: v, local, negated, clause });
  }
  opinions.sort((a, b) => a.first - b.first);
  const tokenClauses = [...new Set(clauseStarts.map((off) => tokenAt(Math.min(off, Math.max(0, s.length - 1)))))].sort((a, b) => a - b);
  finish(sentence, opinions, tokenClauses, w);
}

/** The language's contrast ("но", "但是") and concessive ("хотя", "虽然") words, normalised; empty when it has no lexicon. */
export function turnWordsOf(lang: string): { contrast: ReadonlySet<string>; concessive: ReadonlySet<string> } {
  const c = compile(lang);
  return c ? { contrast: c.contrast, concessive: c.concessive } : { contrast: new Set(), concessive: new Set() };
}

/** True when a first lexicon exists for the language. */
export function hasLexicon(lang: string): boolean {
  return compile(lang) !== undefined;
}

/** Scores one sentence of a non-English supported language, writing clauses, opinions, raw and sentiment. */
export function scoreOtherSentence(sentence: Sentence, lang: string, w: SentimentWeights): void {
  const c = compile(lang);
  if (!c) throw new Error(`no sentiment lexicon for language "${lang}"`);
  if (lang === 'zh') scoreChinese(sentence, c, w);
  else scoreWords(sentence, lang, c, w);
}
