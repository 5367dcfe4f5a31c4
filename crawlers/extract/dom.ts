/**
 * The parsed page every HTML strategy shares, and fast helpers over its nodes. The page is parsed
 * once with htmlparser2 (through cheerio), several times faster than the parse5 default on
 * megabyte pages; helpers walk the node tree directly instead of going through cheerio wrappers.
 */
import { load, type CheerioAPI } from 'cheerio';
import { type AnyNode, DomHandler, Element, type ParentNode } from 'domhandler';
import { Parser } from 'htmlparser2';
import { normalizeWhitespace, ownCopy, StringMemo } from './text.js';

/** DOM node types of the parsed page (cheerio's own DOM). */
export type { AnyNode, Element } from 'domhandler';

/** A page parsed once and shared by every strategy. */
export interface ParsedPage {
  /** The cheerio document. */
  $: CheerioAPI;
  /** Absolute URL of the page. */
  url: string;
  /** Language the page declares on `<html lang>` (BCP 47), when it does. */
  lang?: string;
  /** Reference time for relative dates ("3 hours ago"). */
  referenceDate: Date;
  /** Memo of element texts (the same blocks are read by several strategies); held by the page, so it goes with it. */
  textCache: Map<Element, string>;
  /** Lazily computed per-page structures shared by strategies (e.g. element features). */
  cache: Map<string, unknown>;
}

/** Options for {@link parsePage}. */
export interface ParsePageOptions {
  /** Absolute URL of the page. */
  url: string;
  /** Reference time for relative dates; defaults to now. */
  referenceDate?: Date | string;
}

// Elements nested deeper than this are cut off: real pages stay far below, and every walk stays
// safe from stack overflows.
const MAX_DEPTH = 600;

/**
 * Cuts the tree off below MAX_DEPTH and lists every element in document order, in one walk (the
 * list {@link allElements} gives); on the way, the elements under the first body element as
 * {@link descendants} gives them (none inside a script, style or other skipped element), when the
 * page has a body.
 */
function capDepth(root: ParentNode): { all: Element[]; body: Element[] | undefined } {
  const all: Element[] = [];
  let body: Element[] | undefined;
  let bodyEl: Element | undefined;
  // Parallel stacks: no record allocated per element of a page of hundreds of thousands. `under`
  // says whether a node is under the first body and outside every skipped element.
  const nodes: ParentNode[] = [root];
  const depths: number[] = [0];
  const under: boolean[] = [false];
  while (nodes.length) {
    const node = nodes.pop() as ParentNode;
    const d = depths.pop() as number;
    let inBody = under.pop() as boolean;
    if (node !== root) {
      const el = node as Element;
      all.push(el);
      if (inBody) (body as Element[]).push(el);
      if (inBody && SKIP.has(el.name)) inBody = false;
      else if (!bodyEl && el.name === 'body') {
        bodyEl = el;
        body = [];
        inBody = true;
      }
    }
    if (d >= MAX_DEPTH) {
      node.children = [];
      continue;
    }
    // Children pushed last first: they come off the stack in document order.
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i] as AnyNode;
      if (isElement(child)) {
        nodes.push(child);
        depths.push(d + 1);
        under.push(inBody);
      }
    }
  }
  return { all, body };
}

/**
 * An element of a parsed page, with a slot for its number in the page's features pass
 * (features.ts). The slot is a field every element has from its creation: numbering the hundreds
 * of thousands of elements of a large page writes a number into each, instead of adding a
 * property to each (which allocates, and costs the collector, per element).
 */
export class PageElement extends Element {
  /** The element's place in its page's features pass; -1 before the pass. */
  passIndex = -1;
}

/** The DOM builder cheerio uses for HTML, building {@link PageElement}s. */
class PageHandler extends DomHandler {
  override onopentag(name: string, attribs: Record<string, string>): void {
    // As DomHandler does in HTML mode: the tag name gives the type (script, style or tag).
    const element = new PageElement(name, attribs);
    this.addNode(element);
    this.tagStack.push(element);
  }
}

// What cheerio's load passes to htmlparser2 for { xml: { xmlMode: false, decodeEntities: true } }.
const PARSE_OPTIONS = { xmlMode: false, decodeEntities: true };

