/**
 * The sentiment stage: scores every sentence (English with the full scorer, ru/de/fa/zh with first
 * lexicons), then the document from its sentences; for English the trained model
 * (../sentiment/model.ts) then gives the final verdicts, reading the lexicon scores as features — a sentence opening with "But"/"However" takes
 * weight from the one before, and verdict sentences ("Overall, …") and the last sentence weigh more.
 * Only text is scored: a rating, when the document has one, never enters. Unsupported languages get
 * a neutral, zero-confidence verdict rather than being scored as English.
 */
import type { Sentiment } from '../../domain/types.js';
import { EN_CONTRAST, EN_VERDICT_OPENERS } from '../sentiment/lexicons/english.js';
import type { AnalysisRecord, Sentence, Stage } from '../record.js';
import { ironyMarks, markIrony, markPoliteness, mostlyCapitals, scoreEnglishSentence } from '../sentiment/english.js';
import { DEFAULT_WEIGHTS, verdict, type SentimentWeights } from '../sentiment/weights.js';
import { hasLexicon, scoreOtherSentence } from '../sentiment/other-languages.js';
import { denseFeatures, type SentenceStats, sentenceStats } from '../sentiment/features.js';
import { englishModel, modelVerdict } from '../sentiment/model.js';
import { chineseLogOdds } from '../sentiment/chinese-bayes.js';

/** The verdict for texts the analyzers cannot score. */
export const UNSCORED: Readonly<Sentiment> = Object.freeze({ label: 'neutral', score: 0, confidence: 0 });

const SENTENCE_CONTRAST = new Set([
  ...EN_CONTRAST,
  'still',
  'sadly',
  'но',
  'однако',
  'зато',
  'aber',
  'jedoch',
  'allerdings',
  'leider',
  'ولی',
  'اما',
  '但是',
  '但',
  '可是',
  '不过',
]);
const VERDICTS = EN_VERDICT_OPENERS.map((v) => v.split(' '));

/** Whether the sentence's words begin with one of the phrases (its words listed once, not once per phrase). */
function opensWithAny(sentence: Sentence, phrases: readonly string[][]): boolean {
  const toks = sentence.tokens.filter((t) => t.kind === 'word');
  return phrases.some((words) => words.every((w, i) => toks[i]?.norm === w));
}

/** Scores the sentences of a record in its language. */
export function scoreSentences(sentences: Sentence[], lang: string, text: string, w: SentimentWeights = DEFAULT_WEIGHTS): void {
  if (lang === 'en') {
    const caps = mostlyCapitals(text);
    for (const s of sentences) scoreEnglishSentence(s, w, caps);
    // Irony is read from the whole text; the sentences it touched are scored again.
    const irony = markIrony(sentences);
    if (markPoliteness(sentences) || irony) for (const s of sentences) if (ironyMarks(s)) scoreEnglishSentence(s, w, caps);
  } else {
    for (const s of sentences) scoreOtherSentence(s, lang, w);
  }
}

/** Combines scored sentences into the document's sentiment. */
export function documentSentiment(sentences: Sentence[], w: SentimentWeights = DEFAULT_WEIGHTS): Sentiment {
  const weights = new Float64Array(sentences.length).fill(1);
  sentences.forEach((s, i) => {
    const first = s.tokens.find((t) => t.kind === 'word');
    if (i > 0 && first && SENTENCE_CONTRAST.has(first.norm)) {
      weights[i]! *= w.contrastAfter;
      weights[i - 1]! *= w.contrastBefore;
    }
    if (opensWithAny(s, VERDICTS)) weights[i]! *= w.verdict;
  });
  if (sentences.length > 1) weights[sentences.length - 1]! *= w.lastSentence;
  let raw = 0;
  let evidence = 0;
  let bearing = 0;
  sentences.forEach((s, i) => {
    if (!s.raw) return;
    bearing++;
    raw += weights[i]! * s.raw;
    for (const o of s.opinions ?? []) evidence += Math.abs(o.value) * weights[i]!;
  });
  // Dividing by √(sentences with opinions) keeps long reviews from saturating at ±1.
  const scale = Math.sqrt(Math.max(1, bearing));
  return verdict(raw / scale, evidence / scale, w);
}

/** How much of the n-grams' lean a text without any opinion word keeps in its score. */
export const NO_OPINION_DAMPING = 0.25;

/**
 * A text in which the lexicon scorer found no opinion at all states no attitude: its label is
 * neutral with no confidence, whatever the n-grams lean to; its score keeps a quarter of their
 * lean (still signed, so a forced positive/negative choice can use it, but too weak to count as
 * praise or complaint).
 */
function labelled(model: Sentiment, lexicon: Sentiment): Sentiment {
  if (lexicon.confidence !== 0) return model;
  const score = Math.round(model.score * NO_OPINION_DAMPING * 1000) / 1000 || Math.sign(model.score) * 0.001;
  return { label: 'neutral', score, confidence: 0 };
}

/**
 * The verdict on a text with no opinion word when a weaker learned reader (Chinese naive Bayes)
 * leans one way: still neutral with no confidence, the score a small signed lean.
 */
function leaning(logOdds: number): Sentiment {
  if (logOdds === 0) return { label: 'neutral', score: 0, confidence: 0 };
  const score = Math.round(Math.tanh(logOdds / 10) * NO_OPINION_DAMPING * 1000) / 1000 || Math.sign(logOdds) * 0.001;
  return { label: 'neutral', score, confidence: 0 };
}

/** Whether a language has a sentiment scorer. */
export function canScore(lang: string): boolean {
  return lang === 'en' || hasLexicon(lang);
}

/** The sentiment stage: writes per-sentence opinions and verdicts, and `sentiment`. */
export function sentimentStage(weights: SentimentWeights = DEFAULT_WEIGHTS): Stage {
  return {
    name: 'sentiment',
    reads: ['lang', 'supported', 'sentences'],
    writes: ['sentiment'],
    run(record: AnalysisRecord): void {
      const sentences = record.sentences ?? [];
      const lang = record.lang ?? 'und';
      if (!record.supported || !canScore(lang)) {
        for (const s of sentences) s.sentiment = { ...UNSCORED };
        record.sentiment = { ...UNSCORED };
        return;
      }
      // No text (a rating-only review): nothing said, so no lean either way — not the model's bias.
      if (!sentences.length) {
        record.sentiment = { label: 'neutral', score: 0, confidence: 0 };
        return;
      }
      scoreSentences(sentences, lang, record.text, weights);
      const lexicon = documentSentiment(sentences, weights);
      const model = lang === 'en' ? englishModel() : null;
      if (!model) {
        record.sentiment = lang === 'zh' && lexicon.score === 0 ? leaning(chineseLogOdds(sentences)) : lexicon;
        return;
      }
      // The trained model reads the lexicon scorer's verdicts as features: the document's first
      // (it reads every sentence's lexicon score), then each sentence on its own.
      const own: number[][] = [];
      const stats: SentenceStats[] = [];
      for (const s of sentences) {
        own.push(model.rowsOf([s]));
        stats.push(sentenceStats(s));
      }
      const all = own.length === 1 ? own[0]! : model.unionRows(own);
      record.sentiment = labelled(modelVerdict(model, { rows: all, dense: denseFeatures(sentences, lexicon, stats) }), lexicon);
      for (let i = 0; i < sentences.length; i++) {
        const s = sentences[i]!;
        const verdict = s.sentiment ?? lexicon;
        s.sentiment = labelled(modelVerdict(model, { rows: own[i]!, dense: denseFeatures([s], verdict, [stats[i]!]) }), verdict);
      }
    },
  };
}
