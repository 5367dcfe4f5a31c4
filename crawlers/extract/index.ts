/**
 * Public API of the extraction strategies: what the crawler runner and the CLI preview import.
 * Every function here is pure over a page's text and URL.
 */
export { extractPage, mergeItems } from './extract-page.js';
export { decodeBody, sniffCharset } from './decode.js';
export { extractFeed, isFeed } from './feeds.js';
export { parsePage, type ParsedPage } from './dom.js';
export { extractJsonLd, fromSchemaObjects } from './json-ld.js';
export { extractMicrodata, extractRdfa, parseMicrodata, parseRdfa } from './microdata.js';
export { extractEmbeddedJson, reviewsFromData } from './embedded-json.js';
export { extractFromJson, type JsonContext, type JsonExtraction } from './json-items.js';
export { isDataDocument, readJsonDocument, readXmlDocument } from './data-documents.js';
export { originOf } from './provenance.js';
export { extractWithRecipe } from './css-recipe.js';
export { autoDetect } from './auto-detect.js';
export { extractThread } from './thread.js';
export { findNextPages } from './pagination.js';
export { isProfileUrl } from './profile-links.js';
export { detectProfile, findDomAggregate, findLoadMore, isBlockedPage, looksLikeReviewPage } from './page-signals.js';
export { parseDate, type DateOptions } from './dates.js';
export { makeRating, parseRatingText } from './ratings.js';
export { htmlToText } from './text.js';
export type * from './types.js';
