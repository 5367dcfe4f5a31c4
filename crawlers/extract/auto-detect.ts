/**
 * Automatic detection of repeated review blocks when no recipe is configured: sibling elements
 * with the same tag+class signature (at least two) that each carry a rating, a body of prose and a
 * date or an author. Groups are scored; the best group's blocks are mapped field by field.
 */
import { attr, cssPath, isElement, isHidden, nodeText, resolveUrl, signature, type Element, type ParsedPage } from './dom.js';
import { findBody, isControl, textWithout } from './block-fields.js';
import { countWithin, pageFeatures, subtree, type PageFeatures } from './features.js';
import { ownerReplyIn, replyOf } from './owner-reply.js';
import { noteOrigin } from './provenance.js';
import type { ExtractedItem, StrategyResult } from './types.js';

/** Items found by a DOM strategy, with the elements they came from. */
export interface DomResult extends StrategyResult {
  /** One element per item (the review or comment block). */
  blocks: Element[];
}

interface Group {
  members: Element[];
  score: number;
}

const TITLE_NAME = /(?:^|[\s_-])(?:title|headline|summary|subject|heading)(?:$|[\s_-])|review-?title/i;
const LOCATION_NAME = /location|hometown|(?:^|[\s_-])(?:city|country|region|from)(?:$|[\s_-])|user-?loc|reviewer-?loc/i;
const ID_ATTR = /^(?:data-)?(?:review|comment|post|item|thing|message|msg|entry)?[-_]?id$/i;

function hasProse(f: PageFeatures, el: Element): boolean {
  return (f.maxDirect.get(el) ?? 0) >= 30 || (f.textLen.get(el) ?? 0) - (f.linkTextLen.get(el) ?? 0) >= 80;
}

function scoreGroup(f: PageFeatures, members: Element[]): Group | undefined {
  let rated = 0;
  let dated = 0;
  let authored = 0;
  let prose = 0;
  let ratingWidgets = 0;
  const qualifying: Element[] = [];
  const silent: Element[] = [];
  for (const m of members) {
    const c = f.counts.get(m);
    if (!c) continue;
    const p = hasProse(f, m);
    if (c.rating) rated++;
    if (c.date) dated++;
    if (c.author) authored++;
    if (p) prose++;
    ratingWidgets += c.rating;
    if (c.rating && p && (c.date || c.author)) qualifying.push(m);
    // A rating with a name or date and no text is a rating-only review among the written ones.
    else if (c.rating && (c.date || c.author)) silent.push(m);
  }
  const n = members.length;
  if (qualifying.length < 2 || rated < n * 0.5 || prose < n * 0.5 || (dated < n * 0.5 && authored < n * 0.5)) return undefined;
  // A block holding several rating widgets is a container of reviews, not one review.
  const perMember = ratingWidgets / n;
  const penalty = perMember > 1.5 ? 1 / perMember : 1;
  const score = qualifying.length * ((rated + dated + authored + prose) / n) * penalty;
  if (!silent.length) return { members: qualifying, score };
  // Sets: a page of thousands of blocks with rating-only ones among them made this quadratic.
  const kept = new Set([...qualifying, ...silent]);
  return { members: members.filter((m) => kept.has(m)), score };
}

