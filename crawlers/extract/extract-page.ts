/**
 * Extraction entry point: parses a page once and runs the strategies in order — JSON-LD,
 * microdata, RDFa, embedded JSON, the configured CSS recipe, then (only when nothing was found)
 * automatic block detection and discussion-thread detection — merging their items, and fills the
 * page-level facts the crawler needs (aggregate, pagination, profile links, profile, load-more,
 * block and "looks like reviews" signals). Feeds are recognised and parsed as feeds.
 */
import { autoDetect } from './auto-detect.js';
import { readJsonDocument, readXmlDocument, type DataDocument } from './data-documents.js';
import { extractFromJson } from './json-items.js';
import { extractWithRecipe } from './css-recipe.js';
import { type AnyNode, bodyOf, elementsByTag, isElement, isHidden, isSkipped, parsePage, type Element, type ParsedPage } from './dom.js';
import { extractEmbeddedJson } from './embedded-json.js';
import { computedFeatures } from './features.js';
import { extractFeed, isFeed } from './feeds.js';
import { extractJsonLd } from './json-ld.js';
import { extractMicrodata, extractRdfa } from './microdata.js';
import { detectProfile, findDomAggregate, findLoadMore, isBlockedPage, looksLikeReviewPage } from './page-signals.js';
import { findNextPages } from './pagination.js';
import { isProfileUrl, profileLinksIn } from './profile-links.js';
import { noteOrigin, originOf } from './provenance.js';
import { textKey } from './text.js';
import { extractThread } from './thread.js';
import type {
  ExtractedAggregate,
  ExtractedItem,
  ExtractedPage,
  ExtractOptions,
  ItemOrigin,
  StrategyName,
  StrategyResult,
  StrategyTrace,
} from './types.js';

function identity(item: ExtractedItem): string {
  const text = textKey(item.body);
  // Rating-only reviews have no text to compare: their author, date and rating identify them.
  if (text.length < 3)
    return `~${(item.author ?? '').toLowerCase()}|${item.publishedAt ?? ''}|${item.rating?.value ?? ''}|${textKey(item.title ?? '')}`;
  return text;
}

// Data records carry the site's ids; two records with two ids are two items even with one text.
const DATA_STRATEGIES = new Set<StrategyName | undefined>(['embedded-json', 'json-document', 'xml-data', 'network-json']);
const fromData = (item: ExtractedItem): boolean => DATA_STRATEGIES.has(originOf(item)?.strategy);

