import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  binaryAccuracy,
  labelOfScore,
  loadUciSentences,
  sentimentPackageLabeller,
  threeClass,
  vaderLabeller,
  type LabelledText,
  type Labeller,
} from './evaluate.js';
import { createPipeline } from '../pipeline.js';

// The labelled sets live beside the project (../shared/data); they are read, never copied in.
const DATA = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const hasData = existsSync(resolve(DATA, 'en-uci-sentences'));

const item = (text: string, label: LabelledText['label']): LabelledText => ({ text, label, set: 'toy', lang: 'en' });

describe('strict metrics', () => {
  it('counts a neutral answer on a binary set as a miss', () => {
    const items = [item('a', 'positive'), item('b', 'negative'), item('c', 'positive'), item('d', 'negative')];
    const answers: Record<string, 'positive' | 'negative' | 'neutral'> = { a: 'positive', b: 'neutral', c: 'negative', d: 'negative' };
    const r = binaryAccuracy(items, (t) => answers[t]!);
    expect(r).toEqual({ n: 4, accuracy: 0.5, abstained: 0.25 });
  });

  it('computes three-class macro-F1', () => {
    const items = [item('a', 'positive'), item('b', 'neutral'), item('c', 'negative'), item('d', 'negative')];
    const perfect = threeClass(items, (t) => items.find((i) => i.text === t)!.label);
    expect(perfect.macroF1).toBe(1);
    const allNeg = threeClass(items, () => 'negative');
    expect(allNeg.f1.negative).toBeCloseTo(2 / 3);
    expect(allNeg.macroF1).toBeCloseTo(2 / 9);
  });

  it('labels a zero score neutral', () => {
    expect(labelOfScore(0)).toBe('neutral');
    expect(labelOfScore(0.2)).toBe('positive');
    expect(labelOfScore(-0.01)).toBe('negative');
  });
});

describe.skipIf(!hasData)('evaluation on the UCI review sentences (strict)', () => {
  it('loads them by splitting on the last tab', () => {
    const amazon = loadUciSentences(DATA, 'amazon');
    const yelp = loadUciSentences(DATA, 'yelp');
    expect(amazon).toHaveLength(1000);
    expect(yelp).toHaveLength(1000);
    expect(amazon.filter((i) => i.label === 'positive')).toHaveLength(500);
    expect(amazon.every((i) => !/\t/.test(i.text) && i.text.length > 0)).toBe(true);
  });

  it('beats the `sentiment` package (AFINN) and VADER measured the same way in the same run', async () => {
    const pipeline = createPipeline();
    const ours: Labeller = (text, lang) => pipeline.analyze(text, { lang }).sentiment.label;
    const afinn = await sentimentPackageLabeller();
    const vader = await vaderLabeller();
    const rows: string[] = [];
    for (const part of ['amazon', 'yelp'] as const) {
      const items = loadUciSentences(DATA, part);
      const o = binaryAccuracy(items, ours);
      const s = binaryAccuracy(items, afinn);
      const v = vader ? binaryAccuracy(items, vader) : undefined;
      // The shipped model learned from both parts (radar validate scores them with a model that did
      // not); the rules' numbers were tuned on Amazon.
      rows.push(`${part}: ours ${o.accuracy.toFixed(3)}, sentiment ${s.accuracy.toFixed(3)}${v ? `, vader ${v.accuracy.toFixed(3)}` : ''}`);
      expect(o.accuracy).toBeGreaterThan(s.accuracy + 0.05);
      if (v) expect(o.accuracy).toBeGreaterThan(v.accuracy);
    }
    console.info(`strict binary accuracy — ${rows.join('; ')}`);
  });
});
