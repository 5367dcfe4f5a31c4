/**
 * CSS-recipe strategy: the selectors configured for a source. Ratings are read as a value (text or
 * attribute) or by counting filled-star elements; dates by the configured format and locale (and
 * common formats anyway); author profile links and the next page from their selectors.
 */
import type { Cheerio } from 'cheerio';
import { attr, isElement, nodeText, resolveUrl, type Element, type ParsedPage } from './dom.js';
import { parseDate } from './dates.js';
import { makeRating, parseRatingText, ratingFromClasses, ratingFromElement } from './ratings.js';
import { parseNumber } from './text.js';
import type { CssRecipe, ExtractedItem } from './types.js';
import type { DomResult } from './auto-detect.js';

function first(scope: Cheerio<Element>, selector: string | undefined): Element | undefined {
  if (!selector) return undefined;
  try {
    // ":scope" lets a recipe point at the container itself.
    if (selector.trim() === ':scope') return scope.get(0);
    return scope.find(selector).get(0);
  } catch {
    return undefined;
  }
}

function textOf(page: ParsedPage, el: Element | undefined): string | undefined {
  if (!el) return undefined;
  const t = nodeText(el, page);
  return t || undefined;
}

function readRating(page: ParsedPage, scope: Cheerio<Element>, spec: NonNullable<CssRecipe['rating']>) {
  if (spec.mode === 'count') {
    let n: number;
    try {
      n = scope.find(spec.selector).length;
    } catch {
      return undefined;
    }
    return n > 0 ? makeRating(n, spec.scale) : undefined;
  }
  const el = first(scope, spec.selector);
  if (!el) return undefined;
  if (spec.attribute) {
    const raw = attr(el, spec.attribute);
    if (!raw) return undefined;
    if (spec.attribute === 'class') return ratingFromClasses(raw.split(/\s+/));
    const plain = /^\s*\d{1,3}(?:[.,]\d{1,2})?\s*$/.test(raw) ? parseNumber(raw) : undefined;
    if (plain !== undefined) return makeRating(plain, spec.scale);
    return parseRatingText(raw, spec.scale);
  }
  const text = nodeText(el, page);
  const plain = /^\s*\d{1,3}(?:[.,]\d{1,2})?\s*$/.test(text) ? parseNumber(text) : undefined;
  if (plain !== undefined) return makeRating(plain, spec.scale);
  return parseRatingText(text, spec.scale) ?? ratingFromElement(el, undefined, spec.scale);
}

/** Runs a configured recipe over the page. */
export function extractWithRecipe(page: ParsedPage, recipe: CssRecipe): DomResult & { nextPages: string[]; loadMoreSelector?: string } {
  const { $ } = page;
  const items: ExtractedItem[] = [];
  const blocks: Element[] = [];
  let containers: Element[] = [];
  try {
    containers = $(recipe.container).toArray().filter(isElement);
  } catch {
    containers = [];
  }
  for (const container of containers) {
    const scope = $(container);
    const bodyEl = first(scope, recipe.body);
    const body = textOf(page, bodyEl);
    if (!body) continue;
    const item: ExtractedItem = { body };
    const author = textOf(page, first(scope, recipe.author));
    if (author) item.author = author;
    const linkEl = first(scope, recipe.authorLink);
    const authorUrl = linkEl ? resolveUrl(linkEl.attribs.href ?? scope.find('a[href]').attr('href'), page.url) : undefined;
    if (authorUrl) item.authorUrl = authorUrl;
    const location = textOf(page, first(scope, recipe.location));
    if (location) item.authorLocation = location.replace(/\n/g, ', ');
    const title = textOf(page, first(scope, recipe.title));
    if (title) item.title = title;
    if (recipe.rating) {
      const rating = readRating(page, scope, recipe.rating);
      if (rating) item.rating = rating;
    }
    if (recipe.date) {
      const dateEl = first(scope, recipe.date.selector);
      const raw = dateEl ? (recipe.date.attribute ? attr(dateEl, recipe.date.attribute) : nodeText(dateEl, page)) : undefined;
      const date = parseDate(raw, {
        ...(recipe.date.format ? { format: recipe.date.format } : {}),
        ...((recipe.date.locale ?? page.lang) ? { locale: recipe.date.locale ?? page.lang } : {}),
        referenceDate: page.referenceDate,
      });
      if (date) item.publishedAt = date;
    }
    const id = attr(container, 'id') ?? attr(container, 'data-review-id') ?? attr(container, 'data-id');
    if (id) item.siteId = id;
    items.push(item);
    blocks.push(container);
  }

  const nextPages: string[] = [];
  if (recipe.nextPage) {
    try {
      $(recipe.nextPage).each((_, el) => {
        const href = (isElement(el) ? el.attribs.href : undefined) ?? $(el).find('a[href]').attr('href');
        const url = resolveUrl(href, page.url);
        if (url && !nextPages.includes(url)) nextPages.push(url);
      });
    } catch {
      // invalid selectors are reported by config validation
    }
  }
  return { items, blocks, nextPages, ...(recipe.loadMore ? { loadMoreSelector: recipe.loadMore } : {}) };
}