// One strategy may read the name with the poster's title after it ("ann Posts: 1 Member").
function sameName(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `);
}

/** An item's origin with the strategy that found it, as {@link noteOrigin} would record it (the first strategy wins). */
function withStrategy(known: ItemOrigin | undefined, strategy: StrategyName | undefined): ItemOrigin | undefined {
  if (!strategy || known?.strategy !== undefined) return known;
  return known ? { strategy, ...known } : { strategy };
}

/**
 * Merges items from several strategies: the same text by the same (or an unnamed) author is one
 * item. `strategies` names the strategy of each group, recorded in the merged items' origins.
 */
export function mergeItems(groups: ExtractedItem[][], strategies: (StrategyName | undefined)[] = []): ExtractedItem[] {
  const out: ExtractedItem[] = [];
  const byKey = new Map<string, ExtractedItem[]>();
  const bySiteId = new Map<string, ExtractedItem>();
  for (let g = 0; g < groups.length; g++) {
    for (const item of groups[g] as ExtractedItem[]) {
      const origin = withStrategy(originOf(item), strategies[g]);
      const fromDataItem = DATA_STRATEGIES.has(origin?.strategy);
      const key = identity(item);
      const sameId = item.siteId ? bySiteId.get(item.siteId) : undefined;
      const candidates = byKey.get(key);
      // The same words under two ids the site gives are two items ("+1", a template text).
      const match =
        sameId ??
        candidates?.find(
          (c) =>
            (!c.siteId || !item.siteId || c.siteId === item.siteId || !fromData(c) || !fromDataItem) &&
            (!c.author || !item.author || sameName(c.author, item.author)),
        );
      if (match) {
        // Later strategies fill what earlier ones left out; they never overwrite.
        for (const [k, v] of Object.entries(item) as [keyof ExtractedItem, unknown][]) {
          if (match[k] === undefined || match[k] === '') (match as unknown as Record<string, unknown>)[k] = v;
        }
        noteOrigin(match, origin);
        continue;
      }
      const copy = { ...item };
      noteOrigin(copy, origin);
      out.push(copy);
      if (candidates) candidates.push(copy);
      else byKey.set(key, [copy]);
      if (copy.siteId) bySiteId.set(copy.siteId, copy);
    }
  }
  return out;
}

function feedPage(body: string, url: string): ExtractedPage {
  const items = extractFeed(body, url);
  return {
    items,
    nextPages: [],
    profileLinks: [],
    strategies: items.length ? ['feed'] : [],
    looksLikeReviews: items.length > 0,
    blocked: false,
    trace: [{ strategy: 'feed', items: items.length, notes: [items.length ? 'RSS/Atom items' : 'a feed with no items'] }],
  };
}

/** The strings of a value that hold an HTML fragment ("load more" responses send the next comments as HTML in JSON). */
function htmlStrings(value: unknown): string[] {
  const out: string[] = [];
  const stack: unknown[] = [value];
  for (let n = 0; stack.length && n < 50_000; n++) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.length >= 300 && /<(?:div|li|article|p|section|span|a|table)\b[^>]*>/i.test(v)) out.push(v);
    } else if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) stack.push(x);
  }
  return out.sort((a, b) => b.length - a.length);
}

function dataPage(doc: DataDocument, opts: ExtractOptions): ExtractedPage {
  const strategy: StrategyName = doc.kind === 'json' ? 'json-document' : 'xml-data';
  const base = { nextPages: [], profileLinks: [], looksLikeReviews: false, blocked: false };
  if ('error' in doc)
    return { ...base, items: [], strategies: [], problems: [doc.error], trace: [{ strategy, items: 0, notes: [doc.error] }] };
  const found = extractFromJson(doc.value, {
    url: opts.url,
    ...(opts.referenceDate ? { referenceDate: new Date(opts.referenceDate) } : {}),
  });
  const trace: StrategyTrace[] = [
    { strategy, items: found.items.length, notes: found.notes.length ? found.notes : ['no array of records with a text'] },
  ];
  const problems = found.truncated
    ? ['the response was too large or too deeply nested to read whole: items past the limit are missing']
    : [];
  let items = mergeItems([found.items], [strategy]);
  let strategies: StrategyName[] = items.length ? [strategy] : [];
  if (!items.length) {
    // A response carrying the next comments as an HTML fragment is read as a page.
    const html = htmlStrings(doc.value)[0];
    if (html) {
      const inner = extractParsed(
        parsePage(html, { url: opts.url, ...(opts.referenceDate !== undefined ? { referenceDate: opts.referenceDate } : {}) }),
        opts,
      );
      items = inner.items;
      strategies = inner.strategies;
      trace.push(
        { strategy, items: items.length, notes: [`read the largest HTML string (${html.length} characters) as a page`] },
        ...(inner.trace ?? []),
      );
    }
  }
  return {
    ...base,
    items,
    origins: items.map(originOf),
    ...(found.aggregate ? { aggregate: found.aggregate } : {}),
    strategies,
    looksLikeReviews: items.length > 0,
    ...(problems.length ? { problems } : {}),
    trace,
  };
}

/** Extracts reviews, comments and page facts from one fetched page (HTML, an RSS/Atom feed, a JSON or XML API response). */
export function extractPage(html: string, opts: ExtractOptions): ExtractedPage {
  if (isFeed(html)) return feedPage(html, opts.url);
  const data = readJsonDocument(html) ?? readXmlDocument(html);
  if (data) return dataPage(data, opts);
  return extractParsed(
    parsePage(html, { url: opts.url, ...(opts.referenceDate !== undefined ? { referenceDate: opts.referenceDate } : {}) }),
    opts,
  );
}

/** Extracts from a page already parsed with `parsePage` (the crawler parses once and shares it). */
export function extractParsed(page: ParsedPage, opts: ExtractOptions): ExtractedPage {
  const jsonLd = extractJsonLd(page);
  const runs: [StrategyName, StrategyResult][] = [
    ['json-ld', jsonLd],
    ['microdata', extractMicrodata(page)],
    ['rdfa', extractRdfa(page)],
    ['embedded-json', extractEmbeddedJson(page)],
  ];
  let blocks: Element[] = [];
  let recipeNext: string[] = [];
  let loadMoreSelector: string | undefined;
  if (opts.recipe) {
    const recipe = extractWithRecipe(page, opts.recipe);
    runs.push(['css-recipe', recipe]);
    blocks = recipe.blocks;
    recipeNext = recipe.nextPages;
    loadMoreSelector = recipe.loadMoreSelector;
  }
  const structured = runs.some(([, r]) => r.items.length);
  // Structured data often marks up the question and its answers but not the comments under them.
  const discussion = !opts.recipe && runs.some(([, r]) => r.discussion && r.items.length);
  const notTried: StrategyName[] = [];
  if (!structured || discussion) {
    const auto = structured ? undefined : autoDetect(page);
    // Rated blocks (teasers, a summary box) must not hide a thread of many more posts.
    const thread = auto?.items.length && auto.items.length < 50 ? extractThread(page) : undefined;
    if (auto?.items.length && thread && thread.items.length >= auto.items.length * 2) {
      runs.push([
        'auto-detect',
        { ...auto, items: [], notes: [...(auto.notes ?? []), `left for the thread's ${thread.items.length} posts`] },
      ]);
      runs.push(['thread', thread]);
      blocks = thread.blocks;
    } else if (auto?.items.length) {
      runs.push(['auto-detect', auto]);
      blocks = auto.blocks;
      if (thread) runs.push(['thread', { ...thread, items: [], notes: [`${thread.items.length} posts: fewer than the review blocks`] }]);
      else notTried.push('thread');
    } else {
      if (auto) runs.push(['auto-detect', auto]);
      const thread = extractThread(page);
      runs.push(['thread', thread]);
      blocks = thread.blocks;
    }
  } else {
    notTried.push('thread');
    const shown = opts.recipe ? undefined : textsShown(page, runs);
    if (shown) runs.push(['auto-detect', shown]);
    else notTried.unshift('auto-detect');
  }

  const items = mergeItems(
    runs.map(([, r]) => r.items),
    runs.map(([name]) => name),
  );
  for (const item of items) if (!item.lang && page.lang) item.lang = page.lang;
  const strategies = runs.filter(([, r]) => r.items.length).map(([name]) => name);
  const aggregate = pickAggregate(runs.map(([, r]) => r.aggregate)) ?? findDomAggregate(page);

  const profile = detectProfile(page, items);
  if (profile) {
    // A profile's reviews are all written by its owner, who is rarely named inside each review.
    for (const item of items) {
      if (!item.author && profile.name) item.author = profile.name;
      if (!item.authorLocation && profile.location) item.authorLocation = profile.location;
      if (!item.authorUrl && isProfileUrl(page.url)) item.authorUrl = page.url;
    }
  }

  const profileLinks = collectProfileLinks(page, items, blocks);
  const nextPages = [...recipeNext, ...findNextPages(page).filter((u) => !recipeNext.includes(u))];
  loadMoreSelector ??= findLoadMore(page);
  const blocked = items.length === 0 && isBlockedPage(page);
  const unreadable = jsonLd.unreadable;
  const looksLikeReviews = items.length > 0 || aggregate !== undefined || (!blocked && looksLikeReviewPage(page));

  const trace: StrategyTrace[] = runs.map(([strategy, r]) => ({
    strategy,
    items: r.items.length,
    notes: r.notes?.length ? r.notes : [defaultNote(page, strategy, r)],
  }));
  for (const strategy of notTried)
    trace.push({
      strategy,
      items: 0,
      notes: [`not tried: ${structured ? 'structured data already gave the items' : 'repeated review blocks were found'}`],
    });

  return {
    items,
    origins: items.map(originOf),
    ...(aggregate ? { aggregate } : {}),
    trace,
    nextPages,
    profileLinks,
    ...(profile ? { profile } : {}),
    ...(loadMoreSelector ? { loadMoreSelector } : {}),
    strategies,
    looksLikeReviews,
    blocked,
    ...(unreadable ? { unreadableJsonLd: unreadable } : {}),
  };
}

