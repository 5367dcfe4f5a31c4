/**
 * Responses that are data, not pages: a JSON document (an API response, with or without an
 * anti-hijacking prefix or a JSONP callback) or an XML document that is not a feed (an XML API
 * response). Both are read into plain values for the JSON extractor; a response that looks like
 * JSON but is not gives a problem that says so instead of a silent empty page.
 */
import { XMLParser } from 'fast-xml-parser';
import { parseLooseJson } from './loose-json.js';

/** A data document read into a value, or why it could not be. */
export type DataDocument = { kind: 'json' | 'xml'; value: unknown } | { kind: 'json' | 'xml'; error: string };

// Prefixes APIs put before JSON so that a <script> tag cannot run it.
const XSSI = /^(?:\)\]\}'?,?|for\s*\(;;\);|while\s*\(1\);|\/\*\*\/)\s*/;
const JSONP = /^[\w$.]+\s*\(\s*([[{][\s\S]*[\]}])\s*\)\s*;?\s*$/;

/** Reads a response body as JSON when it is one (`undefined` when it is not JSON at all). */
export function readJsonDocument(body: string): DataDocument | undefined {
  let text = body.replace(/^\uFEFF/, '').trimStart();
  text = text.replace(XSSI, '');
  const jsonp = text[0] !== '{' && text[0] !== '[' ? JSONP.exec(text.slice(0, 200) + (text.length > 200 ? text.slice(-50) : '')) : null;
  if (jsonp) text = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
  // Streamed responses send chunks, each after a line giving its length ("123\n[[…]]\n45\n[…]").
  if (/^\d+\s*\n\s*[[{]/.test(text)) {
    const chunks: unknown[] = [];
    for (const part of text.split(/^\d+\s*$/m)) {
      const t = part.trim();
      if (!t) continue;
      try {
        chunks.push(JSON.parse(t));
      } catch {
        // a chunk cut by the length line's arithmetic: skip it
      }
    }
    if (chunks.length) return { kind: 'json', value: chunks };
  }
  const first = text[0];
  if (first !== '{' && first !== '[') return undefined;
  // "[" also starts nothing else a crawler meets; "{" could be CSS or a template, so demand a key or a close.
  if (first === '{' && !/^\{\s*(?:"|\}|'|[\w$]+\s*:)/.test(text)) return undefined;
  try {
    return { kind: 'json', value: JSON.parse(text) };
  } catch (err) {
    const repaired = parseLooseJson(text);
    if (repaired !== undefined) return { kind: 'json', value: repaired };
    return {
      kind: 'json',
      error: `the response is not valid JSON (${(err as Error).message.slice(0, 120)}): nothing could be read from it`,
    };
  }
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
});

/** Whether a body is an XML document whose root is data (not HTML, not a feed). */
function xmlRoot(body: string): string | undefined {
  const head = body
    .slice(0, 4000)
    .replace(/^\uFEFF/, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!DOCTYPE[^>]*>/i, '')
    .trimStart();
  const m = /^<([A-Za-z_][\w:.-]*)[\s>/]/.exec(head);
  if (!m?.[1] || /^(?:html|rss|feed|rdf:rdf|rdf)$/i.test(m[1])) return undefined;
  // Only a declared XML document is data: HTML fragments start with an element too.
  if (!/^\s*(?:\uFEFF)?<\?xml/i.test(body) || /<(?:html|head)[\s>]/i.test(body.slice(0, 20000))) return undefined;
  return m[1];
}

/** Attributes become plain keys and an element with only text and attributes becomes its text. */
function simplify(node: unknown, depth = 0): unknown {
  if (depth > 200) return undefined;
  if (Array.isArray(node)) return node.map((n) => simplify(n, depth + 1));
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node as Record<string, unknown>);
  const text = (node as Record<string, unknown>)['#text'];
  if (text !== undefined && entries.every(([k]) => k === '#text' || k.startsWith('@'))) return text;
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    const key = k.startsWith('@') ? k.slice(1) : k;
    if (!(key in out)) out[key] = simplify(v, depth + 1);
  }
  return out;
}

/** Whether a body is a data document (JSON, or XML that is not a feed or HTML) rather than a page: cheap, reads only its start. */
export function isDataDocument(body: string): boolean {
  const head = body
    .slice(0, 300)
    .replace(/^\uFEFF/, '')
    .trimStart()
    .replace(XSSI, '');
  if (head[0] === '[' || /^\{\s*(?:"|\}|'|[\w$]+\s*:)/.test(head) || /^[\w$.]+\s*\(\s*[[{]/.test(head)) return true;
  return xmlRoot(body) !== undefined;
}

/** Reads a non-feed XML document (an XML API response) as a value (`undefined` when the body is not one). */
export function readXmlDocument(body: string): DataDocument | undefined {
  if (!xmlRoot(body)) return undefined;
  try {
    return { kind: 'xml', value: simplify(xml.parse(body)) };
  } catch (err) {
    return {
      kind: 'xml',
      error: `the response is not well-formed XML (${(err as Error).message.slice(0, 120)}): nothing could be read from it`,
    };
  }
}
