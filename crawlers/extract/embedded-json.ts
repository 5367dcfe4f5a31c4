/**
 * Embedded-JSON strategy: review collections inside `<script>` data blobs (`__NEXT_DATA__`,
 * `window.__APOLLO_STATE__ = {…}`, `application/json` scripts, `var x = {…}`, `fn({…})`) and JSON
 * data attributes. Collections are recognised by shape — arrays (or id-keyed maps) of objects with a
 * prose field plus a rating-, date- or author-like field — never by site-specific keys.
 */
import { allElements, scriptText, type ParsedPage } from './dom.js';
import { aggregateOf, isDataObject, mapDataObject, type DataContext, type DataObject, type MappedReview } from './data-fields.js';
import { findScriptBlobs, parseLooseJson } from './loose-json.js';
import { inferBest } from './ratings.js';
import { tupleReviews } from './tuple-rows.js';
import { wordCount } from './text.js';
import type { ExtractedAggregate, ExtractedItem, StrategyResult } from './types.js';

const REVIEWISH_KEY = /review|comment|rating|feedback|testimonial|opinion|post|repl|answer|edges|nodes|items|results|entries/i;
const JS_TYPE = /^(?:|text\/javascript|application\/javascript|module|text\/ecmascript|application\/ecmascript|[\w-]*script)$/i;

/** Options for {@link reviewsFromData}. */
export interface DataOptions {
  /** Page URL, to resolve relative links. */
  url: string;
  /** Page language (decides day/month order of numeric dates). */
  lang?: string;
  /** Reference time for relative dates. */
  referenceDate?: Date;
}

function makeDeref(root: unknown): (v: unknown) => unknown {
  const map = isDataObject(root) ? root : undefined;
  return (v: unknown): unknown => {
    if (!map || !isDataObject(v)) return v;
    const ref = v.__ref;
    if (typeof ref === 'string') return map[ref] ?? v;
    if (v.type === 'id' && typeof v.id === 'string' && 'generated' in v) return map[v.id] ?? v;
    return v;
  };
}

/** Checks a candidate collection and returns its reviews (with the objects they came from) when it looks like a review list. */
function evaluate(objects: DataObject[], key: string | undefined, ctx: DataContext): (MappedReview & { source: DataObject })[] {
  if (!objects.length) return [];
  const mapped: (MappedReview & { source: DataObject })[] = [];
  for (const o of objects) {
    const m = mapDataObject(o, ctx);
    if (m) mapped.push({ ...m, source: o });
  }
  if (!mapped.length || mapped.length < objects.length * 0.5) return [];
  if (objects.length < 2 && !(key && REVIEWISH_KEY.test(key))) return [];
  const signals = mapped.filter((m) => m.item.rating || m.item.publishedAt || m.item.author).length;
  if (signals < mapped.length * 0.5) return [];
  // Product descriptions and snippets look like prose too: demand an author on those.
  const weak = mapped.filter((m) => m.weakText).length;
  if (weak > mapped.length / 2 && mapped.filter((m) => m.item.author).length < mapped.length * 0.5) return [];
  const words = mapped.reduce((n, m) => n + wordCount(m.item.body), 0) / mapped.length;
  if (words < 4 && !mapped.some((m) => wordCount(m.item.body) >= 8)) return [];

  // The scale is a property of the collection: a "score" of 57 is not five stars.
  const maxRating = Math.max(0, ...mapped.map((m) => m.item.rating?.value ?? 0));
  const stated = mapped.find((m) => m.item.rating && m.item.rating.best !== inferBest(m.item.rating.value));
  for (const m of mapped) {
    if (!m.item.rating) continue;
    if (maxRating > 10 && !/rating|star/i.test(m.ratingKey ?? '')) delete m.item.rating;
    else if (!stated) m.item.rating = { ...m.item.rating, best: inferBest(maxRating), worst: maxRating > 10 ? 0 : m.item.rating.worst };
  }
  return mapped;
}

const REPLY_KEY = /repl(?:y|ies)|children|answers|responses|comments|subcomments|thread/i;