const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Structured reviews whose texts the page does not show (it shows them translated, or edited):
 * the texts shown, read from the page's review blocks and matched by author, replace them.
 * Returns the review blocks' result when it did, with a note saying so.
 */
function textsShown(page: ParsedPage, runs: [StrategyName, StrategyResult][]): StrategyResult | undefined {
  const structured = runs.flatMap(([, r]) => r.items);
  const sample = structured.filter((i) => i.body.length >= 40 && i.author).slice(0, 5);
  if (sample.length < 2) return undefined;
  const body = bodyOf(page);
  const starts = sample.map((i) => flat(i.body).slice(0, 24));
  if (!body || showsAny(body, starts)) return undefined;
  const auto = autoDetect(page);
  const byAuthor = new Map<string, ExtractedItem>();
  for (const item of auto.items) if (item.author && item.body) byAuthor.set(item.author.toLowerCase(), item);
  let replaced = 0;
  for (const item of structured) {
    const shownItem = item.author ? byAuthor.get(item.author.toLowerCase()) : undefined;
    if (!shownItem?.body) continue;
    // The same words split over several text nodes, or a preview cut short, are not another text.
    if (textKey(shownItem.body).slice(0, 12) === textKey(item.body).slice(0, 12) || /(?:…|\.{3})$/.test(shownItem.body)) continue;
    item.body = shownItem.body;
    if (shownItem.title) item.title = shownItem.title;
    replaced++;
  }
  if (replaced < sample.length / 2) return undefined;
  return {
    items: [],
    notes: [
      `the structured texts are not shown on the page: the ${replaced} texts shown (translated or edited) were read from its review blocks`,
    ],
  };
}

