/**
 * One pass over the page's elements that marks what automatic detection looks for — rating
 * widgets, dates, author names/links — and sums text lengths bottom-up, so scoring candidate blocks
 * costs a lookup instead of a subtree walk.
 */
import {
  allElements,
  attr,
  bodyOf,
  descriptor,
  isElement,
  isSkipped,
  resolveUrl,
  signature,
  type AnyNode,
  type Element,
  type PageElement,
  type ParsedPage,
} from './dom.js';
import { mayBeDate, parseDate } from './dates.js';
import { isProfileUrl } from './profile-links.js';
import { isRatingNamed, parseRatingText, ratingFromElement } from './ratings.js';
import type { Rating } from '../../domain/types.js';

/** Read access to one fact of the page's elements (undefined for an element the pass did not visit). */
export interface ElementFacts<T> {
  /** The fact for an element. */
  get(el: Element): T | undefined;
}

/** Counts of rating, date and author elements in a subtree. */
export interface FieldCounts {
  /** Rating widgets. */
  rating: number;
  /** Date elements. */
  date: number;
  /** Author elements. */
  author: number;
}

// The pass numbers the elements it visits in document order and keeps every fact in one array
// per fact, indexed by that number; an element carries only its number, in its `passIndex` field
// (see PageElement in dom.ts). The scoring reads these facts millions of times on a 10 MB page
// (hundreds of thousands of elements), where a lookup in a Map or WeakMap of that size costs more
// than the fact, and a record object per element costs more to allocate and collect than the
// numbers in it. The parsed page is never changed after parsing, so a number stays true; an
// element's number is its pass's only when the pass's order holds that element there.
type Numbered = Element & Partial<Pick<PageElement, 'passIndex'>>;

/** A value worked out later for some elements and kept with the pass's facts. */
export interface ElementMemo<T> {
  /** The value kept for an element, if any. */
  get(el: Element): T | undefined;
  /** Keeps a value for an element (ignored for an element the pass did not visit). */
  set(el: Element, value: T): void;
}

/** Per-element facts of a page, computed once. */
export interface PageFeatures {
  /** Elements of the body in document order. */
  order: Element[];
  /** Position of each element in `order`. */
  index: ElementFacts<number>;
  /** Visible text length of each element's subtree. */
  textLen: ElementFacts<number>;
  /** Text length inside links in each element's subtree. */
  linkTextLen: ElementFacts<number>;
  /** Longest run of text held directly by one element in each subtree (a proxy for prose). */
  maxDirect: ElementFacts<number>;
  /** Rating widgets (outermost element of each) and their ratings. */
  rating: Map<Element, Rating>;
  /** Date elements (outermost) and their ISO dates. */
  date: Map<Element, string>;
  /** Author elements (outermost): names, with a profile URL when linked. */
  author: Map<Element, { name: string; url?: string }>;
  /** Elements that name their author in an attribute (`author="…"`, `data-author="…"`): posts marked by data attributes. */
  signed: Map<Element, string>;
  /** Count of rating/date/author elements in each subtree. */
  counts: ElementFacts<FieldCounts>;
  /** Count of rating widgets in each subtree. */
  ratings: ElementFacts<number>;
  /** How many rating, date and author elements a subtree holds together (0 for an element the pass did not visit). */
  fieldsWithin(el: Element): number;
  /** Index in `order` just past each element's last descendant (descendants are contiguous). */
  end: ElementFacts<number>;
  /** Whether an element is itself a rating, date or author element (one lookup instead of three). */
  isField(el: Element): boolean;
  /** Which fields an element itself is, as {@link FIELD} bits (0 for none, or for an element the pass did not visit). */
  fieldKind(el: Element): number;
  /** An element's score as a body, once finding a block's body has worked it out (see block-fields.ts). */
  bodyScore: ElementMemo<number>;
  /** The element without a poster's statistics box beside its text, once worked out (see block-fields.ts). */
  bodyTrimmed: ElementMemo<Element>;
  /** The element's {@link descriptor}, as the pass read it (worked out again for an element it did not visit). */
  descriptor(el: Element): string;
  /** The element's {@link signature}, worked out once per element. */
  signature(el: Element): string;
}

