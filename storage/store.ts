/**
 * The one store interface. Two implementations: MongoDB (official driver) and the embedded
 * default under `.radar/`. Both receive the same Mongo-style filters (see query.ts), so a query
 * means the same thing on either; the contract tests run on both.
 */
import type { Analysis, Author, CrawlRun, DocumentKind, PersonaSet, RadarDocument } from '../domain/types.js';
import type { AlertMessage, AlertMessageQuery, AlertQuery, AlertRecord } from '../domain/alerts.js';

/** Which documents to read. All fields are ANDed; omitted fields do not filter. */
export interface DocumentQuery {
  /** Only these document ids. */
  ids?: string[];
  /** Reviews or mentions. */
  kind?: DocumentKind;
  /** Documents about this brand (its own reviews, or mentions naming it). */
  brand?: string;
  /** Documents about this product. */
  product?: string;
  /** Documents from this source. */
  sourceId?: string;
  /** Documents by this pseudonymous author. */
  authorKey?: string;
  /** Published at or after (ISO 8601). */
  publishedFrom?: string;
  /** Published before (ISO 8601). */
  publishedTo?: string;
  /** First stored before (ISO 8601) — used by the retention sweep. */
  firstSeenBefore?: string;
  /** Include documents linked as duplicates of another (default: false, so reports never double-count). */
  includeDuplicates?: boolean;
}

/** How reads are ordered and limited. */
export interface FindOptions {
  /** Sort field, newest first for dates. Default: by id (stable). */
  sort?: 'publishedAt' | 'firstSeenAt' | '_id';
  /** Most documents to return. */
  limit?: number;
}

/** What an upsert did. */
export interface UpsertResult {
  /** Ids stored for the first time. */
  inserted: string[];
  /** Ids whose content changed and was updated in place (first-seen date kept). */
  updated: string[];
  /** Number of documents already stored with the same content. */
  unchanged: number;
  /** Ids of new documents linked as duplicates of a document from another source. */
  linked: string[];
}

/** What `forgetAuthor` removed. */
export interface ForgetResult {
  /** Documents removed. */
  documents: number;
  /** Analyses removed. */
  analyses: number;
  /** Author profiles removed. */
  authors: number;
  /** Persona sets from which members or quotes were removed. */
  personaSets: number;
}

/** The store every stage reads and writes through. */
export interface Store {
  /** "embedded" or "mongodb". */
  readonly kind: 'embedded' | 'mongodb';
  /** A human description of where data lives (path, or host without credentials). */
  readonly location: string;

  /** Inserts new documents, updates changed ones in place, links cross-source duplicates. Idempotent. */
  upsertDocuments(docs: RadarDocument[]): Promise<UpsertResult>;
  /** Streams documents matching a query. Treat them as read-only: the embedded store hands out its own frozen records. */
  findDocuments(query?: DocumentQuery, options?: FindOptions): AsyncIterable<RadarDocument>;
  /** Counts documents matching a query. */
  countDocuments(query?: DocumentQuery): Promise<number>;

  /** Inserts or updates author profiles (first-seen date kept). */
  upsertAuthors(authors: Author[]): Promise<void>;
  /** Reads author profiles by key. */
  getAuthors(keys: string[]): Promise<Author[]>;

  /**
   * Stores analyses, replacing any earlier analysis of the same document. An analysis of a document
   * that is no longer stored (removed meanwhile: its author forgotten, its retention over) is dropped.
   */
  putAnalyses(analyses: Analysis[]): Promise<void>;
  /** Reads the analyses of these documents (missing ones are simply absent). Treat them as read-only: the embedded store hands out frozen records. */
  getAnalyses(docIds: string[]): Promise<Analysis[]>;

  /** Inserts or replaces a crawl run record. */
  saveRun(run: CrawlRun): Promise<void>;
  /** Lists crawl runs, newest first. */
  listRuns(options?: { sourceId?: string; limit?: number }): Promise<CrawlRun[]>;

  /** Stores a persona set. */
  savePersonaSet(set: PersonaSet): Promise<void>;
  /** The latest persona sets of a project, newest first. */
  latestPersonaSets(project: string, limit: number): Promise<PersonaSet[]>;

  /** Reads a small installation-wide value (e.g. the generated author salt). */
  getMeta(key: string): Promise<string | undefined>;
  /** Writes a small installation-wide value. */
  setMeta(key: string, value: string): Promise<void>;
  /**
   * Stores `value` under `key` unless a value is there already, and returns the stored one: processes
   * racing to set a value once (the generated author salt) all end up using the same value.
   */
  claimMeta(key: string, value: string): Promise<string>;
  /** Removes a meta value — only if it is `expected`, when given; says whether it removed one. */
  deleteMeta(key: string, expected?: string): Promise<boolean>;
  /** Every meta key (and value) starting with `prefix`: one small record per item, so that processes adding items at once never overwrite each other. */
  listMeta(prefix: string): Promise<Map<string, string>>;

  /** Stores alert findings whose id is not stored yet; returns the ids it stored (one already there is left as it is: never sent twice). */
  addAlerts(alerts: AlertRecord[]): Promise<string[]>;
  /** Lists alert findings, newest first. */
  listAlerts(query?: AlertQuery): Promise<AlertRecord[]>;
  /** Puts findings in a batch (digest), only those in none yet; returns the ids it put there. */
  batchAlerts(ids: string[], batch: string): Promise<string[]>;
  /** Stores outbox messages whose id is not stored yet; returns the ids it stored. */
  addAlertMessages(messages: AlertMessage[]): Promise<string[]>;
  /** Lists outbox messages, newest first. */
  listAlertMessages(query?: AlertMessageQuery): Promise<AlertMessage[]>;
  /**
   * Takes a message for delivery: only one that is due (pending or retry, next attempt at or before
   * `now`) or whose sender's lease ran out before `now`. Returns it marked "sending" under `lease`,
   * or undefined when it is not due or another sender holds it.
   */
  claimAlertMessage(id: string, claim: { now: string; lease: string; leaseUntil: string }): Promise<AlertMessage | undefined>;
  /** Records the outcome of a delivery attempt, only while `lease` still holds the message; says whether it did. */
  finishAlertMessage(
    id: string,
    lease: string,
    outcome: Pick<AlertMessage, 'status' | 'attempts' | 'nextAttemptAt'> & Partial<Pick<AlertMessage, 'lastError' | 'sentAt'>>,
  ): Promise<boolean>;

  /** Removes an author's documents, analyses, profile and persona quotes everywhere. */
  forgetAuthor(authorKey: string): Promise<ForgetResult>;
  /** Deletes documents first stored before the given date, with their analyses; returns how many. */
  deleteDocumentsBefore(firstSeenBefore: string): Promise<number>;
  /**
   * After documents went (retention, or MongoDB's TTL index): removes author profiles with no
   * document left — only those last updated before `profilesUpdatedBefore` when given, so a profile
   * fetched within the retention period is not fetched again at once — and persona-set quotes and
   * evidence of documents that no longer exist.
   */
  pruneOrphans(profilesUpdatedBefore?: string): Promise<{ authors: number; personaSets: number }>;

  /** Flushes and releases the store. */
  close(): Promise<void>;
}
