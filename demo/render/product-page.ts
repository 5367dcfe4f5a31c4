/**
 * Product and review-list pages. Each brand presents reviews its own way, as real shops do:
 * Copperleaf with schema.org JSON-LD plus visible HTML, Nordbrew with plain review cards, Vantio with
 * comment lists — and one Vantio product whose reviews only a script draws.
 */
import type { DemoBrand, DemoCatalog, DemoProduct, DemoReview, DemoReviewer } from '../catalog-types.js';
import { average, dayMonthYear, esc, longDate, page, shortDate, starGlyphs } from './html.js';

/** What a product page needs: the product, the listing it is shown under, and one page of reviews. */
export interface ProductPageInput {
  /** The whole catalogue. */
  catalog: DemoCatalog;
  /** The product. */
  product: DemoProduct;
  /** Its brand. */
  brand: DemoBrand;
  /** Listing id in the URL: the product id, or `{id}--{k}` for benchmark copies. */
  listing: string;
  /** All the product's reviews, newest first. */
  reviews: DemoReview[];
  /** 1-based page number. */
  pageNo: number;
  /** Base URL for absolute links in JSON-LD (no trailing slash). */
  origin: string;
}

/** URL path of a review page of a listing. */
export function reviewPagePath(listing: string, pageNo: number): string {
  return pageNo <= 1 ? `/products/${listing}` : `/products/${listing}/reviews?page=${pageNo}`;
}

/** Path of the JSON review API the script product uses. */
export function reviewApiPath(listing: string, pageNo: number): string {
  return `/api/products/${listing}/reviews?page=${pageNo}`;
}

function reviewerOf(catalog: DemoCatalog, id: string): DemoReviewer {
  return catalog.reviewers.find((r) => r.id === id)!;
}

function langAttr(r: DemoReview): string {
  return r.lang === 'en' ? '' : ` lang="${r.lang}"`;
}

/** One page of reviews out of the newest-first list. */
export function pageSlice(reviews: DemoReview[], pageNo: number, perPage: number): DemoReview[] {
  return reviews.slice((pageNo - 1) * perPage, pageNo * perPage);
}

function jsonLd(input: ProductPageInput, shown: DemoReview[]): string {
  const { catalog, product, brand, reviews, origin, listing } = input;
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.name,
    sku: product.id,
    description: product.description,
    url: `${origin}/products/${listing}`,
    brand: { '@type': 'Brand', name: brand.name },
    offers: { '@type': 'Offer', price: product.price.toFixed(2), priceCurrency: 'EUR', availability: 'https://schema.org/InStock' },
    aggregateRating: {
      '@type': 'AggregateRating',
      ratingValue: average(reviews.map((r) => r.rating)),
      reviewCount: reviews.length,
      bestRating: 5,
      worstRating: 1,
    },
    review: shown.map((r) => {
      const who = reviewerOf(catalog, r.reviewerId);
      return {
        '@type': 'Review',
        '@id': `${origin}${reviewPagePath(listing, input.pageNo)}#review-${r.id}`,
        author: { '@type': 'Person', name: who.name, url: `${origin}/reviewers/${who.id}` },
        datePublished: r.datePublished,
        inLanguage: r.lang,
        name: r.title,
        reviewBody: r.body,
        reviewRating: { '@type': 'Rating', ratingValue: r.rating, bestRating: 5, worstRating: 1 },
      };
    }),
  };
  // "</script>" inside a review must not end the script element.
  return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}

function copperleafReviews(catalog: DemoCatalog, shown: DemoReview[]): string {
  return shown
    .map((r) => {
      const who = reviewerOf(catalog, r.reviewerId);
      return `<article class="cl-review" id="review-${r.id}"${langAttr(r)}>
  <div class="cl-rating" title="${r.rating} out of 5">Rated <b>${r.rating}</b> out of 5</div>
  <h3 class="cl-title">${esc(r.title)}</h3>
  <p class="cl-meta">By <a href="/reviewers/${who.id}">${esc(who.name)}</a> on <time datetime="${r.datePublished}">${longDate(r.datePublished)}</time></p>
  <p class="cl-body">${esc(r.body)}</p>
</article>`;
    })
    .join('\n');
}

function nordbrewCards(catalog: DemoCatalog, shown: DemoReview[]): string {
  return shown
    .map((r) => {
      const who = reviewerOf(catalog, r.reviewerId);
      return `<div class="review-card" id="r-${r.id}"${langAttr(r)}>
  <span class="stars" aria-label="${r.rating} out of 5 stars">${starGlyphs(r.rating)}</span>
  <h3>${esc(r.title)}</h3>
  <div class="byline"><a class="reviewer" href="/reviewers/${who.id}">${esc(who.name)}</a> <span class="reviewer-location">${esc(who.location.city)}, ${esc(who.location.country)}</span> · <time datetime="${r.datePublished}">${shortDate(r.datePublished)}</time></div>
  <p>${esc(r.body)}</p>
</div>`;
    })
    .join('\n');
}

function vantioComments(catalog: DemoCatalog, shown: DemoReview[]): string {
  const items = shown
    .map((r) => {
      const who = reviewerOf(catalog, r.reviewerId);
      return `<li class="comment" id="comment-${r.id}"${langAttr(r)}>
    <div class="comment-head"><a class="user" href="/reviewers/${who.id}">${esc(who.name)}</a> <span class="rated">Rated ${r.rating}/5</span> <span class="when">${dayMonthYear(r.datePublished)}</span></div>
    <strong class="comment-title">${esc(r.title)}</strong>
    <div class="comment-text">${esc(r.body)}</div>
  </li>`;
    })
    .join('\n  ');
  return `<ul class="comments">\n  ${items}\n</ul>`;
}