/** The bits of {@link PageFeatures.fieldKind}: an element that is a rating widget, a date or an author (or several). */
export const FIELD = { rating: 1, date: 2, author: 4 } as const;

/** Where `x` would go in the ascending `sorted`: the index of its first element not below `x` (binary search). */
export function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the sorted positions fall in [start, end) (positions are `index` values). */
export function countWithin(sorted: number[], start: number, end: number): number {
  return lowerBound(sorted, end) - lowerBound(sorted, start);
}

/** Descendants of an element in document order (from the precomputed order). */
export function subtree(f: PageFeatures, el: Element): Element[] {
  const start = f.index.get(el);
  const end = f.end.get(el);
  if (start === undefined || end === undefined) return [];
  return f.order.slice(start + 1, end);
}

const AUTHOR_NAME =
  /(?:^|[\s_-])(?:author|authors|user|username|user-name|reviewer|reviewer-name|byline|by|profile-name|nickname|nick|customer|member|poster|commenter|hnuser|fn|reviewer_name|user_name|screen-name|display-name)(?:$|[\s_-])|author|reviewer|username|nickname|commenter|profile-?name|userid|user-id|critic-?name|critic-?link/;
// The descriptor of an element without naming attributes (see dom.ts): no name pattern matches it.
const UNNAMED = '   ';
const DATE_NAME = /date|time|posted|published|timestamp|(?:^|[\s_-])age(?:$|[\s_-])|ago|when/;
const DATE_HINT = /\d|[\u06F0-\u06F9]|ago|yesterday|today|gestern|heute|вчера|сегодня|назад|前|刚|剛|hier|ayer|پیش|دیروز|امروز/i;
const PROFILE_HINT = /user|profile|member|reviewer|people|author|customer|\/u\/|\/~|\/@/i;
const NOT_AUTHOR =
  /^(?:reply|report|share|link|permalink|edit|delete|flag|vote|helpful|follow|message|more|login|log in|sign in|sign up|register|profile|view profile|antworten|ответить|回复|\d+)$/i;

// "by" before a name, in the languages of the sites crawled.
const BY_PREFIX = /^(?:posted by|written by|by|von|от|par|por|door|av|przez|autor:?|автор:?|від|bởi|作者[:：]?)\s+/i;

/** The page's address as links are compared with it: its origin and its path without a final slash. */
interface PageAddress {
  base: URL;
  origin: string;
  path: string;
}

