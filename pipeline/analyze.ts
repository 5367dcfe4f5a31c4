/**
 * The analyze job: every stored document without a current analysis (none yet, an older analyzer
 * version, or content edited since) is analysed and its analysis stored, in batches.
 */
import type { Logger } from 'pino';
import type { RadarConfig } from '../config/schema.js';
import type { Analysis, RadarDocument } from '../domain/types.js';
import { analysisText, type PipelineOptions } from '../analyzers/pipeline.js';
import { createTextAnalyzer, type TextAnalyzer } from '../analyzers/pool.js';
import type { TextAnalysis } from '../domain/types.js';
import type { DocumentQuery, Store } from '../storage/store.js';
import { MIN_DUPLICATE_TEXT } from '../storage/upsert-plan.js';
import { stageLogger } from '../log/logger.js';

/** What an analyze run did. */
export interface AnalyzeOutcome {
  /** Documents analysed now. */
  analyzed: number;
  /** Documents whose analysis was already current. */
  current: number;
  /** Documents seen. */
  total: number;
  /** Analyzer version used. */
  version: string;
  /** Threads it analysed on. */
  threads: number;
}

/** The analyzer options of a project: its aspect taxonomy and its brands as comparison targets. */
export function projectPipelineOptions(config: Pick<RadarConfig, 'analysis' | 'brands'>): PipelineOptions {
  return {
    aspects: config.analysis.aspects,
    domains: config.analysis.domains,
    competitors: config.brands.map((b) => ({ id: b.id, names: [b.name, ...b.aliases] })),
    names: config.brands.flatMap((b) => [b.name, ...b.aliases, ...b.products.flatMap((p) => [p.name, ...p.aliases])]),
    maxTextChars: config.analysis.maxTextChars,
  };
}

/** The record stored for a document's analysis. */
function analysisRecord(result: TextAnalysis, version: string, doc: RadarDocument, duplicate: boolean, now: string): Analysis {
  return {
    ...result,
    signals: { ...result.signals, duplicate: duplicate || !!doc.dupOf },
    _id: doc._id,
    docId: doc._id,
    version,
    contentHash: doc.contentHash,
    analyzedAt: now,
  };
}

/** Analyses every document that needs it. */
export async function analyzeStore(
  config: Pick<RadarConfig, 'analysis' | 'brands'>,
  store: Store,
  options: { query?: DocumentQuery; batchSize?: number; force?: boolean; log?: Logger; threads?: number } = {},
): Promise<AnalyzeOutcome> {
  const log = options.log ?? stageLogger('analyze');
  const analyzer = await createTextAnalyzer(projectPipelineOptions(config), options.threads ?? 1);
  try {
    return await analyzeWith(analyzer, store, options, log);
  } finally {
    await analyzer.close();
  }
}

async function analyzeWith(
  analyzer: TextAnalyzer,
  store: Store,
  options: { query?: DocumentQuery; batchSize?: number; force?: boolean },
  log: Logger,
): Promise<AnalyzeOutcome> {
  // Each worker thread gets a few hundred documents per batch.
  const batchSize = options.batchSize ?? 500 * analyzer.threads;
  const query: DocumentQuery = { includeDuplicates: true, ...options.query };

  // Texts posted more than once under different names: the first one seen is the original.
  const firstByText = new Map<string, string>();
  const duplicated = new Set<string>();
  for await (const doc of store.findDocuments(query, { sort: '_id' })) {
    if (doc.body.length < MIN_DUPLICATE_TEXT || doc.dupOf) continue;
    const first = firstByText.get(doc.textKey);
    if (first === undefined) firstByText.set(doc.textKey, doc._id);
    else duplicated.add(doc._id);
  }

  const outcome: AnalyzeOutcome = { analyzed: 0, current: 0, total: 0, version: analyzer.version, threads: analyzer.threads };
  let batch: RadarDocument[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const existing = new Map((await store.getAnalyses(batch.map((d) => d._id))).map((a) => [a.docId, a]));
    const now = new Date().toISOString();
    const todo: { doc: RadarDocument; dup: boolean }[] = [];
    for (const doc of batch) {
      const prev = existing.get(doc._id);
      const dup = duplicated.has(doc._id) || !!doc.dupOf;
      if (
        !options.force &&
        prev &&
        prev.version === analyzer.version &&
        prev.contentHash === doc.contentHash &&
        !!prev.signals.duplicate === dup
      ) {
        outcome.current++;
        continue;
      }
      todo.push({ doc, dup });
    }
    const results = await analyzer.analyzeMany(
      todo.map(({ doc }) => ({ text: analysisText(doc), ...(doc.lang ? { lang: doc.lang } : {}) })),
    );
    const fresh = todo.map(({ doc, dup }, i) => analysisRecord(results[i]!, analyzer.version, doc, dup, now));
    if (fresh.length) await store.putAnalyses(fresh);
    outcome.analyzed += fresh.length;
    batch = [];
  };
  for await (const doc of store.findDocuments(query, { sort: '_id' })) {
    outcome.total++;
    batch.push(doc);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  log.info({ analyzed: outcome.analyzed, current: outcome.current, version: outcome.version }, 'analysis finished');
  return outcome;
}
