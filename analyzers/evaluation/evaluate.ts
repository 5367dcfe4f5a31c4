/**
 * Evaluation helpers: loaders for the labelled sets under a data folder (the caller gives the path,
 * e.g. `../shared/data`) and strict metrics. Strict means a system that abstains is wrong: on a
 * binary set a neutral answer (or a zero score) counts as a miss. `radar validate` reuses these.
 * This is the only analyzer file that reads files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import type { Polarity } from '../../domain/types.js';

/** A labelled text. */
export interface LabelledText {
  /** The text. */
  text: string;
  /** Gold label. */
  label: Polarity;
  /** Which set (and part) it comes from, e.g. "uci/amazon". */
  set: string;
  /** Declared language of the set. */
  lang: string;
  /** The raters' mean on −4…+4, for sets rated on a scale (the VADER ground truth). */
  rating?: number;
}

/** Strict binary figures. */
export interface BinaryResult {
  /** Items scored. */
  n: number;
  /** Correct polar answers / n (neutral answers count as misses). */
  accuracy: number;
  /** Share of items answered neutral. */
  abstained: number;
}

/** Three-class figures. */
export interface ThreeClassResult {
  /** Items scored. */
  n: number;
  /** Macro-averaged F1 over positive, neutral, negative. */
  macroF1: number;
  /** Plain accuracy. */
  accuracy: number;
  /** F1 per class. */
  f1: Record<Polarity, number>;
}

/** Something that labels a text (ours, or a peer package for comparison). */
export type Labeller = (text: string, lang: string) => Polarity;

/** The UCI sentence sets (Kotzias et al., KDD 2015; CC BY 4.0). */
export type UciPart = 'amazon' | 'yelp';

/** The UCI files, by part. */
export const UCI_FILES: Record<UciPart, string> = { amazon: 'amazon_cells_labelled.txt', yelp: 'yelp_labelled.txt' };

/** Loads UCI review sentences: one "text<TAB>0|1" per line, split on the last tab (texts may hold quotes). */
export function loadUciSentences(dataDir: string, part: UciPart): LabelledText[] {
  const raw = readFileSync(join(dataDir, 'en-uci-sentences', UCI_FILES[part]), 'utf8');
  const out: LabelledText[] = [];
  for (const line of raw.split(/\r?\n/)) {
    const tab = line.lastIndexOf('\t');
    if (tab < 0) continue;
    const label = line.slice(tab + 1).trim();
    if (label !== '0' && label !== '1') continue;
    out.push({ text: line.slice(0, tab).trim(), label: label === '1' ? 'positive' : 'negative', set: `uci/${part}`, lang: 'en' });
  }
  return out;
}

function csvRows(path: string): Record<string, string>[] {
  return parse(readFileSync(path), {
    columns: true,
    skip_empty_lines: true,
    relax_quotes: true,
    relax_column_count: true,
    bom: true,
  }) as Record<string, string>[];
}

/**
 * Loads the clothing reviews (CC0) with labels from their star rating: 4–5 positive, 3 neutral, 1–2
 * negative. `part` "evaluation" is clothing_reviews.csv (2,500 reviews), "train" is clothing_train.csv
 * (18,484 more of the same set, sharing no row or text with the first).
 */
export function loadClothingReviews(dataDir: string, part: 'evaluation' | 'train' = 'evaluation'): LabelledText[] {
  const file = part === 'train' ? 'clothing_train.csv' : 'clothing_reviews.csv';
  return csvRows(join(dataDir, 'en-clothing-reviews', file))
    .filter((r) => r['Review Text']?.trim())
    .map((r) => {
      const stars = Number(r.Rating);
      const title = r.Title?.trim();
      const text = title ? `${title}\n${r['Review Text']!.trim()}` : r['Review Text']!.trim();
      const label: Polarity = stars >= 4 ? 'positive' : stars <= 2 ? 'negative' : 'neutral';
      return { text, label, set: part === 'train' ? 'clothing-train' : 'clothing', lang: 'en' };
    });
}

/** The four sets of Hutto & Gilbert's human-rated ground truth (MIT). */
export type VaderPart = 'tweets' | 'amazon' | 'movies' | 'nyt';

/** The VADER ground-truth files, by part. */
export const VADER_FILES: Record<VaderPart, string> = {
  tweets: 'tweets_GroundTruth.txt',
  amazon: 'amazonReviewSnippets_GroundTruth.txt',
  movies: 'movieReviewSnippets_GroundTruth.txt',
  nyt: 'nytEditorialSnippets_GroundTruth.txt',
};

/**
 * Where a raters' mean on −4…+4 stops being neutral: nearer "slightly" (±1) than "neutral" (0).
 * Means within ±NEUTRAL_RATING are neutral.
 */
