/**
 * The web app's in-memory index of analysed documents: every stored document (duplicates left out,
 * as in reports) with its analysis and the facts the explorer filters on, worked out once per
 * change of the store rather than per request. On the embedded store the rows hold the store's
 * own frozen records (no copy); on MongoDB they are read in batches of 1,000.
 *
 * It is rebuilt in the background when the app's own writes change the store (crawls, analyses,
 * reports and removals made in this process) and, for writes made elsewhere (workers on other
 * machines), when a cheap signature of the store (document count, latest run, latest persona set)
 * changes; requests meanwhile read the previous build.
 */
import type { Logger } from 'pino';
import type { Analysis, Polarity, RadarDocument } from '../../domain/types.js';
import type { Store } from '../../storage/store.js';
import { analysisText } from '../../analyzers/pipeline.js';
import { fiveStar } from '../../reports/summaries.js';
import { themeKeysOf } from '../../reports/themes.js';

/** One document as the explorer sees it. */
export interface IndexedRow {
  /** The document (read-only). */
  doc: RadarDocument;
  /** Its current analysis (absent when not analysed, or analysed before an edit). */
  analysis?: Analysis;
  /** The analysed text (title and body) the aspect offsets refer to. */
  text: string;
  /** The text folded for search: lower case, accents removed. */
  folded: string;
  /** Publication date (ISO 8601), or '' when the page gave none. */
  date: string;
  /** Publication month (YYYY-MM), when dated. */
  month?: string;
  /** Rating on a 1–5 scale. */
  stars?: number;
  /** Document sentiment. */
  sentiment?: Polarity;
  /** Detected language. */
  lang?: string;
  /** Aspect categories and terms (lower case). */
  aspects: string[];
  /** Theme keys (as the themes view counts them). */
  themes: string[];
  /** Every brand id it is about. */
  brands: string[];
  /** Every product id it is about. */
  products: string[];
  /** Persona id of the latest persona set whose evidence holds it. */
  persona?: string;
}

/** A build of the index. */
export interface IndexSnapshot {
  /** Rows, newest first (by publication date, then first seen). */
  rows: IndexedRow[];
  /** Build number: caches keyed by it are invalidated when it changes. */
  version: number;
  /** When it was built (ISO 8601). */
  builtAt: string;
  /** How long the build took, in ms. */
  buildMs: number;
  /** Persona set the persona ids come from. */
  personaSetId?: string;
}

/** Folds text for search: NFKD, combining marks removed, lower case. */
export function fold(text: string): string {
  // Most text is plain ASCII: skip the normalisation it does not need.
  return /^[\u0000-\u007f]*$/.test(text)
    ? text.toLowerCase()
    : text
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase();
}

/** How often the store's signature is checked for writes made by other processes. */
const WATCH_MS = 15_000;

/** The index; `current()` always answers at once (an empty index before the first build). */
export class DocumentIndex {
  private snapshot: IndexSnapshot = { rows: [], version: 0, builtAt: new Date(0).toISOString(), buildMs: 0 };
  private building?: Promise<IndexSnapshot>;
  private stale = true;
  private signature = '';
  private timer?: NodeJS.Timeout;
  private rowsByDoc = new WeakMap<RadarDocument, IndexedRow>();

  constructor(
    private readonly store: Store,
    private readonly project: () => string,
    private readonly log: Logger,
    /** Called after each build (the app works out its views of it ahead of the first request). */
    private readonly onBuilt?: (snapshot: IndexSnapshot) => void,
  ) {}

  /**
   * The latest build. Only the first request waits for one; after that a change starts a rebuild in
   * the background and requests read the previous build meanwhile (a crawl writes page after page:
   * the explorer must stay fast while it runs). Who needs its own change seen calls `caughtUp()`.
   */
  async current(): Promise<IndexSnapshot> {
    if (this.snapshot.version === 0) return this.refresh();
    if (this.stale && !this.building)
      this.refresh().catch((err: unknown) => this.log.warn({ err: (err as Error).message }, 'index not rebuilt'));
    return this.snapshot;
  }

  /** A build that holds every change made before this call (waits for one that started after it). */
  async caughtUp(): Promise<IndexSnapshot> {
    this.stale = true;
    // A build already running may have read the store before the change: wait for it, then build again.
    if (this.building) await this.building.catch(() => undefined);
    return this.refresh();
  }

  /** The latest finished build, without waiting. */
  peek(): IndexSnapshot {
    return this.snapshot;
  }

  /** Marks the index out of date (the app wrote to the store); the next request rebuilds it. */
  invalidate(): void {
    this.stale = true;
  }

