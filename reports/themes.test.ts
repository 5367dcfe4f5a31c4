import { describe, expect, it } from 'vitest';
import { createPipeline } from '../analyzers/pipeline.js';
import type { ReportRow } from './model.js';
import { analysed } from './personas/fixture-rows.js';
import { buildThemes, changeOf } from './themes.js';

const pipeline = createPipeline({ aspects: { battery: ['battery', 'battery life', 'charge', 'charging'], delivery: ['delivery', 'courier', 'parcel'] } });

// Reviews written for this test: a speaker brand and a rival, over two 90-day periods.
const STEADY = [
  'The sound is warm and clear for such a small speaker.',
  'Great sound, and the strap makes it easy to carry.',
  'The bass is thin but the sound is clean.',
  'Pairing was quick and the sound is lovely.',
  'Solid little speaker, the sound fills the kitchen.',
];
const BATTERY_BAD = [
  'The battery died after two hours of music.',
  'Battery life is terrible now, barely an afternoon.',
  'The battery will not hold a charge any more.',
  'Charging takes forever and the battery drains overnight.',
];

let n = 0;
function row(text: string, brand: string, date: string): ReportRow {
  n++;
  return analysed(
    { kind: 'review', origin: 'crawl', sourceId: `${brand}-reviews`, site: 'shop.example', url: `https://shop.example/${brand}/r${n}`, siteId: `r${n}`, brand, product: `${brand}-speaker`, body: text, lang: 'en', publishedAt: date, fetchedAt: '2025-06-30T00:00:00Z' },
    pipeline,
  );
}

/** 30 reviews per period; in the recent one, `battery` of them complain about the battery. */
function twoPeriods(batteryBefore: number, batteryAfter: number): ReportRow[] {
  const rows: ReportRow[] = [];
  for (let i = 0; i < 30; i++) {
    const before = i < batteryBefore ? BATTERY_BAD[i % BATTERY_BAD.length]! : STEADY[i % STEADY.length]!;
    const after = i < batteryAfter ? BATTERY_BAD[i % BATTERY_BAD.length]! : STEADY[i % STEADY.length]!;
    rows.push(row(before, i % 2 ? 'loudbox' : 'tinybeat', `2025-0${1 + (i % 3)}-1${i % 9}T10:00:00Z`));
    rows.push(row(after, i % 2 ? 'loudbox' : 'tinybeat', `2025-0${4 + (i % 3)}-1${i % 9}T10:00:00Z`));
  }
  return rows;
}

describe('themes', () => {
  it('flags a theme whose share rises significantly as emerging, with the test behind it', () => {
    const view = buildThemes(twoPeriods(1, 12));
    const battery = view.themes.find((t) => t.key === 'battery')!;
    expect(battery.source).toBe('taxonomy');
    expect(battery.volume).toBe(13);
    expect(battery.net).toBeLessThan(-0.5);
    expect(battery.change!.trend).toBe('emerging');
    expect(battery.change!.countBefore).toBe(1);
    expect(battery.change!.countAfter).toBe(12);
    expect(battery.change!.z).toBeGreaterThan(1.96);
    expect(view.periods!.recent.documents).toBe(30);
    expect(view.periods!.previous.documents).toBe(30);
  });

  it('flags nothing when shares hold steady', () => {
    const view = buildThemes(twoPeriods(5, 6));
    expect(view.themes.filter((t) => t.change?.trend !== 'steady')).toEqual([]);
  });

  it('never flags a theme on a handful of documents', () => {
    // 0 → 3 of 30 is a big relative change, but three reviews are no trend.
    const c = changeOf(['a', 'b', 'c'], new Set(Array.from({ length: 30 }, (_, i) => `p${i}`)), new Set(['a', 'b', 'c', ...Array.from({ length: 27 }, (_, i) => `r${i}`)]));
    expect(c.trend).toBe('steady');
  });

  it('counts volume and net sentiment per brand, and discovers aspects nobody configured', () => {
    const rows = [
      row('The sound is superb and the strap is sturdy.', 'tinybeat', '2025-05-01T00:00:00Z'),
      row('The sound is wonderful.', 'tinybeat', '2025-05-02T00:00:00Z'),
      row('The sound is awful and the strap is flimsy.', 'loudbox', '2025-05-03T00:00:00Z'),
      row('The strap is weak.', 'loudbox', '2025-05-04T00:00:00Z'),
      row('The courier left the parcel in the rain.', 'loudbox', '2025-05-05T00:00:00Z'),
    ];
    const view = buildThemes(rows, { minVolume: 2 });
    const sound = view.themes.find((t) => t.terms.includes('sound'))!;
    expect(sound.volume).toBe(3);
    expect(sound.byBrand.tinybeat).toEqual({ volume: 2, net: 1 });
    expect(sound.byBrand.loudbox).toEqual({ volume: 1, net: -1 });
    const strap = view.themes.find((t) => t.key.startsWith('~strap'))!;
    expect(strap.source).toBe('discovered');
    expect(strap.volume).toBe(3);
    expect(view.themes.find((t) => t.key === 'delivery')!.volume).toBe(1);
    // Too few dated documents for two periods: no trend claimed.
    expect(view.periods).toBeUndefined();
    // Opinion words are not themes.
    expect(view.themes.map((t) => t.label)).not.toContain('wonderful');
  });
});
