import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPersonas, type PersonaOptions } from './build-personas.js';
import { hashKey } from './cluster.js';
import { clothingRows, type ClothingRow } from './fixture-rows.js';
import { ageBand, MIN_GROUP, OTHER } from '../../privacy/generalize.js';

// Real, anonymous reviews (each review is a member): 2,500 rows of the public clothing dataset.
const CSV = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'en-clothing-reviews', 'clothing_reviews.csv');
const OPTIONS: PersonaOptions = { maxPersonas: 8, minSize: 5, minShare: 0.03, showNames: false };

/** Pearson's chi-square statistic of a contingency table and its degrees of freedom. */
function chiSquare(table: number[][]): { x2: number; df: number } {
  const rows = table.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = table[0]!.map((_, j) => table.reduce((s, r) => s + r[j]!, 0));
  const n = rows.reduce((a, b) => a + b, 0);
  let x2 = 0;
  table.forEach((r, i) =>
    r.forEach((o, j) => {
      const e = (rows[i]! * cols[j]!) / n;
      if (e > 0) x2 += (o - e) ** 2 / e;
    }),
  );
  return { x2, df: (table.length - 1) * (cols.length - 1) };
}

/** Chi-square critical value at p = 0.001 (Wilson–Hilferty approximation). */
function critical001(df: number): number {
  const z = 3.0902;
  return df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3;
}

describe.skipIf(!existsSync(CSV))('personas of the clothing reviews', () => {
  const rows: ClothingRow[] = existsSync(CSV) ? clothingRows(CSV) : [];
  const byId = new Map(rows.map((r) => [r.doc._id, r]));
  const result = buildPersonas(rows, OPTIONS);

  it('finds distinct personas whose departments differ beyond chance, with the counts behind it', () => {
    expect(result.personas.length).toBeGreaterThanOrEqual(4);
    expect(new Set(result.personas.map((p) => p.label)).size).toBe(result.personas.length);
    // Each persona is defined by a different attitude.
    expect(new Set(result.personas.map((p) => p.traits[0]!.trait)).size).toBe(result.personas.length);
    // Departments with fewer than 30 reviews are pooled so that every expected count is usable.
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.department, (counts.get(r.department) ?? 0) + 1);
    const departments = [...new Set([...counts].map(([d, n]) => (n >= 30 ? d : 'Other')))].sort();
    const column = (d: string) => departments.indexOf((counts.get(d) ?? 0) >= 30 ? d : 'Other');
    const table = result.personas.map((p) => {
      const row = new Array<number>(departments.length).fill(0);
      for (const id of p.evidence) row[column(byId.get(id)!.department)]!++;
      return row;
    });
    const { x2, df } = chiSquare(table);
    expect(x2, `chi-square ${x2.toFixed(1)} on ${df} df`).toBeGreaterThan(critical001(df));
    // And a difference a reader can see: some persona's share of a department is at least 6 points
    // off the overall share, with at least 30 reviews behind the persona.
    const total = table[0]!.map((_, j) => table.reduce((s, r) => s + r[j]!, 0));
    const all = total.reduce((a, b) => a + b, 0);
    const gaps = table.flatMap((r, i) =>
      r.map((c, j) => ({
        persona: result.personas[i]!.label,
        size: result.personas[i]!.size,
        gap: c / result.personas[i]!.size - total[j]! / all,
      })),
    );
    expect(gaps.some((g) => Math.abs(g.gap) >= 0.06 && g.size >= 30)).toBe(true);
  });

  it('reports ages only where a review states one, never from the profile column', () => {
    const stated = new Map(rows.map((r) => [r.doc._id, r.analysis!.attributes.filter((a) => a.type === 'age').map((a) => a.value)]));
    for (const p of result.personas) {
      const inText = p.evidence.flatMap((id) => stated.get(id) ?? []);
      const reported = p.attributes.age ?? [];
      // Shown by decade, each decade held by at least three members, the rest pooled as "other"
      // (when that is three or more too): no row points at one person.
      for (const a of reported) {
        expect(a.support).toBeGreaterThanOrEqual(MIN_GROUP);
        if (a.value !== OTHER) expect(inText.filter((v) => ageBand(v) === a.value).length).toBe(a.support);
      }
      const stating = p.evidence.filter((id) => (stated.get(id) ?? []).length > 0).length;
      const shown = reported.reduce((s, a) => s + a.support, 0);
      expect(shown).toBeLessThanOrEqual(stating);
      expect(shown).toBeGreaterThanOrEqual(stating - (MIN_GROUP - 1));
      // An age range on the card needs three members who state their age, and its ends are
      // five-year steps, not one member's age.
      if (p.card.ageRange) {
        expect(stating).toBeGreaterThanOrEqual(MIN_GROUP);
        expect(p.card.ageRange).toMatch(/^\d*[05]–\d*[49]$/);
      }
    }
    // Few reviews state an age: far too few to claim that personas differ by age.
    expect([...stated.values()].filter((v) => v.length).length).toBeLessThan(rows.length * 0.01);
  });

  it('keeps at least 80% of reviews in matching personas when 10% more arrive', () => {
    const fullOf = new Map(result.personas.flatMap((p) => p.members.map((m) => [m, p.id] as const)));
    for (const salt of ['a', 'b', 'c']) {
      const sub = buildPersonas(
        rows.filter((r) => hashKey(`${salt}:${r.doc._id}`) / 2 ** 32 < 0.9),
        OPTIONS,
      );
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
      expect(matched / total, salt).toBeGreaterThanOrEqual(0.8);
    }
  });
});