/** Finds the best group of repeated review blocks on the page (plus sibling variants of it). */
export function findReviewBlocks(page: ParsedPage): Element[] {
  const f = pageFeatures(page);
  if (f.rating.size < 2) return [];
  // Every element's signature is read as a child, as a parent and again as a kin of its group:
  // each is worked out once and kept with the element's facts.
  const signatureOf = (el: Element): string => f.signature(el);
  const buckets = new Map<string, Element[]>();
  for (const parent of f.order) {
    if (!f.ratings.get(parent)) continue;
    const parentSig = signatureOf(parent);
    for (const child of parent.children) {
      if (!isElement(child) || !f.ratings.get(child)) continue;
      const key = `${parentSig}>${signatureOf(child)}`;
      const list = buckets.get(key) ?? [];
      list.push(child);
      buckets.set(key, list);
    }
  }
  const groups: (Group & { parentSig: string })[] = [];
  for (const [key, members] of buckets) {
    if (members.length < 2) continue;
    // Ratings on two posts of twenty (a quoted score, a poll) do not make the posts reviews: most
    // blocks of the kind must carry one.
    const childSig = key.slice(key.indexOf('>') + 1);
    const parents = new Set(members.map((m) => m.parent));
    let kin = 0;
    for (const p of parents) if (p) for (const c of (p as Element).children) if (isElement(c) && signatureOf(c) === childSig) kin++;
    if (members.length < kin * 0.5) continue;
    const g = scoreGroup(f, members);
    if (g) groups.push({ ...g, parentSig: key.slice(0, key.indexOf('>')) });
  }
  groups.sort((a, b) => b.score - a.score);
  const best = groups[0];
  if (!best) return [];
  // Variants of a review under the same container (e.g. "updated" and "previous" versions) form
  // their own groups; keep those that neither contain nor sit inside the chosen blocks.
  const chosen = [...best.members];
  const chosenSet = new Set(chosen);
  const positions = chosen.map((c) => f.index.get(c) ?? 0).sort((a, b) => a - b);
  for (const g of groups.slice(1)) {
    if (g.parentSig !== best.parentSig) continue;
    // Overlap either way (a variant inside a chosen block, or around one) disqualifies the group.
    const overlaps = g.members.some((m) => {
      for (let p: Element | null = m; p; p = p.parent && p.parent.type === 'tag' ? (p.parent as Element) : null)
        if (chosenSet.has(p)) return true;
      return countWithin(positions, (f.index.get(m) ?? 0) + 1, f.end.get(m) ?? 0) > 0;
    });
    if (overlaps) continue;
    chosen.push(...g.members);
    for (const m of g.members) chosenSet.add(m);
    positions.push(...g.members.map((m) => f.index.get(m) ?? 0));
    positions.sort((a, b) => a - b);
  }

  return chosen.sort((a, b) => (f.index.get(a) ?? 0) - (f.index.get(b) ?? 0));
}

/** Site id of a block: its own id, a review/comment id attribute near its top, or one on a wrapper it leads. */
export function blockId(f: PageFeatures, block: Element): string | undefined {
  const fromAttrs = (el: Element, own: boolean): string | undefined => {
    for (const name in el.attribs) {
      const value = el.attribs[name] as string;
      if (!ID_ATTR.test(name) || !value.trim() || value.length > 120) continue;
      if (name === 'id' && !own && !/review|comment|post|\d{4,}/i.test(value)) continue;
      if (/^\d+$/.test(value) && value.length < 3) continue;
      return value.trim();
    }
    return undefined;
  };
  const blockStart = f.index.get(block) ?? 0;
  const blockEnd = Math.min(f.end.get(block) ?? blockStart, blockStart + 31);
  for (let i = blockStart; i < blockEnd; i++) {
    const el = f.order[i] as Element;
    const id = fromAttrs(el, el === block);
    if (id) return id;
  }
  // The id often sits on a wrapper around the block; it is this block's when nothing that belongs
  // to another review or comment (a rating, an author) comes before the block inside it.
  let cur = block.parent;
  for (let level = 0; level < 3 && cur && cur.type === 'tag'; level++) {
    const wrapper = cur as Element;
    const start = (f.index.get(wrapper) ?? 0) + 1;
    if (blockStart - start > 200) break;
    for (let k = start; k < blockStart; k++) {
      const e = f.order[k] as Element;
      if (f.rating.has(e) || f.author.has(e)) return undefined;
    }
    const id = fromAttrs(wrapper, false);
    if (id) return id;
    cur = wrapper.parent;
  }
  return undefined;
}

