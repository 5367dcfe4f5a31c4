import { describe, expect, it } from 'vitest';
import { createPipeline } from '../pipeline.js';
import { INTENT_CASES_LANGUAGES, INTENT_COMPETITORS_LANGUAGES } from './fixtures/intents-labelled-languages.js';

const pipeline = createPipeline({ competitors: INTENT_COMPETITORS_LANGUAGES });

/** What the pipeline finds in a sentence, in the fixture's notation. */
function found(text: string, lang: string): Set<string> {
  const a = pipeline.analyze(text, { lang });
  const out = new Set(a.intents.map((i) => (i.type === 'comparison' && i.target ? `comparison:${i.target}` : i.type)));
  if (a.signals.incentivised) out.add('incentivised');
  return out;
}

describe.each(Object.entries(INTENT_CASES_LANGUAGES))('intents in %s on labelled sentences written for this project', (lang, cases) => {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const wrong: string[] = [];
  const kind = (label: string) => label.split(':')[0]!;
  for (const [text, expected] of cases) {
    const got = found(text, lang);
    const want = new Set(expected);
    const c = (k: string) => counts.get(k) ?? (counts.set(k, { tp: 0, fp: 0, fn: 0 }), counts.get(k)!);
    for (const g of got) {
      if (want.has(g)) c(kind(g)).tp++;
      else {
        c(kind(g)).fp++;
        wrong.push(`+${g}: ${text}`);
      }
    }
    for (const w of want) {
      if (got.has(w)) continue;
      c(kind(w)).fn++;
      wrong.push(`-${w}: ${text}`);
    }
  }
  const total = [...counts.values()].reduce((s, x) => ({ tp: s.tp + x.tp, fp: s.fp + x.fp, fn: s.fn + x.fn }), { tp: 0, fp: 0, fn: 0 });

  it('holds at least 40 sentences, with plain statements among them', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(cases.filter(([, e]) => e.length === 0).length).toBeGreaterThanOrEqual(8);
  });

  it('is precise: ≥ 0.85 overall, and for the intents its own cues find (question, suggestion, comparison)', () => {
    expect(total.tp / (total.tp + total.fp), wrong.join('\n')).toBeGreaterThanOrEqual(0.85);
    for (const k of ['question', 'suggestion', 'comparison']) {
      const x = counts.get(k)!;
      expect(x.tp / (x.tp + x.fp), `${k}\n${wrong.join('\n')}`).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('names the configured competitor in comparisons and finds incentivised disclosures', () => {
    const named = cases.filter(([, e]) => e.some((x) => x.startsWith('comparison:')));
    expect(named.length).toBeGreaterThanOrEqual(2);
    for (const [text, expected] of named) expect([...found(text, lang)], text).toContain(expected.find((x) => x.startsWith('comparison:')));
    for (const [text, expected] of cases.filter(([, e]) => e.includes('incentivised')))
      expect(found(text, lang).has('incentivised'), text).toBe(expected.includes('incentivised'));
  });
});
