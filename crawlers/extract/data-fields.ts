/**
 * Maps one loosely structured data object (from a page's embedded JSON state) to a review by the
 * names of its fields: text/comment/body/content, rating/stars/score, user/author/name, location,
 * date/time/created. No site's key names are special-cased; only naming patterns are.
 */
import type { Rating } from '../../domain/types.js';
import { resolveUrl } from './dom.js';
import { parseDate, type DateOptions } from './dates.js';
import {
  AUTHOR_KEYS,
  AUTHOR_NAME_KEYS,
  AUTHOR_URL_KEYS,
  BEST_KEYS,
  DATE_EXCLUDE,
  DATE_PRIMARY,
  ID_KEYS,
  ITEM_KEYS,
  ITEM_URL_KEYS,
  LANG_KEYS,
  LOCATION_KEYS,
  NAME_KEYS,
  NESTED_TEXT_KEYS,
  NOT_TEXT,
  PERSON_URL_KEYS,
  PRODUCT_KEYS,
  RATING_KEYS,
  TEXT_KEYS,
  TITLE_KEYS,
} from './data-keys.js';
import { cutStem, hasEngagement, isAuthorNameKey, isOwnerReplyKey, shapeText, wholeTextIn } from './data-shape.js';
import { makeRating } from './ratings.js';
import { htmlToText, normalizeWhitespace, parseNumber } from './text.js';
import type { ExtractedItem, ExtractedReply } from './types.js';

/** A JSON object. */
export type DataObject = Record<string, unknown>;

/** What field mapping needs from its surroundings. */
export interface DataContext {
  /** Page URL, to resolve relative links. */
  url: string;
  /** Date parsing options (locale, reference time). */
  dates: DateOptions;
  /** Resolves normalised-cache references (`{"__ref": "User:1"}`, `{"type":"id","id":"User:1"}`). */
  deref: (value: unknown) => unknown;
}

/** Whether a value is a plain object. */
export function isDataObject(v: unknown): v is DataObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function lowerKeys(o: DataObject): Map<string, string> {
  const m = new Map<string, string>();
  for (const k of Object.keys(o)) m.set(k.toLowerCase(), k);
  return m;
}

function pick(o: DataObject, keys: Map<string, string>, names: string[], ctx: DataContext): [string, unknown] | undefined {
  for (const name of names) {
    const real = keys.get(name);
    if (real === undefined) continue;
    const v = ctx.deref(o[real]);
    if (v !== undefined && v !== null && v !== '') return [real, v];
  }
  return undefined;
}

function textValue(v: unknown, ctx: DataContext, depth = 0): string | undefined {
  if (typeof v === 'string') {
    const t = htmlToText(v);
    return t || undefined;
  }
  if (isDataObject(v) && depth < 2) {
    const runs = runsText(v);
    if (runs) return runs;
    const keys = lowerKeys(v);
    const found = pick(v, keys, NESTED_TEXT_KEYS, ctx);
    if (found) return textValue(found[1], ctx, depth + 1);
  }
  return undefined;
}

/** Text kept as formatted pieces: `{simpleText}` or `{runs: [{text}, {text}]}` (rich-text payloads). */
export function runsText(v: Record<string, unknown>): string | undefined {
  if (typeof v.simpleText === 'string') return htmlToText(v.simpleText) || undefined;
  if (!Array.isArray(v.runs)) return undefined;
  let s = '';
  for (const r of v.runs) if (isDataObject(r) && typeof r.text === 'string') s += r.text;
  return normalizeWhitespace(s) || undefined;
}

