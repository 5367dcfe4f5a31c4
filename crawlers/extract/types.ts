/**
 * What extraction strategies return. Every strategy is a pure function over a page's text
 * (HTML or XML) and its URL; the crawler runner decides what to store.
 */
import type { Rating } from '../../domain/types.js';

/** A review, comment or feed item as found on a page, before it becomes a stored document. */
export interface ExtractedItem {
  /** The id the site gives the item (JSON-LD @id, element id, feed guid…), when it exposes one. */
  siteId?: string;
  /** Author display name as shown on the page. */
  author?: string;
  /** Absolute URL of the author's profile page, when linked. */
  authorUrl?: string;
  /** Location shown beside the author, when shown. */
  authorLocation?: string;
  /** Rating with its scale. */
  rating?: Rating;
  /** Title or headline. */
  title?: string;
  /** The text itself (plain text, whitespace normalised). */
  body: string;
  /** Publication date as ISO 8601, when it could be parsed. */
  publishedAt?: string;
  /** Language declared for the item or page (BCP 47 / ISO 639-1). */
  lang?: string;
  /** Name of the reviewed item (product, recipe, business), when the page says. */
  itemName?: string;
  /** Absolute permalink of the item, when it has its own. */
  url?: string;
  /** For threaded comments: the parent item's siteId. */
  parentSiteId?: string;
  /** The business's reply to this review (owner, seller, developer), kept with it rather than as a review. */
  reply?: ExtractedReply;
}

/** Where an item came from (for `--explain`). */
export interface ItemOrigin {
  /** The strategy that found it first. */
  strategy?: StrategyName;
  /** A JSON path (`$.items[3].snippet`) or the CSS path of its block. */
  via?: string;
}

/** The reply of the business a review is about (owner, seller, developer, host). */
export interface ExtractedReply {
  /** The reply's text. */
  body: string;
  /** Who replied, as shown. */
  author?: string;
  /** When, as ISO 8601. */
  publishedAt?: string;
}

/** What one strategy found on a page, and why it took nothing when it did not (`--explain`). */
export interface StrategyTrace {
  /** The strategy. */
  strategy: StrategyName;
  /** Items it found. */
  items: number;
  /** What it looked at and why it took or left it ("3 JSON-LD blocks, no Review", "$.data.posts: 20 items"). */
  notes: string[];
}

/** An aggregate rating a page states for the reviewed item. */
export interface ExtractedAggregate {
  /** Average rating value. */
  ratingValue: number;
  /** Best value on the scale. */
  best: number;
  /** Worst value on the scale. */
  worst: number;
  /** Number of reviews the page says exist. */
  reviewCount?: number;
  /** Number of ratings the page says exist. */
  ratingCount?: number;
  /** Name of the rated item. */
  itemName?: string;
}

/** A reviewer profile page's facts. */
export interface ExtractedProfile {
  /** Display name. */
  name?: string;
  /** Stated location. */
  location?: string;
  /** Stated number of reviews. */
  reviewCount?: number;
  /** "Member since" text or date. */
  memberSince?: string;
  /** Reviews listed on the profile. */
  reviews: ExtractedItem[];
}

/** Name of an extraction strategy. */
export type StrategyName =
  | 'json-ld'
  | 'microdata'
  | 'rdfa'
  | 'embedded-json'
  | 'css-recipe'
  | 'auto-detect'
  | 'feed'
  | 'thread'
  | 'network-json'
  | 'json-document'
  | 'xml-data';

/** Everything extraction found on one page. */
export interface ExtractedPage {
  /** Reviews, comments or feed items found (deduplicated across strategies). */
  items: ExtractedItem[];
  /** Aggregate rating, when the page states one. */
  aggregate?: ExtractedAggregate;
  /** Absolute URLs of further pages of the same listing (next links, page-number links). */
  nextPages: string[];
  /** Absolute URLs of reviewer profile pages linked from the items. */
  profileLinks: string[];
  /** Profile facts, when the page is a reviewer profile. */
  profile?: ExtractedProfile;
  /** CSS selector of a "load more" button, when one was found or configured (browser crawls click it). */
  loadMoreSelector?: string;
  /** Strategies that yielded items, in the order tried. */
  strategies: StrategyName[];
  /** Whether the page looks like it holds reviews even if none were extracted (drives render: auto). */
  looksLikeReviews: boolean;
  /** Whether the page looks like a block, captcha or bot-check page. */
  blocked: boolean;
  /** JSON-LD blocks that could not be read (cut off or not JSON): reviews in them are missing. */
  unreadableJsonLd?: number;
  /** Problems reading the page that lose items (a malformed JSON document, data too large to read whole). */
  problems?: string[];
  /** Per strategy, what it found and why it took nothing (for `radar crawl --dry-run --explain`). */
  trace?: StrategyTrace[];
  /** Where each item came from, in the order of `items`. */
  origins?: (ItemOrigin | undefined)[];
}

/** A CSS-selector extraction recipe, as configured per source. */
export interface CssRecipe {
  /** Selector matching one element per review. */
  container: string;
  /** Selector (inside the container) of the author name. */
  author?: string;
  /** Selector of the author's profile link (its href is taken). */
  authorLink?: string;
  /** Selector of the author's location. */
  location?: string;
  /** How to read the rating. */
  rating?: {
    /** Selector of the rating element. */
    selector: string;
    /** Attribute to read instead of the text (e.g. "data-rating", "aria-label", "class"). */
    attribute?: string;
    /** Best value on the scale. */
    scale: number;
    /** "value" reads a number; "count" counts matching elements (one per filled star). */
    mode: 'value' | 'count';
  };
  /** Selector of the title. */
  title?: string;
  /** Selector of the body text. */
  body: string;
  /** How to read the date. */
  date?: {
    /** Selector of the date element. */
    selector: string;
    /** Attribute to read instead of the text (e.g. "datetime"). */
    attribute?: string;
    /** Expected format, e.g. "DD.MM.YYYY" or "MMMM D, YYYY"; ISO and common formats are tried anyway. */
    format?: string;
    /** Locale of month names, e.g. "de" or "ru". */
    locale?: string;
  };
  /** Selector of the next-page link. */
  nextPage?: string;
  /** Selector of a "load more" button (browser crawls). */
  loadMore?: string;
}

/** Options every strategy receives. */
export interface ExtractOptions {
  /** Absolute URL of the page (to resolve relative links). */
  url: string;
  /** Recipe from the source config, if any. */
  recipe?: CssRecipe;
  /** Reference time for relative dates such as "3 hours ago" (extension; defaults to now). */
  referenceDate?: Date | string;
}

/** What one strategy found on a page (extension: shared by the strategy functions). */
export interface StrategyResult {
  /** Items found. */
  items: ExtractedItem[];
  /** Aggregate rating, when the strategy found one. */
  aggregate?: ExtractedAggregate;
  /** Blocks of its kind on the page that could not be read (cut off or not JSON). */
  unreadable?: number;
  /** What it looked at and why it took or left it (for `--explain`). */
  notes?: string[];
  /** Whether its items are posts of a discussion (comments, answers), so more may be shown outside it. */
  discussion?: boolean;
}
