/**
 * Rating parsing: "4 out of 5", "4/5", "Rated 3/5", "4,5 von 5 Sternen", "★★★★☆", aria-labels,
 * class names (`rating-4`, `stars-45`, `a-star-4-5`), data attributes and star-bar widths, on
 * 5-, 10- and 100-point scales.
 */
import type { Rating } from '../../domain/types.js';
import { attr, classTokens, type Element, namingAttributes } from './dom.js';
import { parseNumber, StringMemo } from './text.js';

/** Infers the best value of a scale from a value when the page does not state it. */
export function inferBest(value: number): number {
  if (value <= 5) return 5;
  if (value <= 10) return 10;
  return 100;
}

/** Builds a Rating from loosely typed parts (schema.org style strings or numbers); undefined when implausible. */
export function makeRating(value: unknown, best?: unknown, worst?: unknown): Rating | undefined {
  const v = parseNumber(value);
  if (v === undefined) return undefined;
  let b = parseNumber(best);
  let w = parseNumber(worst);
  if (b === undefined || b <= 0) b = inferBest(v);
  if (w === undefined || w >= b) w = b === 100 ? 0 : 1;
  // A value of 0 on a 1-based scale means "not rated" on most sites.
  if (v < Math.min(w, 0) || v > b || (v === 0 && w >= 1)) return undefined;
  return { value: v, best: b, worst: w };
}

const NUM = '(\\d{1,3}(?:[.,]\\d{1,2})?)';
const OUT_OF = new RegExp(
  `(?<![\\d/.,])${NUM}\\s*(?:out\\s+of|of|von|из|sur|de|su|van|/|／)\\s*${NUM}(?![\\d%]|\\s*%|[/.]\\d|\\s*(?:people|persons?|users?|customers?|found|personen|kunden|человек|пользовател))`,
  'i',
);
const STARS_WORD = new RegExp(
  `(?:rated|rating|bewertet|оценка|note|score)?\\s*:?\\s*${NUM}\\s*(?:-|\\s)?(?:stars?|sterne?n?|звезд\\S*|étoiles?|estrellas?|stelle|星|점)`,
  'i',
);
// "Note 10" is a phone; the French "note" is a rating only with its colon ("Note : 4").
const RATED = new RegExp(
  `(?:(?<!\\p{L})(?:rated|rating|bewertung|bewertet mit|оценка)\\s*:?|(?<!\\p{L})note\\s*:)\\s*${NUM}\\b(?!\\s*(?:%|/|reviews?|ratings?))`,
  'iu',
);
const FILLED = /[★⭐✭✮✯✪]/g;
const EMPTY = /[☆✩]/g;

/** Parses a rating written in text; `best` is used when the text gives no scale. */
export function parseRatingText(text: string, best?: number): Rating | undefined {
  const t = text.trim();
  if (!t || t.length > 200) return undefined;
  const out = OUT_OF.exec(t);
  if (out) {
    const r = makeRating(out[1], out[2]);
    if (r && (r.best === 5 || r.best === 10 || r.best === 100)) return r;
  }
  const filled = t.match(FILLED)?.length ?? 0;
  const empty = t.match(EMPTY)?.length ?? 0;
  if (filled + empty >= 3 && filled + empty <= 10 && /^[\s★⭐✭✮✯✪☆✩½]+$/u.test(t)) {
    return makeRating(filled + (t.includes('½') ? 0.5 : 0), empty > 0 ? filled + empty + (t.includes('½') ? 1 : 0) : (best ?? 5));
  }
  // "4 stars" is out of five whatever scale bare numbers use, unless it is more than five.
  const stars = STARS_WORD.exec(t);
  if (stars) return makeRating(stars[1], Number(stars[1]!.replace(',', '.')) > 5 ? best : 5);
  const rated = RATED.exec(t);
  if (rated) return makeRating(rated[1], best);
  if (/^\d{1,2}(?:[.,]\d{1,2})?$/.test(t)) return makeRating(t, best);
  return undefined;
}

