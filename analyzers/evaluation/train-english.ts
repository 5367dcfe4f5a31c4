/**
 * Trains the English sentiment model (analyzers/sentiment/model.ts) and writes
 * analyzers/sentiment/models/en-sentiment.{json,bin}. Reproducible: the same data gives the same
 * bytes (fit-linear.ts: a seeded order, no clock).
 *
 *   npm run train:en                         # reads ../shared/data
 *   node dist/analyzers/evaluation/train-english.js --data DIR --out BASE
 *
 * Reads only the training domains of english-corpus.ts, whose licences allow a shipped model. Labels:
 * star ratings 4–5 positive, 3 neutral, 1–2 negative; the VADER raters' means by `labelOfRating`
 * (within ±0.5 of 0 neutral). Head P learns from the polar items, head Q from all. The L2
 * strength of each head is chosen on a fixed fifth of the training items (splits.ts), then the
 * model is fitted on all of them. `radar validate` calls `trainEnglish` with a domain left out.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Polarity } from '../../domain/types.js';
import type { AnalysisRecord } from '../record.js';
import { BucketCollector, BUCKETS, DENSE_FEATURES, denseFeatures, HASH_BITS } from '../sentiment/features.js';
import { lexiconFingerprint } from '../sentiment/lexicons/english-lexicon.js';
import { CLASSES, type EnglishModel } from '../sentiment/model.js';
import { sentencesStage } from '../stages/sentences.js';
import { documentSentiment, scoreSentences } from '../stages/sentiment.js';
import { hasDomain, TRAINING_DOMAINS, type TrainingDomain } from './english-corpus.js';
import { NEUTRAL_RATING, type LabelledText } from './evaluate.js';
import { type FitSettings, fitHeads, predictRow, type TrainingRow } from './fit-linear.js';
import { isHeldOut } from './splits.js';

/** Version of the model this trainer writes. */
export const MODEL_VERSION = 'en-hashed-2';

/** A labelled text as the model reads it. */
export interface FeaturedItem {
  /** The item. */
  item: LabelledText;
  /** Training domain it belongs to. */
  domain: string;
  /** Buckets of its n-grams. */
  rows: Int32Array;
  /** Dense features. */
  dense: Float64Array;
}

const sentences = sentencesStage();
let collector: BucketCollector | undefined;

/** Features of a text as the pipeline sees it (English, lexicon scorer run first, document rows = union of sentence rows). */
export function textFeatures(text: string): { rows: Int32Array; dense: Float64Array } {
  collector ??= new BucketCollector();
  const record: AnalysisRecord = { text, lang: 'en', supported: true };
  sentences.run(record);
  const list = record.sentences ?? [];
  scoreSentences(list, 'en', text);
  const c = collector;
  const rows = c.union(list.map((s) => c.of([s])));
  return { rows: Int32Array.from(rows), dense: Float64Array.from(denseFeatures(list, documentSentiment(list))) };
}

/** Features of a domain's items. */
export function featurize(items: readonly LabelledText[], domain: string): FeaturedItem[] {
  return items.map((item) => ({ item, domain, ...textFeatures(item.text) }));
}

/** The fixed fit settings (the L2 strengths are chosen per training run). */
const EPOCHS = 6;
const RATE = 0.1;
const LAMBDAS = [1e-5, 1e-4, 1e-3, 1e-2];

/**
 * Training rows from featured items: P reads the polar ones, Q all, its classes balanced. Each
 * domain weighs by the square root of its share's inverse, so no large domain (18k clothing
 * reviews, 10k film snippets) decides alone what the model learns about language in general.
 */
export function trainingRows(items: readonly FeaturedItem[]): TrainingRow[] {
  const counts = [0, 0, 0];
  const perDomain = new Map<string, number>();
  for (const f of items) {
    counts[CLASSES.indexOf(f.item.label)]!++;
    perDomain.set(f.domain, (perDomain.get(f.domain) ?? 0) + 1);
  }
  const total = items.length;
  const balance = counts.map((n) => (n ? total / (3 * n) : 0));
  const domainWeight = new Map([...perDomain].map(([d, n]) => [d, Math.sqrt(total / perDomain.size / n)]));
  return items.map((f) => {
    const y = CLASSES.indexOf(f.item.label as Polarity);
    const dw = domainWeight.get(f.domain)!;
    return { rows: f.rows, dense: f.dense, y, wP: y === 1 ? 0 : dw, wQ: balance[y]! * dw };
  });
}

function macroF1(gold: number[], pred: number[]): number {
  let f = 0;
  let classes = 0;
  for (let c = 0; c < 3; c++) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (pred[i] === c && gold[i] === c) tp++;
      else if (pred[i] === c) fp++;
      else if (gold[i] === c) fn++;
    }
    if (tp + fn === 0) continue;
    classes++;
    const p = tp + fp ? tp / (tp + fp) : 0;
    const r = tp / (tp + fn);
    f += p + r ? (2 * p * r) / (p + r) : 0;
  }
  return classes ? f / classes : 0;
}

