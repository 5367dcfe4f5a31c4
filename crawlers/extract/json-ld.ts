/**
 * JSON-LD strategy: schema.org Review (and Comment) and AggregateRating objects at any depth —
 * inside Product, LocalBusiness, Recipe, SoftwareApplication, Movie…, in `@graph`, arrays and
 * several script blocks, with `@id` references resolved. The same normaliser maps microdata and
 * RDFa items once they are turned into JSON-LD-shaped objects.
 */
import type { ParsedPage } from './dom.js';
import { elementsByTag, resolveUrl, scriptText } from './dom.js';
import { parseDate } from './dates.js';
import { parseLooseJson } from './loose-json.js';
import { makeRating } from './ratings.js';
import { htmlToText, parseNumber } from './text.js';
import { noteOrigin } from './provenance.js';
import type { ExtractedAggregate, ExtractedItem, StrategyResult } from './types.js';

type Obj = Record<string, unknown>;

/** Where schema objects came from: the page URL (to resolve links) and its language and clock. */
export interface SchemaContext {
  /** Absolute page URL. */
  url: string;
  /** Page language, used to read numeric dates. */
  lang?: string;
  /** Reference time for relative dates. */
  referenceDate?: Date;
}

const REVIEW_TYPES =
  /^(?:review|userreview|criticreview|employerreview|comment|answer|question|discussionforumposting|socialmediaposting|usercomments)$/i;
