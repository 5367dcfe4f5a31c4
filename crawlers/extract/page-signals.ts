/**
 * Page-level signals: block/captcha pages, pages that look like they hold reviews although nothing
 * was extracted (the cue to retry in a browser), reviewer profile facts, and "load more" buttons.
 */
import { allElements, bodyOf, bodyElements, contains, elementsByTag, nodeText, selectorFor, type Element, type ParsedPage } from './dom.js';
import { isProfileUrl } from './profile-links.js';
import { parseRatingText, ratingFromElement } from './ratings.js';
import { parseNumber } from './text.js';
import type { ExtractedAggregate, ExtractedItem, ExtractedProfile } from './types.js';

const BLOCK_TITLE =
  /^(?:just a moment\.*|attention required!?.*cloudflare.*|access denied|access to this page has been denied\.?|robot check|are you a robot\??|security check|pardon our interruption|403 forbidden|forbidden|request blocked|you have been blocked|bot verification|human verification|verify you are human|checking your browser.*|ddos-guard|доступ (?:запрещ[её]н|ограничен)|проверка безопасности|вы не робот\??|安全验证|验证码|访问被拒绝|人机验证)$/i;
const BLOCK_TEXT =
  /(?:verify (?:that )?you are (?:a )?human|are you a robot|i(?:'|’)?m not a robot|complete the security check|checking (?:if the site connection is secure|your browser before accessing)|enable javascript and cookies to continue|unusual traffic from your (?:computer )?network|press (?:&|and) hold|type the characters you see in this image|sorry, we just need to make sure you(?:'|’)re not a robot|access to this page has been denied|you don(?:'|’)t have permission to access|request unsuccessful\. incapsula|подтвердите, что вы не робот|мы зафиксировали подозрительный трафик|请输入验证码|请完成安全验证|访问过于频繁)/i;
const BLOCK_MARKUP =
  '#challenge-form, #challenge-running, #cf-challenge-running, .cf-browser-verification, #px-captcha, #captcha-container, form[action*="captcha" i], form[action*="validateCaptcha" i], iframe[src*="captcha-delivery" i], .g-recaptcha, .h-captcha, #distilIdentificationBlock, [data-translate="checking_browser"]';

/** Whether the page is a block, captcha or bot-check page rather than content. */
export function isBlockedPage(page: ParsedPage): boolean {
  const { $ } = page;
  const titleEl = elementsByTag(page, 'title')[0];
  const title = titleEl ? nodeText(titleEl).replace(/\s+/g, ' ').trim() : '';
  const body = bodyOf(page);
  const textLength = body ? nodeText(body, page).length : 0;
  // Real pages sometimes embed a captcha in a comment form; a block page has little else on it.
  if (textLength > 6000) return false;
  if (BLOCK_TITLE.test(title)) return true;
  const text = body ? nodeText(body, page).slice(0, 6000) : '';
  if (BLOCK_TEXT.test(text) || BLOCK_TEXT.test(title)) return true;
  try {
    if ($(BLOCK_MARKUP).length > 0 && textLength < 1500) return true;
  } catch {
    // selector support differs between engines; the text tests above still apply
  }
  return false;
}

const REVIEW_WORD =
  /(?:^|[^\p{L}])(?:reviews?|ratings?|customer reviews|testimonials|bewertungen|rezensionen|kundenrezensionen|erfahrungen|отзывы|отзывов|отзыва|рецензии|评论|評論|评价|評價|口コミ|レビュー|avis|opiniones|reseñas|valoraciones|recensioni|beoordelingen|recenzje|opinie|değerlendirmeler|리뷰)(?:$|[^\p{L}])/iu;
const REVIEW_COUNT =
  /\b\d[\d,.\s]*\s*(?:reviews?|ratings?|global ratings|customer reviews|bewertungen|rezensionen|отзыв\S*|оцен\S*|avis|opiniones|reseñas|recensioni)\b|\d+\s*(?:条评论|條評論|条评价|件のレビュー|件の口コミ)|based on \d/iu;
const LOADING_REVIEWS =
  /(?:loading|load) (?:more )?(?:reviews|ratings|comments)|bewertungen werden geladen|загрузка отзывов|加载评论|评论加载中|chargement des avis|cargando (?:opiniones|reseñas)/i;

/** Whether the page looks like it holds reviews: headings, review containers, review counts, loading placeholders. */
export function looksLikeReviewPage(page: ParsedPage): boolean {
  const body = bodyOf(page);
  if (!body) return false;
  const elements = bodyElements(page);
  for (const el of elements) {
    const role = el.attribs.role;
    if (!/^(?:h[1-4]|button|legend)$/.test(el.name) && role !== 'heading' && role !== 'tab') continue;
    const text = nodeText(el, page);
    if (text.length <= 80 && REVIEW_WORD.test(text)) return true;
  }
  for (const el of elements) {
    const prop = el.attribs.itemprop;
    if (prop === 'review' || prop === 'aggregateRating' || /Review/.test(el.attribs.typeof ?? '')) return true;
  }
  for (const el of elements) {
    const named = `${el.attribs.id ?? ''} ${el.attribs.class ?? ''} ${el.attribs['data-hook'] ?? ''} ${el.attribs['data-testid'] ?? ''}`;
    if (
      /(?:^|[\s_-])(?:reviews?|user-?reviews?|customer-?reviews?|review-?list|reviews?-?(?:container|section|widget|list)|ratings-?reviews|comments?-?(?:list|section)|testimonials|bewertungen|otzyvy|feedbacks?)(?:$|[\s_-])/i.test(
        named,
      )
    ) {
      return true;
    }
  }
  const text = nodeText(body, page);
  return REVIEW_COUNT.test(text) || LOADING_REVIEWS.test(text);
}

// Reviewer (not product-author) profile containers: "user-profile_info", "member-details", "profile-header".
const PROFILE_BOX =
  /(?:user|member|reviewer)[-_]?(?:profile|info|details|card|header|bio|summary|overview)|profile[-_]?(?:info|header|details|summary|overview|main)/i;
const MEMBER_SINCE =
  /(?:member since|joined(?: in| on)?|yelping since|reviewer since|mitglied seit|dabei seit|registriert seit|на сайте с|с нами с|зарегистрирован\S*|membre depuis|miembro desde|注册于|加入于)\s*:?\s*([^\n|•·]{3,40})/i;

/** Profile facts when the page is a reviewer profile; the profile's reviews are the extracted items. */
export function detectProfile(page: ParsedPage, items: ExtractedItem[]): ExtractedProfile | undefined {
  const { $ } = page;
  let box: Element | undefined;
  const body = bodyOf(page);
  if (!body) return undefined;
  const h1s = elementsByTag(page, 'h1');
  const elements = bodyElements(page);
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i] as Element;
    // Only an id or a class can name a profile box: most elements have neither.
    if (el.attribs.id === undefined && el.attribs.class === undefined) continue;
    const named = `${el.attribs.id ?? ''} ${el.attribs.class ?? ''}`;
    if (PROFILE_BOX.test(named) && h1s.some((h) => contains(el, h)) && nodeText(el, page).length < 3000) {
      box = el;
      break;
    }
  }
  if (!box && !isProfileUrl(page.url)) return undefined;
  const scope = box ? $(box) : $(body);
  const name = nodeText(scope.find('h1').first().get(0) ?? scope.find('h2').first().get(0) ?? body, page)
    .split('\n')[0]
    ?.trim();
  if (!name || name.length > 80) return undefined;
  const profile: ExtractedProfile = { name, reviews: items };
  const locationEl = scope
    .find(
      '[class*="location" i], [class*="hometown" i], [itemprop="homeLocation"], [itemprop="address"], [class*="city" i], [class*="country" i]',
    )
    .toArray()
    .find((el) => {
      const t = nodeText(el, page);
      return t.length >= 2 && t.length <= 80;
    });
  if (locationEl) profile.location = nodeText(locationEl, page).replace(/\n/g, ', ');
  const countEl = scope
    .find(
      '[class*="review-count" i], [class*="reviewcount" i], [class*="reviews-count" i], [class*="review_count" i], [data-testid*="review-count" i]',
    )
    .get(0);
  const countText = countEl ? nodeText(countEl, page) : undefined;
  let reviewCount = countText ? parseNumber(countText) : undefined;
  if (reviewCount === undefined) {
    const m = /(\d[\d,.]*)\s*(?:reviews?|bewertungen|rezensionen|отзыв\S*|avis|reseñas|条评论|件のレビュー)/i.exec(
      nodeText(scope.get(0) ?? body, page),
    );
    if (m) reviewCount = parseNumber(m[1]);
  }
  if (reviewCount !== undefined && Number.isInteger(reviewCount)) profile.reviewCount = reviewCount;
  const since = MEMBER_SINCE.exec(nodeText(scope.get(0) ?? body, page)) ?? MEMBER_SINCE.exec(nodeText(body, page));
  if (since?.[1]) profile.memberSince = since[1].trim();
  return profile;
}

