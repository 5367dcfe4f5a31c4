/**
 * Discussion threads (forum pages, comment trees): each comment's author, time (relative times
 * resolved against the page's reference date), text and parent. Comments are found from their
 * author links/names: the comment block is the nearest ancestor kind that gives every author its
 * own block with a time and text. Parents come from indentation (spacer widths, margins, depth
 * classes/attributes) when comments are indented, or else from how their blocks nest.
 */
import { hash } from 'node:crypto';
import { type AnyNode, classTokens, cssPath, nodeText, resolveUrl, type Element, type ParsedPage } from './dom.js';
import { blockId } from './auto-detect.js';
import { findBody, isControl, textWithout } from './block-fields.js';
import { countWithin, FIELD, lowerBound, pageFeatures, type PageFeatures } from './features.js';
import { isProfileUrl } from './profile-links.js';
import { StringMemo, textKey } from './text.js';
import { isOwnerReply, ownerReplyIn, replyOf } from './owner-reply.js';
import { noteOrigin } from './provenance.js';
import type { ExtractedItem, StrategyResult } from './types.js';

/** Thread extraction result, with the comment blocks. */
export interface ThreadResult extends StrategyResult {
  /** One element per comment. */
  blocks: Element[];
}

// Blocks of one kind share their tag and class list: each pair's key is worked out once.
const looseKeys = new StringMemo<string>(10_000);

function looseKey(el: Element): string {
  const cls = el.attribs.class;
  if (!cls) return el.name;
  const memo = `${el.name} ${cls}`;
  const hit = looseKeys.get(memo);
  if (hit !== undefined) return hit;
  // Numbers in a class vary per post ("post-17", "row1"/"row2"): the kind is what is left.
  const first = classTokens(el).find((c) => !/\d{3,}/.test(c));
  return looseKeys.set(memo, first ? `${el.name}.${first.replace(/\d+/g, '#')}` : el.name);
}

function parentEl(el: Element): Element | undefined {
  const p = el.parent;
  return p && p.type === 'tag' ? (p as Element) : undefined;
}

interface Candidate {
  key: string;
  owners: Element[];
  distance: number;
}

// Positions of a set of blocks in document order, sorted (worked out once per set).
const placesOf = new WeakMap<Set<Element>, number[]>();

function sortedPlaces(f: PageFeatures, members: Set<Element>): number[] {
  let places = placesOf.get(members);
  if (!places) {
    places = [];
    for (const m of members) {
      const i = f.index.get(m);
      if (i !== undefined) places.push(i);
    }
    places.sort((a, b) => a - b);
    placesOf.set(members, places);
  }
  return places;
}

/** Whether another of the blocks sits inside this one. */
function holdsBlock(f: PageFeatures, block: Element, members: Set<Element>): boolean {
  const start = (f.index.get(block) ?? 0) + 1;
  return countWithin(sortedPlaces(f, members), start, f.end.get(block) ?? start) > 0;
}

function ownSubtree(f: PageFeatures, block: Element, members: Set<Element>): Element[] {
  const start = (f.index.get(block) ?? 0) + 1;
  const end = f.end.get(block) ?? start;
  // The blocks nested in this one are found among the blocks' sorted positions, and the runs
  // between them copied whole, instead of testing every element for being a block.
  const places = sortedPlaces(f, members);
  const lo = lowerBound(places, start);
  if (lo >= places.length || (places[lo] as number) >= end) return f.order.slice(start, end);
  const out: Element[] = [];
  let from = start;
  for (let k = lo; k < places.length && (places[k] as number) < end; k++) {
    const at = places[k] as number;
    // Jump over a nested comment: its elements belong to it, not to this block.
    if (at < from) continue;
    for (let i = from; i < at; i++) out.push(f.order[i] as Element);
    from = f.end.get(f.order[at] as Element) ?? at + 1;
  }
  for (let i = from; i < end; i++) out.push(f.order[i] as Element);
  return out;
}

const QUOTE_NAME = /quote|cite|citation|lastedit|last-edit|edited|signature|(?:^|[\s_-])sig(?:$|[\s_-])/i;

