/**
 * Plain-text helpers shared by every strategy: entity decoding, tag stripping, whitespace
 * normalisation and a cheap "is this real prose?" test.
 */
import { load } from 'cheerio';

const ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});?/i;
const TAG = /<\/?[a-z][a-z0-9:-]*(?:\s[^<>]*)?\/?>|<!--[\s\S]*?-->|<!\[CDATA\[|\]\]>/gi;
const BREAK_TAG =
  /<(?:br\s*\/?|\/(?:p|div|li|tr|td|th|h[1-6]|blockquote|pre|section|article|table|ul|ol|dd|dt))\s*>|<(?:p|li|tr|h[1-6]|blockquote)(?:\s[^<>]*)?>/gi;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;

/** Decodes HTML character references (named, decimal, hex); leaves text without any untouched. */
export function decodeEntities(text: string): string {
  if (!ENTITY.test(text)) return text;
  // The HTML parser knows the full entity table; escaping '<' keeps it from seeing markup.
  return load(text.replace(/</g, '&lt;'), { xml: { xmlMode: false, decodeEntities: true } }, false).text();
}

const NEEDS_NORMALIZING = /[\n\r\t\f\v\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;
// What makes lines need more than dropping the empty ones: other whitespace, double spaces, or a
// space at either end of a line.
const UNCLEAN_LINES = /[\r\t\f\v\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}| \n|\n |^ | $/;

/** Collapses runs of spaces, trims every line, drops empty lines (paragraphs stay on their own lines). */
export function normalizeWhitespace(text: string): string {
  // Most texts (names, dates, a paragraph read with the line breaks around it) have single spaces
  // only between their line breaks at either end: nothing to collapse or split.
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 10) start++;
  while (end > start && text.charCodeAt(end - 1) === 10) end--;
  const inner = start > 0 || end < text.length ? text.slice(start, end) : text;
  if (!NEEDS_NORMALIZING.test(inner)) return inner.trim();
  // A text read from markup is mostly clean lines between line breaks: only the empty lines go.
  if (!UNCLEAN_LINES.test(inner)) return inner.includes('\n\n') ? inner.replace(/\n\n+/g, '\n') : inner;
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Strips markup from a string that may hold HTML (possibly entity-escaped twice, as JSON blobs often do). */
export function htmlToText(value: string): string {
  let text = value;
  // Two rounds: some sites escape their HTML once for JSON and once more for the page.
  for (let round = 0; round < 3; round++) {
    const before = text;
    // Inline tags vanish without a trace ("1930ft<sup>2</sup>"); block ends break lines.
    text = text.replace(BREAK_TAG, '\n').replace(TAG, '');
    if (ENTITY.test(text)) text = decodeEntities(text);
    if (text === before) break;
  }
  return normalizeWhitespace(text);
}

/** Counts words, treating each CJK character as a word (those scripts don't separate words by spaces). */
export function wordCount(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const words = text
    .replace(CJK, ' ')
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w)).length;
  return words + cjk;
}

/** Whether a string reads like written prose rather than a label, id, URL or number. */
export function isProse(text: string, minWords = 4): boolean {
  const t = text.trim();
  if (t.length < 8) return false;
  if (/^(?:https?:)?\/\/\S+$/.test(t) || /^[\w.+-]+@[\w.-]+$/.test(t)) return false;
  const letters = t.match(/\p{L}/gu)?.length ?? 0;
  if (letters < t.length * 0.5) return false;
  return wordCount(t) >= minWords;
}

/**
 * A copy of a string that holds no reference to the text it was cut from. A piece of a page (an
 * attribute value, a text) is kept by the engine as a view into the whole page's source: a cache
 * that outlives the page must store copies, or it keeps every page's source alive.
 */
export function ownCopy(text: string): string {
  // Shorter strings are always stored on their own.
  return text.length < 13 ? text : Buffer.from(text, 'utf16le').toString('utf16le');
}

/**
 * A memo keyed by strings that outlives pages (what a class list names, whether an address is a
 * profile): it holds copies of its keys and of string values ({@link ownCopy}), never a page's
 * source, and starts over once it holds `max` entries.
 */
export class StringMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly max: number) {}

  /** The value kept for a key, if any. */
  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  /** Keeps a value for a key and returns what is kept. */
  set(key: string, value: V): V {
    if (this.entries.size >= this.max) this.entries.clear();
    const kept = (typeof value === 'string' ? ownCopy(value) : value) as V;
    this.entries.set(ownCopy(key), kept);
    return kept;
  }
}

/** A key for comparing texts loosely: lower-cased letters and digits only, first 200 of them. */
export function textKey(text: string): string {
  return asciiKey(text) ?? unicodeKey(text);
}

// The ASCII key's characters are written here, lowered, and read out as one string.
const keyBuffer = Buffer.allocUnsafe(200);

/**
 * The key read char by char while the text is ASCII, where a letter or digit is [A-Za-z0-9] and
 * lowering is per character: stops at the key's 200th character, so a long text is not lowered
 * and stripped whole (every item's key is worked out when merging). Undefined at the first other
 * character before that, which the Unicode-aware key handles.
 */
function asciiKey(text: string): string | undefined {
  let n = 0;
  for (let i = 0; i < text.length && n < 200; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) keyBuffer[n++] = c;
    else if (c >= 65 && c <= 90) keyBuffer[n++] = c + 32;
    else if (c >= 128) return undefined;
  }
  return keyBuffer.toString('latin1', 0, n);
}

function unicodeKey(text: string): string {
  // A long text's key is in its head: only that is lowered and stripped. The head ends before a
  // space, so lowering it is lowering the whole text's head (a final sigma stays final).
  if (text.length > 1200) {
    const cut = text.indexOf(' ', 800);
    if (cut > 0 && cut < 1200) {
      const head = keyOf(text.slice(0, cut));
      if (head.length >= 200) return head.slice(0, 200);
    }
  }
  return keyOf(text).slice(0, 200);
}

const keyOf = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Parses a number written with thousands separators or a decimal comma ("1,272", "4,5", "1.234"). */
export function parseNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /-?\d[\d\s.,\u00a0\u202f']*/.exec(value);
  if (!m) return undefined;
  let s = m[0].replace(/[\s\u00a0\u202f']/g, '').replace(/[.,]$/, '');
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // Whichever separator comes last is the decimal one.
    s = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (lastComma >= 0) {
    // "1,272" groups thousands; "4,5" is a decimal comma.
    s = /^-?\d{1,3}(?:,\d{3})+$/.test(s) ? s.replace(/,/g, '') : s.replace(',', '.');
  } else if (/^-?\d{1,3}(?:\.\d{3}){2,}$/.test(s)) {
    s = s.replace(/\./g, '');
  }
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}
