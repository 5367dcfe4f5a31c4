/**
 * Judging one list of a JSON value: finding the record that holds each item (the element itself or
 * one up to three objects down), saying why a list is not a list of items, putting its ratings on
 * one scale and taking the members the first look missed. Used by the JSON extractor.
 */
import { byline, isDataObject, mapDataObject, type DataContext, type DataObject, type MappedReview } from './data-fields.js';
import { isOwnerReplyKey } from './data-shape.js';
import { inferBest } from './ratings.js';
import { wordCount } from './text.js';

/** Keys under which a single record is an item (a list of one). */
export const ITEMISH_KEY =
  /(?:review|comment|repl(?:y|ies)|answer|message|testimonial|opinion|feedback|post|tweet|status(?:es)?)s?(?:list|data|items|nodes)?$|^(?:children|edges|nodes|items|results|entries|data|thread)$/i;
// Records one level down that are the person, not the item: never unwrapped into.
/** Keys of records that are the person, not the item: never unwrapped into. */
export const PERSON_KEY = /^(?:author|user|owner|reviewer|customer|consumer|poster|creator|member|profile|account|by|sender|from)$/i;

/** A record read as an item, with where it was found. */
export interface Found {
  /** The item and what made it look like one. */
  mapped: MappedReview;
  /** The record the item was read from. */
  core: DataObject;
  /** The objects from the array element down to the core. */
  chain: DataObject[];
  /** Keys from the element to the core. */
  trail: string[];
  /** Index in the array (or key in a map). */
  at: string;
}

/** Where a list's records keep their text: the keys down to the record and its text field. */
export interface RecordShape {
  /** Keys from the element down to the record. */
  trail: string[];
  /** The text field. */
  field: string;
}

/** The id often sits on a wrapper ({id, snippet: {text}}): the nearest one's, when the record has none. */
export function idFromWrappers(m: MappedReview, wrappers: DataObject[], ctx?: DataContext): void {
  // The author and date may sit on a wrapper too, beside the record that holds the text.
  if (ctx && (!m.item.author || !m.item.publishedAt)) {
    for (let i = wrappers.length - 1; i >= 0 && (!m.item.author || !m.item.publishedAt); i--) {
      const b = byline(wrappers[i] as DataObject, ctx);
      if (!m.item.author && b.author) m.item.author = b.author;
      if (!m.item.publishedAt && b.publishedAt) m.item.publishedAt = b.publishedAt;
    }
  }
  if (m.item.siteId) return;
  for (let i = wrappers.length - 1; i >= 0; i--) {
    const w = wrappers[i] as DataObject;
    const id = w.id_str ?? w.id;
    if (typeof id === 'string' || typeof id === 'number') {
      m.item.siteId = String(id);
      return;
    }
  }
}

/** The records of a taken list that the first pass missed, read like the others: same place, same text field. */
export function lateMembers(
  open: [string, DataObject][],
  found: Found[],
  ctx: DataContext,
  claimed: Set<DataObject>,
  shape?: RecordShape,
): Found[] {
  const taken = new Set(found.map((f) => f.chain[0]));
  const votes = new Map<string, RecordShape & { n: number }>();
  for (const f of found) {
    const k = `${f.trail.join('\u0000')}\u0001${f.mapped.textField}`;
    const v = votes.get(k) ?? { n: 0, trail: f.trail, field: f.mapped.textField };
    v.n++;
    votes.set(k, v);
  }
  const usual = [...votes.values()].sort((a, b) => b.n - a.n)[0] ?? shape;
  if (!usual) return [];
  const out: Found[] = [];
  for (const [at, o] of open) {
    if (taken.has(o)) continue;
    let core: DataObject | undefined = o;
    const chain = [o];
    for (const k of usual.trail) {
      const next: unknown = ctx.deref(core[k]);
      core = isDataObject(next) ? next : undefined;
      if (!core) break;
      chain.push(core);
    }
    if (!core || claimed.has(core)) continue;
    const m = mapDataObject(core, ctx, { textKey: usual.field });
    if (!m) continue;
    idFromWrappers(m, chain.slice(0, -1));
    out.push({ mapped: m, core, chain, trail: usual.trail, at });
  }
  return out;
}

