/**
 * The demo shop's ground truth: brands, products, reviewers, reviews and feed posts. Built once from
 * the hand-written content in ./content with a seeded PRNG, so tests can compare crawl results with it.
 */
import { buildCatalog } from './content/build.js';
import type { DemoCatalog, DemoReview } from './catalog-types.js';

/** The catalogue types, re-exported so callers need one import. */
export type * from './catalog-types.js';

let cached: DemoCatalog | undefined;

/** The demo catalogue (built on first use, then shared: treat it as read-only). */
export function demoCatalog(): DemoCatalog {
  cached ??= buildCatalog();
  return cached;
}

/** A product's reviews as its pages list them: newest first. */
export function reviewsOfProduct(catalog: DemoCatalog, productId: string): DemoReview[] {
  return catalog.reviews
    .filter((r) => r.productId === productId)
    .sort((a, b) => b.datePublished.localeCompare(a.datePublished) || a.id.localeCompare(b.id));
}

/** A reviewer's reviews as their profile lists them: newest first. */
export function reviewsOfReviewer(catalog: DemoCatalog, reviewerId: string): DemoReview[] {
  return catalog.reviews.filter((r) => r.reviewerId === reviewerId).sort((a, b) => b.datePublished.localeCompare(a.datePublished));
}

/** Number of review pages a product has. */
export function pageCount(catalog: DemoCatalog, productId: string): number {
  return Math.max(1, Math.ceil(catalog.reviews.filter((r) => r.productId === productId).length / catalog.reviewsPerPage));
}
