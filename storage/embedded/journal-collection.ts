/**
 * One collection of the embedded store: an in-memory map backed by a snapshot file and an
 * append-only journal. Each write is one journal line (a whole batch), acknowledged only once
 * appended and fsynced, so a `kill -9` mid-write leaves either the whole batch or none of it. On load a
 * torn last line is dropped and cut off. Compaction writes a new snapshot to a temporary file,
 * fsyncs it and renames it over the old one, then empties the journal; replaying a journal over a
 * snapshot that already holds it is harmless because every entry is a whole-record put or a delete.
 */
import { mkdir, open, rename, stat, truncate, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/** A journal line: records to put (whole) and ids to delete. */
interface JournalEntry<T> {
  p?: T[];
  d?: string[];
}

/** Journal size that triggers compaction, unless the snapshot is bigger still. */
const COMPACT_MIN_BYTES = 32 * 1024 * 1024;

/** Bytes read at a time when loading. */
const READ_CHUNK = 8 * 1024 * 1024;

/**
 * Calls `onLine` with each line of the file and the byte offset just after it; returns the offset
 * after the last line accepted (`onLine` returning false stops there). Reads big chunks and splits
 * them itself: a store's snapshot can be hundreds of megabytes, and line-by-line streams cost more
 * than the JSON parsing they feed.
 */
async function readLines(path: string, onLine: (line: string, endOffset: number) => boolean | void): Promise<number> {
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
  try {
    const chunk = Buffer.allocUnsafe(READ_CHUNK);
    // Bytes of a line that runs past the end of the chunk read so far; `at` is their file offset.
    let carry = Buffer.alloc(0);
    let at = 0;
    let good = 0;
    for (;;) {
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      const buf = carry.length ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
      let start = 0;
      for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
        const end = at + nl + 1;
        if (nl > start && onLine(buf.toString('utf8', start, nl), end) === false) return good;
        good = end;
        start = nl + 1;
      }
      // The chunk buffer is reused: keep a copy of the unfinished line.
      carry = Buffer.from(buf.subarray(start));
      at += start;
    }
    // A last line without its newline still counts when it reads whole.
    if (carry.length && onLine(carry.toString('utf8'), at + carry.length) !== false) good = at + carry.length;
    return good;
  } finally {
    await fh.close();
  }
}

/** Freezes a parsed JSON value and everything in it. */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  if (Array.isArray(value)) for (const v of value) deepFreeze(v);
  else for (const k in value) deepFreeze((value as Record<string, unknown>)[k]);
}

/** A persistent collection of records keyed by `_id`. */
export class JournalCollection<T extends { _id: string }> {
  private readonly records = new Map<string, T>();
  private readonly snapshotPath: string;
  private readonly journalPath: string;
  private journal?: FileHandle;
  private journalBytes = 0;
  private snapshotBytes = 0;
  private loaded = false;
  private io: Promise<void> = Promise.resolve();
  private queue: { line: string; resolve: () => void; reject: (err: Error) => void }[] = [];
  private scheduled = false;
  private failed?: Error;
  private loading?: Promise<void>;
  private readonly indexes = new Map<string, { key: (rec: T) => string | undefined; map: Map<string, Set<string>> }>();

  /**
   * Creates a collection stored as `<dir>/<name>.snapshot.jsonl` and `<dir>/<name>.journal.jsonl`.
   * With `frozen`, records are deep-frozen as they enter memory, so readers may be handed them
   * without a copy: a caller that tries to change one gets a TypeError instead of changing the store.
   */
  constructor(
    private readonly dir: string,
    readonly name: string,
    private readonly options: { frozen?: boolean } = {},
  ) {
    this.snapshotPath = join(dir, `${name}.snapshot.jsonl`);
    this.journalPath = join(dir, `${name}.journal.jsonl`);
  }

  /** Loads snapshot and journal; a torn journal tail is cut off. Idempotent, also when called concurrently. */
  load(): Promise<void> {
    this.loading ??= this.loadOnce().catch((err: unknown) => {
      this.loading = undefined;
      throw err;
    });
    return this.loading;
  }