/** Chooses each head's L2 strength on the tuning fifth of the training items (fitted on the rest). */
function chooseLambdas(items: readonly FeaturedItem[], log: (m: string) => void, lambdas: readonly number[]): { p: number; q: number } {
  const tuning = items.filter((f) => isHeldOut(f.item.set, f.item.text));
  const fitOn = trainingRows(items.filter((f) => !isHeldOut(f.item.set, f.item.text)));
  let best = { p: lambdas[0]!, q: lambdas[0]!, accP: -1, f1Q: -1 };
  for (const lambda of lambdas) {
    const w = fitHeads(fitOn, { lambdaP: lambda, lambdaQ: lambda, epochs: EPOCHS, rate: RATE });
    let right = 0;
    let polar = 0;
    const gold: number[] = [];
    const pred: number[] = [];
    for (const f of tuning) {
      const y = CLASSES.indexOf(f.item.label);
      const { logit, label } = predictRow(w, f);
      if (y !== 1) {
        polar++;
        if ((logit >= 0 ? 2 : 0) === y) right++;
      }
      gold.push(y);
      pred.push(label);
    }
    const accP = right / Math.max(1, polar);
    const f1Q = macroF1(gold, pred);
    log(`  λ=${lambda}: P accuracy ${accP.toFixed(4)}, Q macro-F1 ${f1Q.toFixed(4)} (${tuning.length} tuning items)`);
    if (accP > best.accP) best = { ...best, p: lambda, accP };
    if (f1Q > best.f1Q) best = { ...best, q: lambda, f1Q };
  }
  return { p: best.p, q: best.q };
}

const round = (x: number, digits = 6) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** Fits a model on featured items with the given L2 strengths. */
export function fitModel(
  items: readonly FeaturedItem[],
  lambdas: { p: number; q: number },
  trainedOn: EnglishModel['meta']['trainedOn'],
  extra: Record<string, number | string> = {},
): EnglishModel {
  const settings: FitSettings = { lambdaP: lambdas.p, lambdaQ: lambdas.q, epochs: EPOCHS, rate: RATE };
  const w = fitHeads(trainingRows(items), settings);
  let maxAbs = 0;
  for (const v of w.sparse) if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
  // 16-bit integers: steps of maxAbs / 32,000, far below any weight that matters.
  const scale = round(maxAbs / 32000, 9) || 1e-9;
  const weights = new Int16Array(BUCKETS * 4);
  for (let i = 0; i < weights.length; i++) weights[i] = Math.round(w.sparse[i]! / scale);
  const D = DENSE_FEATURES.length;
  return {
    meta: {
      version: MODEL_VERSION,
      trainedOn,
      settings: {
        optimiser: `AdaGrad, ${EPOCHS} passes in a seeded order, base step ${RATE}`,
        lambdaP: lambdas.p,
        lambdaQ: lambdas.q,
        neutralRating: NEUTRAL_RATING,
        lexicon: lexiconFingerprint(),
        ...extra,
      },
      dense: [...DENSE_FEATURES],
      hashBits: HASH_BITS,
      scale,
      p: { bias: round(w.pBias), dense: [...w.pDense].map((x) => round(x)) },
      q: {
        bias: [...w.qBias].map((x) => round(x)),
        dense: [0, 1, 2].map((c) => [...w.qDense.subarray(c * D, (c + 1) * D)].map((x) => round(x))),
      },
    },
    weights,
  };
}

/** Options of a training run. */
export interface TrainOptions {
  /** Domains to leave out (by name). */
  without?: readonly string[];
  /** At most this many items per domain (tests). */
  limit?: number;
  /** L2 strengths to choose from. */
  lambdas?: readonly number[];
  /** Fixed L2 strengths (skips the choice). */
  fixedLambdas?: { p: number; q: number };
  /** Features already computed, by domain name (validation reuses them across its runs). */
  featured?: Map<string, FeaturedItem[]>;
}

/** The training domains found under a data folder, minus those left out. */
export function domainsFor(dataDir: string, without: readonly string[] = []): TrainingDomain[] {
  return TRAINING_DOMAINS.filter((d) => !without.includes(d.name) && hasDomain(dataDir, d));
}

/** Trains the model on the training domains under `dataDir`. */
export function trainEnglish(dataDir: string, log: (m: string) => void = () => {}, options: TrainOptions = {}): EnglishModel {
  const limit = options.limit ?? Infinity;
  const domains = domainsFor(dataDir, options.without);
  if (!domains.length)
    throw new Error(`no English training set found under ${dataDir} (looked for ${TRAINING_DOMAINS.map((d) => d.folder).join(', ')})`);
  const items: FeaturedItem[] = [];
  const trainedOn: EnglishModel['meta']['trainedOn'] = [];
  for (const d of domains) {
    const featured = options.featured?.get(d.name) ?? featurize(d.train(dataDir).slice(0, limit), d.name);
    options.featured?.set(d.name, featured);
    items.push(...featured);
    trainedOn.push({ set: `${d.folder}: ${d.description}`, licence: d.licence, items: featured.length });
    log(`  ${d.name}: ${featured.length} items`);
  }
  const lambdas = options.fixedLambdas ?? chooseLambdas(items, log, options.lambdas ?? LAMBDAS);
  return fitModel(items, lambdas, trainedOn, options.without?.length ? { without: options.without.join(', ') } : {});
}

/** Writes a model as `<base>.json` and `<base>.bin`. */
export function writeModel(model: EnglishModel, base: string): void {
  writeFileSync(`${base}.json`, `${JSON.stringify(model.meta, null, 1)}\n`);
  writeFileSync(`${base}.bin`, new Uint8Array(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength));
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const args = new Map<string, string>();
  for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
  const root = resolve(import.meta.dirname, '..', '..', '..');
  const data = resolve(args.get('data') ?? resolve(root, '..', 'shared', 'data'));
  const out = resolve(args.get('out') ?? resolve(root, 'analyzers', 'sentiment', 'models', 'en-sentiment'));
  const log = (m: string) => process.stderr.write(`${m}\n`);
  log(`training the English model on ${data}:`);
  const model = trainEnglish(data, log);
  writeModel(model, out);
  log(`wrote ${out}.json and ${out}.bin (λ P ${model.meta.settings.lambdaP}, Q ${model.meta.settings.lambdaQ})`);
}