/** Parses HTML once into the shared page record. */
export function parsePage(html: string, opts: ParsePageOptions): ParsedPage {
  // A fragment (a comments block without <html> or <body>) gets a body, so every top-level element is read.
  const whole = /<(?:html|body)[\s>]/i.test(html) ? html : `<body>${html}</body>`;
  // htmlparser2 and DomHandler as cheerio drives them (cheerio takes the document built), with
  // elements that have room for their number.
  const handler = new PageHandler(undefined, PARSE_OPTIONS);
  new Parser(handler, PARSE_OPTIONS).end(whole);
  const $ = load(handler.root, { xml: PARSE_OPTIONS });
  const root = $.root().get(0);
  // Unclosed tags on broken pages nest thousands deep; recursive walks would overflow the stack.
  const { all, body } = root ? capDepth(root) : { all: [], body: undefined };
  const ref = opts.referenceDate === undefined ? new Date() : new Date(opts.referenceDate);
  const page: ParsedPage = {
    $,
    url: opts.url,
    referenceDate: Number.isNaN(ref.getTime()) ? new Date() : ref,
    textCache: new Map(),
    cache: new Map<string, unknown>([['elements', all], ...(body ? [['bodyElements', body] as const] : [])]),
  };
  // The tag index every strategy uses anyway, instead of a selector pass over the whole page.
  const lang = elementsByTag(page, 'html')
    .filter((el) => el.attribs.lang !== undefined)
    .at(-1)
    ?.attribs.lang?.trim();
  if (lang) page.lang = lang;
  return page;
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head', 'object', 'select']);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/** Whether an element of this tag starts a line of its own when its text is read (a block, a line break). */
export function startsLine(tag: string): boolean {
  return BLOCK.has(tag);
}

/** Whether a node is an element (tags, scripts and styles alike). */
export function isElement(node: AnyNode | null | undefined): node is Element {
  return !!node && (node.type === 'tag' || node.type === 'script' || node.type === 'style');
}

/** Element children of a node. */
export function childElements(node: ParentNode): Element[] {
  const out: Element[] = [];
  for (const child of node.children) if (isElement(child)) out.push(child);
  return out;
}

/** Whether an element's content is never visible text (scripts, styles, SVG…). */
export function isSkipped(el: Element): boolean {
  return SKIP.has(el.name);
}

/** Visible text of a node: block elements break lines, scripts and styles are skipped. */
export function nodeText(node: AnyNode, page?: ParsedPage): string {
  if (isElement(node)) {
    const hit = page?.textCache.get(node);
    if (hit !== undefined) return hit;
  }
  const parts: string[] = [];
  collectText(node, parts);
  const text = normalizeWhitespace(parts.join(''));
  if (page && isElement(node)) page.textCache.set(node, text);
  return text;
}

// Characters whitespace normalisation may drop or collapse; every other character stays.
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The visible text of an element (as {@link nodeText}) when it is shorter than `max` characters;
 * undefined when it is not. A long text is not read whole: the walk stops once `max` characters
 * that whitespace normalisation keeps have been seen.
 */
export function shortNodeText(el: Element, page: ParsedPage, max: number): string | undefined {
  const hit = page.textCache.get(el);
  if (hit !== undefined) return hit.length < max ? hit : undefined;
  // Counted first, building nothing: most texts asked about are long.
  if (keptUpTo(el, max, 0) >= max) return undefined;
  const parts: string[] = [];
  collectText(el, parts);
  const text = normalizeWhitespace(parts.join(''));
  page.textCache.set(el, text);
  return text.length < max ? text : undefined;
}

/** `kept` plus the characters under a node that whitespace normalisation keeps, counted up to `max`. */
function keptUpTo(node: AnyNode, max: number, kept: number): number {
  if (node.type === 'text') {
    const data = (node as unknown as { data: string }).data;
    let n = kept;
    for (let i = 0; i < data.length && n < max; i++) if (!isSpace(data.charCodeAt(i))) n++;
    return n;
  }
  if (!isElement(node) || SKIP.has(node.name)) return kept;
  const children = node.children;
  let n = kept;
  for (let i = 0; i < children.length && n < max; i++) n = keptUpTo(children[i] as AnyNode, max, n);
  return n;
}

function collectText(node: AnyNode, parts: string[]): void {
  if (node.type === 'text') {
    parts.push((node as unknown as { data: string }).data);
    return;
  }
  if (!isElement(node) && node.type !== 'root') return;
  if (isElement(node)) {
    if (SKIP.has(node.name)) return;
    if (BLOCK.has(node.name)) parts.push('\n');
  }
  for (const child of (node as ParentNode).children) collectText(child, parts);
  if (isElement(node) && BLOCK.has(node.name)) parts.push('\n');
}

/** Length of visible text under a node without building the string (for cheap scoring). */
export function textLength(node: AnyNode): number {
  if (node.type === 'text') return (node as unknown as { data: string }).data.trim().length;
  if (!isElement(node) && node.type !== 'root') return 0;
  if (isElement(node) && SKIP.has(node.name)) return 0;
  let n = 0;
  for (const child of (node as ParentNode).children) n += textLength(child);
  return n;
}

const HIDDEN_CLASS =
  /^(?:hidden|u-hidden|aok-hidden|d-none|is-hidden|visually-hidden|sr-only|screen-reader-text|offscreen|hide|js-hidden|invisible|a-hidden)$/i;

const HIDDEN_HINT = /hid|none|only|screen|invisible/i;

/** Whether an element is hidden from readers (hidden attribute, display:none, hiding or screen-reader-only classes). */
export function isHidden(el: Element): boolean {
  const a = el.attribs;
  if (a.hidden !== undefined || a['aria-hidden'] === 'true') return true;
  if (a.style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style)) return true;
  // Every hiding class holds one of these: most class lists are passed over without splitting them.
  if (!a.class || !HIDDEN_HINT.test(a.class)) return false;
  return classTokens(el).some((c) => HIDDEN_CLASS.test(c));
}