/** Finds review collections anywhere inside a parsed JSON value. */
export function reviewsFromData(value: unknown, opts: DataOptions): { items: ExtractedItem[]; aggregate?: ExtractedAggregate } {
  const ctx: DataContext = {
    url: opts.url,
    dates: { ...(opts.lang ? { locale: opts.lang } : {}), ...(opts.referenceDate ? { referenceDate: opts.referenceDate } : {}) },
    deref: makeDeref(value),
  };
  const items: ExtractedItem[] = [];
  let aggregate: ExtractedAggregate | undefined;
  const claimed = new Set<DataObject>();
  const itemOf = new Map<DataObject, ExtractedItem>();
  let budget = 300_000;
  const accept = (found: (MappedReview & { source: DataObject })[], key: string | undefined, parent: ExtractedItem | undefined): void => {
    for (const m of found) {
      // Replies nested in a comment's "replies"/"children" answer that comment.
      if (parent?.siteId && key && REPLY_KEY.test(key) && !m.item.parentSiteId) m.item.parentSiteId = parent.siteId;
      items.push(m.item);
      itemOf.set(m.source, m.item);
    }
  };

  const visit = (v: unknown, key: string | undefined, depth: number, parent: ExtractedItem | undefined): void => {
    if (budget-- <= 0 || depth > 60) return;
    if (Array.isArray(v)) {
      const objects = v.map((x) => ctx.deref(x)).filter(isDataObject);
      if (objects.length >= v.length * 0.5 && objects.length) {
        const found = evaluate(
          objects.filter((o) => !claimed.has(o)),
          key,
          ctx,
        );
        if (found.length) {
          accept(found, key, parent);
          for (const o of objects) claimed.add(o);
        }
      } else if (v.length >= 2 && v.filter(Array.isArray).length >= v.length * 0.8) {
        const rows = tupleReviews(v as unknown[][], ctx);
        if (rows.length) {
          items.push(...rows);
          return;
        }
      }
      for (const x of v) if (typeof x === 'object' && x !== null) visit(x, key, depth + 1, parent);
      return;
    }
    if (!isDataObject(v)) return;
    const own = itemOf.get(v) ?? parent;
    if (!aggregate) {
      const agg = aggregateOf(v);
      if (agg && !mapDataObject(v, ctx)) {
        aggregate = { ratingValue: agg.ratingValue, best: inferBest(agg.ratingValue), worst: 1, reviewCount: agg.count };
      }
    }
    // Normalised caches (Apollo, Relay, Redux entities) keep records in id-keyed maps, not arrays.
    const groups = new Map<string, DataObject[]>();
    for (const [k, child] of Object.entries(v)) {
      if (!isDataObject(child) || claimed.has(child)) continue;
      const typename = typeof child.__typename === 'string' ? child.__typename : /^[A-Za-z]+:/.test(k) ? k.split(':')[0] : undefined;
      if (typename) {
        const list = groups.get(typename) ?? [];
        list.push(child);
        groups.set(typename, list);
      }
    }
    for (const [typename, list] of groups) {
      if (list.length < 2) continue;
      const found = evaluate(list, typename, ctx);
      if (found.length) {
        accept(found, undefined, undefined);
        for (const o of list) claimed.add(o);
      }
    }
    for (const [k, child] of Object.entries(v)) {
      if (typeof child === 'object' && child !== null) visit(child, k, depth + 1, own);
    }
  };
  visit(value, undefined, 0, undefined);
  return { items, ...(aggregate ? { aggregate } : {}) };
}

/** Parsed JSON data blobs of the page: JSON scripts, object literals in inline scripts, JSON data attributes. */
export function pageDataBlobs(page: ParsedPage): unknown[] {
  const blobs: unknown[] = [];
  const budget = { chars: 20_000_000 };
  for (const el of allElements(page)) {
    if (el.name === 'script') {
      if (el.attribs.src) continue;
      const type = (el.attribs.type ?? '').trim().toLowerCase();
      if (type.includes('ld+json')) continue;
      const code = scriptText(el);
      if (type.includes('json')) {
        const value = parseLooseJson(code);
        if (value && typeof value === 'object') blobs.push(value);
      } else if (JS_TYPE.test(type) && code.length >= 80) {
        for (const blob of findScriptBlobs(code, 80, budget)) blobs.push(blob.value);
      }
      continue;
    }
    for (const [name, raw] of Object.entries(el.attribs)) {
      if (raw.length < 200 || !name.startsWith('data-')) continue;
      const t = raw.trimStart();
      if (t[0] !== '{' && t[0] !== '[') continue;
      const value = parseLooseJson(t);
      if (value && typeof value === 'object') blobs.push(value);
    }
  }
  return blobs;
}

/** Embedded-JSON strategy: review collections (and a stated average) inside the page's data blobs. */
export function extractEmbeddedJson(page: ParsedPage): StrategyResult {
  const items: ExtractedItem[] = [];
  let aggregate: ExtractedAggregate | undefined;
  const opts: DataOptions = { url: page.url, ...(page.lang ? { lang: page.lang } : {}), referenceDate: page.referenceDate };
  for (const blob of pageDataBlobs(page)) {
    const found = reviewsFromData(blob, opts);
    items.push(...found.items);
    aggregate ??= found.aggregate;
  }
  return { items, ...(aggregate ? { aggregate } : {}) };
}
