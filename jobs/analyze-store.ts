/**
 * The analyze job: every stored document without a current analysis (none yet, an older analyzer
 * version, or content edited since) is analysed and its analysis stored, in batches.
 */
import type { Logger } from 'pino';
import type { RadarConfig } from '../config/schema.js';
import type { Analysis, RadarDocument } from '../domain/types.js';
import { analysisText, createPipeline, type Pipeline } from '../analyzers/pipeline.js';
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
}

/** Builds the analyzer pipeline for a project: its aspect taxonomy and its brands as comparison targets. */
export function projectPipeline(config: Pick<RadarConfig, 'analysis' | 'brands'>): Pipeline {
  return createPipeline({
    aspects: config.analysis.aspects,
    competitors: config.brands.map((b) => ({ id: b.id, names: [b.name, ...b.aliases] })),
  });
}

/** Analyses one document (the record stored for it). */
export function analyzeDocument(pipeline: Pipeline, doc: RadarDocument, duplicate: boolean, now: string): Analysis {
  const result = pipeline.analyze(analysisText(doc), doc.lang ? { lang: doc.lang } : undefined);
  return {
    ...result,
    signals: { ...result.signals, duplicate: duplicate || !!doc.dupOf },
    _id: doc._id,
    docId: doc._id,
    version: pipeline.version,
    contentHash: doc.contentHash,
    analyzedAt: now,
  };
}

/** Analyses every document that needs it. */
export async function analyzeStore(
  config: Pick<RadarConfig, 'analysis' | 'brands'>,
  store: Store,
  options: { query?: DocumentQuery; batchSize?: number; force?: boolean; log?: Logger } = {},
): Promise<AnalyzeOutcome> {
  const log = options.log ?? stageLogger('analyze');
  const pipeline = projectPipeline(config);
  const batchSize = options.batchSize ?? 500;
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

  const outcome: AnalyzeOutcome = { analyzed: 0, current: 0, total: 0, version: pipeline.version };
  let batch: RadarDocument[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const existing = new Map((await store.getAnalyses(batch.map((d) => d._id))).map((a) => [a.docId, a]));
    const now = new Date().toISOString();
    const fresh: Analysis[] = [];
    for (const doc of batch) {
      const prev = existing.get(doc._id);
      const dup = duplicated.has(doc._id) || !!doc.dupOf;
      if (!options.force && prev && prev.version === pipeline.version && prev.contentHash === doc.contentHash && !!prev.signals.duplicate === dup) {
        outcome.current++;
        continue;
      }
      fresh.push(analyzeDocument(pipeline, doc, dup, now));
    }
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