export const NEUTRAL_RATING = 0.5;

/** The label of a raters' mean on −4…+4 (see NEUTRAL_RATING). */
export function labelOfRating(mean: number): Polarity {
  return mean >= NEUTRAL_RATING ? 'positive' : mean <= -NEUTRAL_RATING ? 'negative' : 'neutral';
}

/**
 * Loads one set of the VADER ground truth (Hutto & Gilbert, ICWSM 2014; MIT): "id<TAB>mean<TAB>text"
 * per line, the mean of ~20 raters on −4…+4, labelled by `labelOfRating`.
 */
export function loadVaderGroundTruth(dataDir: string, part: VaderPart): LabelledText[] {
  const raw = readFileSync(join(dataDir, 'en-vader-ground-truth', VADER_FILES[part]), 'utf8');
  const out: LabelledText[] = [];
  for (const line of raw.split(/\r?\n/)) {
    const first = line.indexOf('\t');
    const second = line.indexOf('\t', first + 1);
    if (first < 0 || second < 0) continue;
    const rating = Number(line.slice(first + 1, second));
    const text = line.slice(second + 1).trim();
    if (!Number.isFinite(rating) || !text) continue;
    out.push({ text, label: labelOfRating(rating), set: `vader/${part}`, lang: 'en', rating });
  }
  return out;
}

/** Loads the airline tweets (evaluation only: CC BY-NC-SA), three classes. */
export function loadAirlineTweets(dataDir: string): LabelledText[] {
  return csvRows(join(dataDir, 'en-airline-tweets', 'tweets.csv'))
    .filter((r) => r.text && ['positive', 'neutral', 'negative'].includes(r.airline_sentiment ?? ''))
    .map((r) => ({ text: r.text!, label: r.airline_sentiment as Polarity, set: 'airline-tweets', lang: 'en' }));
}

/** Loads the Chinese hotel reviews (ChnSentiCorp; evaluation only), binary. */
export function loadChineseHotelReviews(dataDir: string): LabelledText[] {
  return csvRows(join(dataDir, 'zh-reviews', 'hotel_reviews.csv'))
    .filter((r) => r.review?.trim() && (r.label === '0' || r.label === '1'))
    .map((r) => ({ text: r.review!.trim(), label: r.label === '1' ? 'positive' : 'negative', set: 'zh-hotel', lang: 'zh' }));
}

/** Loads the Persian product sentences (SentiPers; evaluation only): −2…+2 mapped to three classes. */
export function loadPersianSentences(dataDir: string): LabelledText[] {
  return csvRows(join(dataDir, 'fa-product-sentences', 'train.csv'))
    .filter((r) => r.text?.trim() && /^-?[0-2]$/.test(r.label?.trim() ?? ''))
    .map((r) => {
      const v = Number(r.label);
      return {
        text: r.text!.trim(),
        label: v > 0 ? 'positive' : v < 0 ? 'negative' : 'neutral',
        set: 'fa-sentipers',
        lang: 'fa',
      } as LabelledText;
    });
}

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  // Texts are kept exactly as stored (entities decoded): the files' character offsets point into them.
  trimValues: false,
  isArray: (name) => ['review', 'aspect', 'sentence', 'aspectTerm'].includes(name),
});