// Parts of a post that are not what it says: a quoted earlier post, a signature.
const QUOTE_PART = /(?:^|[\s_-])(?:quote|quoted|blockquote|cite|signature|usersignature|sig)(?:$|[\s_-])/i;

/**
 * Whether an element's class or id matches a name pattern. They are tested apart, not joined: no
 * name the patterns here know runs across the space that would join them.
 */
function isNamed(el: Element, pattern: RegExp): boolean {
  const { class: cls, id } = el.attribs;
  return (cls !== undefined && pattern.test(cls)) || (id !== undefined && pattern.test(id));
}

/** Author elements inside a quote of an earlier post, an "edited by" note or a signature. */
function quotedAuthors(f: PageFeatures): Set<Element> {
  const out = new Set<Element>();
  for (const a of f.author.keys()) {
    for (let p = parentEl(a), d = 0; p && d < 8; p = parentEl(p), d++) {
      if (p.name === 'blockquote' || p.name === 'q' || isNamed(p, QUOTE_NAME)) {
        out.add(a);
        break;
      }
    }
  }
  return out;
}

/** Finds comment blocks: the ancestor kind closest to the author elements that gives each author its own block. */
export function findCommentBlocks(page: ParsedPage): Element[] {
  const f = pageFeatures(page);
  // Names inside quoted earlier posts, "edited by" notes and signatures are not the post's author.
  const quoted = quotedAuthors(f);
  const authors = [...f.author.keys()].filter((a) => !quoted.has(a));
  if (authors.length < 2 && f.signed.size < 2) return [];
  const byKey = new Map<string, { owners: Set<Element>; hits: number; distance: number }>();
  for (const a of authors) {
    const seen = new Set<string>();
    let cur = parentEl(a);
    for (let d = 1; cur && d <= 12; d++, cur = parentEl(cur)) {
      if (cur.name === 'body' || cur.name === 'html') break;
      const key = looseKey(cur);
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = byKey.get(key) ?? { owners: new Set<Element>(), hits: 0, distance: 0 };
      entry.owners.add(cur);
      entry.hits++;
      entry.distance += d;
      byKey.set(key, entry);
    }
  }
  // Posts that sign themselves in an attribute are blocks of their own kind.
  for (const el of f.signed.keys()) {
    const key = `${looseKey(el)}@`;
    const entry = byKey.get(key) ?? { owners: new Set<Element>(), hits: 0, distance: 0 };
    entry.owners.add(el);
    entry.hits++;
    byKey.set(key, entry);
  }
  const candidates: Candidate[] = [];
  for (const [key, entry] of byKey) {
    // Each author needs its own block: a shared one is a list container, not a comment.
    if (entry.owners.size < 2 || entry.owners.size < entry.hits * 0.85) continue;
    candidates.push({ key, owners: [...entry.owners], distance: entry.distance / entry.hits });
  }
  let best: { owners: Element[]; score: number; order: number } | undefined;
  // The kinds likeliest to win are read first (most blocks; of as many, the outer ones, which hold
  // the text): a kind that can no longer beat the best one found (every block it has left counted
  // valid) is given up on. Ties still go to the kind met first.
  const byCount = candidates
    .map((c, order) => ({ c, order }))
    .sort((a, b) => b.c.owners.length - a.c.owners.length || b.c.distance - a.c.distance || a.order - b.order);
  for (const { c, order } of byCount) {
    const members = new Set(c.owners);
    let bodyChars = 0;
    const valid: Element[] = [];
    const isCommentBlock = (o: Element): boolean => {
      let authorsIn: number;
      let dated: boolean;
      // A block holding no other block of its kind, on a page without quoted names, has its names
      // counted by the features pass (itself included), and its dates when that count finds one (a
      // date a post carries in its own attribute is not counted there): its elements are read only
      // otherwise.
      const counts = quoted.size === 0 && !holdsBlock(f, o, members) ? f.counts.get(o) : undefined;
      if (counts && counts.date > 0) {
        authorsIn = counts.author - (f.author.has(o) ? 1 : 0);
        dated = true;
      } else {
        const own = ownSubtree(f, o, members);
        authorsIn = own.filter((e) => f.author.has(e) && !quoted.has(e)).length;
        dated = own.some((e) => f.date.has(e)) || f.date.has(o);
      }
      if (authorsIn !== 1 && !f.author.has(o) && !f.signed.has(o)) return false;
      if (!dated) return false;
      // A body of separators ("·", "|") is the byline's punctuation, not a comment.
      const bodies = findBody(f, o, (e) => members.has(e) && e !== o);
      if (!bodies.some((b) => hasLetters(page, f, b))) return false;
      bodyChars += Math.min(
        400,
        bodies.reduce((n, b) => n + (f.textLen.get(b) ?? 0), 0),
      );
      return true;
    };
    // The highest score this kind can reach with n valid blocks (nesting counts only when some
    // block sits inside another).
    const nestable = c.owners.some((o) => hasAncestorIn(o, members));
    const most = (n: number): number => n * (nestable ? 1.25 : 1) + 0.5 - c.distance * 0.01;
    for (let i = 0; i < c.owners.length; i++) {
      if (best && !canBeat(most(valid.length + c.owners.length - i), order, best)) break;
      const o = c.owners[i] as Element;
      if (isCommentBlock(o)) valid.push(o);
    }
    if (valid.length < 2 || (best && !canBeat(most(valid.length), order, best))) continue;
    const nested = nestable && valid.some((v) => hasAncestorIn(v, members));
    // Between blocks that each hold one author and one date, the one holding the text wins over a
    // header (name, date, the poster's profile box) that sits beside the text.
    const substance = 0.5 * Math.min(1, bodyChars / valid.length / 300);
    const score = valid.length * (nested ? 1.25 : 1) + substance - c.distance * 0.01;
    if (!best || score > best.score || (score === best.score && order < best.order)) best = { owners: valid, score, order };
  }
  if (!best) return [];
  const chosen = best.owners.sort((a, b) => (f.index.get(a) ?? 0) - (f.index.get(b) ?? 0));
  return widen(f, chosen);
}