/** Maps one review block to an item; undefined when it holds no text. */
export function blockToItem(
  page: ParsedPage,
  f: PageFeatures,
  block: Element,
  skipNested?: (e: Element) => boolean,
): ExtractedItem | undefined {
  const hidden = new Set<Element>();
  // The business's reply is kept as the review's reply: nothing in it is the review's.
  const replyEl = ownerReplyIn(page, f, block);
  const inReply = (e: Element): boolean => !!replyEl && (e === replyEl || isInside(replyEl, e));
  const inside = subtree(f, block).filter((e) => {
    if ((e.parent && hidden.has(e.parent as Element)) || isHidden(e)) {
      hidden.add(e);
      return false;
    }
    return !skipNested?.(e) && !inReply(e);
  });
  const ratingEl = inside.find((e) => f.rating.has(e)) ?? (f.rating.has(block) ? block : undefined);
  const dateEl = inside.find((e) => f.date.has(e));
  const authorEl = inside.find((e) => f.author.has(e));
  const fields = new Set([ratingEl, dateEl, authorEl].filter((e): e is Element => !!e));
  const inField = (e: Element): boolean => {
    for (const x of fields) if (x === e || isInside(x, e)) return true;
    return (!!authorEl && isInside(e, authorEl)) || (!!dateEl && isInside(e, dateEl));
  };

  const titleEl = inside.find((e) => {
    if (inField(e) || (!TITLE_NAME.test(f.descriptor(e)) && !/^h[2-6]$/.test(e.name))) return false;
    const t = textWithout(e, (x) => f.rating.has(x));
    return t.length >= 2 && t.length <= 200;
  });
  const locationEl = inside.find((e) => {
    if (e === authorEl || !LOCATION_NAME.test(f.descriptor(e))) return false;
    const t = nodeText(e, page);
    return t.length >= 2 && t.length <= 80 && !/\d{3,}/.test(t);
  });

  const skip = (e: Element): boolean => e === titleEl || e === locationEl || e === replyEl || (!!skipNested && skipNested(e));
  const bodyEls = findBody(f, block, skip);
  const exclude = (e: Element): boolean => skip(e) || f.isField(e) || isControl(page, e);
  const tops = [...hidden].filter((e) => (!e.parent || !hidden.has(e.parent as Element)) && !inReply(e));
  // Controls are short: only short elements are read for one.
  const readMore = inside.some((e) => (f.textLen.get(e) ?? 99) <= 30 && READ_MORE.test(nodeText(e, page)));
  const body = bodyEls
    .map((e) =>
      wholeText(f, textWithout(e, exclude), readMore ? [...tops, ...inside.filter((x) => !bodyEls.includes(x))] : tops, exclude, readMore),
    )
    .filter(Boolean)
    .join('\n');
  // Rating-only: a rating and a name or date, and no text at all (not a text this reading missed).
  const ratingOnly = !body && !!ratingEl && !!(dateEl || authorEl) && !hasProse(f, block);
  if (!body && !ratingOnly) return undefined;

  const item: ExtractedItem = { body };
  if (replyEl) {
    const reply = replyOf(page, f, replyEl);
    if (reply) item.reply = reply;
  }
  const title = titleEl ? textWithout(titleEl, (x) => f.rating.has(x)) : undefined;
  if (title && title !== body) item.title = title;
  if (authorEl) {
    const a = f.author.get(authorEl);
    if (a) {
      item.author = a.name;
      if (a.url) item.authorUrl = a.url;
    }
    if (!a?.url) {
      const link = authorEl.name === 'a' ? authorEl : inside.find((e) => e.name === 'a' && isInside(authorEl, e));
      const authorUrl = resolveUrl(link?.attribs.href, page.url);
      if (authorUrl) item.authorUrl = authorUrl;
    }
  }
  if (locationEl) item.authorLocation = nodeText(locationEl, page).replace(/\n/g, ', ');
  if (ratingEl) {
    const r = f.rating.get(ratingEl);
    if (r) item.rating = r;
  }
  if (dateEl) {
    const d = f.date.get(dateEl);
    if (d) item.publishedAt = d;
  }
  const id = blockId(f, block);
  if (id) item.siteId = id;
  const lang = bodyEls.map((e) => attr(e, 'lang')).find(Boolean) ?? attr(block, 'lang');
  if (lang) item.lang = lang;
  if (id) {
    const permalink = inside.find((e) => e.name === 'a' && (e.attribs.href ?? '').includes(id));
    const href = permalink?.attribs.href;
    const url = resolveUrl(href, page.url);
    if (url) item.url = url;
  }
  return item;
}

