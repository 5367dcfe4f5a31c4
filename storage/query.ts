/**
 * Translation of a DocumentQuery into one Mongo-style filter. The MongoDB store hands it to the
 * driver; the embedded store evaluates the very same object with mingo. One translation, one meaning.
 */
import type { DocumentQuery } from './store.js';

/** A Mongo-style filter object. */
export type Filter = Record<string, unknown>;

/** Builds the filter for a document query. */
export function documentFilter(query: DocumentQuery = {}): Filter {
  const and: Filter[] = [];
  if (query.ids) and.push({ _id: { $in: query.ids } });
  if (query.kind) and.push({ kind: query.kind });
  if (query.brand) and.push({ $or: [{ brand: query.brand }, { brands: query.brand }] });
  if (query.product) and.push({ $or: [{ product: query.product }, { products: query.product }] });
  if (query.sourceId) and.push({ sourceId: query.sourceId });
  if (query.authorKey) and.push({ authorKey: query.authorKey });
  if (query.publishedFrom) and.push({ publishedAt: { $gte: query.publishedFrom } });
  if (query.publishedTo) and.push({ publishedAt: { $lt: query.publishedTo } });
  if (query.firstSeenBefore) and.push({ firstSeenAt: { $lt: query.firstSeenBefore } });
  if (!query.includeDuplicates) and.push({ dupOf: { $exists: false } });
  if (and.length === 0) return {};
  if (and.length === 1) return and[0]!;
  return { $and: and };
}

/** The sort specification for a find option. */
export function sortSpec(sort: 'publishedAt' | 'firstSeenAt' | '_id' = '_id'): Record<string, 1 | -1> {
  return sort === '_id' ? { _id: 1 } : { [sort]: -1, _id: 1 };
}