/** Whether a link points at the page itself; `resolved` (the link made absolute, when known) lets most links be told apart without parsing. */
function samePage(href: string, page: PageAddress | undefined, resolved?: string): boolean {
  const h = href.trim();
  if (!h || h.startsWith('#') || !page) return false;
  const { base, origin, path } = page;
  if (resolved?.startsWith(origin) && resolved.charCodeAt(origin.length) === 47) {
    // A serialised web address's path runs to its first '?' or '#': another path is another page.
    const rest = resolved.slice(origin.length);
    const end = rest.search(/[?#]/);
    if ((end < 0 ? rest : rest.slice(0, end)).replace(/\/$/, '') !== path) return false;
  }
  try {
    const a = new URL(h, base);
    return a.host === base.host && a.pathname.replace(/\/$/, '') === path && !a.search;
  } catch {
    return false;
  }
}

const SIGNED_ATTRS = new Set([
  'author',
  'data-author',
  'data-author-name',
  'data-username',
  'data-user-name',
  'data-user',
  'username',
  'data-nick',
]);
const STAMP_ATTRS = new Set([
  'created',
  'created-timestamp',
  'data-created',
  'data-created-at',
  'data-timestamp',
  'data-time',
  'data-date',
  'published',
  'data-published',
  'timestamp',
]);

/** The author a post names in an attribute (custom elements and data-attribute markup), when it does. */
function signedBy(el: Element): string | undefined {
  // An element has a few attributes: look at those, not at every name a post might use.
  for (const name in el.attribs) {
    if (!SIGNED_ATTRS.has(name)) continue;
    const v = el.attribs[name]?.trim();
    if (v && v.length >= 2 && v.length <= 40 && v.split(/\s+/).length <= 3 && !/^\d+$|^https?:|[{}<>]/.test(v)) return v;
  }
  return undefined;
}

/** A date a post carries in an attribute (`created="2024-…"`, `data-timestamp="1700000000"`). */
function stampAttr(el: Element): string | undefined {
  for (const name in el.attribs) {
    if (!STAMP_ATTRS.has(name)) continue;
    const v = el.attribs[name]?.trim();
    if (v && /^\d{4}-\d{2}-\d{2}|^\d{10}(?:\d{3})?$/.test(v)) return v;
  }
  return undefined;
}

function directText(el: Element): string {
  let s = '';
  const children = el.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as AnyNode;
    if (child.type === 'text') s += (child as unknown as { data: string }).data;
  }
  if (!s) return s;
  // Runs of whitespace become one space; a lone space is left as it is (no new string for it).
  return s.replace(/ \s+|[^\S ]\s*/g, ' ').trim();
}

/** The text of a small subtree (names, dates and star labels are short); undefined past `max` characters. */
function shortText(el: Element, max: number): string | undefined {
  const read: ShortRead = { text: '', any: false, len: 0, max };
  if (!readShort(el, read)) return undefined;
  return read.text.replace(/\s+/g, ' ').trim();
}

interface ShortRead {
  /** The text nodes read so far, joined by spaces. */
  text: string;
  /** Whether a text node was read. */
  any: boolean;
  /** Characters read, without the whitespace around each text node. */
  len: number;
  max: number;
}

/** Reads a node's text into `read`; false once it holds more than `read.max` characters. */
function readShort(n: AnyNode, read: ShortRead): boolean {
  if (n.type === 'text') {
    const d = (n as unknown as { data: string }).data;
    read.text = read.any ? `${read.text} ${d}` : d;
    read.any = true;
    read.len += d.trim().length;
    return read.len <= read.max;
  }
  if (!isElement(n) || isSkipped(n)) return true;
  const children = n.children;
  for (let i = 0; i < children.length; i++) if (!readShort(children[i] as AnyNode, read)) return false;
  return true;
}

/** The page's element facts when a strategy has already worked them out (no pass is run for this). */
export function computedFeatures(page: ParsedPage): PageFeatures | undefined {
  return page.cache.get('features') as PageFeatures | undefined;
}

/** Computes (once per page) the element facts automatic detection scores with. */
export function pageFeatures(page: ParsedPage): PageFeatures {
  const cached = computedFeatures(page);
  if (cached) return cached;
  const order: Element[] = [];
  // The page's element count bounds the elements the pass visits: the facts are kept in arrays of
  // that size, written in place (no growing, nothing for the collector to trace in the numbers).
  const size = allElements(page).length;
  const ends = new Int32Array(size);
  const textLens = new Int32Array(size);
  const linkTextLens = new Int32Array(size);
  const maxDirects = new Int32Array(size);
  const ratingCounts = new Int32Array(size);
  const dateCounts = new Int32Array(size);
  const authorCounts = new Int32Array(size);
  // Whether the element itself is a rating, date or author element, as FIELD bits.
  const fieldBits = new Uint8Array(size);
  // Each element's descriptor as the pass read it (block reading tests it again for titles and places).
  const descs = new Array<string>(size);
  // What later readers work out once per element (undefined until then).
  const sigs = new Array<string | undefined>(size);
  const scores = new Array<number | undefined>(size);
  const trims = new Array<Element | undefined>(size);
  const at = (el: Element): number => {
    const i = (el as Numbered).passIndex;
    // An element of another parser's tree has no such field; -1 is an element no pass has numbered.
    return i !== undefined && i >= 0 && order[i] === el ? i : -1;
  };
  const fact = (values: Int32Array): ElementFacts<number> => ({
    get: (el) => {
      const i = at(el);
      return i < 0 ? undefined : values[i];
    },
  });
  const memo = <T>(values: (T | undefined)[]): ElementMemo<T> => ({
    get: (el) => {
      const i = at(el);
      return i < 0 ? undefined : values[i];
    },
    set: (el, value) => {
      const i = at(el);
      if (i >= 0) values[i] = value;
    },
  });
  const f: PageFeatures = {
    order,
    index: { get: (el) => (at(el) < 0 ? undefined : (el as Numbered).passIndex) },
    textLen: fact(textLens),
    linkTextLen: fact(linkTextLens),
    maxDirect: fact(maxDirects),
    rating: new Map(),
    date: new Map(),
    author: new Map(),
    signed: new Map(),
    counts: {
      get: (el) => {
        const i = at(el);
        return i < 0 ? undefined : { rating: ratingCounts[i] as number, date: dateCounts[i] as number, author: authorCounts[i] as number };
      },
    },
    ratings: fact(ratingCounts),
    fieldsWithin: (el) => {
      const i = at(el);
      return i < 0 ? 0 : (ratingCounts[i] as number) + (dateCounts[i] as number) + (authorCounts[i] as number);
    },
    end: fact(ends),
    isField: (el) => {
      const i = at(el);
      return i >= 0 && fieldBits[i] !== 0;
    },
    fieldKind: (el) => {
      const i = at(el);
      return i < 0 ? 0 : (fieldBits[i] as number);
    },
    bodyScore: memo(scores),
    bodyTrimmed: memo(trims),
    descriptor: (el) => {
      const i = at(el);
      return i < 0 ? descriptor(el) : (descs[i] as string);
    },
    signature: (el) => {
      const i = at(el);
      if (i < 0) return signature(el);
      let sig = sigs[i];
      if (sig === undefined) {
        sig = signature(el);
        sigs[i] = sig;
      }
      return sig;
    },
  };
  const dateOpts = { ...(page.lang ? { locale: page.lang } : {}), referenceDate: page.referenceDate };
  const root = bodyOf(page);
  if (!root) return f;
  // Pages repeat their date strings ("2 hours ago", one day's date on every post): each is parsed once.
  const dates = new Map<string, string | undefined>();
  const dateOf = (text: string): string | undefined => {
    // Most short texts with a digit are names and counts ("user123", "1,204"): neither parsed nor kept.
    if (!mayBeDate(text)) return undefined;
    if (dates.has(text)) return dates.get(text);
    const date = parseDate(text, dateOpts);
    dates.set(text, date);
    return date;
  };
  let address: PageAddress | undefined;
  try {
    const base = new URL(page.url);
    address = { base, origin: `${base.protocol}//${base.host}`, path: base.pathname.replace(/\/$/, '') };
  } catch {
    address = undefined;
  }

  // Returns the element's number.
  const visit = (el: Element, inRating: boolean, inDate: boolean, inAuthor: boolean, inLink: boolean): number => {
    const index = order.length;
    order.push(el);
    (el as Numbered).passIndex = index;
    const own = directText(el);
    const desc = descriptor(el);
    const isLink = el.name === 'a';

    let rated = false;
    let fields = 0;
    // A bare count in a "score" box is a tally of votes, not stars.
    const tally =
      /^-?\d+$/.test(own) && (Number(own) > 10 || Number(own) < 0) && /score|vote|point|karma/.test(desc) && !/rating|star/.test(desc);
    const ratingNamed = !inRating && !tally && isRatingNamed(el);
    if (!inRating && !tally && (ratingNamed || el.attribs['aria-label'] || el.attribs.title || /[★☆⭐]|out of|von \d|из \d/.test(own))) {
      const text = own.length <= 60 ? own : undefined;
      const r = ratingFromElement(el, text) ?? (ratingNamed ? parseRatingText(shortText(el, 60) ?? '') : undefined);
      if (r) {
        f.rating.set(el, r);
        rated = true;
        fields |= FIELD.rating;
      }
    }

    const signer = signedBy(el);
    if (signer) f.signed.set(el, signer);

    let dated = false;
    // A post's own date attribute is its date even inside another dated post (nested replies).
    const ownStamp = stampAttr(el);
    const stamped = ownStamp !== undefined ? dateOf(ownStamp) : undefined;
    if (stamped) {
      f.date.set(el, stamped);
      fields |= FIELD.date;
    }
    if (!inDate && !stamped) {
      let date: string | undefined;
      const stamp = attr(el, 'datetime') ?? (el.name === 'time' ? attr(el, 'title') : undefined);
      if (stamp) date = dateOf(stamp);
      if (!date && desc !== UNNAMED && DATE_NAME.test(desc)) {
        const title = attr(el, 'title');
        if (title && DATE_HINT.test(title)) date = dateOf(title);
        const text = shortText(el, 80);
        if (!date && text && DATE_HINT.test(text)) date = dateOf(text);
      }
      if (!date && own.length >= 4 && own.length <= 60 && DATE_HINT.test(own)) date = dateOf(own);
      if (date) {
        f.date.set(el, date);
        dated = true;
        fields |= FIELD.date;
      }
    }

    let authored = false;
    if (!inAuthor) {
      const rawHref = isLink ? el.attribs.href : undefined;
      // Parsing every link as a URL is the slowest part of this pass: pre-filter by a cheap test.
      const href = rawHref && PROFILE_HINT.test(rawHref) ? resolveUrl(rawHref, page.url) : undefined;
      const profile = href !== undefined && isProfileUrl(href);
      if (profile || (desc !== UNNAMED && AUTHOR_NAME.test(desc)) || el.attribs.rel === 'author') {
        const text = shortText(el, 60);
        const name = text
          ?.replace(/^[\s,;:·•|–—-]+/, '')
          .replace(BY_PREFIX, '')
          .replace(
            /\s*(?:says|said|wrote|schreibt|meint|sagt|dit|dice|scrive|пишет|говорит|написал\S*|escribió|escreveu|a écrit)\s*:?$/i,
            '',
          )
          .trim();
        // "@name" inside a sentence mentions someone; it does not sign the text.
        const mention = isLink && /^@/.test(text ?? '') && el.parent !== null && isElement(el.parent) && directText(el.parent).length >= 10;
        if (
          name &&
          name.length >= 2 &&
          !mention &&
          (!/\s/.test(name) || name.split(/\s+/).length <= 5) &&
          !NOT_AUTHOR.test(name) &&
          !/^[\d\s.,:/-]+$/.test(name) &&
          // A link back to this very page (an hReview's "fn" item) is the subject, not a person (tested
          // last: it parses the link).
          !(rawHref !== undefined && samePage(rawHref, address, href))
        ) {
          f.author.set(el, profile ? { name, url: href } : { name });
          authored = true;
          fields |= FIELD.author;
        }
      }
    }

    // The element's own facts; its sums are written once its children are visited.
    let textLen = own.length;
    let linkTextLen = isLink || inLink ? own.length : 0;
    let maxDirect = own.length;
    let ratings = rated ? 1 : 0;
    let dates = dated ? 1 : 0;
    let authors = authored ? 1 : 0;
    fieldBits[index] = fields;
    descs[index] = desc;
    // Indexed: this loop runs for every element of the page, and an iterator allocates per step.
    const children = el.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i] as AnyNode;
      if (!isElement(child) || isSkipped(child)) continue;
      const c = visit(child, inRating || rated, inDate || dated, inAuthor || authored, inLink || isLink);
      textLen += textLens[c] as number;
      linkTextLen += linkTextLens[c] as number;
      maxDirect = Math.max(maxDirect, maxDirects[c] as number);
      ratings += ratingCounts[c] as number;
      dates += dateCounts[c] as number;
      authors += authorCounts[c] as number;
    }
    textLens[index] = textLen;
    linkTextLens[index] = linkTextLen;
    maxDirects[index] = maxDirect;
    ratingCounts[index] = ratings;
    dateCounts[index] = dates;
    authorCounts[index] = authors;
    ends[index] = order.length;
    return index;
  };
  visit(root, false, false, false, false);
  page.cache.set('features', f);
  return f;
}
