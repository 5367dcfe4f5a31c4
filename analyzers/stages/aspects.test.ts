import { describe, expect, it } from 'vitest';
import { createPipeline } from '../pipeline.js';

const pipeline = createPipeline();

function aspects(text: string, p = pipeline) {
  const list = p.analyze(text, { lang: 'en' }).aspects;
  // Offsets always slice the term out of the analysed text.
  for (const a of list) expect(text.slice(a.start, a.end)).toBe(a.term);
  return list;
}

describe('aspects', () => {
  it('binds each aspect to the opinion in its own clause', () => {
    const list = aspects('The price is great but the customer service was rude.');
    expect(list.map((a) => [a.term, a.category, a.polarity])).toEqual([
      ['price', 'price', 'positive'],
      ['customer service', 'customer-service', 'negative'],
    ]);
    expect(list[1]!.opinions).toEqual(['rude']);
    expect(list[0]!.score).toBeGreaterThan(0);
    expect(list[1]!.score).toBeLessThan(0);
  });

  it('respects negation in the bound opinion', () => {
    const [battery] = aspects('The battery life is not good.');
    expect(battery).toMatchObject({ term: 'battery life', category: 'battery', polarity: 'negative', opinions: ['not good'] });
  });

  it('finds opinion words that name their aspect', () => {
    const list = aspects('Way too expensive for what it is, and very noisy.');
    expect(list.map((a) => a.category)).toEqual(['price', 'noise']);
    expect(list.every((a) => a.polarity === 'negative')).toBe(true);
  });

  it('finds nouns being evaluated that the taxonomy lacks, uncategorised', () => {
    const list = aspects('Not bad at all, but the lid is flimsy.');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ term: 'lid', polarity: 'negative' });
    expect(list[0]!.category).toBeUndefined();
    const [handle] = aspects('The carry handle feels really sturdy.');
    expect(handle).toMatchObject({ term: 'carry handle', polarity: 'positive' });
  });

  it('counts a verb that names a category when an opinion is bound to it, as no explicit term', () => {
    const list = aspects('It fits great and looks lovely.');
    expect(list.map((a) => [a.category, a.polarity, a.implicit])).toEqual([
      ['fit', 'positive', true],
      ['design', 'positive', true],
    ]);
    expect(aspects('Look at the photos before you order.').map((a) => a.category)).not.toContain('design');
  });

  it('leaves aspects without an opinion neutral, with the whole noun phrase a term heads', () => {
    expect(aspects('I checked the warranty card.')).toEqual([
      expect.objectContaining({ term: 'warranty card', category: 'warranty', polarity: 'neutral', score: 0 }),
    ]);
  });

  it('gives an aspect without an opinion word the verdict of its sentence, unless the opinions are about other aspects', () => {
    const p = createPipeline({ aspects: { parts: ['zipper'], food: ['menu'], staff: ['staff'] } });
    // "disappointing" sits in its own clause, bound to no aspect: the sentence's verdict is about the zipper.
    const text = 'The zipper caught on the lining when I tried it on, so disappointing.';
    expect(p.analyze(text, { lang: 'en' }).sentences[0]!.sentiment.label).toBe('negative');
    const [zipper] = aspects(text, p);
    expect(zipper).toMatchObject({ term: 'zipper', polarity: 'negative' });
    expect(zipper!.opinions).toBeUndefined();
    // "rude" is about the staff; the menu says nothing.
    const list = aspects('They have a short menu, and the staff was rude.', p);
    expect(list.map((a) => [a.term, a.polarity])).toEqual([
      ['menu', 'neutral'],
      ['staff', 'negative'],
    ]);
  });

  it('does not carry a verdict across "but" or "although" to an aspect on the other side', () => {
    const p = createPipeline({ aspects: { support: ['customer service', 'support team'], heating: ['heats', 'heating'] } });
    // The breakage is the kettle's; nothing is said of the service that replaced it.
    const text = 'The kettle stopped working after a month, but customer service replaced it.';
    expect(p.analyze(text, { lang: 'en' }).sentiment.label).toBe('negative');
    expect(aspects(text, p).find((a) => a.category === 'support')).toMatchObject({ polarity: 'neutral', score: 0 });
    // The same aspect on the side of the complaint still takes it.
    const same = aspects('The support team kept me waiting for three weeks, and the kettle stopped working after a month.', p);
    expect(same.find((a) => a.category === 'support')).toMatchObject({ polarity: 'negative' });
    // A concessive clause is its own side too.
    const list = aspects('Although the heating element died in a week, the support team answered my email within an hour.', p);
    expect(list.find((a) => a.category === 'support')?.polarity).not.toBe('negative');
  });

  it('merges the project taxonomy into the built-in one', () => {
    const p = createPipeline({ aspects: { crema: ['crema', 'foam'], grind: ['grind size', 'burrs'] } });
    const list = aspects('The crema is lovely and the burrs are excellent, the box was damaged.', p);
    expect(list.map((a) => [a.term, a.category, a.polarity])).toEqual([
      ['crema', 'crema', 'positive'],
      ['burrs', 'grind', 'positive'],
      ['box', 'packaging', 'negative'],
    ]);
  });

  it('never takes a word inside a configured brand or product name for an aspect', () => {
    const p = createPipeline({
      aspects: { brewing: ['pour', 'brew'], lid: ['lid'] },
      names: ['Copperleaf', 'Copperleaf Pour Kettle', 'Lid-Lock 2'],
    });
    const text = 'The Copperleaf pour kettle is worth every penny, and the pour is steady. My Lid-Lock 2 arrived; the lid is tight.';
    const list = aspects(text, p);
    expect(list.map((a) => [a.term, a.category, a.start])).toEqual([
      ['pour', 'brewing', text.indexOf('the pour') + 4],
      ['lid', 'lid', text.indexOf('the lid') + 4],
    ]);
    // A noun phrase that starts with a name is about the rest of it.
    const named = 'The Copperleaf handle is gorgeous.';
    expect(aspects(named, p).map((a) => [a.term, a.start, a.polarity])).toEqual([['handle', named.indexOf('handle'), 'positive']]);
    // Without the names, the name's words count.
    expect(
      aspects(text, createPipeline({ aspects: { brewing: ['pour', 'brew'], lid: ['lid'] } })).filter((a) =>
        a.term.toLowerCase().split(' ').includes('pour'),
      ),
    ).toHaveLength(2);
  });

  it('keeps offsets right in text with a title line and emoji', () => {
    const text = 'Love it 😍\nThe delivery was late but the quality is superb.';
    const list = aspects(text);
    expect(list.map((a) => [a.term, a.polarity])).toEqual([
      ['delivery', 'negative'],
      ['quality', 'positive'],
    ]);
  });
});
