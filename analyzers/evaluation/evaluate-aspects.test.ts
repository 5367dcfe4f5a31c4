import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateAspects, exampleTaxonomy, loadAspectSentences } from './evaluate-aspects.js';

// SemEval-2014 Task 4 (evaluation only) lives beside the project; it is read, never copied in.
const DATA = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const ROOT = resolve(import.meta.dirname, '..', '..');
const hasData = existsSync(resolve(DATA, 'en-semeval2014-absa'));

describe.skipIf(!hasData && !process.env.CI)('aspects on SemEval-2014 Task 4', () => {
  it('reads every sentence and every gold term with a span that matches its text', () => {
    for (const [domain, sentences, terms] of [
      ['restaurants', 3041, 3693],
      ['laptops', 3045, 2358],
    ] as const) {
      const data = loadAspectSentences(DATA, domain);
      expect(data.length).toBe(sentences);
      const all = data.flatMap((s) => s.terms.map((t) => ({ s, t })));
      expect(all.length).toBe(terms);
      for (const { s, t } of all) expect(s.text.slice(t.from, t.to)).toBe(t.term);
    }
  });

  // The bars (F1 0.70 / 0.60, polarity 0.75) are for unseen data; these floors on the
  // development data only catch regressions. `radar validate` prints the figures beside the bars.
  it('extracts aspect terms with the example taxonomies: regression floors under the bars', () => {
    const rest = evaluateAspects(loadAspectSentences(DATA, 'restaurants'), exampleTaxonomy(ROOT, 'restaurants'));
    const lap = evaluateAspects(loadAspectSentences(DATA, 'laptops'), exampleTaxonomy(ROOT, 'laptops'));
    expect(rest.f1).toBeGreaterThan(0.68);
    expect(lap.f1).toBeGreaterThan(0.6);
    expect(rest.polarityAccuracy).toBeGreaterThan(0.58);
    expect(lap.polarityAccuracy).toBeGreaterThan(0.56);
    // The domain taxonomy is what makes the difference: without it, recall falls.
    const bare = evaluateAspects(loadAspectSentences(DATA, 'laptops'), {});
    expect(bare.recall).toBeLessThan(lap.recall);
  }, 60_000);
});