const LOAD_MORE =
  /^(?:(?:load|show|see|view) more(?: reviews| comments| ratings| results)?|(?:load|show|see|view) all (?:reviews|comments|ratings)|more reviews|mehr (?:anzeigen|laden|bewertungen(?: anzeigen| laden)?)|weitere bewertungen(?: anzeigen| laden)?|alle bewertungen anzeigen|показать (?:ещё|еще|больше)(?: отзывы| отзывов)?|загрузить (?:ещё|еще)|ещё отзывы|加载更多|查看更多|更多评论|voir plus(?: d'avis)?|cargar más|ver más(?: opiniones| reseñas)?|mostra (?:altro|altri)|もっと見る)$/i;

/** A CSS selector for the page's "load more" button, when it has one. */
export function findLoadMore(page: ParsedPage): string | undefined {
  // One pass in document order (no list of the page's controls built first).
  const all = allElements(page);
  for (let i = 0; i < all.length; i++) {
    const b = all[i] as Element;
    const control =
      b.name === 'button' ||
      b.name === 'a' ||
      b.attribs.role === 'button' ||
      (b.name === 'input' && /^(?:button|submit)$/i.test(b.attribs.type ?? ''));
    if (control && isLoadMore(page, b)) return selectorFor(b);
  }
  return undefined;
}

function isLoadMore(page: ParsedPage, b: Element): boolean {
  const text = (nodeText(b, page) || b.attribs.value || b.attribs['aria-label'] || '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.…›»]+$/, '')
    .trim();
  if (text.length > 60 || !LOAD_MORE.test(text)) return false;
  // A link to a real page is pagination, not a button a browser must click.
  const href = b.attribs.href;
  return !(b.name === 'a' && href && !href.startsWith('#') && !/^javascript:/i.test(href));
}

const AGGREGATE_NAME = /average|overall|aggregate|(?:^|[\s_-])avg|rating-?summary|summary-?rating|total-?rating|rating-?overview/i;
const COUNT_TEXT =
  /(\d[\d,.\u00a0\u202f ]*)\s*(global ratings|ratings?|customer reviews|reviews?|bewertungen|rezensionen|sternebewertungen|отзыв\S*|оцен\S*|avis|reseñas|valoraciones|recensioni|条评论|條評論|件のレビュー)/i;

/** An aggregate rating shown in the page's markup (e.g. "4.4 out of 5 stars · 16 global ratings"), when no structured data states one. */
export function findDomAggregate(page: ParsedPage): ExtractedAggregate | undefined {
  const body = bodyOf(page);
  if (!body) return undefined;
  const elements = bodyElements(page);
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i] as Element;
    const a = el.attribs;
    // Only these attributes can name an aggregate: most elements have none of them.
    if (a.class === undefined && a.id === undefined && a['data-hook'] === undefined && a['data-testid'] === undefined) continue;
    const named = `${a.class ?? ''} ${a.id ?? ''} ${a['data-hook'] ?? ''} ${a['data-testid'] ?? ''}`;
    if (!AGGREGATE_NAME.test(named)) continue;
    const text = nodeText(el, page);
    if (text.length > 120) continue;
    const rating = parseRatingText(text) ?? ratingFromElement(el, text);
    if (!rating) continue;
    const agg: ExtractedAggregate = { ratingValue: rating.value, best: rating.best, worst: rating.worst };
    // The count sits next to the stars: look in the nearest ancestors with little text.
    let cur = el.parent;
    for (let i = 0; cur && cur.type === 'tag' && i < 5; i++, cur = cur.parent) {
      const around = nodeText(cur as Element, page);
      if (around.length > 3000) break;
      const m = COUNT_TEXT.exec(around);
      const n = m ? parseNumber(m[1]) : undefined;
      if (m && n !== undefined && Number.isInteger(n)) {
        if (/rating|bewertung|оцен|valoracion/i.test(m[2] ?? '')) agg.ratingCount = n;
        else agg.reviewCount = n;
        break;
      }
    }
    return agg;
  }
  return undefined;
}
