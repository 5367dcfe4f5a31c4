/**
 * From a crawled page to what is stored: its items become documents and its reviewer facts become
 * author records. Pure (no store, no I/O), and the one path for the crawl and the dry-run preview
 * alike, so a preview shows exactly the documents a crawl would store.
 */
import type { ResolvedSource } from '../config/load.js';
import type { Author, RadarDocument } from '../domain/types.js';
import {
  authorKeyOf,
  buildDocument,
  isWebAddress,
  siteOf,
  withoutCredentials,
  type DocumentInput,
  type DocumentPolicy,
} from '../domain/document.js';
import { redactPII, redactUrl } from '../privacy/redact.js';
import type { ExtractedItem, ExtractedPage } from './extract/types.js';

/** What of a fetched page the conversion reads. */
export interface PageForDocuments {
  /** URL as requested (a profile page's identity). */
  url: string;
  /** URL after redirects. */
  loadedUrl: string;
  /** When it was fetched (ISO 8601). */
  fetchedAt: string;
  /** "listing" for review/feed pages, "profile" for reviewer profiles. */
  role: 'listing' | 'profile';
  /** What extraction found. */
  extracted: ExtractedPage;
}

/** Links a text to the configured brands and products it names. */
export type BrandLink = (text: string) => { brands: string[]; products: string[] };

/** Turns one page's extracted items into documents for a source (mentions without a brand are dropped). */
export function pageDocuments(
  page: PageForDocuments,
  target: ResolvedSource,
  policy: DocumentPolicy,
  link: BrandLink,
  runId?: string,
): RadarDocument[] {
  // A reviewer's profile page lists their reviews of many products: those are its items.
  const fromProfile = page.role === 'profile';
  const items = fromProfile && page.extracted.profile?.reviews.length ? page.extracted.profile.reviews : page.extracted.items;
  const kind = target.source.kind === 'mentions' ? 'mention' : 'review';
  const site = siteOf(page.loadedUrl);
  const docs: RadarDocument[] = [];
  for (const item of items) {
    // Rating-only reviews count for ratings; items with neither text nor rating carry nothing.
    if (!item.body?.trim() && !item.title?.trim() && !item.rating) continue;
    let brand = target.brand;
    let product = target.product;
    let brands: string[] | undefined;
    let products: string[] | undefined;
    if (fromProfile) {
      // A reviewer's profile lists reviews of many products: keep those of configured products only.
      const links = link(item.itemName ?? '');
      if (!links.brands.length) continue;
      brand = links.brands[0];
      product = links.products[0];
    } else if (kind === 'mention') {
      const links = link(`${item.title ?? ''}\n${item.body}`);
      // A mention is only kept when it names a configured brand or product (or its source belongs to one).
      if (!links.brands.length && !target.brand) continue;
      brands = links.brands.length ? links.brands : [target.brand!];
      products = links.products.length ? links.products : target.product ? [target.product] : [];
      brand = target.brand ?? brands[0];
      product = target.product ?? products[0];
    }
    // A page may link its reviews anywhere ("javascript:…"): only web addresses are kept, as reports link them.
    const webLink = isWebAddress(item.url) ? item.url : undefined;
    const input: DocumentInput = {
      kind,
      origin: 'crawl',
      sourceId: target.source.id,
      site,
      url: webLink ?? page.loadedUrl,
      siteId: item.siteId,
      permalink: webLink,
      brand,
      brands,
      product,
      products,
      author: item.author,
      authorUrl: item.authorUrl,
      rating: item.rating,
      title: item.title,
      body: item.body,
      lang: item.lang,
      publishedAt: item.publishedAt,
      itemName: item.itemName,
      parentSiteId: item.parentSiteId,
      reply: item.reply,
      fetchedAt: page.fetchedAt,
      runId,
    };
    let doc = buildDocument(input, policy);
    // Two items of the page with one identity but different content are two reviews (rating-only
    // reviews by "Anonymous" at the same minute): the later ones are told apart by their order.
    for (let n = 2; docs.some((d) => d._id === doc._id && d.contentHash !== doc.contentHash); n++)
      doc = buildDocument({ ...input, occurrence: n }, policy);
    docs.push(doc);
  }
  return docs;
}

/** The reviewer facts a page states (profile pages, and item bylines with a location or a kept name). */
export function pageAuthors(page: PageForDocuments, policy: DocumentPolicy, storeNames: boolean): Author[] {
  const site = siteOf(page.loadedUrl);
  const out = new Map<string, Author>();
  const now = page.fetchedAt;
  const add = (authorUrl: string | undefined, author: string | undefined, facts: Partial<Author>) => {
    const key = authorKeyOf(policy.salt, site, authorUrl, author);
    if (!key) return;
    const prev = out.get(key);
    const rec: Author = { ...prev, _id: key, site, firstSeenAt: now, updatedAt: now };
    for (const [k, v] of Object.entries(facts)) if (v !== undefined) (rec as unknown as Record<string, unknown>)[k] = v;
    // What a profile states is redacted like review text (a location field holding an e-mail address).
    if (policy.redactPII) {
      if (rec.location) rec.location = redactPII(rec.location);
      if (rec.displayName) rec.displayName = redactPII(rec.displayName);
      if (rec.profileUrl) rec.profileUrl = redactUrl(rec.profileUrl);
    }
    out.set(key, rec);
  };
  if (page.role === 'profile' && page.extracted.profile) {
    const p = page.extracted.profile;
    add(page.url, undefined, {
      location: p.location,
      reviewCount: p.reviewCount,
      memberSince: p.memberSince,
      profileUrl: storeNames ? withoutCredentials(page.url) : undefined,
      displayName: storeNames ? p.name : undefined,
    });
  }
  for (const item of page.extracted.items as ExtractedItem[]) {
    if (!item.authorLocation && !(storeNames && item.authorUrl)) continue;
    add(item.authorUrl, item.author, {
      location: item.authorLocation,
      profileUrl: storeNames && item.authorUrl ? withoutCredentials(item.authorUrl) : undefined,
      displayName: storeNames ? item.author : undefined,
    });
  }
  return [...out.values()];
}