/**
 * Whether a visible text of the page (hidden copies, such as the original beside its translation,
 * do not count) holds one of the given beginnings. Stops at the first: reviews shown are found
 * early, and only a page that shows none of them is read to its end.
 */
function showsAny(root: Element, starts: string[]): boolean {
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop() as AnyNode;
    if (n.type === 'text') {
      const t = (n as unknown as { data: string }).data;
      if (t.length >= 24) {
        const f = flat(t);
        if (starts.some((s) => f.includes(s))) return true;
      }
      continue;
    }
    if (!isElement(n) || isSkipped(n) || isHidden(n)) continue;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as AnyNode);
  }
  return false;
}

function defaultNote(page: ParsedPage, strategy: StrategyName, r: StrategyResult): string {
  const n = r.items.length;
  if (strategy === 'json-ld') {
    const blocks = elementsByTag(page, 'script').filter((e) => (e.attribs.type ?? '').toLowerCase().includes('ld+json')).length;
    return `${blocks} JSON-LD blocks: ${n ? `${n} reviews or posts` : 'no Review, Comment, Answer or posting objects'}${r.unreadable ? `, ${r.unreadable} unreadable` : ''}`;
  }
  return n ? `${n} items` : 'none on the page';
}

function pickAggregate(candidates: (ExtractedAggregate | undefined)[]): ExtractedAggregate | undefined {
  const found = candidates.filter((a): a is ExtractedAggregate => !!a);
  return found.find((a) => a.reviewCount !== undefined || a.ratingCount !== undefined) ?? found[0];
}

function collectProfileLinks(page: ParsedPage, items: ExtractedItem[], blocks: Element[]): string[] {
  const links = new Set<string>();
  for (const item of items)
    if (item.authorUrl && item.authorUrl !== page.url && !links.has(item.authorUrl) && isProfileUrl(item.authorUrl))
      links.add(item.authorUrl);
  for (const url of profileLinksIn(page, blocks, links, computedFeatures(page))) if (url !== page.url) links.add(url);
  return [...links];
}
