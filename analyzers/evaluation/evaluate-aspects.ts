/**
 * Aspect evaluation on SemEval-2014 Task 4 sentences (restaurants, laptops; evaluation only): the
 * pipeline runs over each sentence with a domain taxonomy a user would configure
 * (examples/taxonomies/), and its aspect spans are compared with the gold aspect terms by exact
 * character span (the task's official criterion), micro-averaged. Polarity accuracy is measured on
 * the gold terms the pipeline found (a span it missed has no polarity to judge).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readLabelledXml } from './evaluate.js';
import type { AspectMention, Polarity } from '../../domain/types.js';
import { discoveredTaxonomy, discoverAspects } from '../aspect-discovery.js';
import { createPipeline } from '../pipeline.js';

/** A SemEval sentence with its gold aspect terms. */
export interface AspectSentence {
  /** Sentence id. */
  id: string;
  /** The sentence. */
  text: string;
  /** Gold terms with character spans and polarity (positive, negative, neutral or conflict). */
  terms: { term: string; from: number; to: number; polarity: Polarity | 'conflict' }[];
}

/** Figures of one domain. */
export interface AspectScores {
  /** Sentences. */
  sentences: number;
  /** Gold terms. */
  gold: number;
  /** Extracted terms. */
  predicted: number;
  /** Exact-span precision, recall, F1. */
  precision: number;
  recall: number;
  f1: number;
  /** Polarity accuracy on gold terms found (conflict counts as a miss), and how many that is. */
  polarityAccuracy: number;
  polarityN: number;
}

/** The two SemEval domains and their files. */
export const SEMEVAL_DOMAINS = { restaurants: 'Restaurants_Train_v2.xml', laptops: 'Laptop_Train_v2.xml' } as const;
/** A SemEval domain. */
export type SemevalDomain = keyof typeof SEMEVAL_DOMAINS;

/** Reads a SemEval-2014 Task 4 XML file. */
export function loadAspectSentences(dataDir: string, domain: SemevalDomain): AspectSentence[] {
  const doc = readLabelledXml(join(dataDir, 'en-semeval2014-absa', SEMEVAL_DOMAINS[domain])) as {
    sentences?: {
      sentence?: {
        id: string;
        text?: string;
        aspectTerms?: { aspectTerm?: { term: string; from: string; to: string; polarity: string }[] };
      }[];
    };
  };
  const out: AspectSentence[] = [];
  for (const sentence of doc.sentences?.sentence ?? []) {
    const text = sentence.text ?? '';
    const terms: AspectSentence['terms'] = [];
    for (const t of sentence.aspectTerms?.aspectTerm ?? []) {
      const term = t.term;
      let from = Number(t.from);
      let to = Number(t.to);
      // A few gold offsets are one character off: re-anchor them to the nearest occurrence of the term.
      if (text.slice(from, to) !== term) {
        const near = [text.indexOf(term, Math.max(0, from - 3))].find((i) => i >= 0);
        if (near !== undefined) {
          from = near;
          to = near + term.length;
        }
      }
      terms.push({ term, from, to, polarity: t.polarity as Polarity | 'conflict' });
    }
    out.push({ id: sentence.id, text, terms });
  }
  return out;
}

/** An example taxonomy file (examples/taxonomies/<name>.yaml): its `analysis.aspects`. */
export function exampleTaxonomyFile(root: string, name: string): Record<string, string[]> {
  const doc = parse(readFileSync(join(root, 'examples', 'taxonomies', `${name}.yaml`), 'utf8')) as {
    analysis: { aspects: Record<string, string[]> };
  };
  return doc.analysis.aspects;
}

/** The example taxonomy of a domain (examples/taxonomies/<domain>.yaml). */
export function exampleTaxonomy(root: string, domain: SemevalDomain): Record<string, string[]> {
  return exampleTaxonomyFile(root, domain);
}

/** One text's gold spans and the aspects found in it. */
export interface SpanCase {
  /** Gold terms: spans and polarity. */
  gold: { from: number; to: number; polarity: Polarity | 'conflict' | string }[];
  /** What the pipeline found (implicit aspects and aspects without offsets are not scored). */
  found: AspectMention[];
}

/**
 * Exact-span precision, recall and F1 (micro-averaged; one prediction per span), and polarity
 * accuracy on the gold terms found whose gold polarity is one the pipeline can give.
 */
export function scoreSpans(cases: SpanCase[]): AspectScores {
  let gold = 0;
  let predicted = 0;
  let hits = 0;
  let polarRight = 0;
  let polarN = 0;
  for (const c of cases) {
    const spans = new Map<string, AspectMention>();
    for (const a of c.found) if (!a.implicit && a.start !== undefined && a.end !== undefined) spans.set(`${a.start}:${a.end}`, a);
    gold += c.gold.length;
    predicted += spans.size;
    for (const t of c.gold) {
      const a = spans.get(`${t.from}:${t.to}`);
      if (!a) continue;
      hits++;
      if (t.polarity !== 'positive' && t.polarity !== 'negative' && t.polarity !== 'neutral' && t.polarity !== 'conflict') continue;
      polarN++;
      if (a.polarity === t.polarity) polarRight++;
    }
  }
  const precision = predicted ? hits / predicted : 0;
  const recall = gold ? hits / gold : 0;
  return {
    sentences: cases.length,
    gold,
    predicted,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    polarityAccuracy: polarN ? polarRight / polarN : 0,
    polarityN: polarN,
  };
}

/** Measures aspect extraction and polarity on one domain. */
export function evaluateAspects(
  sentences: AspectSentence[],
  taxonomy: Record<string, string[]>,
  options: { discover?: boolean } = {},
): AspectScores {
  // Frequent aspects found in the sentences themselves (no label read), as a user's corpus would give them.
  const discovered =
    options.discover !== true
      ? {}
      : discoveredTaxonomy(
          discoverAspects(
            sentences.map((s) => ({ text: s.text, lang: 'en' })),
            { aspects: taxonomy },
          ),
        );
  const pipeline = createPipeline({ aspects: { ...taxonomy, ...discovered } });
  return scoreSpans(sentences.map((s) => ({ gold: s.terms, found: pipeline.analyze(s.text, { lang: 'en' }).aspects })));
}