function pagination(input: ProductPageInput, pages: number): string {
  if (pages <= 1) return '';
  const { listing, pageNo, brand } = input;
  const links: string[] = [];
  for (let n = 1; n <= pages; n++) {
    links.push(n === pageNo ? `<span class="current" aria-current="page">${n}</span>` : `<a href="${reviewPagePath(listing, n)}">${n}</a>`);
  }
  const prev = pageNo > 1 ? `<a rel="prev" href="${reviewPagePath(listing, pageNo - 1)}">‹ Previous</a>` : '';
  const next = pageNo < pages ? `<a rel="next" href="${reviewPagePath(listing, pageNo + 1)}">Next ›</a>` : '';
  if (brand.id === 'vantio') {
    const older = pageNo < pages ? ` <a rel="next" href="${reviewPagePath(listing, pageNo + 1)}">Older comments »</a>` : '';
    return `<p class="page-links">Pages: ${links.join(' ')}${older}</p>`;
  }
  if (brand.id === 'nordbrew')
    return `<div class="pager">${prev} ${links.join(' ')} ${next.replace('rel="next"', 'rel="next" class="next"')}</div>`;
  return `<nav class="pagination" aria-label="Review pages">${prev} ${links.join(' ')} ${next}</nav>`;
}

const FORMAT_CSS = `
.cl-review,.review-card,.comment,.vt-review{background:#fff;border:1px solid #e6ddd2;border-radius:6px;padding:.8rem 1rem;margin:.8rem 0}
.stars,.vt-stars{color:#c98a1b;letter-spacing:.1em}
.comments{list-style:none;padding:0}
.comment-head,.byline,.cl-meta{color:#666;font-size:.9rem}
.loading{color:#888;font-style:italic}
`;

/** A product page (page 1) or one of its further review pages. */
export function productPage(input: ProductPageInput): string {
  const { catalog, product, brand, reviews, listing, pageNo, origin } = input;
  const perPage = catalog.reviewsPerPage;
  const pages = Math.max(1, Math.ceil(reviews.length / perPage));
  const shown = pageSlice(reviews, pageNo, perPage);
  const avg = average(reviews.map((r) => r.rating));
  const heading = pageNo > 1 ? `Reviews of ${product.name}, page ${pageNo}` : product.name;

  let list: string;
  if (product.format === 'json-ld') list = copperleafReviews(catalog, shown);
  else if (product.format === 'cards') list = nordbrewCards(catalog, shown);
  else if (product.format === 'comments') list = vantioComments(catalog, shown);
  else
    list = `<div id="reviews" class="vt-reviews" data-api="/api/products/${esc(listing)}/reviews"><p class="loading">Loading reviews…</p></div>
<button class="load-more" type="button" hidden>Load more reviews</button>
<noscript><p>Reviews need JavaScript.</p></noscript>`;

  const head = [
    `<link rel="canonical" href="${origin}${reviewPagePath(listing, pageNo)}">`,
    product.format !== 'script' && pageNo < pages ? `<link rel="next" href="${reviewPagePath(listing, pageNo + 1)}">` : '',
    product.format === 'json-ld' ? jsonLd(input, shown) : '',
    product.format === 'script' ? '<script src="/static/vantio-reviews.js" defer></script>' : '',
  ]
    .filter(Boolean)
    .join('\n');

  const body = `<p class="breadcrumb"><a href="/">Home</a> › <a href="/#brand-${brand.id}">${esc(brand.name)}</a> › <a href="/products/${esc(listing)}">${esc(product.name)}</a></p>
<h1>${esc(heading)}</h1>
<p class="brand">by <strong>${esc(brand.name)}</strong></p>
<p class="price">€${product.price.toFixed(2)}</p>
<p class="summary"><span class="avg">${avg.toFixed(1)}</span> out of 5 · <span class="count">${reviews.length}</span> reviews</p>
${pageNo === 1 ? `<p class="description">${esc(product.description)}</p>` : ''}
<p><a class="button" href="/checkout/add?product=${esc(listing)}">Add to basket</a> <a href="/checkout/wishlist?product=${esc(listing)}">Save for later</a></p>
<section class="reviews">
<h2>Customer reviews</h2>
${list}
${product.format === 'script' ? '' : pagination(input, pages)}
</section>`;
  return page({ title: heading, body, head, css: FORMAT_CSS });
}

/** One page of the JSON review API (for the script-rendered product, and any other). */
export function reviewApiPage(input: ProductPageInput): unknown {
  const { catalog, reviews, pageNo, listing } = input;
  const perPage = catalog.reviewsPerPage;
  const pages = Math.max(1, Math.ceil(reviews.length / perPage));
  return {
    product: listing,
    page: pageNo,
    pages,
    total: reviews.length,
    next: pageNo < pages ? reviewApiPath(listing, pageNo + 1) : null,
    reviews: pageSlice(reviews, pageNo, perPage).map((r) => {
      const who = reviewerOf(catalog, r.reviewerId);
      return {
        id: r.id,
        author: { name: who.name, url: `/reviewers/${who.id}` },
        rating: r.rating,
        title: r.title,
        body: r.body,
        date: r.datePublished,
        lang: r.lang,
      };
    }),
  };
}
