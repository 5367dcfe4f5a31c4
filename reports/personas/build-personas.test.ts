import { describe, expect, it } from 'vitest';
import type { Attitude } from '../../demo/catalog-types.js';
import type { PersonaView, ReportRow } from '../model.js';
import { buildPersonas, type PersonaOptions, type PersonaResult } from './build-personas.js';
import { hashKey } from './cluster.js';
import { analysed, demoRows } from './fixture-rows.js';
import { createPipeline } from '../../analyzers/pipeline.js';

const OPTIONS: PersonaOptions = { maxPersonas: 8, minSize: 5, minShare: 0.03, showNames: false };
const { rows, attitudes } = demoRows();
const result = buildPersonas(rows, OPTIONS);

/** A persona's majority written attitude and its share among members with a known attitude. */
function purity(p: PersonaView): { attitude: Attitude; share: number; known: number } {
  const counts = new Map<Attitude, number>();
  let known = 0;
  for (const key of p.members) {
    const list = attitudes.get(key);
    if (!list) continue;
    known++;
    for (const a of list) counts.set(a, (counts.get(a) ?? 0) + 1);
  }
  const [attitude, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  return { attitude, share: n / known, known };
}

/** Share of members in personas in `sub` who sit in the matching persona of `full` (personas matched one-to-one by overlap). */
function kept(sub: PersonaResult, full: PersonaResult): number {
  const fullOf = new Map(full.personas.flatMap((p) => p.members.map((m) => [m, p.id] as const)));
  const pairs = new Map<string, number>();
  let total = 0;
  for (const p of sub.personas) {
    for (const m of p.members) {
      total++;
      const f = fullOf.get(m);
      if (f) pairs.set(`${p.id} ${f}`, (pairs.get(`${p.id} ${f}`) ?? 0) + 1);
    }
  }
  const usedSub = new Set<string>();
  const usedFull = new Set<string>();
  let matched = 0;
  for (const [key, n] of [...pairs.entries()].sort((a, b) => b[1] - a[1])) {
    const [s, f] = key.split(' ') as [string, string];
    if (usedSub.has(s) || usedFull.has(f)) continue;
    usedSub.add(s);
    usedFull.add(f);
    matched += n;
  }
  return matched / Math.max(1, total);
}

/** Words a label must use for each written attitude. */
const LABEL_WORDS: Record<Attitude, RegExp> = {
  value: /value|budget|deal|price/i,
  quality: /quality|craft|durab/i,
  support: /support|service|delivery|warranty|returns/i,
  gift: /gift/i,
  household: /parent|famil|household/i,
  newcomer: /first-time|student|beginner|newcomer/i,
};

describe('personas of the demo shop', () => {
  it('recover the written attitude groups: at least four personas at purity ≥ 0.7, labelled by that attitude', () => {
    const pure = result.personas.map((p) => ({ p, ...purity(p) })).filter((x) => x.share >= 0.7 && x.known >= 5);
    expect(pure.length).toBeGreaterThanOrEqual(4);
    // Four different attitudes, not one attitude split four ways.
    expect(new Set(pure.map((x) => x.attitude)).size).toBeGreaterThanOrEqual(4);
    for (const x of pure) expect(x.p.label, `${x.p.label}: ${x.attitude} ${x.share.toFixed(2)}`).toMatch(LABEL_WORDS[x.attitude]);
    // Overall, members sit with their own kind far more often than the 0.54 the k-means builder reached.
    const all = result.personas.map(purity);
    const weighted = all.reduce((s, x) => s + x.share * x.known, 0) / all.reduce((s, x) => s + x.known, 0);
    expect(weighted).toBeGreaterThanOrEqual(0.65);
  });

  it('finds the value, gift, support and parent segments the demo was written with', () => {
    const labels = result.personas.map((p) => p.label).join(' | ');
    expect(labels).toMatch(/Value-seeking/);
    expect(labels).toMatch(/gift buyers/i);
    expect(labels).toMatch(/Support-frustrated/);
    expect(labels).toMatch(/Quality-focused/);
    expect(labels).toMatch(/parents/);
  });

  it('gives the same personas for the same data, whatever the order of the rows', () => {
    const again = buildPersonas([...rows].reverse(), OPTIONS);
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
  });

  it('keeps at least 80% of reviewers in matching personas when 10% more data arrives', () => {
    const shares: number[] = [];
    for (const salt of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const subset = rows.filter((r) => hashKey(`${salt}:${r.doc.authorKey}`) / 2 ** 32 < 0.9);
      shares.push(kept(buildPersonas(subset, OPTIONS), result));
    }
    for (const s of shares) expect(s).toBeGreaterThanOrEqual(0.8);
    expect(shares.reduce((a, b) => a + b, 0) / shares.length).toBeGreaterThanOrEqual(0.85);
  });

  it('reports no persona below the minimum support, as a count and as a share', () => {
    for (const p of result.personas)
      expect(p.size).toBeGreaterThanOrEqual(Math.max(OPTIONS.minSize, Math.ceil(OPTIONS.minShare * result.members)));
    const strict = buildPersonas(rows, { ...OPTIONS, minShare: 0.12 });
    expect(strict.personas.length).toBeGreaterThan(0);
    expect(strict.personas.length).toBeLessThan(result.personas.length);
    for (const p of strict.personas) expect(p.size).toBeGreaterThanOrEqual(Math.ceil(0.12 * strict.members));
    const none = buildPersonas(rows.slice(0, 12), { ...OPTIONS, minSize: 20 });
    expect(none.personas).toEqual([]);
    expect(none.unassigned.noSignal + none.unassigned.weakFit + none.unassigned.ambiguous).toBe(none.members);
  });

  it('accounts for every member: in a persona, or left out with a reason', () => {
    const { noSignal, weakFit, ambiguous } = result.unassigned;
    expect(result.clustered + noSignal + weakFit + ambiguous).toBe(result.members);
    expect(result.personas.reduce((s, p) => s + p.size, 0)).toBe(result.clustered);
    // Most reviewers find a persona; the rest are reported, not forced into one.
    expect(result.clustered / result.members).toBeGreaterThanOrEqual(0.7);
  });

  it("gives shares of all reviewers considered, and counts a reviewer of several brands among each brand's reviewers", () => {
    const brandsOf = new Map<string, Set<string>>();
    for (const r of rows) {
      if (!r.doc.authorKey || r.analysis!.signals.incentivised || r.analysis!.signals.duplicate) continue;
      const set = brandsOf.get(r.doc.authorKey) ?? new Set<string>();
      set.add(r.doc.brand!);
      brandsOf.set(r.doc.authorKey, set);
    }
    // The demo has reviewers of more than one brand: the case this is about.
    expect([...brandsOf.values()].filter((b) => b.size > 1).length).toBeGreaterThan(10);
    const reviewersOf = (brand: string) => [...brandsOf.values()].filter((b) => b.has(brand)).length;
    for (const p of result.personas) {
      expect(p.share).toBeCloseTo(p.size / result.members, 2);
      for (const [brand, n] of Object.entries(p.membersByBrand)) {
        expect(n, `${p.label} ${brand}`).toBe(p.members.filter((k) => brandsOf.get(k)?.has(brand)).length);
        expect(p.shareByBrand[brand], `${p.label} ${brand}`).toBeCloseTo(n / reviewersOf(brand), 2);
      }
    }
    // Not every reviewer is in a persona, so shares add up to the share that is.
    expect(result.personas.reduce((s, p) => s + p.share, 0)).toBeCloseTo(result.clustered / result.members, 1);
  });

  it('names a segment that only talks about a thing, without opinions on it, by the thing and not by a motive', () => {
    const facts = [
      'The manual arrived on Monday.',
      'The manual has twelve pages in four languages.',
      'The box was unpacked on Wednesday.',
      'The box is made of brown cardboard.',
      'The lid is round and the handle is black.',
      'The kettle came with a base and a cable.',
    ];
    const pipeline = createPipeline();
    const factual = Array.from({ length: 60 }, (_, i) =>
      analysed(
        {
          kind: 'review',
          origin: 'import',
          sourceId: 'facts',
          site: 'facts.csv',
          url: `file:facts.csv#row=${i + 1}`,
          siteId: `f${i}`,
          brand: 'copperleaf',
          author: `writer ${i}`,
          body: facts[i % facts.length]!,
          lang: 'en',
          fetchedAt: '2025-07-07T00:00:00Z',
        },
        pipeline,
      ),
    );
    const built = buildPersonas(factual, OPTIONS);
    expect(built.personas.length).toBeGreaterThan(0);
    for (const p of built.personas)
      expect(p.label).not.toMatch(/Convenience|Presentation|Value|Quality|Style|Low-maintenance|seeking|minded/);
  });

  it('keeps incentivised and duplicated reviews out', () => {
    const incentivised = rows.filter((r) => r.analysis!.signals.incentivised).map((r) => r.doc._id);
    expect(incentivised.length).toBeGreaterThan(0);
    expect(result.excluded.incentivised).toBe(incentivised.length);
    // The same review seen again (another source, or a flagged copy) counts once.
    const copies: ReportRow[] = rows.slice(0, 20).map((r, i) => ({
      doc: { ...r.doc, _id: `copy-${i}`, ...(i % 2 ? { dupOf: r.doc._id } : {}) },
      analysis: { ...r.analysis!, signals: { ...r.analysis!.signals, duplicate: i % 2 === 0 } },
    }));
    const withCopies = buildPersonas([...rows, ...copies], OPTIONS);
    expect(withCopies.excluded.duplicate).toBe(20);
    const evidence = new Set(withCopies.personas.flatMap((p) => p.evidence));
    for (const id of [...incentivised, ...copies.map((c) => c.doc._id)]) expect(evidence.has(id)).toBe(false);
    expect(withCopies.personas.map((p) => p.label)).toEqual(result.personas.map((p) => p.label));
  });

  it('backs every persona with traits, quotes that show them, and rules that cite their figures', () => {
    for (const p of result.personas) {
      expect(p.traits.length, p.label).toBeGreaterThan(0);
      for (const t of p.traits) {
        expect(t.support).toBeGreaterThan(0);
        expect(t.value).toBeGreaterThan(t.overall);
      }
      expect(p.quotes.length, p.label).toBeGreaterThanOrEqual(3);
      expect(p.quotes.length).toBeLessThanOrEqual(5);
      expect(new Set(p.quotes.map((q) => q.text)).size).toBe(p.quotes.length);
      for (const q of [...p.quotes, ...p.counterEvidence]) {
        expect(p.evidence).toContain(q.docId);
        expect(q.url).toMatch(/^http/);
        expect(q.author).toBeUndefined();
      }
      for (const l of [...p.loves, ...p.hates]) expect(l.mentions).toBeGreaterThanOrEqual(3);
      for (const m of p.marketing) expect(m.because).toMatch(/\d/);
      expect(p.stability).toBeGreaterThanOrEqual(0.6);
    }
    // The support persona's quotes show its trait: complaints about service.
    const support = result.personas.find((p) => /Support-frustrated/.test(p.label))!;
    expect(support.quotes.filter((q) => /service|support|warranty|delivery|return/i.test(q.text)).length).toBeGreaterThanOrEqual(3);
    expect(support.marketing.map((m) => m.advice).join(' ')).toMatch(/Fix customer service/);
    const gift = result.personas.find((p) => /gift/i.test(p.label))!;
    expect(gift.marketing.map((m) => m.advice).join(' ')).toMatch(/gift/);
  });
});
