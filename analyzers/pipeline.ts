/**
 * The analyzer pipeline: options validated once when it is built, then fixed stages run in order
 * over one record per text — language → sentences → sentiment → aspects → attributes → intents →
 * phrases. Each stage declares what it reads and writes; the order is checked at build time, so a
 * misplaced stage fails at start-up rather than producing empty fields. `TextAnalysis` is read from
 * the record at the end (readers are kept apart from the stages that write).
 */
import { createRequire } from 'node:module';
import { ConfigError } from '../domain/errors.js';
import type { TextAnalysis } from '../domain/types.js';
import { aspectsStage } from './stages/aspects.js';
import { attributesStage } from './stages/attributes.js';
import { intentsStage } from './stages/intents.js';
import { languageStage, normaliseLangTag } from './stages/language.js';
import { phrasesStage } from './stages/phrases.js';
import type { AnalysisRecord, RecordField, Stage } from './record.js';
import { sentencesStage } from './stages/sentences.js';
import { sentimentStage, UNSCORED } from './stages/sentiment.js';
import { cutText, DEFAULT_MAX_TEXT_CHARS } from './text-cap.js';
import { buildTaxonomy } from './taxonomy/compile.js';
import type { DomainId } from './taxonomy/domains.js';
import { ASPECT_DOMAIN_IDS } from '../domain/aspect-domains.js';

/** Pipeline options. */
export interface PipelineOptions {
  /** Extra aspect taxonomy: category → terms in any of en, ru, zh, fa (merged into the built-in one). */
  aspects?: Record<string, string[]>;
  /** Built-in domain taxonomies to use beside the general one (default: all of them). */
  domains?: DomainId[];
  /** Brands that count as competitors for comparison intents. */
  competitors?: { id: string; names: string[] }[];
  /** Brand and product names (with aliases): a word inside one is never an aspect term. */
  names?: string[];
  /** Longest text analysed, in characters; longer ones are cut and flagged (`signals.truncated`). Default DEFAULT_MAX_TEXT_CHARS. */
  maxTextChars?: number;
}

/** A built pipeline. */
export interface Pipeline {
  /** Analyzer version: stored with each analysis, so a new version re-analyses documents. */
  readonly version: string;
  /** Analyses one text; `hint.lang` is the declared language, used when detection is unsure. */
  analyze(text: string, hint?: { lang?: string }): TextAnalysis;
}

/** Version of the analyzers; bump it when their output changes. */
export const ANALYZER_VERSION = 'analyzers-1.9.0';

/**
 * Checks the options with zod, loaded only when there are options to check: `radar score` without
 * a project never needs it, and zod is a quarter of its start-up (about 55 ms).
 */
function checkOptions(opts: PipelineOptions): PipelineOptions {
  if (typeof opts === 'object' && opts !== null && !Array.isArray(opts) && Object.keys(opts).length === 0) return {};
  const { z } = createRequire(import.meta.url)('zod') as typeof import('zod');
  const schema = z.strictObject({
    aspects: z.record(z.string().min(1), z.array(z.string().trim().min(1)).min(1)).optional(),
    domains: z.array(z.enum(ASPECT_DOMAIN_IDS)).optional(),
    competitors: z.array(z.strictObject({ id: z.string().min(1), names: z.array(z.string().trim().min(1)).min(1) })).optional(),
    names: z.array(z.string()).optional(),
    maxTextChars: z.number().int().positive().optional(),
  });
  const parsed = schema.safeParse(opts);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `PipelineOptions${i.path.length ? `.${i.path.join('.')}` : ''}: ${i.message}`));
  }
  return parsed.data;
}

/** Checks that every stage reads only fields written by an earlier stage, and that no two stages write one field. */
export function checkStageOrder(stages: readonly Stage[]): string[] {
  const problems: string[] = [];
  const written = new Map<RecordField, string>();
  for (const stage of stages) {
    for (const field of stage.reads)
      if (!written.has(field)) problems.push(`stage "${stage.name}" reads "${field}", which no earlier stage writes`);
    for (const field of stage.writes) {
      const other = written.get(field);
      if (other) problems.push(`stage "${stage.name}" writes "${field}", already written by "${other}"`);
      written.set(field, stage.name);
    }
  }
  return problems;
}

/** The record as the public `TextAnalysis`. */
function toTextAnalysis(r: AnalysisRecord): TextAnalysis {
  return {
    lang: r.lang ?? 'und',
    supported: r.supported ?? false,
    sentiment: r.sentiment ?? { ...UNSCORED },
    sentences: (r.sentences ?? []).map((s) => ({ start: s.start, end: s.end, sentiment: s.sentiment ?? { ...UNSCORED } })),
    aspects: r.aspects ?? [],
    attributes: r.attributes ?? [],
    intents: r.intents ?? [],
    phrases: r.phrases ?? [],
    signals: r.signals ?? { incentivised: false, duplicate: false },
  };
}

/** Builds the pipeline; throws ConfigError listing every problem with the options. */
export function createPipeline(opts: PipelineOptions = {}): Pipeline {
  const options = checkOptions(opts);
  const stages: Stage[] = [
    languageStage(),
    sentencesStage(),
    sentimentStage(),
    aspectsStage(buildTaxonomy({ aspects: options.aspects, domains: options.domains }), options.names),
    attributesStage(),
    intentsStage(options.competitors ?? []),
    phrasesStage(),
  ];
  const problems = checkStageOrder(stages);
  if (problems.length) throw new ConfigError(problems.map((p) => `pipeline: ${p}`));
  const maxTextChars = options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS;
  return {
    version: ANALYZER_VERSION,
    analyze(text: string, hint?: { lang?: string }): TextAnalysis {
      const full = typeof text === 'string' ? text : String(text ?? '');
      const record: AnalysisRecord = { text: full.length > maxTextChars ? cutText(full, maxTextChars) : full };
      const declared = normaliseLangTag(hint?.lang);
      if (declared) record.declaredLang = declared;
      for (const stage of stages) stage.run(record);
      const analysis = toTextAnalysis(record);
      if (record.text.length < full.length)
        analysis.signals = { ...analysis.signals, truncated: { analysedChars: record.text.length, textChars: full.length } };
      return analysis;
    },
  };
}

/** The text analysed for a stored document (title and body); offsets in the analysis refer to it. */
export function analysisText(doc: { title?: string; body: string }): string {
  const title = doc.title?.trim();
  const body = doc.body ?? '';
  if (!title || body.trimStart().startsWith(title)) return body;
  // A title without closing punctuation would run into the body's first sentence: end it with a line break.
  return `${title}\n${body}`;
}
