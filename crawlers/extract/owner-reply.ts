/**
 * The business's reply inside a review block (owner, seller, developer, host, management): found
 * by how pages name it ("owner-response", "seller_reply", "developer-answer") or by how it opens
 * ("Response from the owner", "Antwort des Anbieters", "Ответ продавца", "商家回复"). It is kept as
 * the review's `reply`, never read as the review's text or as a review of its own.
 */
import { type AnyNode, descriptor, type Element, isElement, isSkipped, nodeText, type ParsedPage } from './dom.js';
import type { PageFeatures } from './features.js';
import { subtree } from './features.js';
import type { ExtractedReply } from './types.js';

const WHO =
  'owner|seller|merchant|business|developer|dev|vendor|management|manager|host|brand|company|shop|store|retailer|partner|hotel|restaurant|venue|official|staff|biz';
const NAMED = new RegExp(
  `(?:^|[\\s_-])(?:(?:${WHO})[-_]?(?:reply|replies|response|responses|comment|answer)|(?:reply|response|answer)[-_]?(?:from|by|of)?[-_]?(?:${WHO}))(?:$|[\\s_-]|\\d)`,
  'i',
);
// Openers of a business's reply, in the languages of the sites crawled.
const OPENER =
  /^(?:(?:response|reply|comment|answer)\s+(?:from|by)\s+(?:the\s+)?(?:owner|seller|business|developer|management|manager|host|shop|store|vendor|brand|company|hotel|restaurant|property|team)|(?:developer|owner|seller|business|management|host|store|shop)(?:'s)?\s+(?:response|reply)|antwort\s+(?:des|der|vom)\s+(?:inhabers?|anbieters?|verkäufers?|entwicklers?|gastgebers?|hotels?)|réponse\s+(?:du|de\s+la|de\s+l['’])\s*(?:propriétaire|vendeur|développeur|direction|établissement|hôte)|respuesta\s+(?:del|de\s+la)\s+(?:propietario|vendedor|desarrollador|dirección|establecimiento|anfitrión)|resposta\s+do\s+(?:proprietário|vendedor|desenvolvedor)|risposta\s+del(?:lo)?\s+(?:proprietario|venditore|sviluppatore|gestore)|ответ\s+(?:продавца|владельца|разработчика|магазина|администрации|компании)|(?:商家|卖家|店家|賣家|开发者|開發者|酒店|店主)(?:回复|回覆|回應)|پاسخ\s+(?:فروشنده|مدیر|توسعه‌دهنده))/i;

/** Whether an element is a business's reply (by its name, or by how its text opens); `f` gives descriptors already read. */
export function isOwnerReply(page: ParsedPage, el: Element, f?: PageFeatures): boolean {
  if (NAMED.test(f ? f.descriptor(el) : descriptor(el))) return true;
  // Most texts cannot open like a reply from their first letter: their lead is not read.
  const first = firstLetter(el);
  if (first === undefined || !OPENER_START.test(first)) return false;
  const lead = leadText(el, 80);
  return lead.length >= 8 && OPENER.test(lead) && nodeText(el, page).length >= 20;
}

// The characters an OPENER match can start with (the first letter of each of its alternatives),
// under the same case folding.
const OPENER_START = /^[rcadosbmhо商卖店賣开開酒پ]/i;

const NOT_SPACE = /\S/;

/** The first character of a node's text that is not whitespace (what its lead starts with). */
function firstLetter(n: AnyNode): string | undefined {
  if (n.type === 'text') {
    const data = (n as unknown as { data: string }).data;
    const at = data.search(NOT_SPACE);
    return at >= 0 ? data[at] : undefined;
  }
  if (!isElement(n) || isSkipped(n)) return undefined;
  const children = n.children;
  for (let i = 0; i < children.length; i++) {
    const found = firstLetter(children[i] as AnyNode);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The first characters of an element's text, without reading all of it. */
function leadText(el: Element, max: number): string {
  let s = '';
  const walk = (n: AnyNode): boolean => {
    if (n.type === 'text') {
      s += (n as unknown as { data: string }).data;
      return s.length < max * 2;
    }
    if (!isElement(n) || isSkipped(n)) return true;
    for (const c of n.children) if (!walk(c)) return false;
    return true;
  };
  walk(el);
  // Only the head of a long text is normalised; when the head's whitespace leaves too few
  // characters, the whole text is.
  if (s.length > 4 * max) {
    const head = s
      .slice(0, 4 * max)
      .replace(/\s+/g, ' ')
      .trimStart();
    if (head.length > max) return head.trimEnd().slice(0, max);
  }
  // Runs of whitespace become one space (a lone space is left as it is: no copy of a clean text).
  return s
    .replace(/ \s+|[^\S ]\s*/g, ' ')
    .trim()
    .slice(0, max);
}

/** The outermost business's reply inside a block, if it holds one. */
export function ownerReplyIn(page: ParsedPage, f: PageFeatures, block: Element): Element | undefined {
  const start = f.index.get(block);
  const end = f.end.get(block);
  if (start === undefined || end === undefined) return undefined;
  const most = (f.textLen.get(block) ?? 0) * 0.9;
  for (let i = start + 1; i < end; i++) {
    const el = f.order[i] as Element;
    const len = f.textLen.get(el) ?? 0;
    // Only blocks that do not hold the whole review: the reply sits beside the review's text.
    if (len < 20 || len > most) continue;
    if (isOwnerReply(page, el, f)) return el;
  }
  return undefined;
}

/** The reply's text (without its "Response from the owner" opener), who wrote it and when. */
export function replyOf(page: ParsedPage, f: PageFeatures, el: Element): ExtractedReply | undefined {
  let body = nodeText(el, page);
  let author: string | undefined;
  let publishedAt: string | undefined;
  for (const e of [el, ...subtree(f, el)]) {
    const a = f.author.get(e);
    const d = f.date.get(e);
    const t = nodeText(e, page);
    if (a && !author) {
      author = a.name;
      if (body.startsWith(t)) body = body.slice(t.length);
    }
    if (d && !publishedAt) {
      publishedAt = d;
      // The date line is part of the reply's header, not what it says.
      if (t.length <= 60) body = body.replace(t, '');
    }
  }
  const opener = OPENER.exec(body.trim());
  body = (opener ? body.trim().slice(opener[0].length) : body).replace(/^[\s:,.–—-]+/, '').trim();
  if (!body) return undefined;
  return { body, ...(author ? { author } : {}), ...(publishedAt ? { publishedAt } : {}) };
}