/** Class tokens of an element. */
export function classTokens(el: Element): string[] {
  const cls = el.attribs.class;
  return cls ? cls.split(/\s+/).filter(Boolean) : [];
}

/**
 * Which of the attributes that name what an element is (class, id, itemprop, property, data-*) an
 * element has: none (0), its class only (1), or others (2).
 */
export function namingAttributes(el: Element): 0 | 1 | 2 {
  let found: 0 | 1 | 2 = 0;
  for (const k in el.attribs) {
    if (k === 'class') found = 1;
    else if (k === 'id' || k === 'itemprop' || k === 'property' || k.startsWith('data-')) return 2;
  }
  return found;
}

// Elements of one kind share their class list: the descriptor of an element named by its class
// alone is worked out once per class list (bounded).
const classDescriptors = new StringMemo<string>(10_000);

/** Every attribute value that names what an element is (class, id, itemprop, data-* hooks, role). */
export function descriptor(el: Element): string {
  const a = el.attribs;
  // Many elements carry none of the attributes read here (a bare <p>, a link with only its href).
  const naming = namingAttributes(el);
  if (naming === 0) return '   ';
  if (naming === 1) {
    const cls = a.class as string;
    return classDescriptors.get(cls) ?? classDescriptors.set(cls, `${cls}   `.toLowerCase());
  }
  let s = `${a.class ?? ''} ${a.id ?? ''} ${a.itemprop ?? ''} ${a.property ?? ''}`;
  for (const k in a) {
    if (!k.startsWith('data-')) continue;
    const v = a[k] as string;
    if (v.length < 60 && /^[\w-]+$/.test(v)) s += ` ${v}`;
    if (k.length > 5) s += ` ${k.slice(5)}`;
  }
  return s.toLowerCase();
}

/** Structural signature of an element: tag plus its class tokens without numbers (ids vary per item). */
export function signature(el: Element): string {
  const classes = classTokens(el)
    .filter((c) => !/\d{2,}/.test(c))
    .sort()
    .join('.');
  return classes ? `${el.name}.${classes}` : el.name;
}

/** All elements under a node in document order (scripts and styles included, their content not). */
export function descendants(node: ParentNode, out: Element[] = []): Element[] {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    out.push(child);
    if (!SKIP.has(child.name)) descendants(child, out);
  }
  return out;
}

/** The elements under the page's body in order, as {@link descendants} gives them (cached per page: several page-wide signals read them). */
export function bodyElements(page: ParsedPage): Element[] {
  const hit = page.cache.get('bodyElements') as Element[] | undefined;
  if (hit) return hit;
  const body = bodyOf(page);
  const list = body ? descendants(body) : [];
  page.cache.set('bodyElements', list);
  return list;
}

