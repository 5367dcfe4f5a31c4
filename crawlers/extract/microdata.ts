/**
 * Microdata (itemscope/itemprop) and RDFa (typeof/property) strategies. Both first build a generic
 * item tree (microdata in the shape extruct prints), then turn schema.org items into JSON-LD-shaped
 * objects so the JSON-LD normaliser maps reviews and aggregate ratings the same way.
 */
import { allElements, attr, childElements, nodeText, type Element, type ParsedPage } from './dom.js';
import { fromSchemaObjects } from './json-ld.js';
import { normalizeWhitespace } from './text.js';
import type { StrategyResult } from './types.js';

/** A value of a microdata property: text, or a nested item. */
export type MicrodataValue = string | MicrodataItem;

/** A microdata item in extruct's shape. */
export interface MicrodataItem {
  /** itemtype (a string, or a list when several types are given). */
  type?: string | string[];
  /** itemid, when given. */
  id?: string;
  /** Properties; repeated properties become arrays. */
  properties: Record<string, MicrodataValue | MicrodataValue[]>;
}

const SRC_TAGS = new Set(['audio', 'embed', 'iframe', 'img', 'source', 'track', 'video']);
const HREF_TAGS = new Set(['a', 'area', 'link']);

function propertyValue(el: Element, page: ParsedPage): string {
  const content = el.attribs.content;
  if (content !== undefined) return content.trim();
  if (SRC_TAGS.has(el.name)) return (el.attribs.src ?? '').trim();
  if (HREF_TAGS.has(el.name)) return (el.attribs.href ?? '').trim();
  if (el.name === 'object') return (el.attribs.data ?? '').trim();
  if (el.name === 'data' || el.name === 'meter') return (el.attribs.value ?? '').trim();
  if (el.name === 'time' && el.attribs.datetime) return (el.attribs.datetime ?? '').trim();
  return normalizeWhitespace(nodeText(el, page)).replace(/\n/g, ' ');
}

function addProp(props: MicrodataItem['properties'], name: string, value: MicrodataValue): void {
  const existing = props[name];
  if (existing === undefined) props[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else props[name] = [existing, value];
}

function readItem(scope: Element, page: ParsedPage, depth: number): MicrodataItem {
  const item: MicrodataItem = { properties: {} };
  const types = (scope.attribs.itemtype ?? '').trim().split(/\s+/).filter(Boolean);
  if (types.length === 1) item.type = types[0];
  else if (types.length > 1) item.type = types;
  const id = attr(scope, 'itemid');
  if (id) item.id = id;
  const roots: Element[] = [scope];
  // itemref pulls properties from elements elsewhere on the page.
  for (const ref of (scope.attribs.itemref ?? '').split(/\s+/).filter(Boolean)) {
    const el = allElements(page).find((e) => e.attribs.id === ref);
    if (el) roots.push(el);
  }
  const visit = (el: Element, isRoot: boolean): void => {
    if (!isRoot) {
      const names = (el.attribs.itemprop ?? '').trim().split(/\s+/).filter(Boolean);
      if (names.length) {
        const value: MicrodataValue =
          el.attribs.itemscope !== undefined && depth < 12 ? readItem(el, page, depth + 1) : propertyValue(el, page);
        for (const name of names) addProp(item.properties, name, value);
      }
      if (el.attribs.itemscope !== undefined) return;
    }
    for (const child of childElements(el)) visit(child, false);
  };
  for (const root of roots) visit(root, root === scope);
  return item;
}

/** Parses every top-level microdata item on the page (extruct-compatible output). */
export function parseMicrodata(page: ParsedPage): MicrodataItem[] {
  const items: MicrodataItem[] = [];
  // Indexed: a page-wide loop, where an iterator allocates per element.
  const elements = allElements(page);
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i] as Element;
    if (el.attribs.itemscope === undefined || el.attribs.itemprop !== undefined) continue;
    items.push(readItem(el, page, 0));
  }
  return items;
}

/** Turns a microdata or RDFa item into a JSON-LD-shaped object (short `@type`, nested items converted). */
export function toSchemaObject(item: MicrodataItem): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const types = Array.isArray(item.type) ? item.type : item.type ? [item.type] : [];
  if (types.length) out['@type'] = types.map((t) => t.replace(/^.*[/#:]/, ''));
  if (item.id) out['@id'] = item.id;
  const convert = (v: MicrodataValue): unknown => (typeof v === 'string' ? v : toSchemaObject(v));
  for (const [key, value] of Object.entries(item.properties)) {
    const name = key.replace(/^.*[/#:]/, '');
    out[name] = Array.isArray(value) ? value.map(convert) : convert(value);
  }
  return out;
}

/** Microdata strategy: reviews and aggregate rating from itemscope/itemprop markup. */
export function extractMicrodata(page: ParsedPage): StrategyResult {
  const items = parseMicrodata(page);
  if (!items.length) return { items: [] };
  return fromSchemaObjects(items.map(toSchemaObject), schemaContext(page));
}

function schemaContext(page: ParsedPage) {
  return { url: page.url, ...(page.lang ? { lang: page.lang } : {}), referenceDate: page.referenceDate };
}

function rdfaValue(el: Element, page: ParsedPage): string {
  const content = el.attribs.content;
  if (content !== undefined) return content.trim();
  if (el.attribs.datetime) return (el.attribs.datetime ?? '').trim();
  for (const name of ['resource', 'href', 'src']) {
    const v = el.attribs[name];
    if (v !== undefined && (name !== 'href' || !nodeText(el, page))) return v.trim();
  }
  return normalizeWhitespace(nodeText(el, page)).replace(/\n/g, ' ');
}

function readRdfa(scope: Element, page: ParsedPage, depth: number): MicrodataItem {
  const item: MicrodataItem = { properties: {} };
  const types = (scope.attribs.typeof ?? '').trim().split(/\s+/).filter(Boolean);
  if (types.length === 1) item.type = types[0];
  else if (types.length > 1) item.type = types;
  const about = attr(scope, 'about') ?? attr(scope, 'resource');
  if (about) item.id = about;
  const visit = (el: Element): void => {
    for (const child of childElements(el)) {
      const names = (child.attribs.property ?? '').trim().split(/\s+/).filter(Boolean);
      const nested = child.attribs.typeof !== undefined;
      if (names.length) {
        const value: MicrodataValue = nested && depth < 12 ? readRdfa(child, page, depth + 1) : rdfaValue(child, page);
        for (const name of names) addProp(item.properties, name, value);
      }
      if (!nested) visit(child);
    }
  };
  visit(scope);
  return item;
}

/** Parses every top-level RDFa item (`typeof` without `property`) on the page. */
export function parseRdfa(page: ParsedPage): MicrodataItem[] {
  const items: MicrodataItem[] = [];
  const elements = allElements(page);
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i] as Element;
    if (el.attribs.typeof === undefined || el.attribs.property !== undefined) continue;
    items.push(readRdfa(el, page, 0));
  }
  return items;
}

/** RDFa strategy: reviews and aggregate rating from typeof/property markup. */
export function extractRdfa(page: ParsedPage): StrategyResult {
  const items = parseRdfa(page);
  if (!items.length) return { items: [] };
  return fromSchemaObjects(items.map(toSchemaObject), schemaContext(page));
}