/** Whether one of an element's ancestors is in `members`. */
function hasAncestorIn(el: Element, members: Set<Element>): boolean {
  for (let p = parentEl(el); p; p = parentEl(p)) if (members.has(p)) return true;
  return false;
}

/** Whether a kind scoring at most `most` can still win over the best kind found (ties go to the kind met first). */
function canBeat(most: number, order: number, best: { score: number; order: number }): boolean {
  return most > best.score || (most === best.score && order < best.order);
}

function avgBody(f: PageFeatures, blocks: Element[]): number {
  const members = new Set(blocks);
  let n = 0;
  for (const b of blocks) {
    const bodies = findBody(f, b, (e) => members.has(e) && e !== b);
    n += Math.min(
      400,
      bodies.reduce((k, x) => k + (f.textLen.get(x) ?? 0), 0),
    );
  }
  return n / Math.max(1, blocks.length);
}

/** Whether an element's text has letters (long texts do; short ones are read). */
function hasLetters(page: ParsedPage, f: PageFeatures, el: Element): boolean {
  const len = f.textLen.get(el) ?? 0;
  if (len >= 40) return true;
  return len > 0 && /\p{L}\p{L}|\p{Lo}/u.test(nodeText(el, page));
}

/**
 * When the blocks found are only the posts' headers (name, date, profile box) with the text beside
 * them, each block is widened to its largest ancestor that holds no other block: the whole post.
 * Kept only when that brings in the text (a clearly longer body).
 */
