/**
 * The sentiment scorers' tunable numbers and the shared rule that turns a raw valence sum into a
 * verdict. Kept apart from the scorers so a later phase can fit the numbers on labelled data and
 * pass them in without touching the rules.
 */
import type { Sentiment } from '../../domain/types.js';

/** The scorer's tunable numbers. */
export interface SentimentWeights {
  /** Factor for a negated positive opinion ("not good"). */
  negatePositive: number;
  /** Factor for a negated negative opinion ("not bad" is mildly positive). */
  negateNegative: number;
  /** How many words (skipping articles, "very", "be"…) a negator reaches forward. */
  negationWindow: number;
  /** Weight of clauses before a "but". */
  contrastBefore: number;
  /** Weight of clauses from a "but" on. */
  contrastAfter: number;
  /** Weight of a concessive clause ("although it is cheap"). */
  concessive: number;
  /** Valence added per "!" (up to four) in the sentence's direction. */
  exclamation: number;
  /** Factor for questions (they ask more than they judge). */
  question: number;
  /** Factor for an opinion written in capitals inside a mixed-case text. */
  caps: number;
  /** Factor for a positive opinion in an irrealis frame ("would have been great"). */
  irrealis: number;
  /** Valence of "too" before a neutral adjective ("too small"). */
  tooComplaint: number;
  /** Normalisation constant: score = raw / sqrt(raw² + alpha). */
  alpha: number;
  /** Weight of a verdict sentence ("Overall, …") in the document. */
  verdict: number;
  /** Weight of a review's last sentence, which often states the verdict. */
  lastSentence: number;
  /** Scores within ±neutralBand are labelled neutral. */
  neutralBand: number;
}

/** Default weights, tuned on the Amazon half of the UCI sentences (see evaluate.test.ts). */
export const DEFAULT_WEIGHTS: Readonly<SentimentWeights> = Object.freeze({
  negatePositive: -0.74,
  negateNegative: -0.5,
  negationWindow: 3,
  contrastBefore: 0.5,
  contrastAfter: 1.5,
  concessive: 0.5,
  exclamation: 0.292,
  question: 0.5,
  caps: 1.3,
  irrealis: -0.5,
  tooComplaint: -1.2,
  alpha: 15,
  verdict: 1.5,
  lastSentence: 1.2,
  neutralBand: 0.05,
});

/** Turns a raw valence sum and its evidence into a sentiment (score, label, confidence). */
export function verdict(raw: number, evidence: number, w: Pick<SentimentWeights, 'alpha' | 'neutralBand'>): Sentiment {
  if (raw === 0 || evidence === 0) return { label: 'neutral', score: 0, confidence: 0 };
  const score = raw / Math.sqrt(raw * raw + w.alpha);
  const agreement = Math.min(1, Math.abs(raw) / evidence);
  const confidence = round(agreement * (1 - Math.exp(-evidence / 3)));
  const label = score > w.neutralBand ? 'positive' : score < -w.neutralBand ? 'negative' : 'neutral';
  return { label, score: round(score), confidence };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
