/**
 * Sentence spans and tokens. Sentences come from Intl.Segmenter (ICU rules, Chinese and Persian
 * punctuation included, ~150k reviews/s); a few review habits ICU leaves alone are split too: a
 * missing space after the full stop ("45 minutes.MAJOR PROBLEMS") and runs of "!!!" before a new
 * capitalised sentence. Tokens come from one regular expression that keeps contractions, hyphenated
 * words, emoji sequences and emoticons whole; Chinese words come from the ICU word segmenter.
 */
import { PLACEHOLDERS } from '../../privacy/redact.js';
import type { AnalysisRecord, Sentence, Stage, Token, TokenKind } from '../record.js';

const placeholders = PLACEHOLDERS.map((p) => p.replace(/[[\]]/g, '\\$&')).join('|');

// One alternation, tried in order: URL, handle, emoticon, emoji sequence, word, number, punctuation.
// The groups are named for reading and stripped of their names when compiled: a match with named
// groups builds a groups object each time, a tenth of tokenizing; group k + 1 is KINDS[k].
const TOKEN_RE = new RegExp(
  [
    // The placeholders redaction leaves ("[email]", "[phone]", "[location]") are links to a person, not words: no
    // phrase, theme or aspect is made of them.
    String.raw`(?<url>https?:\/\/\S+|www\.\S+|${placeholders})`,
    // A social-media handle ("@united", "@shop_help") names an account, not an opinion; not inside an e-mail address.
    String.raw`(?<handle>(?<![\p{L}\p{N}_.])@[\p{L}\p{N}_]+)`,
    // Emoticons need a blank (or the text's edge) on both sides, so "(size 8)" or "a:b" are not faces.
    String.raw`(?<emoticon>(?<![\p{L}\p{N}])(?:[:;=][-'^o]?[)(\]\[dDpP/\\|*3oO@]+|[)(\]\[][-'^]?[:;=]|<\/?3+|\^_*\^|-_+-|[xX][dD]+(?!\p{L})|T_T|:'\(|;_;)(?![\p{L}\p{N}]))`,
    String.raw`(?<emoji>\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic})*|\p{Regional_Indicator}{2})`,
    String.raw`(?<word>[\p{L}\p{M}][\p{L}\p{M}\u200C\u200D]*(?:['’][\p{L}\p{M}]+)*(?:-[\p{L}\p{M}]+)*)`,
    String.raw`(?<number>\p{N}+(?:[.,:/]\p{N}+)*(?:%|st|nd|rd|th|s)?)`,
    String.raw`(?<punct>\.{2,}|[!?]+|[^\s\p{L}\p{N}])`,
  ]
    .join('|')
    .replace(/\(\?<[a-z]+>/g, '('),
  'gu',
);

const KINDS: TokenKind[] = ['url', 'handle', 'emoticon', 'emoji', 'word', 'number', 'punct'];

/** Lower-cases a token and makes typographic apostrophes plain. */
export function normalise(token: string): string {
  const lower = token.toLowerCase();
  // Runs on every token: the replace pass only when there is something to replace.
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

/**
 * Whether a UTF-16 unit is a letter the token pattern's word alternative takes and that starts no
 * other alternative: Basic Latin and Russian letters, except the first letters of a link ("http",
 * "www.") and of the emoticons "xD" and "T_T" when `start`.
 */
function plainLetter(c: number, start: boolean): boolean {
  if (c >= 0x430 ? c <= 0x44f || c === 0x451 : c >= 0x410 || c === 0x401) return true;
  if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a))) return false;
  return !start || (c !== 0x68 && c !== 0x77 && c !== 0x78 && c !== 0x58 && c !== 0x54);
}

/** Whether a UTF-16 unit surely ends a word of plain letters: an ASCII character that is no letter. */
function endsPlainWord(c: number): boolean {
  return c < 0x80 && !((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a));
}

