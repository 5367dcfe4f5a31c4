import { describe, expect, it } from 'vitest';
import { createPipeline } from '../pipeline.js';

const pipeline = createPipeline();

function attributes(text: string) {
  const list = pipeline.analyze(text, { lang: 'en' }).attributes;
  // The evidence is the disclosing sentence, and its offsets point at it.
  for (const a of list) expect(text.slice(a.start, a.end)).toBe(a.evidence);
  return list.map((a) => `${a.type}=${a.value}`);
}

describe('attributes', () => {
  it('finds life stage and household', () => {
    expect(attributes('As a busy mom of two, I need a fast machine.')).toContain('life-stage=parent');
    expect(attributes('My daughter loves the pink one.')).toContain('life-stage=parent');
    expect(attributes('My dog chewed the cable within a week.')).toContain('life-stage=pet-owner');
    expect(attributes("I'm a college student on a tight budget.")).toEqual(
      expect.arrayContaining(['life-stage=student', 'price-sensitivity=price-sensitive']),
    );
    expect(attributes('Since I retired I drink more coffee.')).toContain('life-stage=retiree');
    expect(attributes('My husband and I use it every morning.')).toContain('life-stage=couple');
  });

  it('finds roles and professions, not hobbies', () => {
    expect(attributes('As a nurse working nights, I live on coffee.')).toContain('role=nurse');
    expect(attributes('I run a small café and we use it all day.')).toContain('role=small-business');
    expect(attributes("I'm a professional photographer.")).toContain('role=photographer');
    expect(attributes('As a home cook I like it.')).not.toContain('role=cook');
    expect(attributes('Works well as a daily driver.')).toEqual([]);
  });

  it('finds a stated age, and not sizes or heights', () => {
    expect(attributes("I'm 34 and this fits me well.")).toContain('age=34');
    expect(attributes('At 62, I finally found a comfortable shoe.')).toContain('age=62');
    expect(attributes('I am a 45 year old runner.')).toContain('age=45');
    expect(attributes('Perfect for someone in my forties.')).toContain('age=40s');
    expect(attributes("I'm 5'4\" and 130 lbs, the small fits.").some((a) => a.startsWith('age='))).toBe(false);
    expect(attributes("I'm 34D and it was too tight.").some((a) => a.startsWith('age='))).toBe(false);
    expect(attributes("I'm 30 dd and 115 lbs.").some((a) => a.startsWith('age='))).toBe(false);
    expect(attributes("It hangs like I'm 20 months pregnant.").some((a) => a.startsWith('age='))).toBe(false);
    expect(attributes('Bought it for my 21 year old daughter.').some((a) => a.startsWith('age='))).toBe(false);
    // A floor is kept as written, not turned into a decade.
    expect(attributes("I'm 60+, and the medium fits.")).toContain('age=60+');
  });

  it('finds experience, usage, motive, price sensitivity, loyalty and channel', () => {
    expect(attributes("I'm a complete beginner with espresso.")).toContain('experience=first-time');
    expect(attributes("I've been brewing coffee at home for over 10 years.")).toContain('experience=expert');
    expect(attributes('I wear it to work every day.')).toContain('usage=work');
    expect(attributes('Took it on our trip to Spain.')).toContain('usage=travel');
    expect(attributes('Great for the gym.')).toContain('usage=sport');
    expect(attributes('Bought it as a birthday gift for my sister.')).toContain('usage=gift');
    expect(attributes('I bought it on sale and based on the reviews.')).toEqual(expect.arrayContaining(['motive=deal', 'motive=reviews']));
    expect(attributes('I switched from Nespresso last year.')).toContain('loyalty=switched');
    expect(attributes('Will definitely buy again.')).toContain('loyalty=will-buy-again');
    expect(attributes("I'm returning it tomorrow.")).toContain('loyalty=returning');
    expect(attributes('I will never buy this brand again.')).toContain('loyalty=not-repurchasing');
    expect(attributes('I tried it on in store first.')).toContain('channel=in-store');
    expect(attributes('I ordered it from Amazon.')).toContain('channel=marketplace');
    expect(attributes('Would recommend to a friend.')).toContain('loyalty=recommends');
    expect(attributes('I would recommend sizing down.')).not.toContain('loyalty=recommends');
    // A hedge in the same clause takes the promise back; one in another clause does not.
    for (const hedged of [
      "Not sure I'd buy it again.",
      'I doubt I would order it again, the lid cracked.',
      "I don't think I'd recommend it.",
      "If they fix the hinge I'd buy it again.",
      'Wondering whether I would purchase it again.',
    ]) {
      expect(attributes(hedged), hedged).not.toEqual(expect.arrayContaining([expect.stringMatching(/will-buy-again|recommends/)]));
    }
    expect(attributes("It chipped once, but I'd buy it again.")).toContain('loyalty=will-buy-again');
    expect(attributes("I wasn't sure at first, but I would recommend it.")).toContain('loyalty=recommends');
    expect(attributes("I've ordered this dress in four colors.")).toContain('loyalty=repeat-buyer');
    expect(attributes('I just retired my old boots.')).not.toContain('life-stage=retiree');
  });

  it('keeps each disclosure once, and finds nothing in plain product talk', () => {
    expect(attributes('The lid is flimsy and the handle is sturdy. The price is fair.')).toEqual([]);
    expect(attributes('My son loves it. My son uses it daily.')).toEqual(['life-stage=parent']);
  });

  it('does not run English patterns on other languages', () => {
    expect(pipeline.analyze('Ich bin 34 und sehr zufrieden.', { lang: 'de' }).attributes).toEqual([]);
  });
});
