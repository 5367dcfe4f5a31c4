/**
 * Building a stored document from what a crawler or an import found: a stable id, content and text
 * hashes, a pseudonymous author key, PII redacted — the one place these rules live.
 */
import { hash } from 'node:crypto';
import type { DocumentKind, DocumentOrigin, RadarDocument, Rating } from './types.js';
import { authorKey } from '../privacy/author-key.js';
import { redactPII, redactUrl } from '../privacy/redact.js';

/** What a crawler or importer knows about one review or mention. */
export interface DocumentInput {
  /** Review or mention. */
  kind: DocumentKind;
  /** Crawled or imported. */
  origin: DocumentOrigin;
  /** Source id. */
  sourceId: string;
  /** Host name of the site (scopes author keys); see siteOf. */
  site: string;
  /** Page or permalink URL. */
  url: string;
  /** The site's own id for the item, when known. */
  siteId?: string;
  /** A permalink of the item itself (identity when there is no siteId). */
  permalink?: string;
  /** Brand id. */
  brand?: string;
  /** All brand ids named (mentions). */
  brands?: string[];
  /** Product id. */
  product?: string;
  /** All product ids named (mentions). */
  products?: string[];
  /** Author display name. */
  author?: string;
  /** Author profile URL (a steadier identity than the name). */
  authorUrl?: string;
  /** Rating with scale. */
  rating?: Rating;
  /** Title. */
  title?: string;
  /** Text. */
  body: string;
  /** Declared language. */
  lang?: string;
  /** Publication date (ISO 8601). */
  publishedAt?: string;
  /** Name of the reviewed item as the page gives it (part of the identity when nothing better exists). */
  itemName?: string;
  /**
   * Which of several items of one page that would otherwise share an identity this is (2, 3, …):
   * two rating-only reviews by "Anonymous" at the same minute are two reviews.
   */
  occurrence?: number;
  /** Parent item's site id (threads). */
  parentSiteId?: string;
  /** The business's reply to the item, when the page shows one. */
  reply?: { body: string; author?: string; publishedAt?: string };
  /** Fetch time (ISO 8601). */
  fetchedAt: string;
  /** Crawl run id. */
  runId?: string;
}

/** Privacy rules applied while building documents. */
export interface DocumentPolicy {
  /** Salt of author keys. */
  salt: string;
  /** Keep display names. */
  storeAuthorNames: boolean;
  /** Redact e-mail addresses and phone numbers. */
  redactPII: boolean;
}

function sha(text: string, length = 32): string {
  return hash('sha256', text, 'hex').slice(0, length);
}

/** Whitespace collapsed and trimmed. */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Normalised text for duplicate detection: case, punctuation and spacing do not matter. */
export function textKeyOf(body: string): string {
  return sha(
    body
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim(),
  );
}

/** The content hash: changes when the title, text or rating is edited. */
export function contentHashOf(title: string | undefined, body: string, rating: Rating | undefined): string {
  return sha(JSON.stringify([cleanText(title ?? ''), cleanText(body), rating?.value ?? null, rating?.best ?? null]));
}

/** The id of the document a source item becomes. */
export function documentId(sourceId: string, identity: string): string {
  return sha(`${sourceId}\u0000${identity}`, 24);
}

/** Identity of an item on its source, from the steadiest fact available. */
function identityOf(input: DocumentInput, textKey: string): string {
  const base = baseIdentityOf(input, textKey);
  return input.occurrence && input.occurrence > 1 ? `${base}#${input.occurrence}` : base;
}

function baseIdentityOf(input: DocumentInput, textKey: string): string {
  if (input.siteId) return `site:${siteIdentity(input.siteId)}`;
  if (input.permalink) return `url:${urlIdentity(input.permalink)}`;
  // Page URLs are not identities: pagination moves a review from page 1 to page 2 as new ones arrive.
  // The name as written, placeholder or not: these ids are stored, and must not change.
  const who = input.authorUrl ? `url:${urlIdentity(input.authorUrl)}` : input.author ? `name:${normalName(input.author)}` : undefined;
  if (who && input.publishedAt) return `by:${who}|${input.publishedAt}|${input.itemName ?? ''}`;
  return `text:${textKey}`;
}

/** Whether a link is a web address (http or https): the only links stored for documents and shown in reports. */
export function isWebAddress(url: string | undefined): boolean {
  return !!url && /^https?:\/\/[^\s/]/i.test(url);
}

/** The site a URL belongs to, for scoping author keys: its host name (scheme and port do not make another site). */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}

// Query parameters that only say where in a listing something appears: a review keeps its identity
// when newer reviews push it from page 3 to page 4.
const PAGING_PARAMS = /^(page|p|pg|pagenum|page_num|pagenumber|start|offset|pagestart|rec_pagestart|from|skip)$/i;

/** A URL as an identity: path, query (paging removed) and fragment — whatever the scheme, host alias or port. */
export function urlIdentity(url: string): string {
  try {
    const u = new URL(url);
    for (const key of [...u.searchParams.keys()]) if (PAGING_PARAMS.test(key)) u.searchParams.delete(key);
    u.searchParams.sort();
    return `${u.pathname}${u.search}${u.hash}`;
  } catch {
    return url;
  }
}

