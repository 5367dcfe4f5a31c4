/**
 * The aspect rows of `radar validate`: SemEval-2014 (English restaurants and laptops) and
 * SentiRuEval-2015 (Russian restaurants and cars) aspect-term extraction by exact span, and
 * aspect polarity on the gold terms found. Both sets are development data here (no term list was
 * fitted to them); the bars are the ones published for unseen data of the same kinds.
 */
import { evaluateAspects, exampleTaxonomy, loadAspectSentences, SEMEVAL_DOMAINS, type SemevalDomain } from './evaluate-aspects.js';
import {
  evaluateRussianAspects,
  loadRussianAspectReviews,
  russianExampleTaxonomy,
  SENTIRUEVAL_DOMAINS,
  type SentiRuEvalDomain,
} from './evaluate-aspects-ru.js';
import type { Metric } from './validate.js';

function row(m: Omit<Metric, 'met'>): Metric {
  return m.bar === undefined ? m : { ...m, met: m.radar >= m.bar };
}

/** SemEval-2014 Task 4 aspect rows, per domain. */
export function semevalAspectMetrics(dataDir: string, root: string): Metric[] {
  const out: Metric[] = [];
  const bars: Record<SemevalDomain, number> = { restaurants: 0.7, laptops: 0.6 };
  for (const domain of Object.keys(SEMEVAL_DOMAINS) as SemevalDomain[]) {
    const r = evaluateAspects(loadAspectSentences(dataDir, domain), exampleTaxonomy(root, domain));
    const note = `whole set (development data: rules written beside it, no term fitted to it), taxonomy examples/taxonomies/${domain}.yaml`;
    out.push(
      row({
        set: 'en-semeval2014-absa',
        metric: `${domain}: aspect term extraction F1 (exact span; P ${r.precision.toFixed(3)}, R ${r.recall.toFixed(3)})`,
        n: r.gold,
        radar: r.f1,
        bar: bars[domain],
        note,
      }),
      row({
        set: 'en-semeval2014-absa',
        metric: `${domain}: aspect polarity accuracy on the gold terms found`,
        n: r.polarityN,
        radar: r.polarityAccuracy,
        bar: 0.75,
        note,
      }),
    );
  }
  return out;
}

/** SentiRuEval-2015 Russian aspect rows, per domain. */
export function russianAspectMetrics(dataDir: string, root: string): Metric[] {
  const out: Metric[] = [];
  for (const domain of Object.keys(SENTIRUEVAL_DOMAINS) as SentiRuEvalDomain[]) {
    const r = evaluateRussianAspects(loadRussianAspectReviews(dataDir, domain), russianExampleTaxonomy(root, domain));
    const note = `whole set (development data), built-in taxonomy + examples/taxonomies/ru-${domain}.yaml`;
    out.push(
      row({
        set: 'ru-sentirueval2015-absa',
        metric: `${domain}: Russian aspect term extraction F1 (exact span, explicit terms; P ${r.precision.toFixed(3)}, R ${r.recall.toFixed(3)})`,
        n: r.gold,
        radar: r.f1,
        bar: 0.55,
        note,
      }),
      row({
        set: 'ru-sentirueval2015-absa',
        metric: `${domain}: Russian aspect polarity accuracy on the gold terms found`,
        n: r.polarityN,
        radar: r.polarityAccuracy,
        note,
      }),
    );
  }
  return out;
}
