/**
 * Shared types of Review Radar: the one data model that flows from crawlers through storage and
 * analyzers to reports. Types only — no behaviour lives here.
 */
import type { ErrorKind } from './errors.js';

/** What a stored text is: a product review, or a social mention / discussion post. */
export type DocumentKind = 'review' | 'mention';

/** How a document reached the store. */
export type DocumentOrigin = 'crawl' | 'import';

/** A rating together with the scale it was given on (e.g. 4 of 5, or 8 of 10). */
export interface Rating {
  /** The value the reviewer gave. */
  value: number;
  /** The best value on the scale (5 for five stars). */
  best: number;
  /** The worst value on the scale (usually 1, sometimes 0). */
  worst: number;
}

/** The business's reply to a review, as the page shows it. */
export interface BusinessReply {
  /** The reply's text (PII redacted like review text). */
  body: string;
  /** When it was written (ISO 8601), when shown. */
  publishedAt?: string;
  /** Who replied, as shown — kept only with privacy.storeAuthorNames. */
  author?: string;
}

/** A review or mention as the store keeps it: one per (source, site key), upserted idempotently. */
export interface RadarDocument {
  /** Stable key: hash of the source id and the review's identity on its site. */
  _id: string;
  /** Review or mention. */
  kind: DocumentKind;
  /** Crawled or imported. */
  origin: DocumentOrigin;
  /** Configured source id (or the import's pseudo-source id). */
  sourceId: string;
  /** Brand id this document is about (reviews: the source's brand; mentions: the first brand named). */
  brand?: string;
  /** Every brand id a mention names. */
  brands?: string[];
  /** Product id, when known. */
  product?: string;
  /** Every product id a mention names. */
  products?: string[];
  /** URL of the page the document was found on (or a permalink to it). */
  url: string;
  /** The id the site itself gives this review, when it exposes one. */
  siteId?: string;
  /** Pseudonymous author key: a salted hash, never the name itself. */
  authorKey?: string;
  /** Display name — stored only when `privacy.storeAuthorNames` is on. */
  authorName?: string;
  /** Star or score rating with its scale. */
  rating?: Rating;
  /** Review title. */
  title?: string;
  /** The text, PII-redacted. */
  body: string;
  /** Language the page declares for the document (the detected one lives in the analysis). */
  lang?: string;
  /** When the author published it (ISO 8601), when known. */
  publishedAt?: string;
  /** When it was last fetched (ISO 8601). */
  fetchedAt: string;
  /** When it was first stored (ISO 8601); kept across updates. */
  firstSeenAt: string;
  /** When its content last changed (ISO 8601). */
  updatedAt?: string;
  /** Hash of the normalised title, body and rating: changes when the review is edited. */
  contentHash: string;
  /** Hash of the normalised body alone: the same review seen on two sources shares it. */
  textKey: string;
  /** For replies in a discussion thread: the parent document's id. */
  parentId?: string;
  /** The business's answer to this review (owner, seller, developer), kept with it rather than as a review. */
  reply?: BusinessReply;
  /** Set when this is the same review as another stored document (from another source). */
  dupOf?: string;
  /** The crawl run that last wrote it. */
  runId?: string;
}

/** What the store knows about a reviewer, keyed by the pseudonymous author key. */
export interface Author {
  /** The pseudonymous author key. */
  _id: string;
  /** Host name of the site the profile belongs to. */
  site: string;
  /** Display name — only when `privacy.storeAuthorNames` is on. */
  displayName?: string;
  /** Location the reviewer states on their profile. */
  location?: string;
  /** Number of reviews the profile says the reviewer wrote. */
  reviewCount?: number;
  /** "Member since" as the profile states it. */
  memberSince?: string;
  /** Profile page URL — only when `privacy.storeAuthorNames` is on (it names the person as much as a display name). */
  profileUrl?: string;
  /** When the profile was first stored (ISO 8601). */
  firstSeenAt: string;
  /** When the profile was last updated (ISO 8601). */
  updatedAt: string;
}

/** Sentiment polarity label. */
export type Polarity = 'positive' | 'neutral' | 'negative';

/** A sentiment verdict: label, score in [-1, 1] and confidence in [0, 1]. */
export interface Sentiment {
  /** positive, neutral or negative. */
  label: Polarity;
  /** Score in [-1, 1]. */
  score: number;
  /** How sure the analyzer is, in [0, 1]. */
  confidence: number;
}

/** One sentence of a document with its own sentiment. */
export interface SentenceAnalysis {
  /** Character offset where the sentence starts in the analysed text. */
  start: number;
  /** Character offset just after the sentence ends. */
  end: number;
  /** The sentence's sentiment. */
  sentiment: Sentiment;
}

/** An aspect (feature, service, price…) named in the text, with what was said about it. */
export interface AspectMention {
  /** The aspect term as written (e.g. "battery life"). */
  term: string;
  /** Taxonomy category it belongs to (e.g. "price"), when it matches one. */
  category?: string;
  /** Polarity of the opinion about this aspect. */
  polarity: Polarity;
  /** Score in [-1, 1]. */
  score: number;
  /** Opinion words bound to the aspect. */
  opinions?: string[];
  /** True when the term is an opinion word that names its aspect ("expensive" → price): no explicit term. */
  implicit?: boolean;
  /** Character offset of the term. */
  start?: number;
  /** Character offset just after the term. */
  end?: number;
}

