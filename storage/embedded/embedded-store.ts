/**
 * The embedded store: the default, under `.radar/` in the working directory, no server needed.
 * Collections are journaled files held in memory; queries are the same Mongo-style filters the
 * MongoDB store uses, evaluated by mingo. One process at a time: a lock file says who holds it.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Query } from 'mingo';
import type { Analysis, Author, CrawlRun, PersonaSet, RadarDocument } from '../../domain/types.js';
import type { AlertMessage, AlertMessageQuery, AlertQuery, AlertRecord } from '../../domain/alerts.js';
import { StoreError } from '../../domain/errors.js';
import { documentFilter, sortSpec } from '../query.js';
import type { DocumentQuery, FindOptions, ForgetResult, Store, UpsertResult } from '../store.js';
import { planUpsert, type StoredDocFacts } from '../upsert-plan.js';
import { JournalCollection } from './journal-collection.js';
import { forgetInPersonaSet, withoutMissingDocuments } from '../forget.js';
import { isClaimable } from '../alert-claim.js';

interface MetaRecord {
  _id: string;
  value: string;
}

/** On-disk format version of the embedded store. */
const FORMAT = 1;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the store's lock file, clearing a stale one left by a dead process. */
function acquireLock(dir: string): string {
  const path = join(dir, 'LOCK');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
      if (Number.isFinite(pid) && pid !== process.pid && isAlive(pid)) {
        throw new StoreError(
          `the embedded store ${dir} is in use by process ${pid}; wait for it to finish, or use MongoDB (RADAR_MONGODB_URI) to run several processes`,
        );
      }
      unlinkSync(path);
    }
  }
  throw new StoreError(`could not lock the embedded store ${dir}`);
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return 1;
  if (b === undefined || b === null) return -1;
  return a < b ? -1 : 1;
}

/** The first of each id, so one batch never writes a record twice. */
function uniqueById<T extends { _id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i._id) && !!seen.add(i._id));
}

/** The embedded store. Use `EmbeddedStore.open(dir)`. */
export class EmbeddedStore implements Store {
  readonly kind = 'embedded' as const;
  readonly location: string;
  private readonly documents: JournalCollection<RadarDocument>;
  private readonly authors: JournalCollection<Author>;
  private readonly analyses: JournalCollection<Analysis>;
  private readonly runs: JournalCollection<CrawlRun>;
  private readonly personaSets: JournalCollection<PersonaSet>;
  private readonly meta: JournalCollection<MetaRecord>;
  private readonly alerts: JournalCollection<AlertRecord>;
  private readonly alertMessages: JournalCollection<AlertMessage>;
  private readonly loaded = new Set<JournalCollection<{ _id: string }>>();
  private lockPath?: string;
  private readonly releaseOnExit = () => this.releaseLock();

  private constructor(dir: string) {
    this.location = dir;
    // Documents and analyses are read in bulk by every report and analysis run: handed out frozen,
    // without a copy each (a caller that tries to change one gets a TypeError).
    this.documents = new JournalCollection(dir, 'documents', { frozen: true });
    this.authors = new JournalCollection(dir, 'authors');
    this.analyses = new JournalCollection(dir, 'analyses', { frozen: true });
    this.runs = new JournalCollection(dir, 'runs');
    this.personaSets = new JournalCollection(dir, 'persona-sets');
    this.meta = new JournalCollection(dir, 'meta');
    this.alerts = new JournalCollection(dir, 'alerts');
    this.alertMessages = new JournalCollection(dir, 'alert-messages');
    this.documents.addIndex('textKey', (d) => d.textKey);
    this.documents.addIndex('authorKey', (d) => d.authorKey);
  }

  /** Opens (creating if needed) the store in `dir` and takes its lock. */
  static async open(dir: string): Promise<EmbeddedStore> {
    const abs = resolve(dir);
    try {
      mkdirSync(abs, { recursive: true, mode: 0o700 }); // reviews and profiles: readable by the owner only
    } catch (err) {
      throw new StoreError(`cannot create the embedded store folder ${abs}: ${(err as Error).message}`);
    }
    const store = new EmbeddedStore(abs);
    store.lockPath = acquireLock(abs);
    process.once('exit', store.releaseOnExit);
    try {
      await store.checkFormat();
    } catch (err) {
      store.releaseLock();
      throw err;
    }
    return store;
  }