/** Parses a labelled-data XML file; repeated elements (reviews, sentences, aspects) are always arrays. */
export function readLabelledXml(file: string): Record<string, unknown> {
  return xmlParser.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

interface SentiRuAspect {
  category?: string;
  from: string;
  to: string;
  sentiment?: string;
}

/** The reviews of a SentiRuEval-2015 file: text and aspect mentions. */
function sentiRuReviews(dataDir: string, domain: 'rest' | 'car'): { text: string; aspects: SentiRuAspect[] }[] {
  const doc = readLabelledXml(join(dataDir, 'ru-sentirueval2015-absa', `SentiRuEval_${domain}_markup_train.xml`)) as {
    reviews?: { review?: { text?: string; aspects?: { aspect?: SentiRuAspect[] } }[] };
  };
  return (doc.reviews?.review ?? [])
    .filter((r) => typeof r.text === 'string' && r.text.length > 0)
    .map((r) => ({ text: r.text!, aspects: r.aspects?.aspect ?? [] }));
}

/**
 * Loads SentiRuEval-2015 reviews (evaluation only) with a document label from their aspect
 * sentiments: the "Whole" category's polar verdicts, else all polar aspects, by majority; reviews
 * with no majority are left out.
 */
export function loadRussianReviews(dataDir: string, domain: 'rest' | 'car' = 'rest'): LabelledText[] {
  const out: LabelledText[] = [];
  for (const { text, aspects } of sentiRuReviews(dataDir, domain)) {
    const count = (onlyWhole: boolean) => {
      let pos = 0;
      let neg = 0;
      for (const a of aspects) {
        if (onlyWhole && a.category !== 'Whole') continue;
        if (a.sentiment === 'positive') pos++;
        else if (a.sentiment === 'negative') neg++;
      }
      return { pos, neg };
    };
    let { pos, neg } = count(true);
    if (pos === neg) ({ pos, neg } = count(false));
    if (pos === neg) continue;
    out.push({ text: text.trim(), label: pos > neg ? 'positive' : 'negative', set: `ru-${domain}`, lang: 'ru' });
  }
  return out;
}

/**
 * Loads SentiRuEval-2015 sentences (evaluation only) with three classes from the aspect mentions
 * inside each sentence: only positive (and neutral) aspects → positive; only negative (and neutral)
 * → negative; only neutral aspects, or none → neutral; sentences with both polarities (or "both")
 * and sentences under three words are left out.
 */
export function loadRussianSentences(dataDir: string, domain: 'rest' | 'car'): LabelledText[] {
  const out: LabelledText[] = [];
  for (const review of sentiRuReviews(dataDir, domain)) {
    const { text } = review;
    const aspects = review.aspects.map((a) => ({ from: Number(a.from), to: Number(a.to), sentiment: a.sentiment ?? '' }));
    for (const sm of text.matchAll(/[^.!?…\n]+[.!?…]*/g)) {
      const start = sm.index;
      const end = start + sm[0].length;
      const sentence = sm[0].trim();
      if (sentence.split(/\s+/).length < 3) continue;
      const pols = aspects.filter((a) => a.from < end && a.to > start).map((a) => a.sentiment);
      const pos = pols.includes('positive');
      const neg = pols.includes('negative');
      if (pols.includes('both') || (pos && neg)) continue;
      out.push({ text: sentence, label: pos ? 'positive' : neg ? 'negative' : 'neutral', set: `ru-${domain}-sentences`, lang: 'ru' });
    }
  }
  return out;
}

/** Strict binary accuracy over items with a polar gold label; neutral answers count as misses. */
export function binaryAccuracy(items: readonly LabelledText[], predict: Labeller): BinaryResult {
  let n = 0;
  let right = 0;
  let neutral = 0;
  for (const item of items) {
    if (item.label === 'neutral') continue;
    n++;
    const p = predict(item.text, item.lang);
    if (p === 'neutral') neutral++;
    else if (p === item.label) right++;
  }
  return { n, accuracy: n ? right / n : 0, abstained: n ? neutral / n : 0 };
}

/** Three-class accuracy and macro-F1. */
export function threeClass(items: readonly LabelledText[], predict: Labeller): ThreeClassResult {
  const classes: Polarity[] = ['positive', 'neutral', 'negative'];
  const tp: Record<Polarity, number> = { positive: 0, neutral: 0, negative: 0 };
  const fp: Record<Polarity, number> = { positive: 0, neutral: 0, negative: 0 };
  const fn: Record<Polarity, number> = { positive: 0, neutral: 0, negative: 0 };
  let right = 0;
  for (const item of items) {
    const p = predict(item.text, item.lang);
    if (p === item.label) {
      tp[p]++;
      right++;
    } else {
      fp[p]++;
      fn[item.label]++;
    }
  }
  const f1 = {} as Record<Polarity, number>;
  for (const c of classes) {
    const precision = tp[c] + fp[c] ? tp[c] / (tp[c] + fp[c]) : 0;
    const recall = tp[c] + fn[c] ? tp[c] / (tp[c] + fn[c]) : 0;
    f1[c] = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  }
  return { n: items.length, macroF1: (f1.positive + f1.neutral + f1.negative) / 3, accuracy: items.length ? right / items.length : 0, f1 };
}

/** Turns a signed score into a label: zero is neutral. */
export function labelOfScore(score: number, band = 0): Polarity {
  return score > band ? 'positive' : score < -band ? 'negative' : 'neutral';
}

/** A labeller for the `sentiment` package (AFINN-165), the baseline our figures are measured against. */
export async function sentimentPackageLabeller(): Promise<Labeller> {
  const Sentiment = (await import('sentiment')).default;
  const s = new Sentiment();
  return (text) => labelOfScore(s.analyze(text).score);
}

/**
 * A labeller for VADER (vader-sentiment, a development dependency), with VADER's documented
 * thresholds (compound ≥ 0.05 positive, ≤ −0.05 negative); undefined when it is not installed.
 */
export async function vaderLabeller(): Promise<Labeller | undefined> {
  try {
    const vader = (await import('vader-sentiment')).default;
    return (text) => labelOfScore(vader.SentimentIntensityAnalyzer.polarity_scores(text).compound, 0.0499);
  } catch {
    return undefined;
  }
}
