import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateRussianAspects, loadRussianAspectReviews, russianExampleTaxonomy } from './evaluate-aspects-ru.js';

// SentiRuEval-2015 (evaluation only) lives beside the project; it is read, never copied in.
const DATA = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const ROOT = resolve(import.meta.dirname, '..', '..');
const hasData = existsSync(resolve(DATA, 'ru-sentirueval2015-absa'));

describe.skipIf(!hasData && !process.env.CI)('Russian aspects on SentiRuEval-2015', () => {
  it('reads every review with its explicit terms, each span matching its text', () => {
    for (const domain of ['restaurants', 'cars'] as const) {
      const reviews = loadRussianAspectReviews(DATA, domain);
      expect(reviews.length).toBeGreaterThan(200);
      const terms = reviews.flatMap((r) => r.terms.map((t) => ({ r, t })));
      expect(terms.length).toBeGreaterThan(3000);
      for (const { r, t } of terms) expect(r.text.slice(t.from, t.to)).toBe(t.term);
    }
  });

  // The goal (F1 ≥ 0.55, exact spans) is for unseen reviews; these floors on the development data
  // only catch regressions. `radar validate` prints the figures.
  it('extracts explicit Russian aspect terms by exact span: regression floors', () => {
    const rest = evaluateRussianAspects(loadRussianAspectReviews(DATA, 'restaurants'), russianExampleTaxonomy(ROOT, 'restaurants'));
    const cars = evaluateRussianAspects(loadRussianAspectReviews(DATA, 'cars'), russianExampleTaxonomy(ROOT, 'cars'));
    expect(rest.f1).toBeGreaterThan(0.6);
    expect(cars.f1).toBeGreaterThan(0.54);
    // The candidates found beside the taxonomy do not swamp its terms.
    expect(rest.precision).toBeGreaterThan(0.55);
  }, 60_000);
});