  private async checkFormat(): Promise<void> {
    await this.use(this.meta);
    const format = this.meta.get('format');
    if (!format) await this.meta.write([{ _id: 'format', value: String(FORMAT) }]);
    else if (Number(format.value) > FORMAT) {
      throw new StoreError(
        `the embedded store ${this.location} was written by a newer Review Radar (format ${format.value}); upgrade radar`,
      );
    }
  }

  /** Loads a collection on first use, so commands touch only the files they need. */
  private async use<T extends { _id: string }>(c: JournalCollection<T>): Promise<JournalCollection<T>> {
    if (!this.loaded.has(c as unknown as JournalCollection<{ _id: string }>)) {
      try {
        await c.load();
      } catch (err) {
        throw new StoreError(`cannot read the embedded store ${this.location} (${c.name}): ${(err as Error).message}`);
      }
      this.loaded.add(c as unknown as JournalCollection<{ _id: string }>);
    }
    return c;
  }

  async upsertDocuments(docs: RadarDocument[]): Promise<UpsertResult> {
    const col = await this.use(this.documents);
    const existing = new Map<string, StoredDocFacts>();
    for (const d of docs) {
      const s = col.get(d._id);
      if (s) existing.set(s._id, s);
    }
    const candidates = [];
    for (const key of new Set(docs.map((d) => d.textKey))) {
      for (const s of col.lookup('textKey', key)) {
        if (!s.dupOf) candidates.push({ _id: s._id, sourceId: s.sourceId, textKey: s.textKey, authorKey: s.authorKey, url: s.url });
      }
    }
    const plan = planUpsert(docs, existing, candidates);
    await col.write([...plan.inserts, ...plan.updates]);
    return {
      inserted: plan.inserts.map((d) => d._id),
      updated: plan.updates.map((d) => d._id),
      unchanged: plan.unchanged,
      linked: plan.linked,
    };
  }

  private async select(query: DocumentQuery = {}, options: FindOptions = {}): Promise<RadarDocument[]> {
    const col = await this.use(this.documents);
    let rows: RadarDocument[];
    const filter = documentFilter(query);
    const q = new Query(filter);
    if (query.ids && query.ids.length < col.size / 4) {
      rows = query.ids.map((id) => col.get(id)).filter((d): d is RadarDocument => !!d && q.test(d as unknown as Record<string, unknown>));
    } else if (query.authorKey) {
      rows = col.lookup('authorKey', query.authorKey).filter((d) => q.test(d as unknown as Record<string, unknown>));
    } else {
      rows = [];
      for (const d of col.values()) if (q.test(d as unknown as Record<string, unknown>)) rows.push(d);
    }
    const spec = Object.entries(sortSpec(options.sort));
    rows.sort((a, b) => {
      for (const [field, dir] of spec) {
        const c = compare((a as unknown as Record<string, unknown>)[field], (b as unknown as Record<string, unknown>)[field]);
        if (c !== 0) return dir === 1 ? c : -c;
      }
      return 0;
    });
    return options.limit !== undefined ? rows.slice(0, options.limit) : rows;
  }

  async *findDocuments(query?: DocumentQuery, options?: FindOptions): AsyncIterable<RadarDocument> {
    for (const d of await this.select(query, options)) yield d;
  }

  async countDocuments(query?: DocumentQuery): Promise<number> {
    return (await this.select(query)).length;
  }

  async upsertAuthors(authors: Author[]): Promise<void> {
    const col = await this.use(this.authors);
    const merged = authors.map((a) => {
      const old = col.get(a._id);
      return old ? { ...old, ...a, firstSeenAt: old.firstSeenAt } : a;
    });
    await col.write(merged);
  }

  async getAuthors(keys: string[]): Promise<Author[]> {
    const col = await this.use(this.authors);
    return keys
      .map((k) => col.get(k))
      .filter((a): a is Author => !!a)
      .map((a) => structuredClone(a));
  }

  async putAnalyses(analyses: Analysis[]): Promise<void> {
    const documents = await this.use(this.documents);
    await (await this.use(this.analyses)).write(analyses.filter((a) => documents.get(a.docId)));
  }

  async getAnalyses(docIds: string[]): Promise<Analysis[]> {
    const col = await this.use(this.analyses);
    return docIds.map((id) => col.get(id)).filter((a): a is Analysis => !!a);
  }

  async saveRun(run: CrawlRun): Promise<void> {
    await (await this.use(this.runs)).write([run]);
  }

  async listRuns(options: { sourceId?: string; limit?: number } = {}): Promise<CrawlRun[]> {
    const col = await this.use(this.runs);
    const rows = [...col.values()].filter((r) => !options.sourceId || r.sourceId === options.sourceId);
    rows.sort((a, b) => compare(b.startedAt, a.startedAt) || compare(a._id, b._id));
    return structuredClone(rows.slice(0, options.limit ?? rows.length));
  }