const CUT = /\s*(?:…|\.{3})$/;
// "Read more" controls, in the languages of the sites crawled.
const READ_MORE =
  /^(?:read more|show more|see more|more|view more|full review|read full review|mehr(?: lesen| anzeigen)?|weiterlesen|lire la suite|voir plus|leer más|ver más|ler mais|leggi (?:tutto|di più)|читать (?:далее|полностью)|ещё|показать полностью|展开|更多|全文|閱讀更多|بیشتر|ادامه)$/i;
const compact = (s: string) => s.replace(/\s+/g, '');

/**
 * "Read more": a preview cut with an ellipsis is shown and the whole text sits hidden beside it
 * (Yelp, most shops). When a hidden element of the block starts with the preview's words and says
 * more, its text is the body; otherwise the preview stays.
 */
function wholeText(f: PageFeatures, preview: string, candidates: Element[], exclude: (e: Element) => boolean, readMore: boolean): string {
  // Cut: an ellipsis, or a "read more" control after a text that stops mid-sentence.
  const cut = CUT.test(preview) || (readMore && !/[.!?。！？)"'»]$/.test(preview));
  if (!candidates.length || !cut) return preview;
  const stem = compact(preview.replace(CUT, ''));
  if (stem.length < 10) return preview;
  let best = preview;
  let bestLength = stem.length;
  for (const h of candidates) {
    // Text lengths are known: only elements longer than the preview can hold the whole text.
    if ((f.textLen.get(h) ?? 0) <= bestLength) continue;
    const whole = textWithout(h, exclude);
    const flat = compact(whole);
    if (flat.length > bestLength && flat.startsWith(stem)) {
      best = whole;
      bestLength = flat.length;
    }
  }
  return best;
}

function isInside(ancestor: Element, el: Element): boolean {
  let cur = el.parent;
  while (cur) {
    if (cur === ancestor) return true;
    cur = cur.parent;
  }
  return false;
}

/** Automatic-detection strategy: reviews from the best group of repeated review blocks. */
export function autoDetect(page: ParsedPage): DomResult {
  const f = pageFeatures(page);
  const blocks: Element[] = [];
  const items: ExtractedItem[] = [];
  for (const block of findReviewBlocks(page)) {
    const item = blockToItem(page, f, block);
    if (!item) continue;
    noteOrigin(item, { via: cssPath(block) });
    items.push(item);
    blocks.push(block);
  }
  // Rating-only reviews stand among written ones; blocks that are mostly a rating without text
  // (teasers, product cards) are not reviews.
  const silent = items.filter((i) => !i.body).length;
  if (silent > items.length - silent)
    for (let i = items.length - 1; i >= 0; i--)
      if (!items[i]?.body) {
        items.splice(i, 1);
        blocks.splice(i, 1);
      }
  const notes = blocks.length
    ? [`${blocks.length} repeated blocks like ${signature(blocks[0] as Element)}, each with a rating, a text and an author or date`]
    : [
        `no repeated blocks each with a rating, a text and an author or date (${f.rating.size} rating widgets, ${f.author.size} names, ${f.date.size} dates on the page)`,
      ];
  return { items, blocks, notes };
}