function widen(f: PageFeatures, blocks: Element[]): Element[] {
  const positions = blocks.map((b) => f.index.get(b) ?? 0).sort((a, b) => a - b);
  const holds = (el: Element): number => countWithin(positions, f.index.get(el) ?? 0, f.end.get(el) ?? 0);
  const wide: Element[] = [];
  for (const b of blocks) {
    let cur = b;
    for (let p = parentEl(cur); p && p.name !== 'body' && p.name !== 'html' && holds(p) === 1; p = parentEl(p)) {
      const c = f.counts.get(p);
      // Another author or date beside the block belongs to something else (a quote, a sidebar).
      if (c && (c.author > (f.counts.get(b)?.author ?? 0) || c.date > (f.counts.get(b)?.date ?? 0) + 1)) break;
      cur = p;
    }
    wide.push(cur);
  }
  if (wide.every((w, i) => w === blocks[i])) return blocks;
  return avgBody(f, wide) > avgBody(f, blocks) * 1.5 + 40 ? wide : blocks;
}

const INDENT_ATTRS = ['indent', 'data-indent', 'data-depth', 'data-level', 'aria-level', 'depth', 'level'];
const INDENT_ATTR_SET = new Set(INDENT_ATTRS);

function indentFromElement(el: Element): number | undefined {
  const a = el.attribs;
  // An element has a few attributes: those are looked at, and the names in their order only when one is there.
  let marked = false;
  for (const k in a)
    if (INDENT_ATTR_SET.has(k)) {
      marked = true;
      break;
    }
  if (marked)
    for (const name of INDENT_ATTRS) {
      const v = a[name];
      if (v !== undefined && /^\d+$/.test(v.trim())) return Number(v) * 40;
    }
  // Depth classes carry their number: a class list without a digit holds none.
  if (a.class && /\d/.test(a.class))
    for (const c of classTokens(el)) {
      const m = /^(?:depth|level|indent|ind|nest|nested|lvl|child|reply-level)[-_]?(\d{1,2})$/i.exec(c);
      if (m) return Number(m[1]) * 40;
    }
  const style = a.style;
  if (!style) return undefined;
  const m = /(?:margin|padding)-left\s*:\s*(\d+(?:\.\d+)?)(px|em|rem)/i.exec(style);
  if (m) return Number(m[1]) * (m[2] === 'px' ? 1 : 16);
  return undefined;
}

// Each comment's spacer is looked for from the next few comments too: it is worked out once per
// element and thread (the parsed page never changes), in a memo the thread's reading holds.
type Spacers = Map<Element, number | undefined>;

function spacerWidth(el: Element, spacers: Spacers, limit = 20): number | undefined {
  if (limit !== 20) return findSpacer(el, limit);
  if (spacers.has(el)) return spacers.get(el);
  const width = findSpacer(el, limit);
  spacers.set(el, width);
  return width;
}

function findSpacer(el: Element, limit: number): number | undefined {
  const queue: Element[] = [el];
  for (let next = 0; next < queue.length && next < limit; next++) {
    const cur = queue[next] as Element;
    if (cur.name === 'img') {
      const w = cur.attribs.width;
      const h = Number(cur.attribs.height ?? '0');
      const src = cur.attribs.src ?? '';
      if (w !== undefined && /^\d+$/.test(w) && (h <= 2 || /s\.gif|spacer|blank|pixel|trans/i.test(src))) return Number(w);
    }
    const own = indentFromElement(cur);
    if (own !== undefined) return own;
    // Only the first `limit` elements are ever looked at: no more are queued.
    const children = cur.children;
    for (let i = 0; i < children.length && queue.length < limit; i++) {
      const c = children[i] as AnyNode;
      if (c.type === 'tag') queue.push(c as Element);
    }
  }
  return undefined;
}

/** Indentation of a comment block: depth attributes/classes, margins, or a spacer before it. */
export function indentOf(
  block: Element,
  holdsOtherComment: (el: Element) => boolean,
  lead: Element[],
  spacers: Spacers,
): number | undefined {
  // A spacer image leading the block's own content (classic table-based forums).
  for (const el of lead.slice(0, 6)) {
    if (el.name !== 'img') continue;
    const w = spacerWidth(el, spacers, 1);
    if (w !== undefined) return w;
  }
  let cur: Element | undefined = block;
  for (let level = 0; cur && level < 5; level++) {
    const own = indentFromElement(cur);
    if (own !== undefined) return own;
    // Spacers sit in cells or boxes before the comment, inside the same row.
    let sib = cur.prev;
    for (let n = 0; sib && n < 4; n++, sib = sib.prev) {
      if (sib.type !== 'tag') continue;
      const w = spacerWidth(sib as Element, spacers);
      if (w !== undefined) return w;
    }
    const parent = parentEl(cur);
    if (!parent || holdsOtherComment(parent)) break;
    cur = parent;
  }
  return undefined;
}