  async savePersonaSet(set: PersonaSet): Promise<void> {
    await (await this.use(this.personaSets)).write([set]);
  }

  async latestPersonaSets(project: string, limit: number): Promise<PersonaSet[]> {
    const col = await this.use(this.personaSets);
    const rows = [...col.values()].filter((s) => s.project === project);
    rows.sort((a, b) => compare(b.createdAt, a.createdAt) || compare(b._id, a._id));
    return structuredClone(rows.slice(0, limit));
  }

  async getMeta(key: string): Promise<string | undefined> {
    return (await this.use(this.meta)).get(key)?.value;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await (await this.use(this.meta)).write([{ _id: key, value }]);
  }

  async claimMeta(key: string, value: string): Promise<string> {
    return this.metaInTurn(async () => {
      const meta = await this.use(this.meta);
      const stored = meta.get(key)?.value;
      if (stored !== undefined) return stored;
      await meta.write([{ _id: key, value }]);
      return value;
    });
  }

  async deleteMeta(key: string, expected?: string): Promise<boolean> {
    return this.metaInTurn(async () => {
      const meta = await this.use(this.meta);
      const stored = meta.get(key);
      if (!stored || (expected !== undefined && stored.value !== expected)) return false;
      await meta.write([], [key]);
      return true;
    });
  }

  async listMeta(prefix: string): Promise<Map<string, string>> {
    const meta = await this.use(this.meta);
    return new Map([...meta.values()].filter((m) => m._id.startsWith(prefix)).map((m) => [m._id, m.value]));
  }

  /** Meta check-then-write steps one after another: a write reaches memory only after its fsync, so two checks could otherwise pass at once. */
  private metaInTurn<T>(step: () => Promise<T>): Promise<T> {
    const run = this.metaQueue.then(step, step);
    this.metaQueue = run.catch(() => undefined);
    return run;
  }

  private metaQueue: Promise<unknown> = Promise.resolve();

  async addAlerts(alerts: AlertRecord[]): Promise<string[]> {
    return this.metaInTurn(async () => {
      const col = await this.use(this.alerts);
      const fresh = uniqueById(alerts).filter((a) => !col.get(a._id));
      await col.write(fresh);
      return fresh.map((a) => a._id);
    });
  }

  async listAlerts(query: AlertQuery = {}): Promise<AlertRecord[]> {
    const col = await this.use(this.alerts);
    const ids = query.ids ? new Set(query.ids) : undefined;
    const rows = [...col.values()].filter(
      (a) =>
        (!query.rule || a.rule === query.rule) &&
        (!ids || ids.has(a._id)) &&
        (query.batched === undefined || !!a.batch === query.batched) &&
        (query.batch === undefined || a.batch === query.batch),
    );
    rows.sort((a, b) => compare(b.createdAt, a.createdAt) || compare(a._id, b._id));
    return structuredClone(rows.slice(0, query.limit ?? rows.length));
  }

  async batchAlerts(ids: string[], batch: string): Promise<string[]> {
    return this.metaInTurn(async () => {
      const col = await this.use(this.alerts);
      const marked = [...new Set(ids)]
        .map((id) => col.get(id))
        .filter((a): a is AlertRecord => !!a && !a.batch)
        .map((a) => ({ ...a, batch }));
      await col.write(marked);
      return marked.map((a) => a._id);
    });
  }

  async addAlertMessages(messages: AlertMessage[]): Promise<string[]> {
    return this.metaInTurn(async () => {
      const col = await this.use(this.alertMessages);
      const fresh = uniqueById(messages).filter((m) => !col.get(m._id));
      await col.write(fresh);
      return fresh.map((m) => m._id);
    });
  }

  async listAlertMessages(query: AlertMessageQuery = {}): Promise<AlertMessage[]> {
    const col = await this.use(this.alertMessages);
    const carrying = query.alertIds ? new Set(query.alertIds) : undefined;
    const rows = [...col.values()].filter(
      (m) =>
        (!query.rule || m.rule === query.rule) &&
        (!query.status || query.status.includes(m.status)) &&
        (!carrying || m.alertIds.some((id) => carrying.has(id))),
    );
    rows.sort((a, b) => compare(b.createdAt, a.createdAt) || compare(a._id, b._id));
    return structuredClone(rows.slice(0, query.limit ?? rows.length));
  }