/** Every element of the document in order (cached per page): one walk instead of a selector pass per query. */
export function allElements(page: ParsedPage): Element[] {
  const hit = page.cache.get('elements') as Element[] | undefined;
  if (hit) return hit;
  const list: Element[] = [];
  const walk = (node: ParentNode): void => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      list.push(child);
      walk(child);
    }
  };
  const root = page.$.root().get(0);
  if (root) walk(root);
  page.cache.set('elements', list);
  return list;
}

/** Elements with one of the given tag names, in document order (cached per page). */
export function elementsByTag(page: ParsedPage, ...names: string[]): Element[] {
  let index = page.cache.get('byTag') as Map<string, Element[]> | undefined;
  if (!index) {
    index = new Map();
    // Indexed: this loop runs once per page, unoptimised, where an iterator allocates per element.
    const all = allElements(page);
    for (let i = 0; i < all.length; i++) {
      const el = all[i] as Element;
      const list = index.get(el.name);
      if (list) list.push(el);
      else index.set(el.name, [el]);
    }
    page.cache.set('byTag', index);
  }
  if (names.length === 1) return index.get(names[0] as string) ?? [];
  // Several tags: their lists, or the page's elements in order when more than one of them is there.
  const present = names.filter((n) => index.get(n)?.length);
  if (present.length <= 1) return present.length ? [...(index.get(present[0] as string) as Element[])] : [];
  const wanted = new Set(present);
  return allElements(page).filter((el) => wanted.has(el.name));
}

/** The body element (or the document root when the page has none). */
export function bodyOf(page: ParsedPage): Element | undefined {
  const body = elementsByTag(page, 'body')[0];
  if (body) return body;
  const root = page.$.root().get(0);
  return root ? (childElements(root).find((e) => e.name === 'html') ?? childElements(root)[0]) : undefined;
}

/** Raw text of a script or style element. */
export function scriptText(el: Element): string {
  let s = '';
  for (const c of el.children) if (c.type === 'text') s += (c as unknown as { data: string }).data;
  return s;
}

/** Whether `ancestor` contains `node` (or is it). */
export function contains(ancestor: AnyNode, node: AnyNode): boolean {
  let cur: AnyNode | null = node;
  while (cur) {
    if (cur === ancestor) return true;
    cur = cur.parent;
  }
  return false;
}

// Strategies resolve the same links again (author links, permalinks, profile links): each href is
// parsed once per base. Bounded, so a page of a million links cannot grow it without end.
const MEMO_MAX = 100_000;
let memoBase = '';
let resolved = new Map<string, string | undefined>();
// The base's origin ("https://host:port") when it is a web address: a plain absolute path resolves
// to the origin and the path as written.
let baseOrigin: string | undefined;
// A path the URL parser keeps as written: unreserved characters and slashes only, no "." or ".."
// segment, not "//" (another host).
const PLAIN_PATH = /^\/(?!\/)[A-Za-z0-9\-_~/]*(?:\.[A-Za-z0-9\-_~]+[A-Za-z0-9\-_~/]*)*$/;

/** Resolves a link against a base URL; undefined for empty, fragment-only or script links. */
export function resolveUrl(href: string | undefined | null, base: string): string | undefined {
  if (!href) return undefined;
  if (base !== memoBase) {
    memoBase = base;
    resolved = new Map();
    baseOrigin = originOf(base);
  }
  if (baseOrigin !== undefined && PLAIN_PATH.test(href)) return baseOrigin + href;
  const hit = resolved.get(href);
  if (hit !== undefined || resolved.has(href)) return hit;
  const url = resolveOnce(href, base);
  if (resolved.size >= MEMO_MAX) resolved.clear();
  resolved.set(href, url);
  return url;
}

