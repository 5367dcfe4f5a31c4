import { describe, expect, it } from 'vitest';
import { fixtureConfig, mentionRow, reportOf, reviewRow, runOf } from '../../test/alert-fixtures.js';
import type { ReportRow } from '../../reports/model.js';
import { ruleFindings } from './index.js';
import type { RuleInput } from './rule-input.js';

const SINCE = '2026-02-01T00:00:00.000Z';

const rule = (yaml: string) => {
  const config = fixtureConfig(`alerts:
  channels: [{ id: hook, type: webhook, url: "http://127.0.0.1:9/hook" }]
  rules:
    - ${yaml.trim().replace(/\n/g, '\n      ')}
      channels: [hook]
`);
  return { config, rule: config.alerts.rules[0]! };
};

function input(config: RuleInput['config'], rows: ReportRow[], runs: RuleInput['runs'] = []): RuleInput {
  return { config, rows, runs, report: reportOf(config, rows, runs), since: SINCE };
}

describe('reviews rule', () => {
  const old = reviewRow('kettle', 'Stopped working after a week, the lid cracked.', { stars: 1, firstSeen: '2026-01-10T00:00:00.000Z' });
  const oneStar = reviewRow('kettle', 'Stopped working after a week, the lid cracked and it leaks.', { stars: 1 });
  const tenScale = reviewRow('toaster', 'Burns one side of the bread every time.', { rating: { value: 2, best: 10, worst: 1 } });
  const angryUnrated = reviewRow('kettle', 'Awful kettle. It rusted within a month and the handle broke. Terrible and useless, avoid it.');
  const happy = reviewRow('kettle', 'Boils fast, quiet and the handle stays cool. Love it.', { stars: 5 });
  const competitor = reviewRow('boiler', 'Broke on day two, dreadful.', { stars: 1 });

  it('reports new low-star and negative reviews of own products, once per review, and nothing stored before the rule began', () => {
    const { config, rule: r } = rule('id: bad\ntype: reviews');
    const found = ruleFindings(r, input(config, [old, oneStar, tenScale, angryUnrated, happy, competitor]));
    expect(found.map((f) => f.docIds[0]).sort()).toEqual([oneStar, tenScale, angryUnrated].map((x) => x.doc._id).sort());
    const one = found.find((f) => f.docIds[0] === oneStar.doc._id)!;
    expect(one).toMatchObject({
      kind: 'low-rating-review',
      severity: 'critical',
      product: 'kettle',
      title: '1★ review of Kettlecorp Kettle',
    });
    expect(one.key).toBe(`review:${oneStar.doc._id}`);
    expect(one.condition).toBeUndefined();
    // A 2 on a 1–10 scale is about 1.4 stars.
    expect(found.find((f) => f.docIds[0] === tenScale.doc._id)?.title).toBe('1.4★ review of Kettlecorp Toaster');
    expect(found.find((f) => f.docIds[0] === angryUnrated.doc._id)?.kind).toBe('negative-review');
  });

  it('narrows to the products in scope, and can leave unrated negative texts out', () => {
    const { config, rule: r } = rule('id: bad\ntype: reviews\nnegative: false\nscope: { products: [kettle] }');
    const found = ruleFindings(r, input(config, [oneStar, tenScale, angryUnrated]));
    expect(found.map((f) => f.docIds[0])).toEqual([oneStar.doc._id]);
  });

  it('watches a competitor only when the scope names it', () => {
    const { config, rule: r } = rule('id: bad\ntype: reviews\nscope: { brands: [boilco] }');
    expect(ruleFindings(r, input(config, [oneStar, competitor])).map((f) => f.docIds[0])).toEqual([competitor.doc._id]);
  });
});

