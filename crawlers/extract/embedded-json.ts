/**
 * Embedded-JSON strategy: review collections inside `<script>` data blobs (`__NEXT_DATA__`,
 * `window.__APOLLO_STATE__ = {…}`, `application/json` scripts, `var x = {…}`, `fn({…})`) and JSON
 * data attributes. Collections are recognised by shape — arrays (or id-keyed maps) of objects with a
 * prose field plus a rating-, date- or author-like field — never by site-specific keys.
 */
import { allElements, scriptText, type Element, type ParsedPage } from './dom.js';
import { extractFromJson } from './json-items.js';
import { findScriptBlobs, parseLooseJson } from './loose-json.js';
import type { ExtractedAggregate, ExtractedItem, StrategyResult } from './types.js';

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

/** Finds review collections anywhere inside a parsed JSON value (the JSON extractor without its notes). */
export function reviewsFromData(value: unknown, opts: DataOptions): { items: ExtractedItem[]; aggregate?: ExtractedAggregate } {
  const { items, aggregate } = extractFromJson(value, opts);
  return { items, ...(aggregate ? { aggregate } : {}) };
}

/** A parsed JSON value found in the page, with where it was (for explanations). */
export interface PageBlob {
  /** The value. */
  value: unknown;
  /** Where it was: `script#__NEXT_DATA__`, `script[4] fn(…)`, `div.reviews[data-props]`. */
  label: string;
}

function scriptLabel(el: { attribs: Record<string, string> }, n: number): string {
  const id = el.attribs.id;
  return id ? `script#${id}` : `script[${n}]`;
}

/** Parsed JSON data blobs of the page: JSON scripts, object literals and call arguments in inline scripts, JSON data attributes. */
export function pageDataBlobs(page: ParsedPage): PageBlob[] {
  const blobs: PageBlob[] = [];
  const budget = { chars: 20_000_000 };
  let scripts = 0;
  // Indexed: a page-wide loop, where an iterator allocates per element.
  const elements = allElements(page);
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i] as Element;
    if (el.name === 'script') {
      scripts++;
      if (el.attribs.src) continue;
      const type = (el.attribs.type ?? '').trim().toLowerCase();
      if (type.includes('ld+json')) continue;
      const code = scriptText(el);
      const label = scriptLabel(el, scripts);
      if (type.includes('json')) {
        const value = parseLooseJson(code);
        if (value && typeof value === 'object') blobs.push({ value, label });
      } else if (JS_TYPE.test(type) && code.length >= 80) {
        for (const blob of findScriptBlobs(code, 80, budget))
          blobs.push({ value: blob.value, label: `${label}${blob.where ? ` ${blob.where}` : ''}` });
      } else if (/^\s*[[{]/.test(code) && !/template|html|text\/x-/.test(type)) {
        // Data under a type of the site's own ("fastboot/shoebox", "text/state").
        const value = parseLooseJson(code);
        if (value && typeof value === 'object') blobs.push({ value, label });
      }
      continue;
    }
    for (const name in el.attribs) {
      const raw = el.attribs[name] as string;
      if (raw.length < 200 || !name.startsWith('data-')) continue;
      const t = raw.trimStart();
      if (t[0] !== '{' && t[0] !== '[') continue;
      const value = parseLooseJson(t);
      if (value && typeof value === 'object') blobs.push({ value, label: `${el.name}[${name}]` });
    }
  }
  return blobs;
}

/** Embedded-JSON strategy: review collections (and a stated average) inside the page's data blobs. */
export function extractEmbeddedJson(page: ParsedPage): StrategyResult {
  const items: ExtractedItem[] = [];
  const notes: string[] = [];
  let aggregate: ExtractedAggregate | undefined;
  const blobs = pageDataBlobs(page);
  for (const blob of blobs) {
    const found = extractFromJson(blob.value, {
      url: page.url,
      ...(page.lang ? { lang: page.lang } : {}),
      referenceDate: page.referenceDate,
      label: blob.label,
    });
    for (const item of found.items) items.push(item);
    aggregate ??= found.aggregate;
    if (found.items.length || notes.length < 12)
      notes.push(...found.notes.filter((n) => found.items.length || !/records left/.test(n) || notes.length < 12));
  }
  notes.unshift(`${blobs.length} JSON values in scripts and data attributes`);
  return { items, notes, ...(aggregate ? { aggregate } : {}) };
}
