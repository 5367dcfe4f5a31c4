import { describe, expect, it } from 'vitest';
import { INTENT_CASES, INTENT_COMPETITORS } from './fixtures/intents-labelled.js';
import { createPipeline } from '../pipeline.js';

const pipeline = createPipeline({ competitors: INTENT_COMPETITORS });

/** What the pipeline finds in a sentence, in the fixture's notation. */
function found(text: string): Set<string> {
  const a = pipeline.analyze(text, { lang: 'en' });
  const out = new Set(a.intents.map((i) => (i.type === 'comparison' && i.target ? `comparison:${i.target}` : i.type)));
  if (a.signals.incentivised) out.add('incentivised');
  return out;
}

describe('intents on labelled sentences written for this project', () => {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const wrong: string[] = [];
  const kind = (label: string) => label.split(':')[0]!;
  for (const [text, expected] of INTENT_CASES) {
    const got = found(text);
    const want = new Set(expected);
    const c = (k: string) => counts.get(k) ?? (counts.set(k, { tp: 0, fp: 0, fn: 0 }), counts.get(k)!);
    for (const g of got) {
      if (want.has(g)) c(kind(g)).tp++;
      else {
        c(kind(g)).fp++;
        wrong.push(`+${g}: ${text}`);
      }
    }
    for (const w of want) if (!got.has(w)) c(kind(w)).fn++;
  }
  const total = [...counts.values()].reduce((s, x) => ({ tp: s.tp + x.tp, fp: s.fp + x.fp, fn: s.fn + x.fn }), { tp: 0, fp: 0, fn: 0 });

  it('holds at least 80 sentences', () => {
    expect(INTENT_CASES.length).toBeGreaterThanOrEqual(80);
  });

  it('is precise: ≥ 0.85 overall, ≥ 0.8 for each intent with 5 or more predictions', () => {
    expect(total.tp / (total.tp + total.fp), wrong.join('\n')).toBeGreaterThanOrEqual(0.85);
    for (const [k, x] of counts)
      if (x.tp + x.fp >= 5) expect(x.tp / (x.tp + x.fp), `${k}\n${wrong.join('\n')}`).toBeGreaterThanOrEqual(0.8);
  });

  it('names the configured competitor in comparisons, and finds incentivised disclosures', () => {
    expect(found('It makes better coffee than my old Brewlab.').has('comparison:brewlab')).toBe(true);
    expect(found('Brewlab makes a grinder too.').has('comparison:brewlab')).toBe(false);
    expect(found('I received this product free in exchange for my honest review.').has('incentivised')).toBe(true);
    expect(found('The free shipping was a nice bonus.').has('incentivised')).toBe(false);
  });
});
