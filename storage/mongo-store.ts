/**
 * The MongoDB store, on the official driver. Every query the product makes has an index; writes
 * are idempotent bulk upserts, so a retried or repeated batch never duplicates anything.
 *
 * Write concern: `w: "majority"` with journaling for documents, analyses and profiles (a crawl's
 * work survives a primary failover); runs and persona sets use the same. On a standalone server
 * "majority" is the one node.
 */
import {
  MongoBulkWriteError,
  MongoClient,
  MongoNetworkError,
  MongoNetworkTimeoutError,
  MongoServerError,
  type AnyBulkWriteOperation,
  type Collection,
  type Db,
  type IndexDescription,
  type OptionalUnlessRequiredId,
} from 'mongodb';
import type { Analysis, Author, CrawlRun, PersonaSet, RadarDocument } from '../domain/types.js';
import type { AlertMessage, AlertMessageQuery, AlertQuery, AlertRecord } from '../domain/alerts.js';
import { StoreError } from '../domain/errors.js';
import { documentFilter, sortSpec, type Filter } from './query.js';
import type { DocumentQuery, FindOptions, ForgetResult, Store, UpsertResult } from './store.js';
import { planUpsert, type DuplicateCandidate, type StoredDocFacts } from './upsert-plan.js';
import { docIdsOf, forgetInPersonaSet, memberKeysOf, withoutMissingDocuments } from './forget.js';
import { claimKey, isClaimable } from './alert-claim.js';
import { translateMongoError, withClearErrors } from './mongo-errors.js';

/** Schema version this code writes; `migrate` brings older databases up to it. */
export const SCHEMA_VERSION = 1;

/** Options of the MongoDB store. */
export interface MongoStoreOptions {
  /** Database name. */
  database: string;
  /** Documents expire this many days after they were first stored (TTL index). */
  retentionDays?: number;
  /** How long to wait for the server before failing, in ms (default 5000). */
  timeoutMs?: number;
  /** How long one reply (or a free connection) may take before the operation fails, in ms (default 60000). */
  replyTimeoutMs?: number;
}

/** Default of `replyTimeoutMs` (storage.timeoutSecs). */
export const DEFAULT_REPLY_TIMEOUT_MS = 60_000;

async function listIndexes<T extends object>(col: Collection<T>): Promise<{ name?: string; expireAfterSeconds?: number }[]> {
  try {
    return await col.indexes();
  } catch (err) {
    if ((err as { code?: number }).code === 26) return []; // the collection does not exist yet
    throw err;
  }
}

/** Creates the indexes that do not exist yet (re-creating existing ones is wasted work, and crashes some servers). */
async function ensure<T extends object>(col: Collection<T>, specs: IndexDescription[]): Promise<void> {
  const have = new Set((await listIndexes(col)).map((i) => i.name));
  const missing = specs.filter((s) => !have.has(s.name));
  if (missing.length) await col.createIndexes(missing);
}