function shortString(v: unknown, max = 80): string | undefined {
  if (typeof v !== 'string') return undefined;
  const t = htmlToText(v);
  if (!t || t.length > max || t.includes('\n') || /^(?:https?:)?\/\//.test(t)) return undefined;
  return t;
}

/** Display name of a person-like value: a string, or an object with a name field. */
export function nameOf(v: unknown, ctx: DataContext): string | undefined {
  const value = ctx.deref(v);
  if (typeof value === 'string') return shortString(value, 80);
  if (!isDataObject(value)) return undefined;
  const runs = runsText(value);
  if (runs) return shortString(runs, 80);
  const keys = lowerKeys(value);
  const found = pick(value, keys, NAME_KEYS, ctx);
  if (found) {
    const name = typeof found[1] === 'string' ? shortString(found[1]) : nameOf(found[1], ctx);
    if (name) return name;
  }
  const first = pick(value, keys, ['firstname', 'first_name', 'givenname'], ctx);
  const last = pick(value, keys, ['lastname', 'last_name', 'familyname'], ctx);
  const parts = [first?.[1], last?.[1]].map((p) => shortString(p)).filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

function locationOf(o: DataObject, ctx: DataContext): string | undefined {
  const keys = lowerKeys(o);
  const found = pick(o, keys, LOCATION_KEYS, ctx);
  if (!found) return undefined;
  const [, v] = found;
  if (typeof v === 'string') return shortString(v, 100);
  if (isDataObject(v)) return nameOf(v, ctx) ?? shortString(v.city ?? v.displayName ?? v.country);
  return undefined;
}

function urlOf(o: DataObject, ctx: DataContext, names = PERSON_URL_KEYS): string | undefined {
  const keys = lowerKeys(o);
  for (const name of names) {
    const real = keys.get(name);
    if (real === undefined) continue;
    const v = o[real];
    if (typeof v === 'string' && /^(?:https?:\/\/|\/)\S*$/.test(v.trim())) return resolveUrl(htmlToText(v), ctx.url);
  }
  return undefined;
}

/** Reads a rating value (and its scale) from a review-like object; `key` tells which field held it. */
function ratingOf(o: DataObject, keys: Map<string, string>, ctx: DataContext): { rating: Rating; key: string } | undefined {
  const found = pick(o, keys, RATING_KEYS, ctx);
  if (!found) return undefined;
  const [key, v] = found;
  const bestField = pick(o, keys, BEST_KEYS, ctx)?.[1];
  if (typeof v === 'number' || (typeof v === 'string' && /^\s*\d{1,3}(?:[.,]\d{1,2})?\s*$/.test(v))) {
    const rating = makeRating(v, bestField);
    return rating ? { rating, key } : undefined;
  }
  if (isDataObject(v)) {
    const inner = lowerKeys(v);
    const value = pick(v, inner, ['value', 'ratingvalue', 'rating', 'score', 'stars', 'overall'], ctx)?.[1];
    const best = pick(v, inner, BEST_KEYS, ctx)?.[1] ?? bestField;
    const worst = pick(v, inner, ['worstrating', 'worst_rating', 'min', 'minrating'], ctx)?.[1];
    const rating = typeof value === 'number' || typeof value === 'string' ? makeRating(value, best, worst) : undefined;
    return rating ? { rating, key } : undefined;
  }
  return undefined;
}

function dateOf(o: DataObject, ctx: DataContext, depth = 0): string | undefined {
  let fallback: string | undefined;
  for (const [key, raw] of Object.entries(o)) {
    const k = key.toLowerCase();
    if (
      !/date|time|created|published|submitted|posted|^at$|_at$|fecha|datum|^data$|zeit|heure|hora|дата|время|日期|时间|時間|تاریخ/.test(
        k,
      ) ||
      DATE_EXCLUDE.test(k)
    )
      continue;
    const v = ctx.deref(raw);
    let date: string | undefined;
    if (typeof v === 'string' || typeof v === 'number') date = parseDate(v, ctx.dates);
    else if (Array.isArray(v) && typeof v[0] === 'number') date = parseDate(v[0], ctx.dates);
    // A "dates" object groups several stamps ({publishedDate, experiencedDate}); pick by the same rules.
    else if (isDataObject(v))
      date =
        parseDate(v.iso ?? v.value ?? v.seconds ?? v.date ?? runsText(v), ctx.dates) ?? (depth < 1 ? dateOf(v, ctx, depth + 1) : undefined);
    if (!date) continue;
    if (DATE_PRIMARY.test(k)) return date;
    fallback ??= date;
  }
  if (fallback) return fallback;
  // Edited reviews may only carry an "updated" stamp; better than no date.
  for (const [key, raw] of Object.entries(o)) {
    if (!/updated|modified|edited/i.test(key)) continue;
    const date = parseDate(ctx.deref(raw), ctx.dates);
    if (date) return date;
  }
  return undefined;
}

function authorField(o: DataObject, keys: Map<string, string>, ctx: DataContext): [string, unknown] | undefined {
  return (
    pick(o, keys, AUTHOR_KEYS, ctx) ??
    pick(
      o,
      keys,
      [...keys.keys()].filter((k) => /^(?:author|user|owner|poster|reviewer|commenter)(?:text|info|details|data)$/.test(k)),
      ctx,
    )
  );
}

/** The author and date a wrapper around a record states beside it ({author, properties: {text}}). */
export function byline(o: DataObject, ctx: DataContext): { author?: string; publishedAt?: string } {
  const keys = lowerKeys(o);
  const field = authorField(o, keys, ctx);
  const author = field ? nameOf(field[1], ctx) : undefined;
  const publishedAt = dateOf(o, ctx);
  return { ...(author ? { author } : {}), ...(publishedAt ? { publishedAt } : {}) };
}

/** A review mapped from a data object, plus which fields made it look like one. */
export interface MappedReview {
  /** The item. */
  item: ExtractedItem;
  /** Field that held the rating, when one did (to check the scale across the collection). */
  ratingKey?: string;
  /** Whether the text came from a weak field (description/snippet) that products also have, or by shape alone. */
  weakText: boolean;
  /** Whether the record carries likes, votes or a helpful count. */
  engaged: boolean;
  /** The field the text came from. */
  textField: string;
}

/** Maps a review-like object by field names; undefined when it holds no text or looks like a product. */
export function mapDataObject(
  input: DataObject,
  ctx: DataContext,
  like?: { textKey: string } | { headline: true },
): MappedReview | undefined {
  // GraphQL connections wrap each record as { node: {…} }.
  const o = isDataObject(input.node) && Object.keys(input).length <= 3 ? (input.node as DataObject) : input;
  const keys = lowerKeys(o);
  for (const k of keys.keys()) if (PRODUCT_KEYS.test(k)) return undefined;

  let body: string | undefined;
  let textKey: string | undefined;
  let lang: string | undefined;
  if (like && 'headline' in like) {
    // A listing of posts shown by their headlines (link submissions): the title is all there is.
    const found = pick(o, keys, TITLE_KEYS, ctx);
    const headline = found ? shortString(found[1], 300) : undefined;
    if (!headline || headline.split(/\s+/).length < 2) return undefined;
    body = '';
    textKey = '(headline)';
  } else if (like) {
    // A record of a list already taken: its text is in the field the others use, however short
    // ("ok", a lone link), and a rating without text is a rating-only review.
    const raw = o[like.textKey];
    const t = typeof raw === 'string' ? htmlToText(raw) : '';
    if (!t && !ratingOf(o, keys, ctx)) return undefined;
    body = t;
    textKey = like.textKey.toLowerCase();
  }
  // Known text fields first, then any field named like one ("commentBody", "reviewContent").
  const textFields = [
    ...TEXT_KEYS.filter((k) => keys.has(k)),
    ...[...keys.keys()].filter(
      (k) =>
        !TEXT_KEYS.includes(k) &&
        /(?:body|text|content|comment|message)$|^(?:body|text|content|comment|message)[-_]?(?:html|display|original|raw|plain|full|markdown|rendered|formatted|value)$/.test(
          k,
        ) &&
        !NOT_TEXT.test(k),
    ),
  ];
  for (const name of body === undefined ? textFields : []) {
    const real = keys.get(name) as string;
    const raw = ctx.deref(o[real]);
    if (isOwnerReplyKey(real, raw)) continue;
    const t = textValue(raw, ctx);
    // Single words ("Great!") are reviews too; whether the collection is prose is judged on the whole list.
    if (t && /[\p{L}\p{So}]/u.test(t) && !/^(?:https?:)?\/\//.test(t)) {
      body = t;
      textKey = name;
      if (isDataObject(raw)) lang = shortString(pick(raw, lowerKeys(raw), LANG_KEYS, ctx)?.[1], 20);
      break;
    }
  }
  let shaped = false;
  if (body === undefined) {
    // No field named like text: the record's own prose, whatever its key ("cooked", "textDisplay").
    const found = shapeText(o);
    if (found && !isOwnerReplyKey(found.key, found.text)) {
      body = found.text;
      textKey = found.key.toLowerCase();
      shaped = true;
    }
  }
  if (body === undefined || !textKey) return undefined;
  const stem = cutStem(body, o.truncated === true);
  if (stem !== undefined) body = wholeTextIn(o, stem) ?? body;
  const item: ExtractedItem = { body };

  const titleFound = pick(
    o,
    keys,
    TITLE_KEYS.filter((k) => k !== textKey),
    ctx,
  );
  const title = titleFound ? shortString(titleFound[1], 300) : undefined;
  if (title && title !== body) item.title = title;

  const rated = ratingOf(o, keys, ctx);
  if (rated) item.rating = rated.rating;

  const authorObj = authorField(o, keys, ctx);
  let author = authorObj ? nameOf(authorObj[1], ctx) : undefined;
  if (!author) {
    const named = pick(o, keys, AUTHOR_NAME_KEYS, ctx) ?? pick(o, keys, [...keys.keys()].filter(isAuthorNameKey), ctx);
    if (named) author = shortString(named[1]);
  }
  // A bare "name" field is the author on some review records, the product on others: only trust it
  // when the text field is a review-specific one.
  if (!author && !shaped && textKey !== 'description' && textKey !== 'snippet') author = shortString(pick(o, keys, ['name'], ctx)?.[1], 60);
  if (author) item.author = author;

  const person = authorObj && isDataObject(authorObj[1]) ? (authorObj[1] as DataObject) : undefined;
  const location = (person && locationOf(person, ctx)) ?? locationOf(o, ctx);
  if (location) item.authorLocation = location;
  const authorUrl = (person && urlOf(person, ctx)) ?? urlOf(o, ctx, AUTHOR_URL_KEYS);
  if (authorUrl) item.authorUrl = authorUrl;

  const date = dateOf(o, ctx);
  if (date) item.publishedAt = date;

  const id = pick(o, keys, ID_KEYS, ctx)?.[1];
  if (typeof id === 'string' || typeof id === 'number') item.siteId = String(id);

  lang ??= shortString(pick(o, keys, LANG_KEYS, ctx)?.[1], 20);
  if (lang && /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i.test(lang)) item.lang = lang.replace('_', '-');

  const url = urlOf(o, ctx, ITEM_URL_KEYS);
  if (url && url !== authorUrl) item.url = url;

  const thing = pick(o, keys, ITEM_KEYS, ctx);
  if (thing && isDataObject(thing[1])) {
    const t = thing[1] as DataObject;
    const name = shortString(t.name ?? t.title ?? t.displayName, 200);
    if (name) item.itemName = name;
  }

  const reply = ownerReplyOf(o, ctx);
  if (reply) item.reply = reply;

  return {
    item,
    ...(rated ? { ratingKey: rated.key } : {}),
    textField: keys.get(textKey) ?? textKey,
    weakText: shaped || textKey === 'description' || textKey === 'snippet' || textKey === 'pros',
    engaged: hasEngagement(o),
  };
}

/** The business's reply held by a review record ("ownerResponse", "developerReply", a single "reply"). */
function ownerReplyOf(o: DataObject, ctx: DataContext): ExtractedReply | undefined {
  for (const [key, raw] of Object.entries(o)) {
    const v = ctx.deref(raw);
    if (v === null || v === undefined || v === '' || !isOwnerReplyKey(key, v)) continue;
    const first = Array.isArray(v) ? ctx.deref(v[0]) : v;
    if (typeof first === 'string') {
      const body = htmlToText(first);
      if (body) return { body };
      continue;
    }
    if (!isDataObject(first)) continue;
    const keys = lowerKeys(first);
    const found = pick(first, keys, [...TEXT_KEYS, 'response', 'reply', 'answer'], ctx);
    const body = found ? textValue(found[1], ctx) : shapeText(first)?.text;
    if (!body) continue;
    const reply: ExtractedReply = { body };
    const by = pick(first, keys, [...AUTHOR_KEYS, ...AUTHOR_NAME_KEYS, 'name'], ctx);
    const author = by ? nameOf(by[1], ctx) : undefined;
    if (author) reply.author = author;
    const date = dateOf(first, ctx);
    if (date) reply.publishedAt = date;
    return reply;
  }
  return undefined;
}

/** Reads an aggregate rating from a data object stating an average and a count; undefined otherwise. */
export function aggregateOf(o: DataObject): { ratingValue: number; count: number } | undefined {
  // Most records state no count: look for one before indexing the keys.
  let counted = false;
  for (const k in o) if (/count|total|num/i.test(k)) counted = true;
  if (!counted) return undefined;
  const keys = lowerKeys(o);
  const avgKey = [
    'averagerating',
    'average_rating',
    'avgrating',
    'avg_rating',
    'ratingaverage',
    'rating_average',
    'averagescore',
    'overallrating',
    'ratingvalue',
    'rating',
    'stars',
  ]
    .map((k) => keys.get(k))
    .find((k) => k !== undefined);
  const countKey = [
    'reviewcount',
    'review_count',
    'reviewscount',
    'reviews_count',
    'totalreviews',
    'total_reviews',
    'numreviews',
    'num_reviews',
    'numberofreviews',
    'ratingcount',
    'rating_count',
    'totalreviewcount',
    'ratingscount',
  ]
    .map((k) => keys.get(k))
    .find((k) => k !== undefined);
  if (!avgKey || !countKey) return undefined;
  const value = parseNumber(o[avgKey]);
  const count = parseNumber(o[countKey]);
  if (value === undefined || count === undefined || value <= 0 || value > 10 || count < 1 || !Number.isInteger(count)) return undefined;
  return { ratingValue: value, count };
}