function originOf(base: string): string | undefined {
  try {
    const url = new URL(base);
    // An address with a user name keeps it in what it resolves (an origin does not hold it).
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

function resolveOnce(href: string, base: string): string | undefined {
  const h = href.trim();
  if (!h || h.startsWith('#') || /^(?:javascript|mailto|tel|data):/i.test(h)) return undefined;
  try {
    const url = new URL(h, base);
    // Only web addresses: reports turn them into links.
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

// CSS-escapes an identifier for use in a selector.
function cssEscape(ident: string): string {
  // Most class names and ids need no escape: one test instead of two replacements.
  if (/^(?!\d)[\w-]*$/.test(ident)) return ident;
  return ident.replace(/([^\w-])/g, '\\$1').replace(/^(\d)/, '\\3$1 ');
}

/** A CSS selector that identifies an element well enough for a browser crawl to click it. */
export function selectorFor(el: Element): string {
  const id = el.attribs.id;
  if (id && !/\d{3,}/.test(id)) return `#${cssEscape(id)}`;
  const classes = classTokens(el).filter((c) => !/\d{3,}/.test(c));
  if (classes.length) return `${el.name}${classes.map((c) => `.${cssEscape(c)}`).join('')}`;
  for (const attr of ['data-hook', 'data-testid', 'data-test', 'aria-label', 'name']) {
    const v = el.attribs[attr];
    if (v) return `${el.name}[${attr}="${v.replace(/"/g, '\\"')}"]`;
  }
  return el.name;
}

/** Text of a single element's attribute, trimmed; undefined when absent or empty. */
export function attr(el: Element, name: string): string | undefined {
  const v = el.attribs[name];
  if (v === undefined) return undefined;
  const t = v.trim();
  return t ? t : undefined;
}

// Places of elements among their parent's children of the same tag, worked out once per parent
// (thousands of sibling reviews would make a walk per element quadratic).
const places = new WeakMap<ParentNode, Map<Element, { n: number; of: number }>>();

function nthOfType(el: Element): { n: number; of: number } {
  const parent = el.parent as ParentNode;
  let map = places.get(parent);
  if (!map) {
    map = new Map();
    const counts = new Map<string, number>();
    for (const c of childElements(parent)) {
      const n = (counts.get(c.name) ?? 0) + 1;
      counts.set(c.name, n);
      map.set(c, { n, of: 0 });
    }
    for (const [c, place] of map) place.of = counts.get(c.name) ?? 1;
    places.set(parent, map);
  }
  return map.get(el) ?? { n: 1, of: 1 };
}

// One step of a CSS path: the tag with its first two classes that carry no number, or the tag and
// its id (which ends the path).
function pathPart(el: Element): { part: string; last: boolean } {
  // Blocks of one kind share their tag, class and id: each such step is worked out once (the id's
  // length in the key keeps any id and class apart).
  const id = el.attribs.id ?? '';
  const key = `${el.name} ${id.length} ${id} ${el.attribs.class ?? ''}`;
  const hit = parts.get(key);
  if (hit) return hit;
  const found = pathPartOf(el);
  return parts.set(key, { part: ownCopy(found.part), last: found.last });
}

const parts = new StringMemo<{ part: string; last: boolean }>(10_000);

function pathPartOf(el: Element): { part: string; last: boolean } {
  const id = el.attribs.id;
  if (id && !/\d{3,}/.test(id)) return { part: `${el.name}#${cssEscape(id)}`, last: true };
  const classes = classTokens(el)
    .filter((c) => !/\d{2,}/.test(c))
    .slice(0, 2);
  return { part: `${el.name}${classes.map((c) => `.${cssEscape(c)}`).join('')}`, last: false };
}

// The blocks of one page share their ancestors: the path of an element's parent (four steps up at
// most) is worked out once per parent.
const parentPaths = new WeakMap<Element, string>();

function ancestorPath(el: Element): string {
  const hit = parentPaths.get(el);
  if (hit !== undefined) return hit;
  const parts: string[] = [];
  let cur: Element | undefined = el;
  for (let level = 1; cur && level < 5; level++) {
    if (cur.name === 'html' || cur.name === 'body') break;
    const { part, last } = pathPart(cur);
    parts.unshift(part);
    if (last) break;
    const parent: ParentNode | null = cur.parent;
    cur = parent && isElement(parent as AnyNode) ? (parent as Element) : undefined;
  }
  const path = parts.join(' > ');
  parentPaths.set(el, path);
  return path;
}

/** A readable CSS path of an element (for `--explain`): a few ancestors by id or class, the element by its place among its kind. */
export function cssPath(el: Element): string {
  if (el.name === 'html' || el.name === 'body') return '';
  let { part, last } = pathPart(el);
  if (last) return part;
  if (el.parent) {
    const place = nthOfType(el);
    if (place.of > 1) part += `:nth-of-type(${place.n})`;
  }
  const parent: ParentNode | null = el.parent;
  const up = parent && isElement(parent as AnyNode) ? ancestorPath(parent as Element) : '';
  return up ? `${up} > ${part}` : part;
}