/** The host list of a connection string, without user name or password. */
export function describeUri(uri: string): string {
  // Credentials end at the last "@" before the path: a password may hold "@" itself.
  const m = /^(mongodb(?:\+srv)?):\/\/(?:[^/?#]*@)?([^@/?#]*)/i.exec(uri);
  return m ? `${m[1]}://${m[2]}` : 'the configured MongoDB server';
}

type Stored<T> = T & { _expireBase?: Date };
interface MetaRecord {
  _id: string;
  value: string | number;
}

const WRITE = { writeConcern: { w: 'majority' as const, j: true } };
const BATCH = 1000;
/**
 * Most update statements sent in one `update` command. FerretDB 1.x (the MongoDB-compatible server
 * on SQLite or PostgreSQL) keeps each statement's query open until the whole command ends: on its
 * SQLite backend, a command updating 100 existing documents takes the database's last pooled
 * connection and waits forever for one more, and every later command on that database waits behind
 * it. Ten statements per command leave room for several writers at once, and cost real MongoDB a
 * few extra round trips per thousand documents.
 */
const UPDATES_PER_COMMAND = 10;

function stripInternal<T extends object>(doc: T): T {
  const { _expireBase, ...rest } = doc as T & { _expireBase?: unknown };
  void _expireBase;
  return rest as T;
}

/** A failure of set-up that another process setting up at the same time, or a dropped connection, explains. */
function isSetupRace(err: unknown): boolean {
  // A timed-out reply is a stuck or overloaded server, not a race: waiting again would only double the wait.
  if (err instanceof MongoNetworkError) return !(err instanceof MongoNetworkTimeoutError);
  // 11000 duplicate key (two upserts of the schema version), 48 NamespaceExists (two creations of a collection).
  return err instanceof MongoServerError && (err.code === 11000 || err.code === 48);
}

/** The MongoDB store. Use `MongoStore.open(uri, options)`. */
export class MongoStore implements Store {
  readonly kind = 'mongodb' as const;
  readonly location: string;
  private readonly docs: Collection<Stored<RadarDocument>>;
  private readonly authors: Collection<Author>;
  private readonly analyses: Collection<Stored<Analysis>>;
  private readonly runs: Collection<CrawlRun>;
  private readonly personaSets: Collection<PersonaSet>;
  private readonly meta: Collection<MetaRecord>;
  private readonly alerts: Collection<AlertRecord>;
  private readonly alertMessages: Collection<AlertMessage>;
  private readonly alertClaims: Collection<{ _id: string; message: string; at: string }>;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    uri: string,
    private readonly options: MongoStoreOptions,
  ) {
    this.location = `${describeUri(uri)}/${options.database}`;
    this.docs = db.collection('documents');
    this.authors = db.collection('authors');
    this.analyses = db.collection('analyses');
    this.runs = db.collection('runs');
    this.personaSets = db.collection('personaSets');
    this.meta = db.collection('meta');
    this.alerts = db.collection('alerts');
    this.alertMessages = db.collection('alertMessages');
    this.alertClaims = db.collection('alertClaims');
  }

  /** Connects (failing within `timeoutMs`), migrates the schema and ensures indexes. */
  static async open(uri: string, options: MongoStoreOptions): Promise<MongoStore> {
    const timeout = options.timeoutMs ?? 5000;
    const replyTimeout = options.replyTimeoutMs ?? DEFAULT_REPLY_TIMEOUT_MS;
    let client: MongoClient;
    try {
      client = new MongoClient(uri, {
        serverSelectionTimeoutMS: timeout,
        connectTimeoutMS: timeout,
        // A server that stops answering must not hang radar: the socket timeout bounds the wait
        // for each reply (the driver arms it only while a command awaits its answer, so a cursor
        // read slowly between batches is not cut), and the wait-queue timeout bounds the wait for
        // a pooled connection. Client-side, so it holds when the server ignores maxTimeMS or is
        // stuck; the driver's timeoutMS (CSOT) is deprecated and has no effect in driver 7.
        socketTimeoutMS: replyTimeout,
        waitQueueTimeoutMS: replyTimeout,
        appName: 'review-radar',
      });
    } catch (err) {
      throw new StoreError(`invalid MongoDB connection string for ${describeUri(uri)}: ${(err as Error).message}`);
    }
    try {
      await client.connect();
      await client.db(options.database).command({ ping: 1 });
    } catch (err) {
      await client.close().catch(() => undefined);
      const reason = (err as Error).message.replace(/\/\/[^@/\s]*@/g, '//');
      throw new StoreError(`cannot reach MongoDB at ${describeUri(uri)} within ${Math.round(timeout / 1000)} s: ${reason}`);
    }
    const store = new MongoStore(client, client.db(options.database), uri, options);
    // Setting up is idempotent. Workers started together race to set up the same fresh database
    // (one's upsert or collection creation then fails on the other's), and a busy server may drop a
    // connection: both are tried again, when the other's work is there to see; anything else fails at once.
    for (let attempt = 1; ; attempt++) {
      try {
        await store.migrate();
        return withClearErrors(store, (operation) => ({ location: store.location, operation, replyTimeoutMs: replyTimeout }));
      } catch (err) {
        if (attempt < 4 && isSetupRace(err)) {
          await new Promise((ok) => setTimeout(ok, 100 * attempt + Math.random() * 100));
          continue;
        }
        await client.close().catch(() => undefined);
        if (err instanceof StoreError) throw err;
        if (err instanceof MongoNetworkTimeoutError)
          throw translateMongoError(err, {
            location: store.location,
            operation: 'setup (schema and indexes)',
            replyTimeoutMs: replyTimeout,
          });
        throw new StoreError(
          `preparing the MongoDB database at ${describeUri(uri)} (schema and indexes) failed: ${(err as Error).message.replace(/\/\/[^@/\s]*@/g, '//')}`,
        );
      }
    }
  }

  /** Brings the database to SCHEMA_VERSION and ensures every index the product's queries use. */
  async migrate(): Promise<void> {
    const current = await this.meta.findOne({ _id: 'schemaVersion' });
    const from = typeof current?.value === 'number' ? current.value : 0;
    if (from > SCHEMA_VERSION) {
      throw new StoreError(
        `the database ${this.location} has schema version ${from}, newer than this radar (${SCHEMA_VERSION}); upgrade radar`,
      );
    }
    // Version 0 → 1: the first schema; only indexes. Later versions add steps here, in order.
    await this.ensureIndexes();
    if (from !== SCHEMA_VERSION) {
      await this.meta.updateOne({ _id: 'schemaVersion' }, { $set: { value: SCHEMA_VERSION } }, { upsert: true, ...WRITE });
    }
  }

  private async ensureIndexes(): Promise<void> {
    await ensure(this.docs, [
      { key: { sourceId: 1, siteId: 1 }, name: 'source_site' },
      { key: { textKey: 1 }, name: 'text_key' },
      { key: { brand: 1, product: 1, publishedAt: -1 }, name: 'brand_product_date' },
      { key: { brands: 1 }, name: 'mention_brands' },
      { key: { authorKey: 1 }, name: 'author' },
      { key: { firstSeenAt: 1 }, name: 'first_seen' },
    ]);
    await ensure(this.analyses, [{ key: { version: 1 }, name: 'analyzer_version' }]);
    await ensure(this.runs, [{ key: { sourceId: 1, startedAt: -1 }, name: 'source_started' }]);
    await ensure(this.personaSets, [{ key: { project: 1, createdAt: -1 }, name: 'project_created' }]);
    await ensure(this.alerts, [
      { key: { rule: 1, createdAt: -1 }, name: 'rule_created' },
      { key: { batch: 1 }, name: 'batch' },
    ]);
    await ensure(this.alertMessages, [
      { key: { status: 1, nextAttemptAt: 1 }, name: 'status_due' },
      { key: { alertIds: 1 }, name: 'alert_ids' },
      { key: { createdAt: -1 }, name: 'created' },
    ]);
    await ensure(this.alertClaims, [{ key: { message: 1 }, name: 'message' }]);
    const ttl = this.options.retentionDays ? this.options.retentionDays * 86400 : undefined;
    for (const col of [this.docs, this.analyses] as unknown as Collection<Stored<{ _id: string }>>[]) {
      const existing = (await listIndexes(col)).find((i) => i.name === 'retention');
      if (existing && existing.expireAfterSeconds !== ttl) await col.dropIndex('retention');
      if (ttl && existing?.expireAfterSeconds !== ttl) {
        try {
          await col.createIndex({ _expireBase: 1 }, { name: 'retention', expireAfterSeconds: ttl });
        } catch (err) {
          // Some MongoDB-compatible servers lack TTL indexes; the retention sweep still deletes on every run.
          this.ttlUnsupported = (err as Error).message;
        }
      }
    }
  }

  /** Why the server refused the TTL index, when it did (the sweep then does all the work). */
  ttlUnsupported?: string;

  async upsertDocuments(incoming: RadarDocument[]): Promise<UpsertResult> {
    const result: UpsertResult = { inserted: [], updated: [], unchanged: 0, linked: [] };
    for (let i = 0; i < incoming.length; i += BATCH) {
      const batch = incoming.slice(i, i + BATCH);
      const existing = new Map<string, StoredDocFacts>();
      const found = this.docs.find(
        { _id: { $in: batch.map((d) => d._id) } },
        { projection: { _id: 1, contentHash: 1, firstSeenAt: 1, dupOf: 1 } },
      );
      for await (const d of found) existing.set(d._id, d as StoredDocFacts);
      const candidates: DuplicateCandidate[] = [];
      const dupFilter = { textKey: { $in: [...new Set(batch.map((d) => d.textKey))] }, dupOf: { $exists: false } };
      for await (const d of this.docs.find(dupFilter as Filter, {
        projection: { _id: 1, sourceId: 1, textKey: 1, authorKey: 1, url: 1 },
      })) {
        candidates.push(d as DuplicateCandidate);
      }
      const plan = planUpsert(batch, existing, candidates);
      // Another writer inserted some of the same reviews first (same id, same content): theirs stands.
      const raced = await this.insertNew(
        this.docs,
        plan.inserts.map((d) => ({ ...d, _expireBase: new Date(d.firstSeenAt) })),
      );
      if (plan.updates.length) {
        await this.bulk(
          this.docs,
          plan.updates.map((d) => ({
            replaceOne: { filter: { _id: d._id }, replacement: { ...d, _expireBase: new Date(d.firstSeenAt) } },
          })),
        );
      }
      plan.inserts = plan.inserts.filter((d) => !raced.has(d._id));
      plan.linked = plan.linked.filter((id) => !raced.has(id));
      result.unchanged += raced.size;
      result.inserted.push(...plan.inserts.map((d) => d._id));
      result.updated.push(...plan.updates.map((d) => d._id));
      result.unchanged += plan.unchanged;
      result.linked.push(...plan.linked);
    }
    return result;
  }

  /** Inserts records believed new (one command, not an upsert per record), and returns the ids another writer inserted first. */
  private async insertNew<T extends { _id: string }>(col: Collection<T>, records: T[]): Promise<Set<string>> {
    const raced = new Set<string>();
    if (!records.length) return raced;
    try {
      await col.insertMany(records as unknown as OptionalUnlessRequiredId<T>[], { ordered: false, ...WRITE });
    } catch (err) {
      const writeErrors = (err as { writeErrors?: { code?: number; index: number }[] | { code?: number; index: number } }).writeErrors;
      const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
      if (!list.length || list.some((e) => e.code !== 11000)) throw err;
      for (const e of list) raced.add(records[e.index]!._id);
    }
    return raced;
  }

  private async bulk<T extends { _id: string }>(col: Collection<T>, ops: AnyBulkWriteOperation<T>[]): Promise<void> {
    for (let i = 0; i < ops.length; i += UPDATES_PER_COMMAND) {
      const chunk = ops.slice(i, i + UPDATES_PER_COMMAND);
      try {
        await col.bulkWrite(chunk, { ordered: true, ...WRITE });
      } catch (err) {
        // Two writers upserting the same new id can race to a duplicate-key error; the retry sees the winner.
        if ((err as { code?: number }).code === 11000) await col.bulkWrite(chunk, { ordered: false, ...WRITE });
        else throw err;
      }
    }
  }

  async *findDocuments(query?: DocumentQuery, options: FindOptions = {}): AsyncIterable<RadarDocument> {
    const cursor = this.docs.find(documentFilter(query) as Filter, { sort: sortSpec(options.sort), batchSize: 1000 });
    if (options.limit !== undefined) cursor.limit(options.limit);
    for await (const d of cursor) yield stripInternal(d);
  }

  async countDocuments(query?: DocumentQuery): Promise<number> {
    return this.docs.countDocuments(documentFilter(query) as Filter);
  }

  async upsertAuthors(list: Author[]): Promise<void> {
    if (!list.length) return;
    await this.bulk(
      this.authors,
      list.map((a) => {
        const { firstSeenAt, ...rest } = a;
        return { updateOne: { filter: { _id: a._id }, update: { $set: rest, $setOnInsert: { firstSeenAt } }, upsert: true } };
      }),
    );
  }

  async getAuthors(keys: string[]): Promise<Author[]> {
    if (!keys.length) return [];
    return this.authors.find({ _id: { $in: keys } }).toArray();
  }

  async putAnalyses(list: Analysis[]): Promise<void> {
    for (let i = 0; i < list.length; i += BATCH) {
      const batch = list.slice(i, i + BATCH);
      const bases = new Map<string, Date>();
      const docs = this.docs.find({ _id: { $in: batch.map((a) => a.docId) } }, { projection: { _id: 1, firstSeenAt: 1 } });
      for await (const d of docs) bases.set(d._id, new Date(d.firstSeenAt));
      // Only documents still stored: one removed meanwhile (its author forgotten) gets no analysis back.
      const records = batch.filter((a) => bases.has(a.docId)).map((a) => ({ ...a, _expireBase: bases.get(a.docId)! }));
      // Analyses are derived records: a batch replaces its predecessors by one delete and one
      // insert, not a statement per document. On FerretDB's SQLite backend every statement by id
      // reads the whole collection (its queries never use the _id index): 2,000 replaces took
      // 7 minutes there, the delete and insert a second. An interruption in between leaves those
      // documents without an analysis, which the next `radar analyze` gives them again.
      await this.analyses.deleteMany({ _id: { $in: batch.map((a) => a._id) } }, WRITE);
      // Another analysis run storing the same documents at once: the later record wins.
      const raced = await this.insertNew(this.analyses, records);
      await this.bulk(
        this.analyses,
        records.filter((r) => raced.has(r._id)).map((r) => ({ replaceOne: { filter: { _id: r._id }, replacement: r, upsert: true } })),
      );
    }
  }

  async getAnalyses(docIds: string[]): Promise<Analysis[]> {
    if (!docIds.length) return [];
    const out: Analysis[] = [];
    for (let i = 0; i < docIds.length; i += BATCH) {
      const rows = await this.analyses.find({ _id: { $in: docIds.slice(i, i + BATCH) } }).toArray();
      out.push(...rows.map(stripInternal));
    }
    return out;
  }

  async saveRun(run: CrawlRun): Promise<void> {
    await this.runs.replaceOne({ _id: run._id }, run, { upsert: true, ...WRITE });
  }

  async listRuns(options: { sourceId?: string; limit?: number } = {}): Promise<CrawlRun[]> {
    const cursor = this.runs.find(options.sourceId ? { sourceId: options.sourceId } : {}, { sort: { startedAt: -1, _id: 1 } });
    if (options.limit) cursor.limit(options.limit);
    return cursor.toArray();
  }

  async savePersonaSet(set: PersonaSet): Promise<void> {
    await this.personaSets.replaceOne({ _id: set._id }, set, { upsert: true, ...WRITE });
  }

  async latestPersonaSets(project: string, limit: number): Promise<PersonaSet[]> {
    return this.personaSets
      .find({ project }, { sort: { createdAt: -1, _id: -1 } })
      .limit(limit)
      .toArray();
  }

  async getMeta(key: string): Promise<string | undefined> {
    const rec = await this.meta.findOne({ _id: key });
    return rec ? String(rec.value) : undefined;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.meta.updateOne({ _id: key }, { $set: { value } }, { upsert: true, ...WRITE });
  }

  async deleteMeta(key: string, expected?: string): Promise<boolean> {
    return (await this.meta.deleteOne(expected === undefined ? { _id: key } : { _id: key, value: expected }, WRITE)).deletedCount === 1;
  }

  async listMeta(prefix: string): Promise<Map<string, string>> {
    const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const rows = await this.meta.find({ _id: { $regex: `^${escaped}` } }).toArray();
    return new Map(rows.map((r) => [r._id, String(r.value)]));
  }

  async claimMeta(key: string, value: string): Promise<string> {
    try {
      await this.meta.insertOne({ _id: key, value }, WRITE);
      return value;
    } catch (err) {
      // Another process stored its value first: use that one.
      if ((err as { code?: unknown }).code !== 11000) throw err;
      const stored = await this.meta.findOne({ _id: key });
      if (stored === null) throw err;
      return String(stored.value);
    }
  }

  /** Inserts the records whose id is new (a unique insert each, so racing writers never both insert one); returns the ids inserted. */
  private async insertFresh<T extends { _id: string }>(col: Collection<T>, items: T[]): Promise<string[]> {
    const seen = new Set<string>();
    const fresh = items.filter((i) => !seen.has(i._id) && !!seen.add(i._id));
    if (!fresh.length) return [];
    try {
      await col.insertMany(fresh as unknown as Parameters<Collection<T>['insertMany']>[0], { ordered: false, ...WRITE });
      return fresh.map((i) => i._id);
    } catch (err) {
      // Records already stored (or stored by a racing writer) are duplicate-key errors: the rest went in.
      if (!(err instanceof MongoBulkWriteError)) throw err;
      const errors = Array.isArray(err.writeErrors) ? err.writeErrors : [err.writeErrors];
      if (errors.some((e) => e.code !== 11000)) throw err;
      const failed = new Set(errors.map((e) => e.index));
      return fresh.filter((_, i) => !failed.has(i)).map((i) => i._id);
    }
  }

  async addAlerts(alerts: AlertRecord[]): Promise<string[]> {
    return this.insertFresh(this.alerts, alerts);
  }

  async listAlerts(query: AlertQuery = {}): Promise<AlertRecord[]> {
    const filter: Filter = {};
    if (query.rule) filter.rule = query.rule;
    if (query.ids) filter._id = { $in: query.ids };
    if (query.batched !== undefined) filter.batch = { $exists: query.batched };
    if (query.batch !== undefined) filter.batch = query.batch;
    const cursor = this.alerts.find(filter, { sort: { createdAt: -1, _id: 1 } });
    if (query.limit) cursor.limit(query.limit);
    return cursor.toArray();
  }

  async batchAlerts(ids: string[], batch: string): Promise<string[]> {
    if (!ids.length) return [];
    await this.alerts.updateMany({ _id: { $in: ids }, batch: { $exists: false } }, { $set: { batch } }, WRITE);
    const marked = await this.alerts.find({ _id: { $in: ids }, batch }, { projection: { _id: 1 } }).toArray();
    return marked.map((a) => a._id);
  }

  async addAlertMessages(messages: AlertMessage[]): Promise<string[]> {
    return this.insertFresh(this.alertMessages, messages);
  }

  async listAlertMessages(query: AlertMessageQuery = {}): Promise<AlertMessage[]> {
    const filter: Filter = {};
    if (query.rule) filter.rule = query.rule;
    if (query.status) filter.status = { $in: query.status };
    if (query.alertIds) filter.alertIds = { $in: query.alertIds };
    const cursor = this.alertMessages.find(filter, { sort: { createdAt: -1, _id: 1 } });
    if (query.limit) cursor.limit(query.limit);
    return cursor.toArray();
  }

  async claimAlertMessage(id: string, claim: { now: string; lease: string; leaseUntil: string }): Promise<AlertMessage | undefined> {
    const m = await this.alertMessages.findOne({ _id: id });
    if (!m || !isClaimable(m, claim.now)) return undefined;
    // A unique insert decides between senders that read the same state: a conditional update is
    // not atomic on every MongoDB-compatible server (FerretDB let two racing senders both win).
    try {
      await this.alertClaims.insertOne({ _id: claimKey(m), message: id, at: claim.now }, WRITE);
    } catch (err) {
      if ((err as { code?: unknown }).code === 11000) return undefined;
      throw err;
    }
    const taken: AlertMessage = { ...m, status: 'sending', lease: claim.lease, leaseUntil: claim.leaseUntil };
    await this.alertMessages.updateOne(
      { _id: id },
      { $set: { status: 'sending', lease: claim.lease, leaseUntil: claim.leaseUntil } },
      WRITE,
    );
    return taken;
  }

  async finishAlertMessage(
    id: string,
    lease: string,
    outcome: Pick<AlertMessage, 'status' | 'attempts' | 'nextAttemptAt'> & Partial<Pick<AlertMessage, 'lastError' | 'sentAt'>>,
  ): Promise<boolean> {
    const unset: Record<string, ''> = { lease: '', leaseUntil: '' };
    if (outcome.lastError === undefined) unset.lastError = '';
    const set = Object.fromEntries(Object.entries(outcome).filter(([, v]) => v !== undefined));
    const result = await this.alertMessages.updateOne({ _id: id, status: 'sending', lease }, { $set: set, $unset: unset }, WRITE);
    // Claims of a message that is done (or waits for a later attempt under a new state) are never matched again.
    if (result.modifiedCount === 1) await this.alertClaims.deleteMany({ message: id }, WRITE);
    return result.modifiedCount === 1;
  }

  async forgetAuthor(authorKey: string): Promise<ForgetResult> {
    const ids = (await this.docs.find({ authorKey }, { projection: { _id: 1 } }).toArray()).map((d) => d._id);
    // Analyses go first: an interruption leaves documents without analyses, never the reverse.
    const analyses = ids.length ? (await this.analyses.deleteMany({ _id: { $in: ids } }, WRITE)).deletedCount : 0;
    const documents = ids.length ? (await this.docs.deleteMany({ _id: { $in: ids } }, WRITE)).deletedCount : 0;
    const authors = (await this.authors.deleteOne({ _id: authorKey }, WRITE)).deletedCount;
    const idSet = new Set(ids);
    let personaSets = 0;
    for await (const set of this.personaSets.find({})) {
      const next = forgetInPersonaSet(set, new Set([authorKey]), idSet);
      if (next) {
        await this.personaSets.replaceOne({ _id: set._id }, next, WRITE);
        personaSets++;
      }
    }
    return { documents, analyses, authors, personaSets };
  }

  async deleteDocumentsBefore(firstSeenBefore: string): Promise<number> {
    const filter = documentFilter({ firstSeenBefore, includeDuplicates: true }) as Filter;
    const ids = (await this.docs.find(filter, { projection: { _id: 1 } }).toArray()).map((d) => d._id);
    if (!ids.length) return 0;
    await this.analyses.deleteMany({ _id: { $in: ids } }, WRITE);
    return (await this.docs.deleteMany({ _id: { $in: ids } }, WRITE)).deletedCount;
  }

  async pruneOrphans(profilesUpdatedBefore?: string): Promise<{ authors: number; personaSets: number }> {
    // Profiles are checked a thousand at a time (a single $nin over every author key could pass
    // MongoDB's 16 MB command limit on a large store).
    let authors = 0;
    const check = async (keys: string[]) => {
      const present = new Set(await this.docs.distinct('authorKey', { authorKey: { $in: keys } }));
      const orphans = keys.filter((k) => !present.has(k));
      if (orphans.length) authors += (await this.authors.deleteMany({ _id: { $in: orphans } }, WRITE)).deletedCount;
    };
    let batch: string[] = [];
    const stale = profilesUpdatedBefore === undefined ? {} : { updatedAt: { $lt: profilesUpdatedBefore } };
    for await (const a of this.authors.find(stale, { projection: { _id: 1 } })) {
      batch.push(a._id);
      if (batch.length >= BATCH) {
        await check(batch);
        batch = [];
      }
    }
    if (batch.length) await check(batch);
    let personaSets = 0;
    for await (const set of this.personaSets.find({})) {
      const cited = [...docIdsOf(set)];
      const present = new Set<string>();
      for (let i = 0; i < cited.length; i += BATCH) {
        for (const d of await this.docs.find({ _id: { $in: cited.slice(i, i + BATCH) } }, { projection: { _id: 1 } }).toArray())
          present.add(d._id);
      }
      const members = memberKeysOf(set);
      const writing = new Set<string>();
      for (let i = 0; i < members.length; i += BATCH) {
        for (const k of await this.docs.distinct('authorKey', { authorKey: { $in: members.slice(i, i + BATCH) } }))
          writing.add(k as string);
      }
      const next = withoutMissingDocuments(
        set,
        (id) => present.has(id),
        (key) => writing.has(key),
      );
      if (next) {
        await this.personaSets.replaceOne({ _id: set._id }, next, WRITE);
        personaSets++;
      }
    }
    return { authors, personaSets };
  }

  /** Drops the whole database (tests only). */
  async dropDatabase(): Promise<void> {
    await this.db.dropDatabase();
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
