/**
 * Feed strategy: RSS 2.0, RSS 1.0 (RDF) and Atom items — title, link, author (author,
 * dc:creator, Atom author name), date, guid/id, and content/description as plain text.
 */
import { XMLParser } from 'fast-xml-parser';
import { parseDate } from './dates.js';
import { resolveUrl } from './dom.js';
import { htmlToText } from './text.js';
import type { ExtractedItem } from './types.js';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Markup inside these stays raw: entity-escaped HTML, CDATA or inline XHTML alike become text later.
  stopNodes: ['*.description', '*.content', '*.summary', '*.content:encoded', '*.subtitle'],
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

function toArray(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// The byline Reddit's feeds add to every post ("submitted by /u/name to /r/funny [link] [comments]"):
// a username and links, not what the person wrote.
const REDDIT_BYLINE = /\s*submitted\s+by\s+(?:\/?u\/)?[\w-]+\s+to\s+(?:\/?r\/)?[\w-]+\s*(?:\[link\]\s*)?(?:\[\d*\s*comments?\]\s*)?/gi;

/** A feed item's text without the byline its platform adds. */
function ownText(body: string): string {
  return body.replace(REDDIT_BYLINE, ' ').trim();
}

/** Text of a feed element: a string, or the `#text` of an element with attributes. */
function text(v: unknown): string | undefined {
  const first = Array.isArray(v) ? v[0] : v;
  const raw = typeof first === 'string' || typeof first === 'number' ? String(first) : isNode(first) ? first['#text'] : undefined;
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const t = htmlToText(String(raw));
  return t || undefined;
}

function atomLink(v: unknown): string | undefined {
  const links = toArray(v).filter(isNode);
  const alternate = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0];
  const href = alternate?.['@_href'];
  if (typeof href === 'string') return href.trim();
  return typeof v === 'string' ? v.trim() : undefined;
}

function personName(v: unknown): string | undefined {
  const names = toArray(v)
    .map((p) => (isNode(p) ? (text(p.name) ?? text(p)) : text(p)))
    .filter((n): n is string => !!n);
  return names.length ? names.join(', ') : undefined;
}

/** Whether a text is an RSS or Atom feed (by its root element). */
export function isFeed(body: string): boolean {
  const head = body
    .slice(0, 2000)
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!DOCTYPE[^>]*>/i, '')
    .trimStart();
  return /^<(?:rss|feed|rdf:RDF|RDF)[\s>]/i.test(head);
}

/** Items of an RSS 2.0, RSS 1.0/RDF or Atom feed; empty when the text is not a feed. */
export function extractFeed(xml: string, url: string): ExtractedItem[] {
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch {
    return [];
  }
  const rss = isNode(doc.rss) ? doc.rss : undefined;
  const rdf = (isNode(doc['rdf:RDF']) ? doc['rdf:RDF'] : isNode(doc.RDF) ? doc.RDF : undefined) as Node | undefined;
  const atom = isNode(doc.feed) ? doc.feed : undefined;
  const items: ExtractedItem[] = [];

  if (rss || rdf) {
    const channel = (rss ? toArray(rss.channel)[0] : rdf?.channel) as Node | undefined;
    const lang = text(channel?.language) ?? text(channel?.['dc:language']);
    const entries = rss ? toArray(isNode(channel) ? channel.item : undefined) : toArray(rdf?.item);
    for (const entry of entries.filter(isNode)) {
      const body = ownText(text(entry['content:encoded']) ?? text(entry.description) ?? '');
      const title = text(entry.title);
      if (!body && !title) continue;
      const item: ExtractedItem = { body };
      if (title) item.title = title;
      const link = resolveUrl(text(entry.link) ?? (typeof entry['@_rdf:about'] === 'string' ? entry['@_rdf:about'] : undefined), url);
      if (link) item.url = link;
      const author = text(entry['dc:creator']) ?? text(entry.author);
      if (author) item.author = author;
      const date = parseDate(text(entry.pubDate) ?? text(entry['dc:date']) ?? text(entry['dcterms:issued']) ?? text(entry.published));
      if (date) item.publishedAt = date;
      const guid = text(entry.guid) ?? (typeof entry['@_rdf:about'] === 'string' ? entry['@_rdf:about'] : undefined) ?? link;
      if (guid) item.siteId = guid;
      const itemLang = text(entry['dc:language']) ?? lang;
      if (itemLang) item.lang = itemLang;
      items.push(item);
    }
    return items;
  }

  if (atom) {
    const lang = typeof atom['@_xml:lang'] === 'string' ? atom['@_xml:lang'] : undefined;
    const feedAuthor = personName(atom.author);
    for (const entry of toArray(atom.entry).filter(isNode)) {
      const body = ownText(text(entry.content) ?? text(entry.summary) ?? '');
      const title = text(entry.title);
      if (!body && !title) continue;
      const item: ExtractedItem = { body };
      if (title) item.title = title;
      const link = resolveUrl(atomLink(entry.link), url);
      if (link) item.url = link;
      const author = personName(entry.author) ?? feedAuthor;
      if (author) item.author = author;
      const firstAuthor = toArray(entry.author).find(isNode);
      const authorUrl = firstAuthor ? resolveUrl(text(firstAuthor.uri), url) : undefined;
      if (authorUrl) item.authorUrl = authorUrl;
      const date = parseDate(text(entry.published) ?? text(entry.updated));
      if (date) item.publishedAt = date;
      const id = text(entry.id) ?? link;
      if (id) item.siteId = id;
      const entryLang = (typeof entry['@_xml:lang'] === 'string' ? entry['@_xml:lang'] : undefined) ?? lang;
      if (entryLang) item.lang = entryLang;
      items.push(item);
    }
  }
  return items;
}