function isDescendant(ancestor: Element, el: Element): boolean {
  for (let p = parentEl(el); p; p = parentEl(p)) if (p === ancestor) return true;
  return false;
}

function idFromUrl(url: string): string | undefined {
  try {
    const u = new URL(url);
    const hash = /^#(?:comment|c|post|reply|msg|p)?[-_]?(\w+)$/i.exec(u.hash);
    if (hash?.[1]) return hash[1];
    for (const [k, v] of u.searchParams)
      if (/^(?:id|comment|commentid|comment_id|cid|c|p|post|postid|msg)$/i.test(k) && /^\w{3,}$/.test(v)) return v;
    const seg = u.pathname
      .split('/')
      .filter(Boolean)
      .reverse()
      .find((s) => /\d{3,}/.test(s));
    return seg;
  } catch {
    return undefined;
  }
}

function hashId(text: string): string {
  // A stable id for comments the site gives none, so replies can still point at them.
  return `h${hash('sha1', text, 'hex').slice(0, 16)}`;
}

function threadNotes(blocks: Element[]): string[] {
  const kinds = new Map<string, number>();
  for (const b of blocks) {
    const kind = looseKey(b);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return [`${blocks.length} posts in blocks like ${[...kinds.keys()].join(', ')}, each with one author, a time and a text`];
}

/** Thread strategy: comments with author, time, text and parent. */
export function extractThread(page: ParsedPage): ThreadResult {
  const f = pageFeatures(page);
  const blocks = findCommentBlocks(page);
  if (!blocks.length)
    return {
      items: [],
      blocks: [],
      notes: [`no repeated blocks each with one author, a time and a text (${f.author.size} names, ${f.date.size} dates on the page)`],
    };
  const members = new Set(blocks);
  const items: ExtractedItem[] = [];
  const kept: Element[] = [];
  const idOf = new Map<Element, string>();
  const indents: (number | undefined)[] = [];
  const positions = blocks.map((b) => f.index.get(b) ?? 0).sort((a, b) => a - b);
  // An ancestor holding more than one comment is the list, not this comment's row.
  const holdsOtherComment = (el: Element): boolean => countWithin(positions, f.index.get(el) ?? 0, f.end.get(el) ?? 0) > 1;
  const spacers: Spacers = new Map();

  for (const block of blocks) {
    const own = ownSubtree(f, block, members);
    const skipNested = (e: Element): boolean => members.has(e) && e !== block;
    // The first author, date and rating element of the block's own elements, in one pass.
    let authorEl: Element | undefined;
    let dateEl: Element | undefined;
    let ratingEl: Element | undefined;
    for (let i = 0; i < own.length && !(authorEl && dateEl && ratingEl); i++) {
      const e = own[i] as Element;
      const kind = f.fieldKind(e);
      if (!kind) continue;
      if (!authorEl && kind & FIELD.author) authorEl = e;
      if (!dateEl && kind & FIELD.date) dateEl = e;
      if (!ratingEl && kind & FIELD.rating) ratingEl = e;
    }
    authorEl ??= f.author.has(block) ? block : undefined;
    dateEl ??= f.date.has(block) ? block : undefined;
    // The business's reply inside the post is its reply; a quote of an earlier post or a
    // signature is not what this post says.
    const inline = ownerReplyIn(page, f, block);
    const replyEl = inline && own.includes(inline) ? inline : undefined;
    const aside = (e: Element): boolean => e === replyEl || (e !== block && isNamed(e, QUOTE_PART));
    const bodyEls = findBody(f, block, (e) => skipNested(e) || aside(e));
    const exclude = (e: Element): boolean => skipNested(e) || aside(e) || f.isField(e) || isControl(page, e);
    const body = bodyEls
      .map((e) => textWithout(e, exclude))
      .filter(Boolean)
      .join('\n');
    if (!body) continue;
    const item: ExtractedItem = { body };
    const reply = replyEl ? replyOf(page, f, replyEl) : undefined;
    if (reply) item.reply = reply;
    const author = authorEl ? f.author.get(authorEl) : undefined;
    const signer = f.signed.get(block);
    if (signer) item.author = signer;
    else if (author) {
      item.author = author.name;
      if (author.url) item.authorUrl = author.url;
    }
    const date = dateEl ? f.date.get(dateEl) : undefined;
    if (date) item.publishedAt = date;
    if (ratingEl) item.rating = f.rating.get(ratingEl)!;

    const links = own.filter((e) => e.name === 'a' && !!e.attribs.href && e !== authorEl && !(authorEl && isDescendant(authorEl, e)));
    const permalink =
      links.find((e) => /^(?:link|permalink|#|¶|share|direct link)$/i.test(nodeText(e, page).trim())) ??
      links.find(
        (e) =>
          !!dateEl &&
          (e === dateEl || isDescendant(e, dateEl) || isDescendant(dateEl, e)) &&
          !isProfileUrl(resolveUrl(e.attribs.href, page.url) ?? ''),
      );
    const url = permalink ? resolveUrl(permalink.attribs.href, page.url) : undefined;
    if (url && url !== page.url) item.url = url;
    const id =
      (url ? idFromUrl(url) : undefined) ?? blockId(f, block) ?? hashId(`${item.author ?? ''}|${item.publishedAt ?? ''}|${textKey(body)}`);
    item.siteId = id;
    idOf.set(block, id);
    noteOrigin(item, { via: cssPath(block) });
    items.push(item);
    kept.push(block);
    indents.push(indentOf(block, holdsOtherComment, own, spacers));
  }

  // Flat markup (tables, divs with margins) shows replies indented more than their parent; a block
  // without any indentation before indented ones is the thread's opening post.
  if (new Set(indents.filter((x) => x !== undefined)).size > 1) {
    const stack: { indent: number; id: string }[] = [];
    items.forEach((item, i) => {
      const indent = indents[i] ?? (i === 0 ? -1 : 0);
      while (stack.length && (stack[stack.length - 1] as { indent: number }).indent >= indent) stack.pop();
      const top = stack[stack.length - 1];
      if (top) item.parentSiteId = top.id;
      stack.push({ indent, id: item.siteId as string });
    });
    return foldOwnerReplies(page, f, items, kept);
  }
  // Nested markup: a reply sits inside its parent's block.
  kept.forEach((block, i) => {
    for (let p = parentEl(block); p; p = parentEl(p)) {
      const pid = idOf.get(p);
      if (pid !== undefined) {
        (items[i] as ExtractedItem).parentSiteId = pid;
        break;
      }
    }
  });
  return foldOwnerReplies(page, f, items, kept);
}

/** A business's reply posted as a block under a review becomes that review's `reply`, not an item. */
function foldOwnerReplies(page: ParsedPage, f: PageFeatures, items: ExtractedItem[], kept: Element[]): ThreadResult {
  const byId = new Map(items.map((item) => [item.siteId, item]));
  const outItems: ExtractedItem[] = [];
  const outBlocks: Element[] = [];
  items.forEach((item, i) => {
    const block = kept[i] as Element;
    const parent = item.parentSiteId ? byId.get(item.parentSiteId) : undefined;
    if (parent && !parent.reply && isOwnerReply(page, block)) {
      const reply = replyOf(page, f, block);
      if (reply) {
        parent.reply = { ...reply, body: item.body, ...(item.author ? { author: item.author } : {}) };
        return;
      }
    }
    outItems.push(item);
    outBlocks.push(block);
  });
  return { items: outItems, blocks: outBlocks, notes: threadNotes(outBlocks) };
}