  /** Starts watching the store for writes made by other processes. */
  watch(): void {
    this.timer = setInterval(() => {
      this.storeSignature()
        .then((sig) => {
          if (sig !== this.signature) this.stale = true;
        })
        .catch((err: unknown) => this.log.warn({ err: (err as Error).message }, 'store check failed'));
    }, WATCH_MS);
    this.timer.unref();
  }

  /** Stops watching. */
  close(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async storeSignature(): Promise<string> {
    const [count, runs, sets] = await Promise.all([
      this.store.countDocuments(),
      this.store.listRuns({ limit: 1 }),
      this.store.latestPersonaSets(this.project(), 1),
    ]);
    const run = runs[0];
    return `${count}|${run?._id ?? ''}|${run?.finishedAt ?? ''}|${sets[0]?._id ?? ''}`;
  }

  /** Rebuilds now (or joins the build already running). */
  refresh(): Promise<IndexSnapshot> {
    if (this.building) return this.building;
    this.stale = false;
    this.building = this.build()
      .then((s) => {
        this.snapshot = s;
        if (this.onBuilt) setImmediate(() => this.onBuilt?.(s));
        return s;
      })
      .catch((err: unknown) => {
        this.stale = true;
        throw err;
      })
      .finally(() => {
        this.building = undefined;
      });
    return this.building;
  }

  private async build(): Promise<IndexSnapshot> {
    const started = performance.now();
    this.signature = await this.storeSignature();
    const [set] = await this.store.latestPersonaSets(this.project(), 1);
    const personaOf = new Map<string, string>();
    for (const p of set?.personas ?? []) {
      const evidence = (p.details as { evidence?: unknown }).evidence;
      if (Array.isArray(evidence)) for (const id of evidence) if (typeof id === 'string') personaOf.set(id, p.id);
    }
    const rows: IndexedRow[] = [];
    let batch: RadarDocument[] = [];
    const flush = async () => {
      const analyses = new Map((await this.store.getAnalyses(batch.map((d) => d._id))).map((a) => [a.docId, a]));
      for (const doc of batch) {
        const found = analyses.get(doc._id);
        const a = found && found.contentHash === doc.contentHash ? found : undefined;
        const persona = personaOf.get(doc._id);
        // The embedded store hands out the same frozen records until they change: a document whose
        // record, analysis and persona are those of the last build keeps its row.
        const known = this.rowsByDoc.get(doc);
        if (known && known.analysis === a && known.persona === persona) rows.push(known);
        else {
          const row = indexRow(doc, a, persona);
          this.rowsByDoc.set(doc, row);
          rows.push(row);
        }
      }
      batch = [];
    };
    for await (const doc of this.store.findDocuments({}, { sort: '_id' })) {
      batch.push(doc);
      if (batch.length >= 1000) await flush();
    }
    if (batch.length) await flush();
    rows.sort((a, b) => (a.date === b.date ? (a.doc.firstSeenAt < b.doc.firstSeenAt ? 1 : -1) : a.date < b.date ? 1 : -1));
    const buildMs = Math.round(performance.now() - started);
    this.log.info({ documents: rows.length, ms: buildMs }, 'explorer index built');
    return { rows, version: this.snapshot.version + 1, builtAt: new Date().toISOString(), buildMs, personaSetId: set?._id };
  }
}

/** The indexed form of one document. */
export function indexRow(doc: RadarDocument, analysis: Analysis | undefined, persona?: string): IndexedRow {
  const text = analysisText(doc);
  const aspects = new Set<string>();
  for (const m of analysis?.aspects ?? []) {
    aspects.add(m.term.toLowerCase());
    if (m.category) aspects.add(m.category);
  }
  const row: IndexedRow = {
    doc,
    text,
    folded: fold(text),
    date: doc.publishedAt ?? '',
    aspects: [...aspects],
    themes: analysis ? themeKeysOf(analysis) : [],
    brands: [...new Set([doc.brand, ...(doc.brands ?? [])].filter((b): b is string => !!b))],
    products: [...new Set([doc.product, ...(doc.products ?? [])].filter((p): p is string => !!p))],
  };
  if (analysis) {
    row.analysis = analysis;
    row.sentiment = analysis.sentiment.label;
    row.lang = analysis.lang;
  }
  const stars = fiveStar(doc.rating);
  if (stars !== undefined) row.stars = stars;
  if (doc.publishedAt) row.month = doc.publishedAt.slice(0, 7);
  if (persona) row.persona = persona;
  return row;
}
