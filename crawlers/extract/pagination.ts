/**
 * Pagination: further pages of the same listing, from `rel=next`, "Next"-like links in several
 * languages (›, », Weiter, Далее, 下一页…), and page-number links inside pagination containers or
 * with page-number URL patterns (`?page=N`, `/page/N`, `&p=N`, `start=N`).
 */
import {
  allElements,
  classTokens,
  descendants,
  elementsByTag,
  isElement,
  nodeText,
  resolveUrl,
  type Element,
  type ParsedPage,
} from './dom.js';

const NEXT_TEXT =
  /^(?:next|next page|next ›|next »|next >|›|»|>|>>|→|⟩|weiter|nächste|nächste seite|vor|далее|следующая|следующая страница|вперед|вперёд|下一页|下一頁|下页|次へ|次のページ|suivant|suivante|page suivante|siguiente|successivo|successiva|volgende|próxima|próximo|następna|dalej|sonraki|다음)\s*[›»>→]*$/i;
const NEXT_NAME = /(?:^|[\s_-])(?:next|pagination-next|page-next|nextpage|next-page|pager-next)(?:$|[\s_-])/i;
const PAGER_NAME = /pag(?:e|ing|ination|er)|page-?numbers|(?:^|[\s_-])nav(?:$|[\s_-])/i;
const PAGE_PARAM =
  /(?:[?&;](?:page|p|pg|pagenum|page_num|paged|pageNumber|pagina|seite|страница|start|offset|from|pagestart|[a-z]+_pagestart)=(\d+))|(?:\/(?:page|p|seite|страница)[/-](\d+))|(?:[-_]page[-_]?(\d+))/i;

function sameSite(a: string, b: string): boolean {
  try {
    const ha = new URL(a).hostname.replace(/^www\./, '');
    const hb = new URL(b).hostname.replace(/^www\./, '');
    return ha === hb;
  } catch {
    return false;
  }
}

function sameListing(url: string, current: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(current);
    if (a.hostname !== b.hostname) return false;
    if (pageNumberOf(url) !== undefined || a.pathname === b.pathname) return true;
    // "/Hotel-Reviews-or5-x.html" continues "/Hotel-Reviews-x.html"; "/another-post/" does not continue "/this-post/".
    let common = 0;
    while (common < a.pathname.length && a.pathname[common] === b.pathname[common]) common++;
    return common >= 0.6 * Math.max(a.pathname.length, b.pathname.length);
  } catch {
    return false;
  }
}

function inPager(el: Element): boolean {
  let cur: Element | null = el.parent && el.parent.type === 'tag' ? (el.parent as Element) : null;
  for (let i = 0; cur && i < 5; i++) {
    const named = `${cur.attribs.class ?? ''} ${cur.attribs.id ?? ''} ${cur.attribs.role ?? ''} ${cur.attribs['aria-label'] ?? ''}`;
    if (cur.name === 'nav' || PAGER_NAME.test(named)) return true;
    cur = cur.parent && cur.parent.type === 'tag' ? (cur.parent as Element) : null;
  }
  return false;
}

function insideLink(el: Element): boolean {
  for (let p = el.parent; p && p.type === 'tag'; p = p.parent) if ((p as Element).name === 'a') return true;
  return false;
}

/** Page number a URL points at, when it carries one in a common pattern. */
export function pageNumberOf(url: string): number | undefined {
  const m = PAGE_PARAM.exec(url);
  const n = m ? Number(m[1] ?? m[2] ?? m[3]) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** Whether a link or its parent is named as the "next" control. */
function namedNext(el: Element): boolean {
  const parentNamed = el.parent && el.parent.type === 'tag' ? `${(el.parent as Element).attribs.class ?? ''}` : '';
  return NEXT_NAME.test(`${classTokens(el).join(' ')} ${el.attribs.id ?? ''}`) || NEXT_NAME.test(parentNamed);
}

/** Absolute URLs of further pages of the listing: the next page first, then other page-number links. */
export function findNextPages(page: ParsedPage, extraSelectors: string[] = []): string[] {
  const { $ } = page;
  const current = page.url.replace(/#.*$/, '');
  const next: string[] = [];
  const numbered: { url: string; n: number }[] = [];
  // Links must continue this listing: blogs put "next post" links (even rel=next) on every page.
  const add = (list: string[], href: string | undefined, trusted = false): void => {
    const url = resolveUrl(href, page.url)?.replace(/#.*$/, '');
    if (url && url !== current && sameSite(url, page.url) && (trusted || sameListing(url, page.url)) && !list.includes(url)) list.push(url);
  };

  for (const sel of extraSelectors) {
    try {
      $(sel).each((_, el) => add(next, (isElement(el) ? el.attribs.href : undefined) ?? $(el).find('a[href]').attr('href'), true));
    } catch {
      // An invalid configured selector is reported by config validation, not here.
    }
  }
  for (const el of elementsByTag(page, 'link', 'a')) {
    if (/(?:^|\s)next(?:\s|$)/i.test(el.attribs.rel ?? '')) add(next, el.attribs.href, el.name === 'link');
  }

  for (const el of elementsByTag(page, 'a')) {
    if (!el.attribs.href) continue;
    const text = nodeText(el, page).replace(/\s+/g, ' ').trim();
    const label = (el.attribs['aria-label'] ?? el.attribs.title ?? '').trim();
    if (
      (text.length <= 30 && NEXT_TEXT.test(text)) ||
      (label.length <= 40 && /^(?:next|next page|weiter|nächste seite|далее|следующая|下一页|suivant|siguiente)\b/i.test(label)) ||
      // The names are read only for a short text (a long one is no "next" control whatever its class).
      (text.length <= 30 && namedNext(el))
    ) {
      // A bare ">" or "»" outside any pager is too often a carousel arrow.
      if (/^[>»›→⟩]+$/.test(text) && !inPager(el) && !PAGE_PARAM.test(el.attribs.href ?? '')) continue;
      add(next, el.attribs.href);
      continue;
    }
    if (/^\d{1,4}$/.test(text)) {
      const href = el.attribs.href ?? '';
      if (inPager(el) || PAGE_PARAM.test(href)) {
        const url = resolveUrl(href, page.url)?.replace(/#.*$/, '');
        if (url) numbered.push({ url, n: Number(text) });
      }
    }
  }

  // The current page's number is looked for (in the whole page) only when there are numbered links.
  const currentNumber = numbered.length ? currentPageNumber(page) : undefined;
  const out = [...next];
  for (const { url, n } of numbered.sort((a, b) => a.n - b.n)) {
    if (currentNumber !== undefined && n <= currentNumber) continue;
    add(out, url);
  }
  return out;
}

function currentPageNumber(page: ParsedPage): number | undefined {
  const marked = allElements(page)
    .filter(
      (el) =>
        el.attribs['aria-current'] === 'page' || /(?:^|\s)(?:current|active|selected|is-current)(?:\s|$)/.test(el.attribs.class ?? ''),
    )
    .map((el) => nodeText(el, page).trim())
    .find((t) => /^\d{1,4}$/.test(t));
  if (marked) return Number(marked);
  // A page number shown without a link inside the pager is the current page.
  for (const el of elementsByTag(page, 'span', 'em', 'strong', 'b', 'li')) {
    if (!inPager(el)) continue;
    const text = nodeText(el, page).trim();
    if (/^\d{1,4}$/.test(text) && !insideLink(el) && !descendants(el).some((d) => d.name === 'a')) return Number(text);
  }
  const fromUrl = pageNumberOf(page.url);
  return fromUrl === undefined ? 1 : fromUrl;
}
