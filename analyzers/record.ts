/**
 * The working record the analyzer stages share while one text is analysed. Each stage writes its
 * own fields and reads only fields written by stages that run before it; the pipeline checks that
 * order once, when it is built (see pipeline.ts). `TextAnalysis` is read from the record at the end.
 */
import type { AspectMention, Attribute, Intent, Sentiment, Signals } from '../domain/types.js';

/** What a token is; stages ignore the kinds they have no use for. */
export type TokenKind = 'word' | 'number' | 'emoji' | 'emoticon' | 'punct' | 'url' | 'handle';

/** One token with its offsets into the analysed text. */
export interface Token {
  /** The token as written. */
  text: string;
  /** Lower-cased, with typographic apostrophes made plain (what lexicons are keyed by). */
  norm: string;
  /** Offset of the first character in the analysed text. */
  start: number;
  /** Offset just after the last character. */
  end: number;
  /** Word, number, emoji, emoticon, punctuation, URL or social-media handle ("@name"). */
  kind: TokenKind;
}

/** An opinion found in a sentence: a lexicon word or phrase after negation and modifiers. */
export interface Opinion {
  /** Index of its first token in the sentence. */
  first: number;
  /** Index of its last token in the sentence. */
  last: number;
  /** The opinion as written (lower-cased), e.g. "not good" reads as "good" with `negated`. */
  term: string;
  /** Final signed valence on the lexicon's [-4, 4] scale, after negation, modifiers and clause weight. */
  value: number;
  /** The valence before clause weighting: what the opinion says about its own target. */
  local: number;
  /** Whether a negator in scope flipped it. */
  negated: boolean;
  /** Index of the clause (see `Sentence.clauses`) it sits in. */
  clause: number;
}

/** A sentence with its tokens and, once the sentiment stage ran, its opinions and verdict. */
export interface Sentence {
  /** Offset where the sentence starts in the analysed text (leading blanks skipped). */
  start: number;
  /** Offset just after it ends (trailing blanks skipped). */
  end: number;
  /** Its text (the analysed text between start and end). */
  text: string;
  /** Its tokens. */
  tokens: Token[];
  /** Token index where each clause starts (ascending, first is 0); written by the sentiment stage. */
  clauses?: number[];
  /** Opinions in the sentence; written by the sentiment stage. */
  opinions?: Opinion[];
  /** Raw weighted valence sum (unnormalised), used for document aggregation. */
  raw?: number;
  /** The sentence's verdict; written by the sentiment stage. */
  sentiment?: Sentiment;
}

/** Everything stages know about one text while it is analysed. */
export interface AnalysisRecord {
  /** The analysed text. */
  text: string;
  /** Language the caller declared (page or import), normalised to ISO 639-1 when possible. */
  declaredLang?: string;
  /** Detected (or, when detection was unsure, declared) language; "und" when unknown. */
  lang?: string;
  /** Whether sentiment and the English-only stages support the language. */
  supported?: boolean;
  /** Sentences with their tokens. */
  sentences?: Sentence[];
  /** Document-level sentiment. */
  sentiment?: Sentiment;
  /** Aspects with their polarity. */
  aspects?: AspectMention[];
  /** Self-disclosed attributes. */
  attributes?: Attribute[];
  /** Intents. */
  intents?: Intent[];
  /** Key phrases. */
  phrases?: string[];
  /** Reliability signals. */
  signals?: Signals;
}

/** The record fields a stage may read or write. */
export type RecordField = Exclude<keyof AnalysisRecord, 'text' | 'declaredLang'>;

/** One analyzer stage: it declares what it reads and writes so the pipeline can check the order. */
export interface Stage {
  /** Stage name, used in error messages. */
  readonly name: string;
  /** Fields it needs from earlier stages. */
  readonly reads: readonly RecordField[];
  /** Fields it fills. */
  readonly writes: readonly RecordField[];
  /** Runs the stage over the record, writing its fields. */
  run(record: AnalysisRecord): void;
}
