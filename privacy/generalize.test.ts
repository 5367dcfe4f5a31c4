import { describe, expect, it } from 'vitest';
import { createPipeline } from '../analyzers/pipeline.js';
import type { Analysis, RadarDocument } from '../domain/types.js';
import { attributeTable } from '../reports/personas/describe.js';
import type { Member } from '../reports/personas/features.js';
import { ageBand, regionOf } from './generalize.js';

describe('generalising what describes a person', () => {
  it('shows a stated age by decade', () => {
    expect(['34', '30', '39', '17', '81', '30s', '50+'].map(ageBand)).toEqual(['30s', '30s', '30s', 'under 20', '80s', '30s', '50+']);
  });

  it('keeps the region of a profile location, never the town or anything redacted', () => {
    expect(regionOf('Austin, TX')).toBe('TX');
    expect(regionOf('Leeds,  West Yorkshire,  United Kingdom ')).toBe('United Kingdom');
    expect(regionOf('Portugal')).toBe('Portugal');
    expect(regionOf('Sydney · Australia')).toBe('Australia');
    for (const bad of ['', '   ', '12345', 'Main St, [phone]', 'me@[email]', 'x', 'Springfield, 90210'])
      expect(regionOf(bad), bad).toBeUndefined();
  });
});

describe("a persona's table of self-disclosed attributes", () => {
  const pipeline = createPipeline();
  let n = 0;
  const member = (text: string, region?: string): Member => {
    const id = `d${++n}`;
    const doc = { _id: id, body: text, kind: 'review', url: `https://shop.test/r/${id}` } as unknown as RadarDocument;
    const analysis = { ...pipeline.analyze(text, { lang: 'en' }), _id: id, docId: id } as unknown as Analysis;
    const m: Member = { key: `a${n}`, rows: [{ doc, analysis }], brands: [], lang: analysis.lang };
    if (region) m.region = region;
    return m;
  };

  it('pools ages, roles and regions fewer than three members share into "other", and leaves out an "other" of one or two', () => {
    const members = [
      member("I'm 34 years old and this kettle is lovely.", 'Ireland'),
      member("I'm 36 and I use it every morning.", 'Ireland'),
      member("As a nurse I need a quick coffee before my shift. I'm 38 years old.", 'Ireland'),
      member("I'm 52 years old, as a nurse I drink a lot of it.", 'Wales'),
      member('As a nurse on nights, I love the timer.', 'Scotland'),
      member('As a teacher I grab a cup at 7.', 'Norway'),
      member("I'm 71 and retired, still learning the settings."),
    ];
    const { shares } = attributeTable(members);
    expect(shares.get('age')).toEqual([{ value: '30s', support: 3, share: 0.43 }]);
    expect(shares.get('role')).toEqual([{ value: 'nurse', support: 3, share: 0.43 }]);
    expect(shares.get('location')).toEqual([
      { value: 'Ireland', support: 3, share: 0.43 },
      { value: 'other', support: 3, share: 0.43 },
    ]);
    // Attitudes are not about who someone is: a single gift buyer still shows.
    const more = attributeTable([...members, member('Bought it as a gift for my sister.')]).shares;
    expect(more.get('usage')).toContainEqual({ value: 'gift', support: 1, share: 0.13 });
  });
});
