/**
 * Analyses many texts at a time, on several cores when asked. With one thread the pipeline runs in
 * this thread; with more, that many worker threads (piscina) each build the same pipeline from the
 * same options, and every call is split between them. Results come back in input order and are the
 * same as one thread's.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { TextAnalysis } from '../domain/types.js';
import { UsageError } from '../domain/errors.js';
import { ANALYZER_VERSION, createPipeline, type PipelineOptions } from './pipeline.js';

/** One text to analyse, with its declared language when known. */
export interface TextInput {
  text: string;
  lang?: string;
}

/** Analyses batches of texts. */
export interface TextAnalyzer {
  /** Analyzer version (the pipeline's). */
  readonly version: string;
  /** Threads analysing. */
  readonly threads: number;
  /** Analyses the texts; results in input order. */
  analyzeMany(items: TextInput[]): Promise<TextAnalysis[]>;
  /** The same, each result as its JSON text. */
  analyzeManyJson(items: TextInput[]): Promise<string[]>;
  /** Stops the worker threads. */
  close(): Promise<void>;
}

/** Most threads `--threads` accepts. */
export const MAX_THREADS = 64;
/** Fewest texts worth sending to a worker in one message. */
const MIN_CHUNK = 16;

/** Reads a `--threads` value: a whole number from 1 to 64, or "auto" for one per core. */
export function parseThreads(value: unknown): number {
  if (value === undefined || value === null || value === '') return 1;
  if (value === 'auto') return Math.min(MAX_THREADS, availableParallelism());
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_THREADS) {
    throw new UsageError(`--threads must be a whole number from 1 to ${MAX_THREADS}, or "auto" (one per core); got "${String(value)}"`);
  }
  return n;
}

/** Builds an analyzer on `threads` threads. */
export async function createTextAnalyzer(options: PipelineOptions, threads = 1): Promise<TextAnalyzer> {
  if (threads <= 1) {
    const pipeline = createPipeline(options);
    return {
      version: pipeline.version,
      threads: 1,
      analyzeMany: async (items) => items.map((i) => pipeline.analyze(i.text, i.lang ? { lang: i.lang } : undefined)),
      analyzeManyJson: async (items) => items.map((i) => JSON.stringify(pipeline.analyze(i.text, i.lang ? { lang: i.lang } : undefined))),
      close: async () => undefined,
    };
  }
  // Build one pipeline here first: a bad option fails now, with the pipeline's own message.
  createPipeline(options);
  const filename = fileURLToPath(new URL('./pool-worker.js', import.meta.url));
  if (!existsSync(filename))
    throw new Error(`analyzer worker threads need the built analyzers (${filename} is missing); run npm run build`);
  const { Piscina } = await import('piscina');
  const pool = new Piscina({ filename, workerData: options, minThreads: threads, maxThreads: threads, idleTimeout: 60_000 });
  const split = async <T>(items: TextInput[], name: string): Promise<T[]> => {
    if (!items.length) return [];
    const size = Math.max(MIN_CHUNK, Math.ceil(items.length / threads));
    const chunks: TextInput[][] = [];
    for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
    const results = await Promise.all(chunks.map((c) => pool.run(c, { name }) as Promise<T[]>));
    return results.flat();
  };
  return {
    version: ANALYZER_VERSION,
    threads,
    analyzeMany: (items) => split<TextAnalysis>(items, 'default'),
    analyzeManyJson: (items) => split<string>(items, 'analyzeBatchJson'),
    close: () => pool.destroy(),
  };
}