const RATING_CLASS = /(?:^|[^a-z])(?:stars?|rate|rated|score)(?:[^a-z]|$)|rating/i;

/** Reads a rating encoded in class names: `rating-4`, `stars-45`, `a-star-4-5`, `star-rating-80`, `i-stars--regular-5`. */
export function ratingFromClasses(tokens: string[]): Rating | undefined {
  for (const token of tokens) {
    // "allstar40", "bigstar45": the word runs into the number.
    if (!RATING_CLASS.test(token) && !/[a-z](?:star|stars|rating)\d{1,3}$/i.test(token)) continue;
    const m = /(?:^|[^\d])(\d{1,3})(?:[-_](\d))?$/.exec(token);
    if (!m) continue;
    const whole = Number(m[1]);
    if (m[2] !== undefined) {
      const r = makeRating(whole + Number(m[2]) / 10, 5);
      if (r) return r;
      continue;
    }
    if (whole <= 5) return makeRating(whole, 5);
    // "stars-45" is 4.5 stars; "rating-80" is a percentage.
    if (whole <= 50 && whole % 5 === 0) return makeRating(whole / 10, 5);
    if (whole <= 100) return makeRating(whole / 20, 5);
  }
  return undefined;
}

const RATING_ATTRS = ['data-rating', 'data-score', 'data-stars', 'data-rating-value', 'data-value', 'content', 'value'];
const LABEL_ATTRS = ['aria-label', 'title', 'alt', 'data-tooltip', 'data-original-title'];

/** Reads a rating from one element's attributes, class names, star-bar width or text. */
export function ratingFromElement(el: Element, text?: string, best?: number): Rating | undefined {
  for (const name of LABEL_ATTRS) {
    const v = attr(el, name);
    if (v) {
      const r = parseRatingText(v, best);
      if (r) return r;
    }
  }
  const named = `${el.attribs.class ?? ''} ${el.attribs.itemprop ?? ''} ${el.attribs.id ?? ''}`;
  if (RATING_CLASS.test(named) || Object.keys(el.attribs).some((k) => /^data-.*(?:rating|score|stars?)/i.test(k))) {
    for (const name of [...RATING_ATTRS, ...Object.keys(el.attribs).filter((k) => /^data-.*(?:rating|score|stars?)/i.test(k))]) {
      const v = attr(el, name);
      if (v && /^\d{1,3}(?:[.,]\d{1,2})?$/.test(v)) {
        const r = makeRating(v, best);
        if (r) return r;
      }
    }
    const fromClass = ratingFromClasses(classTokens(el));
    if (fromClass) return fromClass;
    const width = /(?:^|;)\s*width\s*:\s*(\d{1,3}(?:\.\d+)?)%/i.exec(el.attribs.style ?? '');
    if (width) {
      const r = makeRating(Math.round((Number(width[1]) / 100) * (best ?? 5) * 10) / 10, best ?? 5);
      if (r) return r;
    }
  }
  if (text !== undefined) return parseRatingText(text, best);
  return undefined;
}

const ratingClasses = new StringMemo<boolean>(10_000);

/** Whether an element is named like a rating widget (class, id, itemprop or data attributes). */
export function isRatingNamed(el: Element): boolean {
  // Only these attributes can name a rating widget: most elements have none of them, and many
  // only a class list, whose answer is worked out once (bounded).
  const naming = namingAttributes(el);
  if (naming === 0) return false;
  if (naming === 1) {
    const cls = el.attribs.class as string;
    return ratingClasses.get(cls) ?? ratingClasses.set(cls, RATING_CLASS.test(`${cls}    `));
  }
  const names = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''} ${el.attribs.itemprop ?? ''} ${el.attribs['data-hook'] ?? ''} ${el.attribs['data-testid'] ?? ''}`;
  if (RATING_CLASS.test(names)) return true;
  for (const k in el.attribs) if (/^data-.*(?:rating|score|stars?)/i.test(k)) return true;
  return false;
}