/** The record inside an array element that reads as an item: the element itself, or one up to three objects down. */
export function coreOf(o: DataObject, ctx: DataContext, headline = false): Omit<Found, 'at'> | undefined {
  const like = headline ? ({ headline: true } as const) : undefined;
  const direct = mapDataObject(o, ctx, like);
  if (direct) return { mapped: direct, core: o, chain: [o], trail: [] };
  const queue: { obj: DataObject; chain: DataObject[]; trail: string[] }[] = [{ obj: o, chain: [o], trail: [] }];
  let looked = 0;
  for (let q = 0; q < queue.length && looked < 24; q++) {
    const { obj, chain, trail } = queue[q] as (typeof queue)[number];
    for (const [k, raw] of Object.entries(obj)) {
      const child = ctx.deref(raw);
      if (!isDataObject(child) || PERSON_KEY.test(k) || isOwnerReplyKey(k, child)) continue;
      looked++;
      const next = { obj: child, chain: [...chain, child], trail: [...trail, k] };
      const m = mapDataObject(child, ctx, like);
      if (m) {
        idFromWrappers(m, chain, ctx);
        return { mapped: m, core: child, chain: next.chain, trail: next.trail };
      }
      if (next.trail.length < 3) queue.push(next);
    }
  }
  return undefined;
}

/** Why a set of records is not a list of items, or undefined when it is. */
export function rejection(found: Found[], total: number, key: string | undefined, parentField?: string): string | undefined {
  if (!found.length) return 'no record has a text';
  if (found.length < total * 0.5) return `only ${found.length} of ${total} records have a text`;
  // Replies shaped like the item they sit in are items however short ("+1", "this").
  if (parentField && found.every((f) => f.mapped.textField === parentField)) return undefined;
  if (total < 2 && !(key && ITEMISH_KEY.test(key))) return 'a single record under a key that does not name items';
  const m = found.map((f) => f.mapped);
  const authored = m.filter((x) => x.item.author).length;
  const dated = m.filter((x) => x.item.publishedAt).length;
  const rated = m.filter((x) => x.item.rating).length;
  const signals = m.filter((x) => x.item.rating || x.item.publishedAt || x.item.author || x.engaged).length;
  if (signals < m.length * 0.5) return 'texts without an author, a date, a rating or likes';
  // Product descriptions and labels read as prose too: a weak text needs an author, and a date or rating.
  const weak = m.filter((x) => x.weakText).length;
  if (weak > m.length / 2 && authored < m.length * 0.5) return 'descriptions without authors';
  // A field named "description" on records with neither a date nor a rating describes something.
  const described = m.filter((x) => x.weakText && /^(?:description|snippet|pros)$/i.test(x.textField)).length;
  if (described > m.length / 2 && dated + rated === 0) return 'descriptions without dates or ratings';
  const words = m.reduce((n, x) => n + wordCount(x.item.body), 0) / m.length;
  if (words < 4 && !m.some((x) => wordCount(x.item.body) >= 8)) return 'labels, not prose';
  return undefined;
}

/** Puts the ratings of a list on one scale: the scale belongs to the list, and "0 stars" on a 1–5 list means none given. */
export function settleRatings(found: Found[]): void {
  const m = found.map((f) => f.mapped);
  let maxRating = 0;
  for (const x of m) maxRating = Math.max(maxRating, x.item.rating?.value ?? 0);
  const stated = m.find((x) => x.item.rating && x.item.rating.best !== inferBest(x.item.rating.value));
  const positive = m.some((x) => (x.item.rating?.value ?? 0) > 0);
  for (const x of m) {
    if (!x.item.rating) continue;
    if (maxRating > 10 && !/rating|star/i.test(x.ratingKey ?? '')) delete x.item.rating;
    else if (x.item.rating.value === 0 && positive && x.item.rating.worst >= 1) delete x.item.rating;
    else if (!stated) x.item.rating = { ...x.item.rating, best: inferBest(maxRating), worst: maxRating > 10 ? 0 : x.item.rating.worst };
  }
}