describe('source-health rule', () => {
  const { config, rule: r } = rule('id: health\ntype: source-health');
  const history = ['2026-02-01', '2026-02-02', '2026-02-03'].map((d) =>
    runOf('kettle-shop', `${d}T06:00:00.000Z`, { pagesFetched: 5, documentsFound: 50 }),
  );
  const health = (latest: ReturnType<typeof runOf>[]) => ruleFindings(r, input(config, [], [...latest, ...history]));

  it('says nothing while sources are healthy, nor for an incremental run that fetched fewer pages at the usual yield', () => {
    expect(health([])).toEqual([]);
    expect(health([runOf('kettle-shop', '2026-02-04T06:00:00.000Z', { pagesFetched: 1, documentsFound: 10 })])).toEqual([]);
  });

  it('reports a run that found nothing as one finding, a condition', () => {
    const found = health([runOf('kettle-shop', '2026-02-04T06:00:00.000Z', { pagesFetched: 1, documentsFound: 0 })]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      kind: 'source-empty',
      sourceId: 'kettle-shop',
      product: 'kettle',
      condition: 'state',
      severity: 'critical',
    });
    expect(found[0]!.detail).toContain('found no items');
  });

  it('tells a block (403, 429, captcha, robots.txt) from an empty page', () => {
    const blocked = (errors: { url: string; message: string }[], stats = {}) =>
      health([
        runOf(
          'kettle-shop',
          '2026-02-04T06:00:00.000Z',
          { pagesFetched: 0, pagesFailed: 1, documentsFound: 0, ...stats },
          { status: 'failed', errors },
        ),
      ]);
    expect(blocked([{ url: 'http://shop.test/kettle', message: 'HTTP 403' }])[0]).toMatchObject({
      kind: 'source-blocked',
      title: expect.stringContaining('HTTP 403'),
    });
    expect(blocked([{ url: 'http://shop.test/kettle', message: 'HTTP 429' }])[0]!.title).toContain('too many requests');
    expect(blocked([], { pagesFetched: 1, pagesBlocked: 1, pagesFailed: 0 })[0]!.title).toContain('captcha');
    expect(blocked([{ url: 'http://shop.test/kettle', message: "not fetched: the site's robots.txt disallows it" }])[0]!.title).toContain(
      'robots.txt',
    );
  });

  it('reports far fewer items per page than the runs before, and repeated failures on top', () => {
    const drop = health([runOf('kettle-shop', '2026-02-04T06:00:00.000Z', { pagesFetched: 5, documentsFound: 12 })]);
    expect(drop.map((f) => f.kind)).toEqual(['source-drop']);
    const failing = ['04', '05', '06'].map((d) =>
      runOf(
        'kettle-shop',
        `2026-02-${d}T06:00:00.000Z`,
        { pagesFetched: 0, pagesFailed: 1, documentsFound: 0 },
        { status: 'failed', errors: [{ url: 'x', message: 'ECONNREFUSED' }] },
      ),
    );
    expect(
      health(failing.reverse())
        .map((f) => f.kind)
        .sort(),
    ).toEqual(['source-empty', 'source-failing']);
  });
});

describe('themes rule', () => {
  // Thirty reviews in January speak well of the battery, thirty in February ill of it.
  const good = [
    'The battery is excellent and lasts for days.',
    'Great battery, it holds a charge between uses.',
    'Battery life is superb on this kettle.',
    'Brilliant battery, lasts all week long.',
    'The battery holds up really well.',
  ];
  const bad = [
    'The battery is terrible and dies within an hour.',
    'Awful battery, it drains overnight.',
    'The battery died after two charges, very disappointing.',
    'Battery is dreadful and needs charging constantly.',
    'Poor battery that barely lasts.',
  ];
  const day = (month: string, i: number) =>
    `2026-${month}-${String(1 + (i % 14)).padStart(2, '0')}T${String(8 + (i % 10)).padStart(2, '0')}:00:00.000Z`;
  const rows = [
    ...Array.from({ length: 30 }, (_, i) => reviewRow('kettle', good[i % 5]!, { stars: 5, publishedAt: day('01', i) })),
    ...Array.from({ length: 30 }, (_, i) => reviewRow('kettle', bad[i % 5]!, { stars: 2, publishedAt: day('02', i) })),
  ];

  it('finds the aspect turning negative with the report’s two-proportion test, for the brand in scope', () => {
    const { config, rule: r } = rule('id: shifts\ntype: themes');
    const data = input(config, rows);
    expect(data.report.themes.periods).toBeDefined();
    const shift = ruleFindings(r, data).filter((f) => f.kind === 'negative-shift');
    expect(shift.map((f) => f.key)).toEqual(['negative-shift:brand:kettlecorp:battery']);
    expect(shift[0]!.data!.z).toBeGreaterThan(1.96);
    expect(shift[0]!.condition).toBe('state');
    expect(shift[0]!.docIds.every((id) => rows.slice(30).some((r) => r.doc._id === id))).toBe(true);
  });

  it('finds no shift when the tone stays the same, nor for a brand out of scope', () => {
    const steady = rows.map((row, i) => (i < 30 ? row : reviewRow('kettle', good[i % 5]!, { stars: 5, publishedAt: row.doc.publishedAt })));
    const { config, rule: r } = rule('id: shifts\ntype: themes');
    expect(ruleFindings(r, input(config, steady)).filter((f) => f.kind === 'negative-shift')).toEqual([]);
    const other = rule('id: shifts\ntype: themes\nscope: { brands: [boilco] }');
    expect(ruleFindings(other.rule, input(other.config, rows)).filter((f) => f.kind === 'negative-shift')).toEqual([]);
  });
});

