import { describe, expect, it } from 'vitest';
import { createPipeline } from '../pipeline.js';

const pipeline = createPipeline({
  competitors: [
    { id: 'nespresso', names: ['Nespresso', 'Nespreso'] },
    { id: 'delonghi', names: ["De'Longhi", 'Delonghi'] },
  ],
});
const intents = (text: string) => pipeline.analyze(text, { lang: 'en' }).intents;
const types = (text: string) => intents(text).map((i) => i.type);

describe('intents', () => {
  it('finds praise, complaints, questions and suggestions', () => {
    expect(types('Absolutely love this grinder.')).toEqual(['praise']);
    expect(types('It stopped working after a week.')).toEqual(['complaint']);
    expect(types('Does it come in black?')).toEqual(['question']);
    expect(types('They should add a bigger water tank.')).toContain('suggestion');
    expect(types('It would be nice if the cord were longer.')).toContain('suggestion');
    expect(types('I wish it had a timer.')).toContain('suggestion');
  });

  it('marks a sentence that praises one thing and complains about another as both', () => {
    expect(types('The price is great but the customer service was rude.')).toEqual(['praise', 'complaint']);
  });

  it('finds comparisons, with the configured brand named as target', () => {
    const [cmp] = intents('It makes better coffee than my old Nespresso.').filter((i) => i.type === 'comparison');
    expect(cmp).toMatchObject({ type: 'comparison', target: 'nespresso', start: 0 });
    const other = intents('Much quieter than my previous machine.').find((i) => i.type === 'comparison');
    expect(other).toBeDefined();
    expect(other!.target).toBeUndefined();
    expect(intents('Compared to the Delonghi it heats faster.').find((i) => i.type === 'comparison')?.target).toBe('delonghi');
  });

  it('gives intents the offsets of their sentence', () => {
    const text = 'Nice kettle. Why is the lid so stiff?';
    const q = pipeline.analyze(text, { lang: 'en' }).intents.find((i) => i.type === 'question')!;
    expect(text.slice(q.start, q.end)).toBe('Why is the lid so stiff?');
  });

  it('flags incentivised reviews, and only those', () => {
    const flag = (text: string) => pipeline.analyze(text, { lang: 'en' }).signals;
    expect(flag('I received this product free in exchange for my honest review.')).toEqual({ incentivised: true, duplicate: false });
    expect(flag('I got this at a discount for testing and review purposes.').incentivised).toBe(true);
    expect(flag('Love it! #ad').incentivised).toBe(true);
    expect(flag('Came with free shipping and I received it in two days.').incentivised).toBe(false);
    expect(flag('I would exchange it for a bigger size.').incentivised).toBe(false);
  });
});