  private async loadOnce(): Promise<void> {
    if (this.loaded) return;
    await mkdir(this.dir, { recursive: true });
    let lineNo = 0;
    await readLines(this.snapshotPath, (line) => {
      lineNo++;
      let rec: T;
      try {
        rec = JSON.parse(line) as T;
      } catch {
        // Snapshots are renamed into place only when complete, so this is damage from outside.
        throw new Error(`${this.snapshotPath}:${lineNo}: unreadable record; restore the file from a backup or remove it`);
      }
      // Indexed (and frozen) like a journal record: indexes are declared before the first load.
      this.apply({ p: [rec] });
    });
    try {
      this.snapshotBytes = (await stat(this.snapshotPath)).size;
    } catch {
      this.snapshotBytes = 0;
    }
    let size = 0;
    try {
      size = (await stat(this.journalPath)).size;
    } catch {
      size = 0;
    }
    // An interrupted append leaves its last line torn, and nothing after it. An unreadable line with
    // readable lines after it is damage from outside: refuse, rather than drop what follows.
    let journalLine = 0;
    let lineStart = 0;
    let torn: { line: number; start: number } | undefined;
    const read = await readLines(this.journalPath, (line, end) => {
      journalLine++;
      if (torn) {
        throw new Error(
          `${this.journalPath}:${torn.line}: unreadable record with more records after it — damage from outside, not an interrupted write; nothing was changed: restore the file from a backup, or remove line ${torn.line} to keep the rest`,
        );
      }
      try {
        this.apply(JSON.parse(line) as JournalEntry<T>);
      } catch {
        torn = { line: journalLine, start: lineStart };
      }
      lineStart = end;
      return true;
    });
    const good = torn ? torn.start : read;
    // The torn tail was never acknowledged (its fsync did not return): cut it off. No copy is kept
    // beside the store, where neither retention nor `radar forget` would reach it.
    if (good < size) await truncate(this.journalPath, good);
    this.journalBytes = good;
    this.journal = await open(this.journalPath, 'a', 0o600);
    this.loaded = true;
  }

  private apply(entry: JournalEntry<T>): void {
    for (const id of entry.d ?? []) {
      const old = this.records.get(id);
      if (old) this.unindex(old);
      this.records.delete(id);
    }
    for (const rec of entry.p ?? []) {
      if (this.options.frozen) deepFreeze(rec);
      const old = this.records.get(rec._id);
      if (old) this.unindex(old);
      this.records.set(rec._id, rec);
      this.index(rec);
    }
  }

  private index(rec: T): void {
    for (const { key, map } of this.indexes.values()) {
      const k = key(rec);
      if (k === undefined) continue;
      let ids = map.get(k);
      if (!ids) map.set(k, (ids = new Set()));
      ids.add(rec._id);
    }
  }

  private unindex(rec: T): void {
    for (const { key, map } of this.indexes.values()) {
      const k = key(rec);
      if (k === undefined) continue;
      const ids = map.get(k);
      ids?.delete(rec._id);
      if (ids?.size === 0) map.delete(k);
    }
  }

  /** Declares an in-memory secondary index (before or after load). */
  addIndex(name: string, key: (rec: T) => string | undefined): void {
    this.indexes.set(name, { key, map: new Map() });
    const entry = this.indexes.get(name)!;
    for (const rec of this.records.values()) {
      const k = key(rec);
      if (k === undefined) continue;
      let ids = entry.map.get(k);
      if (!ids) entry.map.set(k, (ids = new Set()));
      ids.add(rec._id);
    }
  }

  /** Records whose index key equals `value`. */
  lookup(name: string, value: string): T[] {
    const ids = this.indexes.get(name)?.map.get(value);
    if (!ids) return [];
    return [...ids].map((id) => this.records.get(id)!).filter(Boolean);
  }

  /** Number of records. */
  get size(): number {
    return this.records.size;
  }

  /** The record with this id. */
  get(id: string): T | undefined {
    return this.records.get(id);
  }

  /** Every record, in insertion order. */
  values(): IterableIterator<T> {
    return this.records.values();
  }