/** Skips a run of plain letters from `at`; -1 when a character outside ASCII that is not one comes first. */
function plainRun(span: string, at: number): number {
  let k = at;
  for (; k < span.length; k++) {
    const c = span.charCodeAt(k);
    if (plainLetter(c, false)) continue;
    return endsPlainWord(c) ? k : -1;
  }
  return k;
}

/**
 * The end of the word of plain letters at `at`, as the pattern's word alternative takes it (letters,
 * then "'"- and then "-"-joined parts), or -1 when the pattern must decide (another letter, a mark, a
 * joiner: anything this does not know).
 */
function plainWordEnd(span: string, at: number): number {
  let end = plainRun(span, at + 1);
  if (end < 0) return -1;
  for (const joiners of ["'’", '-']) {
    while (end + 1 < span.length && joiners.includes(span[end]!)) {
      const c = span.charCodeAt(end + 1);
      if (!plainLetter(c, false)) {
        if (endsPlainWord(c)) break;
        return -1;
      }
      const next = plainRun(span, end + 1);
      if (next < 0) return -1;
      end = next;
    }
  }
  return end;
}

/** Tokenises a span of the text; offsets are relative to the whole text. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const span = start === 0 && end === text.length ? text : text.slice(start, end);
  let at = 0;
  while (at < span.length) {
    // Most tokens are plain words after a space: read without the pattern, which tries a link, a
    // handle, an emoticon and an emoji at each one first (a third of tokenizing).
    const c = span.charCodeAt(at);
    if (c === 0x20 || c === 0x0a) {
      at++;
      continue;
    }
    const wordEnd = plainLetter(c, true) && (at === 0 || span[at - 1] !== '#') ? plainWordEnd(span, at) : -1;
    if (wordEnd > 0) {
      const word = span.slice(at, wordEnd);
      tokens.push({ text: word, norm: normalise(word), start: start + at, end: start + wordEnd, kind: 'word' });
      at = wordEnd;
      continue;
    }
    TOKEN_RE.lastIndex = at;
    const m = TOKEN_RE.exec(span);
    if (!m) break;
    at = TOKEN_RE.lastIndex;
    let kind: TokenKind = 'punct';
    for (let k = 0; k < KINDS.length; k++) {
      if (m[k + 1] !== undefined) {
        kind = KINDS[k]!;
        break;
      }
    }
    const humps =
      kind === 'word' && m.index > 0 && span[m.index - 1] === '#' && CAMEL_HUMP.test(m[0]) ? [...m[0].matchAll(CAMEL_PART)] : undefined;
    // "#NeverAgain", "#CustomerService", "#USAirways": a hashtag written in humps is several words
    // (but not "#iPhone": every part must be a word of two letters or more).
    if (humps?.every((p) => p[0].length >= 2) && humps.reduce((n, p) => n + p[0].length, 0) === m[0].length) {
      for (const part of humps) {
        const partAt = start + m.index + part.index;
        tokens.push({ text: part[0], norm: normalise(part[0]), start: partAt, end: partAt + part[0].length, kind });
      }
      continue;
    }
    tokens.push({ text: m[0], norm: normalise(m[0]), start: start + m.index, end: start + m.index + m[0].length, kind });
  }
  return tokens;
}

// A word of letters only with a lower-case letter followed by a capital somewhere.
const CAMEL_HUMP = /^(?=\p{L}+$).*\p{Ll}\p{Lu}/u;
const CAMEL_PART = /\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})/gu;

// Made on first Chinese text: loading its dictionary takes about 10 ms that other texts never need.
let zhWords: Intl.Segmenter | undefined;

/** Tokenises Chinese with the ICU word segmenter (no spaces to split on). */
export function tokenizeChinese(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  for (const s of (zhWords ??= new Intl.Segmenter('zh', { granularity: 'word' })).segment(text.slice(start, end))) {
    if (!s.segment.trim()) continue;
    const kind: TokenKind = s.isWordLike
      ? /^\p{N}+$/u.test(s.segment)
        ? 'number'
        : 'word'
      : /\p{Extended_Pictographic}/u.test(s.segment)
        ? 'emoji'
        : 'punct';
    tokens.push({ text: s.segment, norm: normalise(s.segment), start: start + s.index, end: start + s.index + s.segment.length, kind });
  }
  return tokens;
}