// Posts of a discussion: a page holding them may show more of them (comments) outside structured data.
const DISCUSSION_TYPES = /^(?:comment|answer|question|discussionforumposting|socialmediaposting|usercomments)$/i;
const NON_THING_TYPES =
  /^(?:review|userreview|criticreview|employerreview|comment|answer|rating|aggregaterating|person|organization|imageobject|offer|aggregateoffer|postaladdress|listitem|breadcrumblist|howtostep|nutritioninformation|videoobject)$/i;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function toArray(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

/** Short type names of a schema object ("http://schema.org/Review" → "Review"). */
export function schemaTypes(node: Obj): string[] {
  return toArray(node['@type'] ?? node.type)
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^.*[/#:]/, ''));
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const t = htmlToText(v);
    return t || undefined;
  }
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return str(v.find((x) => str(x) !== undefined));
  if (isObj(v)) return str(v['@value'] ?? v.name ?? v.text);
  return undefined;
}

class Graph {
  private readonly ids = new Map<string, Obj>();

  constructor(roots: unknown[]) {
    const stack = [...roots];
    let budget = 200_000;
    while (stack.length && budget-- > 0) {
      const v = stack.pop();
      if (Array.isArray(v)) for (const x of v) stack.push(x);
      else if (isObj(v)) {
        const id = v['@id'];
        if (typeof id === 'string' && Object.keys(v).length > 1 && !this.ids.has(id)) this.ids.set(id, v);
        for (const child of Object.values(v)) if (typeof child === 'object' && child !== null) stack.push(child);
      }
    }
  }

  /** Replaces a bare `{"@id": …}` reference with the node it names. */
  deref(v: unknown): unknown {
    if (isObj(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1) return this.ids.get(v['@id']) ?? v;
    return v;
  }
}

function personName(v: unknown, graph: Graph): string | undefined {
  const names = toArray(v)
    .map((a) => graph.deref(a))
    .map((a) => (typeof a === 'string' ? htmlToText(a) : isObj(a) ? (str(a.name) ?? joinName(a)) : undefined))
    .filter((n): n is string => !!n);
  return names.length ? names.join(', ') : undefined;
}

function joinName(a: Obj): string | undefined {
  const parts = [str(a.givenName), str(a.familyName)].filter(Boolean);
  return parts.length ? parts.join(' ') : str(a.alternateName);
}

function personUrl(v: unknown, graph: Graph, base: string): string | undefined {
  for (const a of toArray(v).map((x) => graph.deref(x))) {
    if (!isObj(a)) continue;
    const url = str(a.url) ?? str(toArray(a.sameAs)[0]);
    const resolved = resolveUrl(url, base);
    if (resolved) return resolved;
  }
  return undefined;
}

function personLocation(v: unknown, graph: Graph): string | undefined {
  for (const a of toArray(v).map((x) => graph.deref(x))) {
    if (!isObj(a)) continue;
    const address = graph.deref(a.address ?? a.homeLocation ?? a.location);
    if (typeof address === 'string') return htmlToText(address) || undefined;
    if (isObj(address)) {
      const parts = [address.addressLocality, address.addressRegion, address.addressCountry].map((p) => str(p)).filter(Boolean);
      if (parts.length) return parts.join(', ');
      const name = str(address.name);
      if (name) return name;
    }
  }
  return undefined;
}

function language(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (isObj(v)) return str(v.alternateName) ?? str(v.name);
  return undefined;
}

function ratingOf(v: unknown, graph: Graph) {
  const r = graph.deref(Array.isArray(v) ? v[0] : v);
  if (isObj(r)) return makeRating(r.ratingValue ?? r.value, r.bestRating, r.worstRating);
  if (typeof r === 'string' || typeof r === 'number') return makeRating(r);
  return undefined;
}

function aggregateOf(node: Obj, thingName: string | undefined): ExtractedAggregate | undefined {
  const value = parseNumber(node.ratingValue);
  if (value === undefined) return undefined;
  const rating = makeRating(value, node.bestRating, node.worstRating);
  if (!rating) return undefined;
  const agg: ExtractedAggregate = { ratingValue: rating.value, best: rating.best, worst: rating.worst };
  const reviewCount = parseNumber(node.reviewCount);
  const ratingCount = parseNumber(node.ratingCount);
  if (reviewCount !== undefined) agg.reviewCount = reviewCount;
  if (ratingCount !== undefined) agg.ratingCount = ratingCount;
  const name = str(isObj(node.itemReviewed) ? node.itemReviewed.name : undefined) ?? thingName;
  if (name) agg.itemName = name;
  return agg;
}

function reviewOf(node: Obj, thingName: string | undefined, graph: Graph, ctx: SchemaContext): ExtractedItem | undefined {
  const title = str(node.name ?? node.headline);
  const text = str(node.reviewBody ?? node.text ?? node.articleBody ?? node.description ?? node.comment);
  // A review with only a headline (IMDb's summary) still says what the reviewer thinks; one with
  // only a rating still counts towards the rating distribution.
  const rating = ratingOf(node.reviewRating ?? node.rating, graph);
  const body = text ?? title ?? '';
  if (!body && !rating) return undefined;
  const item: ExtractedItem = { body };
  if (title && text) item.title = title;
  const author = personName(node.author ?? node.creator, graph);
  if (author) item.author = author;
  const authorUrl = personUrl(node.author ?? node.creator, graph, ctx.url);
  if (authorUrl) item.authorUrl = authorUrl;
  const location = personLocation(node.author, graph);
  if (location) item.authorLocation = location;
  if (rating) item.rating = rating;
  const dateOpts = { ...(ctx.lang ? { locale: ctx.lang } : {}), ...(ctx.referenceDate ? { referenceDate: ctx.referenceDate } : {}) };
  const date = parseDate(str(node.datePublished ?? node.dateCreated ?? node.uploadDate ?? node.dateModified), dateOpts);
  if (date) item.publishedAt = date;
  const lang = language(node.inLanguage);
  if (lang) item.lang = lang;
  const reviewed = graph.deref(node.itemReviewed);
  const itemName = (isObj(reviewed) ? str(reviewed.name) : undefined) ?? thingName;
  if (itemName) item.itemName = itemName;
  const id = node['@id'] ?? node.identifier;
  if (typeof id === 'string' || typeof id === 'number') item.siteId = String(id);
  const url = resolveUrl(str(node.url), ctx.url);
  if (url) {
    item.url = url;
    item.siteId ??= url;
  }
  return item;
}

/** Maps schema.org objects (JSON-LD roots, or microdata/RDFa items shaped like them) to reviews and an aggregate. */
export function fromSchemaObjects(roots: unknown[], ctx: SchemaContext): StrategyResult {
  const graph = new Graph(roots);
  const items: ExtractedItem[] = [];
  const aggregates: ExtractedAggregate[] = [];
  const seen = new Set<Obj>();
  let budget = 200_000;
  let discussion = false;

  const walk = (value: unknown, thingName: string | undefined, key: string | undefined): void => {
    if (budget-- <= 0) return;
    const v = graph.deref(value);
    if (Array.isArray(v)) {
      for (const x of v) walk(x, thingName, key);
      return;
    }
    if (!isObj(v) || seen.has(v)) return;
    seen.add(v);
    const types = schemaTypes(v);
    // A FAQ's questions and answers are the site's own text, not its users'.
    if (types.includes('FAQPage')) return;
    const isReview = types.some((t) => REVIEW_TYPES.test(t)) || (!types.length && (key === 'review' || key === 'reviews'));
    if (isReview) {
      const item = reviewOf(v, thingName, graph, ctx);
      if (item) {
        items.push(item);
        if (types.some((t) => DISCUSSION_TYPES.test(t))) discussion = true;
      }
    }
    if (types.includes('AggregateRating') || (key === 'aggregateRating' && !types.length)) {
      const agg = aggregateOf(v, thingName);
      if (agg) aggregates.push(agg);
    }
    const ownName = !types.some((t) => NON_THING_TYPES.test(t)) ? str(v.name) : undefined;
    const name = ownName ?? thingName;
    for (const [k, child] of Object.entries(v)) {
      if (k === '@context' || k === 'itemReviewed' || typeof child !== 'object' || child === null) continue;
      walk(child, name, k);
    }
  };
  for (const root of roots) walk(root, undefined, undefined);

  const aggregate = aggregates.find((a) => a.reviewCount !== undefined || a.ratingCount !== undefined) ?? aggregates[0];
  return { items, ...(aggregate ? { aggregate } : {}), ...(discussion ? { discussion } : {}) };
}

/**
 * Parsed contents of every `application/ld+json` script on the page (broken JSON repaired where
 * feasible), and how many could not be read even so (cut off, or not JSON).
 */
export function jsonLdBlocks(page: ParsedPage): { roots: unknown[]; unreadable: number } {
  const roots: unknown[] = [];
  let unreadable = 0;
  for (const el of elementsByTag(page, 'script')) {
    const type = (el.attribs.type ?? '').toLowerCase();
    if (!type.includes('ld+json')) continue;
    const text = scriptText(el);
    const value = parseLooseJson(text);
    if (value !== undefined) roots.push(value);
    else if (text.trim()) unreadable++;
  }
  return { roots, unreadable };
}

/** JSON-LD strategy: reviews and aggregate rating from the page's JSON-LD blocks. */
export function extractJsonLd(page: ParsedPage): StrategyResult {
  const { roots, unreadable } = jsonLdBlocks(page);
  const result: StrategyResult = roots.length
    ? fromSchemaObjects(roots, { url: page.url, ...(page.lang ? { lang: page.lang } : {}), referenceDate: page.referenceDate })
    : { items: [] };
  if (unreadable) result.unreadable = unreadable;
  for (const item of result.items) noteOrigin(item, { via: 'script[type="application/ld+json"]' });
  return result;
}