  async claimAlertMessage(id: string, claim: { now: string; lease: string; leaseUntil: string }): Promise<AlertMessage | undefined> {
    return this.metaInTurn(async () => {
      const col = await this.use(this.alertMessages);
      const m = col.get(id);
      if (!m || !isClaimable(m, claim.now)) return undefined;
      const taken: AlertMessage = { ...m, status: 'sending', lease: claim.lease, leaseUntil: claim.leaseUntil };
      await col.write([taken]);
      return structuredClone(taken);
    });
  }

  async finishAlertMessage(
    id: string,
    lease: string,
    outcome: Pick<AlertMessage, 'status' | 'attempts' | 'nextAttemptAt'> & Partial<Pick<AlertMessage, 'lastError' | 'sentAt'>>,
  ): Promise<boolean> {
    return this.metaInTurn(async () => {
      const col = await this.use(this.alertMessages);
      const m = col.get(id);
      if (m?.status !== 'sending' || m.lease !== lease) return false;
      const { lease: _lease, leaseUntil: _until, lastError: _error, ...rest } = m;
      await col.write([{ ...rest, ...outcome }]);
      return true;
    });
  }

  async forgetAuthor(authorKey: string): Promise<ForgetResult> {
    const docs = await this.select({ authorKey, includeDuplicates: true });
    const ids = docs.map((d) => d._id);
    const analyses = await this.use(this.analyses);
    const analysisIds = ids.filter((id) => analyses.get(id));
    // Analyses go first: a crash in between leaves documents without analyses, never the reverse.
    await analyses.write([], analysisIds);
    await (await this.use(this.documents)).write([], ids);
    const authors = await this.use(this.authors);
    const hadAuthor = authors.get(authorKey) ? 1 : 0;
    await authors.write([], hadAuthor ? [authorKey] : []);
    const sets = await this.use(this.personaSets);
    const changed: PersonaSet[] = [];
    for (const set of sets.values()) {
      const next = forgetInPersonaSet(set, new Set([authorKey]), new Set(ids));
      if (next) changed.push(next);
    }
    await sets.write(changed);
    // A deletion must leave no copy on disk: rewrite the snapshots without the removed records and
    // empty the journals that still hold them.
    await Promise.all([analyses.compact(), this.documents.compact(), authors.compact(), sets.compact()]);
    return { documents: ids.length, analyses: analysisIds.length, authors: hadAuthor, personaSets: changed.length };
  }

  async deleteDocumentsBefore(firstSeenBefore: string): Promise<number> {
    const docs = await this.select({ firstSeenBefore, includeDuplicates: true });
    const ids = docs.map((d) => d._id);
    const analyses = await this.use(this.analyses);
    await analyses.write(
      [],
      ids.filter((id) => analyses.get(id)),
    );
    await (await this.use(this.documents)).write([], ids);
    if (ids.length) {
      await analyses.compact();
      await this.documents.compact();
    }
    return ids.length;
  }

  async pruneOrphans(profilesUpdatedBefore?: string): Promise<{ authors: number; personaSets: number }> {
    const documents = await this.use(this.documents);
    const writing = new Set<string>();
    for (const d of documents.values()) if (d.authorKey) writing.add(d.authorKey);
    const authors = await this.use(this.authors);
    const stale = (a: Author) => profilesUpdatedBefore === undefined || a.updatedAt < profilesUpdatedBefore;
    const orphans = [...authors.values()].filter((a) => !writing.has(a._id) && stale(a)).map((a) => a._id);
    await authors.write([], orphans);
    const sets = await this.use(this.personaSets);
    const changed: PersonaSet[] = [];
    for (const set of sets.values()) {
      const next = withoutMissingDocuments(
        set,
        (id) => documents.get(id) !== undefined,
        (key) => writing.has(key),
      );
      if (next) changed.push(next);
    }
    await sets.write(changed);
    if (orphans.length || changed.length) await Promise.all([authors.compact(), sets.compact()]);
    return { authors: orphans.length, personaSets: changed.length };
  }

  /** Rewrites every loaded collection's snapshot (shrinks the journals). */
  async compact(): Promise<void> {
    for (const c of this.loaded) await c.compact();
  }

  private releaseLock(): void {
    if (!this.lockPath) return;
    try {
      unlinkSync(this.lockPath);
    } catch {
      /* already gone */
    }
    this.lockPath = undefined;
  }

  async close(): Promise<void> {
    for (const c of this.loaded) await c.close();
    this.loaded.clear();
    this.releaseLock();
    process.removeListener('exit', this.releaseOnExit);
  }
}
