/**
 * A worker thread of the analyzer pool (see pool.ts): builds the pipeline once, from the options in
 * `workerData`, and analyses the batches it is given.
 */
import { workerData } from 'node:worker_threads';
import type { TextAnalysis } from '../domain/types.js';
import { createPipeline, type PipelineOptions } from './pipeline.js';
import type { TextInput } from './pool.js';

const pipeline = createPipeline((workerData ?? {}) as PipelineOptions);

/** Analyses a batch of texts, in order. */
export default function analyzeBatch(items: TextInput[]): TextAnalysis[] {
  return items.map((i) => pipeline.analyze(i.text, i.lang ? { lang: i.lang } : undefined));
}

/** Analyses a batch of texts, in order, each as its JSON text (cheaper to pass back than objects). */
export function analyzeBatchJson(items: TextInput[]): string[] {
  return items.map((i) => JSON.stringify(pipeline.analyze(i.text, i.lang ? { lang: i.lang } : undefined)));
}
