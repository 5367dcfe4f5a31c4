/** The shop's other pages: home, reviewer profiles, feed posts, the (robots-disallowed) checkout and 404. */
import type { DemoCatalog, DemoMention, DemoReview, DemoReviewer } from '../catalog-types.js';
import { average, dayMonthYear, esc, longDate, monthYear, page, starGlyphs } from './html.js';

/** Listing id of copy k of a product (k = 1 is the product itself). */
export function listingId(productId: string, k: number): string {
  return k <= 1 ? productId : `${productId}--${k}`;
}

/** The home page: every brand and its products; benchmark copies when scale > 1. */
export function homePage(catalog: DemoCatalog, scale: number): string {
  const brands = catalog.brands
    .map((b) => {
      const products = catalog.products
        .filter((p) => p.brandId === b.id)
        .map((p) => {
          const ratings = catalog.reviews.filter((r) => r.productId === p.id).map((r) => r.rating);
          return `<li class="product"><a href="/products/${p.id}">${esc(p.name)}</a> · €${p.price.toFixed(2)} · ${average(ratings).toFixed(1)} ★ (${ratings.length} reviews)</li>`;
        })
        .join('\n    ');
      return `<section class="brand" id="brand-${b.id}">
  <h2>${esc(b.name)}</h2>
  <p>${esc(b.tagline)}</p>
  <ul>
    ${products}
  </ul>
</section>`;
    })
    .join('\n');
  let copies = '';
  if (scale > 1) {
    const links: string[] = [];
    for (let k = 2; k <= scale; k++) {
      for (const p of catalog.products) links.push(`<li><a href="/products/${listingId(p.id, k)}">${esc(p.name)} (listing ${k})</a></li>`);
    }
    copies = `<section class="more-listings"><h2>More listings</h2><ul>\n${links.join('\n')}\n</ul></section>`;
  }
  const body = `<h1>Bean &amp; Boiler: home coffee gear</h1>
<p>Kettles, grinders, espresso machines and milk frothers from three brands, with honest reviews from our customers.
Read what people say in our <a href="/feed.rss">community feed</a>.</p>
<div id="brands">
${brands}
</div>
${copies}`;
  return page({ title: 'Home coffee gear', body });
}

/** A reviewer's profile: name, location, member since, review count and every review. */
export function profilePage(catalog: DemoCatalog, reviewer: DemoReviewer, reviews: DemoReview[]): string {
  const items = reviews
    .map((r) => {
      const p = catalog.products.find((x) => x.id === r.productId)!;
      return `<article class="profile-review" id="review-${r.id}"${r.lang === 'en' ? '' : ` lang="${r.lang}"`}>
  <p class="reviewed-product"><a href="/products/${p.id}">${esc(p.name)}</a></p>
  <p><span class="rating" aria-label="${r.rating} out of 5 stars">${starGlyphs(r.rating)}</span> <time datetime="${r.datePublished}">${longDate(r.datePublished)}</time></p>
  <h3>${esc(r.title)}</h3>
  <p class="text">${esc(r.body)}</p>
</article>`;
    })
    .join('\n');
  const body = `<section class="profile">
<h1 class="display-name">${esc(reviewer.name)}</h1>
<dl class="profile-facts">
  <dt>Location</dt><dd class="location">${esc(reviewer.location.city)}, ${esc(reviewer.location.country)}</dd>
  <dt>Member since</dt><dd class="member-since">${monthYear(reviewer.memberSince)}</dd>
  <dt>Reviews</dt><dd class="review-count">${reviews.length}</dd>
</dl>
</section>
<h2>Reviews by ${esc(reviewer.name)}</h2>
${items}`;
  return page({
    title: `${reviewer.name}'s profile`,
    body,
    css: '.profile-facts dt{font-weight:600}.profile-review{border-top:1px solid #e6ddd2;padding:.5rem 0}',
  });
}

/** A feed post's permalink page. */
export function mentionPage(m: DemoMention): string {
  const body = `<article class="post"${m.lang === 'en' ? '' : ` lang="${m.lang}"`}>
  <p class="post-author">${esc(m.author)}</p>
  <time datetime="${m.publishedAt}">${dayMonthYear(m.publishedAt)}</time>
  <p class="post-text">${esc(m.text)}</p>
</article>
<p><a href="/feed.rss">Back to the feed</a></p>`;
  return page({ title: `Post by ${m.author}`, body });
}

/** The basket page; robots.txt disallows /checkout/, so a polite crawler never sees it. */
export function checkoutPage(): string {
  return page({
    title: 'Your basket',
    body: '<h1>Your basket</h1><p>This demo shop sells nothing. Crawlers should never reach this page: robots.txt disallows it.</p>',
  });
}

/** The 404 page. */
export function notFoundPage(path: string): string {
  return page({
    title: 'Page not found',
    body: `<h1>Page not found</h1><p>There is no page at <code>${esc(path)}</code>. <a href="/">Back to the shop</a>.</p>`,
  });
}