/** A self-disclosed reviewer attribute, with the sentence it came from. */
export interface Attribute {
  /** Attribute type, e.g. life-stage, role, age, experience, usage, motive, price-sensitivity, loyalty, channel, location. */
  type: string;
  /** Normalised value, e.g. "parent", "switched", "gift". */
  value: string;
  /** The sentence (or profile field) that discloses it. */
  evidence: string;
  /** Offset of the evidence in the analysed text, when it came from the text. */
  start?: number;
  /** Offset just after the evidence. */
  end?: number;
}

/** What the writer is doing with the text. */
export type IntentType = 'praise' | 'complaint' | 'question' | 'suggestion' | 'comparison';

/** An intent found in the text. */
export interface Intent {
  /** The intent. */
  type: IntentType;
  /** For comparisons: the brand compared with. */
  target?: string;
  /** Offset of the sentence that carries it. */
  start?: number;
  /** Offset just after it. */
  end?: number;
}

/** Flags the persona builder uses to keep unreliable documents out. */
export interface Signals {
  /** The author discloses a free or discounted product in exchange for the review. */
  incentivised?: boolean;
  /** The text duplicates another document's text. */
  duplicate?: boolean;
  /** The text was longer than analysis.maxTextChars: only its first `analysedChars` of `textChars` characters were analysed. */
  truncated?: { analysedChars: number; textChars: number };
}

/** Everything the analyzers derive from a text (the record `radar score` prints, minus ids). */
export interface TextAnalysis {
  /** Detected language (ISO 639-1), or "und" when it cannot be told. */
  lang: string;
  /** Whether the language is one the analyzers support; unsupported texts get a neutral, zero-confidence score. */
  supported: boolean;
  /** Document-level sentiment. */
  sentiment: Sentiment;
  /** Per-sentence sentiment. */
  sentences: SentenceAnalysis[];
  /** Aspects with their polarity. */
  aspects: AspectMention[];
  /** Self-disclosed attributes. */
  attributes: Attribute[];
  /** Intents. */
  intents: Intent[];
  /** Key phrases (lower-cased n-grams worth counting). */
  phrases: string[];
  /** Reliability signals. */
  signals: Signals;
}

/** A stored analysis: the text analysis of one document by one analyzer version. */
export interface Analysis extends TextAnalysis {
  /** Same as the document id. */
  _id: string;
  /** The analysed document's id. */
  docId: string;
  /** Analyzer pipeline version that produced it. */
  version: string;
  /** The document's content hash at analysis time (re-analyse when it changes). */
  contentHash: string;
  /** When it was analysed (ISO 8601). */
  analyzedAt: string;
}

/** Counts a crawl run keeps. */
export interface CrawlRunStats {
  /** Pages fetched successfully. */
  pagesFetched: number;
  /** Pages that failed (network, HTTP error, parse). */
  pagesFailed: number;
  /** Pages that looked like a block or captcha page. */
  pagesBlocked: number;
  /** Pages skipped (robots.txt, page cap). */
  pagesSkipped: number;
  /** Documents extracted. */
  documentsFound: number;
  /** Documents stored for the first time. */
  documentsNew: number;
  /** Documents whose content changed. */
  documentsUpdated: number;
  /** Documents already stored unchanged. */
  documentsUnchanged: number;
  /** Review count the site itself states (e.g. AggregateRating.reviewCount), when given. */
  listedCount?: number;
}

/** One crawl of one source. */
export interface CrawlRun {
  /** Run id. */
  _id: string;
  /** Source id. */
  sourceId: string;
  /** Brand id of the source, if any. */
  brand?: string;
  /** Product id of the source, if any. */
  product?: string;
  /** When it started (ISO 8601). */
  startedAt: string;
  /** When it finished (ISO 8601). */
  finishedAt?: string;
  /** Outcome. */
  status: 'running' | 'ok' | 'partial' | 'failed';
  /** Counts. */
  stats: CrawlRunStats;
  /** Per-page problems (capped); `kind` says what went wrong for programs (absent in runs stored before it existed). */
  errors: { url: string; message: string; kind?: ErrorKind }[];
}

/** A named attitudinal segment of reviewers. */
export interface Persona {
  /** Stable id within its persona set. */
  id: string;
  /** Descriptive label from dominant attitudes, e.g. "Value-seeking parents". */
  label: string;
  /** Number of members (reviewers, or documents for anonymous sources). */
  size: number;
  /** Share of all clustered members. */
  share: number;
  /** Share of each brand's members that fall in this persona. */
  shareByBrand: Record<string, number>;
  /** Everything else the report builder derives (characteristics, quotes, evidence). */
  details: Record<string, unknown>;
  /** Member keys (author keys or document ids). */
  members: string[];
}

/** The personas of one report run, kept so the next run can compare. */
export interface PersonaSet {
  /** Id of the set. */
  _id: string;
  /** Project name from the config. */
  project: string;
  /** When it was built (ISO 8601). */
  createdAt: string;
  /** Persona builder version. */
  version: string;
  /** The personas. */
  personas: Persona[];
}