  /**
   * Writes puts and deletes as one journal line. Memory moves at once (to a parsed copy of the line,
   * exactly what the disk will hold); the promise resolves once the line is fsynced. Lines queued
   * while a flush is under way share the next append and fsync (group commit).
   */
  write(puts: T[], deletes: string[] = []): Promise<void> {
    if (!this.loaded || !this.journal) return Promise.reject(new Error(`collection ${this.name} is not open`));
    if (this.failed) return Promise.reject(this.failed);
    if (puts.length === 0 && deletes.length === 0) return Promise.resolve();
    const entry: JournalEntry<T> = {};
    if (puts.length) entry.p = puts;
    if (deletes.length) entry.d = deletes;
    const line = `${JSON.stringify(entry)}\n`;
    this.apply(JSON.parse(line) as JournalEntry<T>);
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ line, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        void this.runIO(() => this.flushQueued());
      }
    });
  }

  /** Runs journal I/O one step at a time, so appends and compactions never interleave. */
  private runIO(step: () => Promise<void>): Promise<void> {
    const next = this.io.then(step, step);
    this.io = next.catch(() => undefined);
    return next;
  }

  private async flushQueued(): Promise<void> {
    this.scheduled = false;
    const batch = this.queue.splice(0);
    if (!batch.length) return;
    if (this.failed || !this.journal) {
      const err = this.failed ?? new Error(`collection ${this.name} is not open`);
      for (const b of batch) b.reject(err);
      return;
    }
    try {
      const bytes = Buffer.from(batch.map((b) => b.line).join(''), 'utf8');
      await this.journal.write(bytes);
      await this.journal.datasync();
      this.journalBytes += bytes.length;
    } catch (err) {
      // Memory is now ahead of the disk: refuse further writes; reopening the store reads the disk.
      this.failed = new Error(
        `writing ${this.journalPath} failed (${(err as Error).message}); nothing after this was saved — reopen the store`,
      );
      for (const b of batch) b.reject(this.failed);
      return;
    }
    for (const b of batch) b.resolve();
    if (this.journalBytes > Math.max(COMPACT_MIN_BYTES, this.snapshotBytes)) await this.compactNow();
  }

  /** Rewrites the snapshot from memory and empties the journal. */
  compact(): Promise<void> {
    return this.runIO(() => this.compactNow());
  }

  private async compactNow(): Promise<void> {
    if (!this.loaded) return;
    const tmp = `${this.snapshotPath}.tmp`;
    const fh = await open(tmp, 'w', 0o600);
    try {
      let buf: string[] = [];
      let bytes = 0;
      for (const rec of this.records.values()) {
        buf.push(JSON.stringify(rec));
        if (buf.length >= 2000) {
          const chunk = `${buf.join('\n')}\n`;
          bytes += Buffer.byteLength(chunk);
          await fh.write(chunk);
          buf = [];
        }
      }
      if (buf.length) {
        const chunk = `${buf.join('\n')}\n`;
        bytes += Buffer.byteLength(chunk);
        await fh.write(chunk);
      }
      await fh.sync();
      this.snapshotBytes = bytes;
    } finally {
      await fh.close();
    }
    await rename(tmp, this.snapshotPath);
    await syncDir(this.dir);
    await this.journal?.close();
    this.journal = await open(this.journalPath, 'w', 0o600);
    await this.journal.sync();
    this.journalBytes = 0;
  }

  /** Waits for pending writes and closes the journal. */
  async close(): Promise<void> {
    await this.runIO(async () => undefined);
    await this.journal?.close();
    this.journal = undefined;
    this.loaded = false;
    this.loading = undefined;
    this.records.clear();
    for (const idx of this.indexes.values()) idx.map.clear();
  }

  /** Removes both files (used by tests and `radar` reset paths). */
  async destroy(): Promise<void> {
    await this.close();
    await unlink(this.snapshotPath).catch(() => undefined);
    await unlink(this.journalPath).catch(() => undefined);
  }
}

async function syncDir(dir: string): Promise<void> {
  // fsync on the directory makes the rename itself durable; not every platform allows it.
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    /* best effort */
  }
}
