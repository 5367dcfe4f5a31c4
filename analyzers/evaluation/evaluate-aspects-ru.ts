/**
 * Russian aspect evaluation on SentiRuEval-2015 reviews (restaurants, cars; evaluation only): the
 * pipeline runs over each whole review in Russian with the built-in taxonomy and the domain's
 * example taxonomy (examples/taxonomies/ru-<domain>.yaml: the words for the reviewed thing itself,
 * which SentiRuEval marks as aspect "Whole"); its explicit aspect spans are compared with the gold
 * explicit terms by exact character span, micro-averaged. Polarity accuracy is measured on the
 * gold terms found whose gold polarity is positive, negative or neutral.
 */
import { join } from 'node:path';
import { readLabelledXml } from './evaluate.js';
import { exampleTaxonomyFile, scoreSpans, type AspectScores } from './evaluate-aspects.js';
import type { Polarity } from '../../domain/types.js';
import { createPipeline } from '../pipeline.js';

/** A SentiRuEval review with its gold explicit aspect terms. */
export interface RussianAspectReview {
  /** The review's text. */
  text: string;
  /** Gold explicit terms with spans and polarity. */
  terms: { term: string; from: number; to: number; polarity: string }[];
}

/** The SentiRuEval domains and their files. */
export const SENTIRUEVAL_DOMAINS = { restaurants: 'SentiRuEval_rest_markup_train.xml', cars: 'SentiRuEval_car_markup_train.xml' } as const;
/** A SentiRuEval domain. */
export type SentiRuEvalDomain = keyof typeof SENTIRUEVAL_DOMAINS;

interface RawAspect {
  from: string;
  to: string;
  term?: string;
  type?: string;
  sentiment?: string;
}

/** Reads the reviews of a SentiRuEval-2015 file with their explicit aspect terms. */
export function loadRussianAspectReviews(dataDir: string, domain: SentiRuEvalDomain): RussianAspectReview[] {
  const doc = readLabelledXml(join(dataDir, 'ru-sentirueval2015-absa', SENTIRUEVAL_DOMAINS[domain])) as {
    reviews?: { review?: { text?: string; aspects?: { aspect?: RawAspect[] } }[] };
  };
  const out: RussianAspectReview[] = [];
  for (const review of doc.reviews?.review ?? []) {
    if (typeof review.text !== 'string' || !review.text) continue;
    const text = review.text;
    const terms: RussianAspectReview['terms'] = [];
    for (const a of review.aspects?.aspect ?? []) {
      if (a.type !== 'explicit') continue;
      const from = Number(a.from);
      const to = Number(a.to);
      if (!(to > from) || text.slice(from, to) !== a.term) continue;
      terms.push({ term: a.term, from, to, polarity: a.sentiment ?? 'neutral' });
    }
    out.push({ text, terms });
  }
  return out;
}

/** Measures Russian aspect extraction and polarity on one domain. */
export function evaluateRussianAspects(reviews: RussianAspectReview[], taxonomy: Record<string, string[]>): AspectScores {
  const pipeline = createPipeline({ aspects: taxonomy });
  return scoreSpans(
    reviews.map((r) => ({
      gold: r.terms.map((t) => ({ from: t.from, to: t.to, polarity: t.polarity as Polarity | 'conflict' })),
      found: pipeline.analyze(r.text, { lang: 'ru' }).aspects,
    })),
  );
}

/** The example taxonomy of a Russian domain (examples/taxonomies/ru-<domain>.yaml). */
export function russianExampleTaxonomy(root: string, domain: SentiRuEvalDomain): Record<string, string[]> {
  return exampleTaxonomyFile(root, `ru-${domain}`);
}