const segmenters = new Map<string, Intl.Segmenter>();
function sentenceSegmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    // "ss-standard" asks ICU to keep abbreviations ("Mr.") inside sentences; not every ICU build has the
    // data, so TITLE_END below joins titles back as well.
    s = new Intl.Segmenter(lang === 'und' ? 'en-u-ss-standard' : `${lang}-u-ss-standard`, { granularity: 'sentence' });
    segmenters.set(lang, s);
  }
  return s;
}

// "minutes.MAJOR", "works!!Love" — a sentence end glued to the next capitalised word.
const GLUED_END = /(?<=\p{Ll}{2}|\p{N})([.!?]+)(?=\p{Lu}\p{L})/uy;
// ICU does not break before a lower-case word ("fits well. i ordered"), which reviews typed on phones
// are full of; a full stop after a word of three or more letters, then a lower-case word, ends a
// sentence too (abbreviations such as "approx." or "incl." are spared).
// Titles ICU splits before a capitalised name ("Mr. Smith") are joined back.
const TITLE_END = /(?:^|[^\p{L}])(?:mr|mrs|ms|dr|prof|st|vs|jr|sr|approx|no)\.$/iu;
const LOWER_START = /(?<=[\p{L}\p{N})"'”]{2})([.!?]+["'”)]*)(?=\s+\p{Ll})/uy;
const STOP = /[.!?]/g;

/**
 * The matches of a sticky pattern that starts with one of ".!?", as a global search finds them
 * (leftmost first, none overlapping), but tried only where such a mark stands: a pattern that
 * starts with a lookbehind is otherwise tried at every position of every sentence.
 */
function stopMatches(re: RegExp, text: string, stops: readonly number[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (const at of stops) {
    if (at < from) continue;
    re.lastIndex = at;
    const m = re.exec(text);
    if (m) {
      out.push(m);
      from = re.lastIndex;
    }
  }
  return out;
}
const ABBREVIATIONS = new Set([
  'approx',
  'incl',
  'etc',
  'vs',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'no',
  'jr',
  'sr',
  'inc',
  'ltd',
  'co',
  'oz',
  'lbs',
  'lb',
  'ft',
  'sq',
  'min',
  'max',
  'est',
  'dept',
  'fig',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'ca',
  'cf',
  'al',
  'eg',
  'ie',
  'pp',
  'vol',
  'ed',
  'esp',
  'govt',
]);

/** Longest piece of text given to the sentence segmenter at once: its cost grows with the square of the length. */
const PIECE = 8_000;

/**
 * A long text in pieces the segmenter would break between anyway: at a line break, else after a
 * sentence's end and a blank, else at a blank. Reviews (a few hundred characters) are one piece.
 */
function* pieces(text: string): Generator<[number, string]> {
  let from = 0;
  while (text.length - from > PIECE) {
    const window = text.slice(from, from + PIECE);
    let cut = window.lastIndexOf('\n') + 1;
    if (cut < PIECE / 2) {
      const ends = [...window.matchAll(/[.!?。！？]["'”)]*\s+/g)];
      const last = ends.at(-1);
      cut = last && last.index + last[0].length >= PIECE / 2 ? last.index + last[0].length : 0;
    }
    if (cut < PIECE / 2) cut = window.lastIndexOf(' ') + 1;
    if (cut < PIECE / 2) cut = PIECE;
    yield [from, window.slice(0, cut)];
    from += cut;
  }
  yield [from, from === 0 ? text : text.slice(from)];
}

const LETTER = /^\p{L}$/u;

/**
 * The letters just before `end` (what /\p{L}+$/u finds in the text before it), read backwards: the
 * regex tries every start in the text, and it runs for each sentence end.
 */
function trailingWord(text: string, end: number): string {
  let k = end;
  while (k > 0) {
    const c = text.charCodeAt(k - 1);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) {
      k--;
      continue;
    }
    if (c < 0x80) break;
    // A letter outside the BMP is two UTF-16 units.
    const wide = c >= 0xdc00 && c <= 0xdfff && k >= 2 && text.charCodeAt(k - 2) >= 0xd800 && text.charCodeAt(k - 2) <= 0xdbff;
    const ch = wide ? text.slice(k - 2, k) : text[k - 1]!;
    if (!LETTER.test(ch)) break;
    k -= ch.length;
  }
  return text.slice(k, end);
}

/** Splits a text into sentence spans (offsets into the text, blanks trimmed). */
export function splitSentences(text: string, lang = 'en'): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/u.test(text[start]!)) start++;
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
    if (end <= start) return;
    const prev = spans[spans.length - 1];
    if (prev && TITLE_END.test(text.slice(Math.max(prev.start, prev.end - 8), prev.end)) && !/\n/.test(text.slice(prev.end, start)))
      prev.end = end;
    else spans.push({ start, end });
  };
  const latin = lang !== 'zh' && lang !== 'ja' && lang !== 'fa' && lang !== 'ar';
  const segmenter = sentenceSegmenter(lang);
  for (const [offset, piece] of pieces(text)) {
    for (const seg of segmenter.segment(piece)) {
      const start = offset + seg.index;
      const end = start + seg.segment.length;
      const cuts: number[] = [];
      const stops: number[] = [];
      STOP.lastIndex = 0;
      for (let m = STOP.exec(seg.segment); m; m = STOP.exec(seg.segment)) stops.push(m.index);
      for (const m of stopMatches(GLUED_END, seg.segment, stops)) cuts.push(start + m.index + m[0].length);
      if (latin) {
        for (const m of stopMatches(LOWER_START, seg.segment, stops)) {
          const before = trailingWord(seg.segment, m.index).toLowerCase();
          if (m[1]!.startsWith('.') && (before.length < 2 || ABBREVIATIONS.has(before))) continue;
          cuts.push(start + m.index + m[0].length);
        }
      }
      let from = start;
      for (const cut of cuts.length ? [...new Set(cuts)].sort((a, b) => a - b) : cuts) {
        push(from, cut);
        from = cut;
      }
      push(from, end);
    }
  }
  return spans;
}

/** The clause (index into `sentence.clauses`, written by the sentiment stage) that token `i` is in. */
export function clauseOfToken(sentence: Sentence, i: number): number {
  const starts = sentence.clauses ?? [0];
  let c = 0;
  while (c + 1 < starts.length && starts[c + 1]! <= i) c++;
  return c;
}

/** Builds the sentences of a text, with their tokens, for a language. */
export function buildSentences(text: string, lang: string): Sentence[] {
  const chinese = lang === 'zh' || lang === 'ja';
  // Built by push, not map(): an array from map() has another elements kind once map() is
  // optimised, and every loop over sentences would then be optimised again.
  const sentences: Sentence[] = [];
  for (const { start, end } of splitSentences(text, lang)) {
    sentences.push({
      start,
      end,
      text: text.slice(start, end),
      tokens: chinese ? tokenizeChinese(text, start, end) : tokenize(text, start, end),
    });
  }
  return sentences;
}

/** The sentences stage: writes `sentences` (spans and tokens). */
export function sentencesStage(): Stage {
  return {
    name: 'sentences',
    reads: ['lang'],
    writes: ['sentences'],
    run(record: AnalysisRecord): void {
      record.sentences = buildSentences(record.text, record.lang ?? 'und');
    },
  };
}