/** A site's own id for an item: URL-shaped ids are reduced to their identity (see urlIdentity). */
export function siteIdentity(siteId: string): string {
  return /^https?:\/\//i.test(siteId) ? urlIdentity(siteId) : siteId;
}

function normalName(author: string): string {
  return author.trim().toLowerCase().replace(/\s+/g, ' ');
}

// Names sites show for people who gave none: not an identity (93 "Anonymous" reviewers of a recipe
// page were one persona member, and forgetting one would have removed them all).
const PLACEHOLDER_NAMES = new Set(
  [
    'anonymous',
    'anon',
    'anonym',
    'anónimo',
    'anonyme',
    'anonimo',
    'аноним',
    'анонимно',
    '匿名',
    '匿名用户',
    'ناشناس',
    'guest',
    'gast',
    'invité',
    'a customer',
    'customer',
    'amazon customer',
    'kindle customer',
    'verified buyer',
    'verified purchaser',
    'verified customer',
    'unknown',
    'n/a',
    'na',
    'none',
    'user',
    'reviewer',
    'a reviewer',
    'someone',
    'deleted',
    '[deleted]',
    'private',
    'kunde',
    'client',
    'cliente',
  ].map(normalName),
);

/** Whether a shown name stands for no one in particular ("Anonymous", "A Customer", "Verified Buyer"). */
export function isPlaceholderName(author: string): boolean {
  return PLACEHOLDER_NAMES.has(normalName(author).replace(/[.!]+$/, ''));
}

/** The identity of an author on a site: their profile page, else their name (unless it is a placeholder). */
export function authorIdentity(authorUrl: string | undefined, author: string | undefined): string | undefined {
  if (authorUrl) return `url:${urlIdentity(authorUrl)}`;
  return author && !isPlaceholderName(author) ? `name:${normalName(author)}` : undefined;
}

// Keys already worked out: a crawl meets the same reviewer on the page and in each of their reviews,
// and parsing the profile URL and the HMAC are the dearest part of building a document. Bounded.
const knownKeys = new Map<string, string | undefined>();
const KNOWN_KEYS_MAX = 20_000;

/** The pseudonymous key of an author on a site, from their profile URL or name (the one rule every caller uses). */
export function authorKeyOf(salt: string, site: string, authorUrl?: string, author?: string): string | undefined {
  if (!authorUrl && !author) return undefined;
  const memo = `${salt}\u0000${site}\u0000${authorUrl ?? ''}\u0000${author ?? ''}`;
  if (knownKeys.has(memo)) return knownKeys.get(memo);
  const identity = authorIdentity(authorUrl, author);
  const key = identity ? authorKey(salt, site, identity) : undefined;
  if (knownKeys.size >= KNOWN_KEYS_MAX) knownKeys.clear();
  knownKeys.set(memo, key);
  return key;
}

/** A URL without the `user:password@` part it may carry (never stored, whatever the privacy settings). */
export function withoutCredentials(url: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url)) return url;
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.href;
  } catch {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1');
  }
}

/** Builds the stored document: ids, hashes, author key, redaction. */
export function buildDocument(input: DocumentInput, policy: DocumentPolicy): RadarDocument {
  const redact = (t: string) => (policy.redactPII ? redactPII(t) : t);
  const body = redact(cleanText(input.body));
  const title = input.title ? redact(cleanText(input.title)) || undefined : undefined;
  const textKey = textKeyOf(body);
  const doc: RadarDocument = {
    _id: documentId(input.sourceId, identityOf(input, textKey)),
    kind: input.kind,
    origin: input.origin,
    sourceId: input.sourceId,
    url: policy.redactPII ? redactUrl(withoutCredentials(input.url)) : withoutCredentials(input.url),
    body,
    fetchedAt: input.fetchedAt,
    firstSeenAt: input.fetchedAt,
    contentHash: contentHashOf(title, body, input.rating),
    textKey,
  };
  if (input.brand) doc.brand = input.brand;
  if (input.brands?.length) doc.brands = input.brands;
  if (input.product) doc.product = input.product;
  if (input.products?.length) doc.products = input.products;
  if (input.siteId) {
    const siteId = withoutCredentials(input.siteId);
    doc.siteId = policy.redactPII ? redactUrl(redactPII(siteId)) : siteId;
  }
  const key = authorKeyOf(policy.salt, input.site, input.authorUrl, input.author);
  if (key) doc.authorKey = key;
  if (input.author && policy.storeAuthorNames) doc.authorName = redact(cleanText(input.author));
  if (input.rating) doc.rating = input.rating;
  if (title) doc.title = title;
  if (input.lang) doc.lang = input.lang;
  if (input.publishedAt) doc.publishedAt = input.publishedAt;
  if (input.parentSiteId) doc.parentId = documentId(input.sourceId, `site:${siteIdentity(input.parentSiteId)}`);
  if (input.runId) doc.runId = input.runId;
  const replyBody = input.reply ? redact(cleanText(input.reply.body)) : '';
  if (input.reply && replyBody) {
    doc.reply = { body: replyBody };
    if (input.reply.publishedAt) doc.reply.publishedAt = input.reply.publishedAt;
    if (input.reply.author && policy.storeAuthorNames) doc.reply.author = redact(cleanText(input.reply.author));
    // A reply written later changes the stored review (it is updated, not duplicated).
    doc.contentHash = sha(`${doc.contentHash}\u0000${replyBody}`);
  }
  return doc;
}
