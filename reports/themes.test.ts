import { describe, expect, it } from 'vitest';
import { createPipeline } from '../analyzers/pipeline.js';
import { buildReport } from './build-report.js';
import type { ReportRow } from './model.js';
import { renderHtml } from './render/html.js';
import { renderMarkdown } from './render/markdown.js';
import { analysed } from './personas/fixture-rows.js';
import { buildThemes, changeOf } from './themes.js';

const pipeline = createPipeline({
  aspects: { battery: ['battery', 'battery life', 'charge', 'charging'], delivery: ['delivery', 'courier', 'parcel'] },
});

// Reviews written for this test: a speaker brand and a rival, over two periods of about three months.
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
    {
      kind: 'review',
      origin: 'crawl',
      sourceId: `${brand}-reviews`,
      site: 'shop.example',
      url: `https://shop.example/${brand}/r${n}`,
      siteId: `r${n}`,
      brand,
      product: `${brand}-speaker`,
      body: text,
      lang: 'en',
      publishedAt: date,
      fetchedAt: '2025-06-30T00:00:00Z',
    },
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

  it('compares the last 90 days with the 90 before, or the halves of a shorter span, and never one crawl date', () => {
    // Jan 10 – Jun 18: under 180 days, so the span's halves (79.5 days each) are compared.
    const rows = twoPeriods(1, 12);
    expect(buildThemes(rows).periods).toEqual({
      previous: { from: '2025-01-10', to: '2025-03-30', documents: 30 },
      recent: { from: '2025-03-30', to: '2025-06-18', documents: 30 },
    });
    // One review from the autumn before stretches the span past 180 days: two full 90-day periods.
    const long = buildThemes([...rows, row(STEADY[0]!, 'tinybeat', '2024-10-01T10:00:00Z')]);
    expect(long.periods!.recent).toEqual({ from: '2025-03-20', to: '2025-06-18', documents: 30 });
    expect(long.periods!.previous.from).toBe('2024-12-20');
    expect(long.themes.find((t) => t.key === 'battery')!.change!.trend).toBe('emerging');
    // Sixty reviews published within one week: no timeline to compare.
    const week = Array.from({ length: 60 }, (_, i) =>
      row(i < 10 ? BATTERY_BAD[i % 4]! : STEADY[i % 5]!, 'tinybeat', `2025-06-1${i % 7}T10:00:00Z`),
    );
    expect(buildThemes(week).periods).toBeUndefined();
  });

  it('flags nothing when shares hold steady', () => {
    const view = buildThemes(twoPeriods(5, 6));
    expect(view.themes.filter((t) => t.change?.trend !== 'steady')).toEqual([]);
  });

  it('flags a theme whose share falls significantly as fading', () => {
    const battery = buildThemes(twoPeriods(12, 1)).themes.find((t) => t.key === 'battery')!;
    expect(battery.change).toMatchObject({ trend: 'fading', countBefore: 12, countAfter: 1 });
    expect(battery.change!.z).toBeLessThan(-1.96);
  });

  it('never flags a theme on a handful of documents, however significant the test', () => {
    // 100 quiet reviews, then 20 of which `k` complain about the battery.
    const rows = (k: number) => [
      ...Array.from({ length: 100 }, (_, i) => row(STEADY[i % STEADY.length]!, 'tinybeat', `2025-0${1 + (i % 3)}-1${i % 9}T10:00:00Z`)),
      ...Array.from({ length: 20 }, (_, i) =>
        row(
          i < k ? BATTERY_BAD[i % BATTERY_BAD.length]! : STEADY[i % STEADY.length]!,
          'tinybeat',
          `2025-0${4 + (i % 3)}-1${i % 9}T10:00:00Z`,
        ),
      ),
    ];
    // 0 of 100 → 2 of 20 clears z = 1.96 on its own; two reviews are still no trend.
    const two = buildThemes(rows(2)).themes.find((t) => t.key === 'battery')!.change!;
    expect(two).toMatchObject({ countBefore: 0, countAfter: 2, trend: 'steady' });
    expect(two.z).toBeGreaterThan(1.96);
    // The same shape with five complaints is flagged.
    expect(buildThemes(rows(5)).themes.find((t) => t.key === 'battery')!.change).toMatchObject({ countAfter: 5, trend: 'emerging' });
  });

  it('tests the same counts directly', () => {
    const previous = new Set(Array.from({ length: 30 }, (_, i) => `p${i}`));
    const recent = new Set(Array.from({ length: 30 }, (_, i) => `r${i}`));
    const c = changeOf(['p0', ...Array.from({ length: 12 }, (_, i) => `r${i}`)], previous, recent);
    // 1/30 → 12/30: pooled 13/60, z = (0.4 − 0.033) / √(0.217·0.783·(2/30)) ≈ 3.45.
    expect(c).toMatchObject({ before: 0.033, after: 0.4, countBefore: 1, countAfter: 12, trend: 'emerging' });
    expect(c.z).toBeCloseTo(3.45, 1);
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

  it('makes no theme of pronouns, units or markup leftovers, nor of opinion words or fillers in other languages', () => {
    const said = [
      'I love this so much.',
      'Returning this today, sadly.',
      'I am 5 ft 4 and 120 lbs.',
      'Fish &amp; chips speaker, great sound.',
    ];
    const persian = ['این اسپیکر خوب است و صدای خوبی دارد.', 'باتری این اسپیکر خوب میباشد.'];
    const rows = [
      ...Array.from({ length: 24 }, (_, i) => row(said[i % said.length]!, 'tinybeat', '2025-05-01T00:00:00Z')),
      ...Array.from({ length: 12 }, (_, i) => ({ ...row(persian[i % persian.length]!, 'loudbox', '2025-05-01T00:00:00Z') })),
    ];
    expect(rows.filter((r) => r.analysis!.lang === 'fa' && r.analysis!.phrases.length > 0).length).toBeGreaterThan(0);
    const labels = buildThemes(rows, { minVolume: 2 }).themes.map((t) => t.label);
    // "خوب" (good) and "میباشد" (is) are no themes; the speaker's sound ("صدا") is one.
    expect(labels.filter((l) => /\b(?:this|lbs|ft|amp|today)\b/.test(l) || /خوب|میباشد|است/.test(l))).toEqual([]);
    // The real word still makes a theme (the built-in restaurant domain files fish under food).
    expect(buildThemes(rows, { minVolume: 2 }).themes.some((t) => t.terms.some((term) => term.includes('fish')))).toBe(true);
  });

  it('never makes a theme or a key phrase of health, pregnancy, self-harm, religion or sexuality, however often it is said', () => {
    const said = [
      "I'm pregnant and the strap sits comfortably over my bump.",
      'Since my chemo the strap is easier to hold than my old speaker.',
      'My wife and I are a gay couple and the strap is fine for both of us.',
      'We took it to church and the strap held up.',
      'The suicide prevention helpline printed on the strap tag was a kind touch.',
    ];
    const rows = Array.from({ length: 24 }, (_, i) =>
      row(said[i % said.length]!, 'tinybeat', `2025-05-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z`),
    );
    const view = buildThemes(rows, { minVolume: 2 });
    const words = view.themes.flatMap((t) => [t.label, ...t.terms]).join(' ');
    expect(words).not.toMatch(/pregnan|bump|chemo|gay|couple|church|suicid|helpline|prevention/);
    for (const r of rows) expect(r.analysis!.phrases.join(' ')).not.toMatch(/pregnan|chemo|gay|church|suicid|helpline/);
    // The sentences still count for sentiment and for the aspects they name.
    expect(rows.every((r) => r.analysis!.sentiment.label !== undefined)).toBe(true);
    expect(view.themes.some((t) => t.terms.includes('strap'))).toBe(true);
  });

  it('shows in the report: the Markdown table and the HTML chart and table mark the emerging theme', () => {
    const brands = ['tinybeat', 'loudbox'].map((id) => ({
      id,
      name: id === 'tinybeat' ? 'TinyBeat' : 'LoudBox',
      own: id === 'tinybeat',
      products: [{ id: `${id}-speaker`, name: `${id} speaker` }],
    }));
    const { report } = buildReport({
      project: { project: 'speakers', brands, sources: [], personas: { maxPersonas: 5, minSize: 5, minShare: 0.05, showNames: false } },
      rows: twoPeriods(1, 12),
      runs: [],
      now: '2025-07-01T00:00:00Z',
      personaSetId: 'set-1',
    });
    const battery = report.themes.themes.find((t) => t.key === 'battery')!;
    expect(battery.change!.trend).toBe('emerging');
    const md = renderMarkdown(report);
    const line = md.split('\n').find((l) => l.startsWith('| battery'))!;
    expect(line).toContain('**emerging**');
    expect(line).toContain(`z = ${battery.change!.z}`);
    const html = renderHtml(report);
    expect(html).toContain('<h2 id="themes">Themes</h2>');
    expect(html).toMatch(/<td>battery <span class="tag">emerging 3% → 40%, z = [\d.]+<\/span><\/td>/);
    // The battery bar is red: the theme's net sentiment is negative.
    expect(html).toMatch(/fill="#c62828"><title>battery: 13, net -\d\.\d\d<\/title>/);
  });
});