describe('competitors rule', () => {
  const own = Array.from({ length: 12 }, (_, i) => reviewRow('kettle', `Decent kettle, does the job ${i}.`, { stars: 3 }));
  const theirsBetter = Array.from({ length: 12 }, (_, i) => reviewRow('boiler', `Lovely boiler, works well ${i}.`, { stars: 5 }));
  const theirsWorse = Array.from({ length: 12 }, (_, i) => reviewRow('boiler', `Poor boiler, leaks ${i}.`, { stars: 1 }));

  it('flags a competitor rated above you as a crossing, only with enough ratings on both sides', () => {
    const { config, rule: r } = rule('id: rivals\ntype: competitors\naspects: false\npersonas: false\ncomparisons: false');
    const ahead = ruleFindings(r, input(config, [...own, ...theirsBetter]));
    expect(ahead.map((f) => [f.kind, f.key, f.condition])).toEqual([
      ['competitor-rating-ahead', 'rating-ahead:boilco:kettlecorp', 'crossing'],
    ]);
    expect(ruleFindings(r, input(config, [...own, ...theirsWorse]))).toEqual([]);
    expect(ruleFindings(r, input(config, [...own, ...theirsBetter.slice(0, 5)]))).toEqual([]);
  });

  it('reports a new mention comparing you with a competitor, once per mention', () => {
    const { config, rule: r } = rule('id: rivals\ntype: competitors\nrating: false\naspects: false\npersonas: false');
    const compare = mentionRow('Honestly the Boilco boiler is so much better than the Kettlecorp kettle, switching.', [
      'boilco',
      'kettlecorp',
    ]);
    const plain = mentionRow('Just bought a Kettlecorp kettle, arrives Tuesday.', ['kettlecorp']);
    const found = ruleFindings(r, input(config, [compare, plain]));
    expect(found.map((f) => [f.kind, f.docIds[0]])).toEqual([['comparison-mention', compare.doc._id]]);
    expect(found[0]!.title).toMatch(/compares Kettlecorp with Boilco/);
  });
});

describe('personas rule', () => {
  const { config, rule: r } = rule('id: people\ntype: personas\nminShareChange: 0.05');
  const base = reportOf(config, [reviewRow('kettle', 'Fine.', { stars: 4 })]);
  const withChange = (changes: typeof base.change.changes, previousSetId: string | null = 'set-1') => ({
    config,
    rows: [],
    runs: [],
    since: SINCE,
    report: {
      ...base,
      personas: [],
      change: previousSetId ? { previousSetId, previousAt: '2026-02-01T00:00:00.000Z', changes } : { changes },
    },
  });

  it('reports appeared, vanished, and grown or shrunk past the threshold, keyed by the previous set', () => {
    const found = ruleFindings(
      r,
      withChange([
        { label: 'Careful budgeters', status: 'new', shareNow: 0.2 },
        { label: 'Gift givers', status: 'vanished', shareBefore: 0.1 },
        { label: 'Espresso purists', status: 'grown', shareBefore: 0.1, shareNow: 0.2 },
        { label: 'Quiet seekers', status: 'shrunk', shareBefore: 0.2, shareNow: 0.17 },
        { label: 'Daily brewers', status: 'stable', shareBefore: 0.3, shareNow: 0.3 },
      ]),
    );
    expect(found.map((f) => f.kind)).toEqual(['persona-appeared', 'persona-vanished', 'persona-grew']);
    expect(found[2]!.title).toBe('Espresso purists grew from 10% to 20%');
    expect(found[0]!.key).toBe('persona:persona-appeared:Careful budgeters:set-1');
  });

  it('says nothing on the first report, when there is nothing to compare with', () => {
    expect(ruleFindings(r, withChange([{ label: 'Careful budgeters', status: 'new', shareNow: 0.2 }], null))).toEqual([]);
  });
});
