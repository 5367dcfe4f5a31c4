/**
 * Shifts in what customers talk about, over the two periods the report compares (reports/themes.ts):
 *
 * - a negative shift: among the documents of a brand (or product) that mention an aspect or theme,
 *   the share speaking of it negatively rose between the previous and the recent period — the same
 *   two-proportion test, at the same threshold (z ≥ 1.96 with at least 5 recent documents), that
 *   flags a theme as emerging;
 * - a new emerging theme: one the report flags as emerging, mentioned for a brand in scope.
 *
 * Both are conditions: reported when they start holding, not again while they hold.
 */
import type { AlertRuleConfig } from '../../config/alerts-schema.js';
import type { ReportRow } from '../../reports/model.js';
import { changeOf, themePolarities } from '../../reports/themes.js';
import type { Candidate, RuleInput } from './rule-input.js';
import { projectNames, resolveScope } from './scope.js';

type ThemesRule = Extract<AlertRuleConfig, { type: 'themes' }>;

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The day (YYYY-MM-DD) a row counts for in the period split: its publication, else its fetch. */
function dayOf(row: ReportRow): string {
  return (row.doc.publishedAt ?? row.doc.fetchedAt).slice(0, 10);
}

/** The rule's findings. */
export function themeFindings(rule: ThemesRule, input: RuleInput): Candidate[] {
  const { report } = input;
  const scope = resolveScope(rule, input.config, 'own');
  const names = projectNames(input.config);
  const out: Candidate[] = [];
  const themes = report.themes.themes;

  if (rule.emerging) {
    for (const t of themes) {
      if (t.change?.trend !== 'emerging') continue;
      const inScope = scope.products
        ? [...scope.products].some((p) => (t.byProduct[p]?.volume ?? 0) > 0)
        : [...scope.brands].some((b) => (t.byBrand[b]?.volume ?? 0) > 0);
      if (!inScope) continue;
      out.push({
        key: `emerging:${t.key}`,
        condition: 'state',
        kind: 'emerging-theme',
        title: `Emerging theme: “${t.label}”`,
        detail: `Mentioned in ${pct(t.change.after)} of recent documents, up from ${pct(t.change.before)} (z = ${t.change.z}); net sentiment ${t.net.toFixed(2)}.`,
        severity: t.net < 0 ? 'warning' : 'info',
        docIds: t.evidence.slice(0, 3),
        view: { page: 'themes', filters: { theme: t.key }, reportAnchor: 'themes' },
        data: { before: t.change.before, after: t.change.after, z: t.change.z, net: t.net },
      });
    }
  }

  const periods = report.themes.periods;
  if (rule.negativeShift && periods) {
    // The units a shift is measured in: each product in scope, else each brand in scope.
    const units: { field: 'product' | 'brand'; id: string }[] = scope.products
      ? [...scope.products].map((id) => ({ field: 'product' as const, id }))
      : [...scope.brands].map((id) => ({ field: 'brand' as const, id }));
    const wanted = new Set(themes.map((t) => t.key));
    for (const unit of units) {
      const previous = new Map<string, Set<string>>();
      const recent = new Map<string, Set<string>>();
      const negative = new Map<string, string[]>();
      for (const row of input.rows) {
        const a = row.analysis;
        if (!a?.supported || row.doc[unit.field] !== unit.id || !scope.hasDocument(row.doc)) continue;
        const day = dayOf(row);
        const which =
          day >= periods.recent.from && day <= periods.recent.to
            ? recent
            : day >= periods.previous.from && day < periods.recent.from
              ? previous
              : undefined;
        if (!which) continue;
        for (const [key, polarity] of themePolarities(a)) {
          if (!wanted.has(key)) continue;
          let set = which.get(key);
          if (!set) which.set(key, (set = new Set()));
          set.add(row.doc._id);
          if (polarity < 0) {
            let list = negative.get(key);
            if (!list) negative.set(key, (list = []));
            list.push(row.doc._id);
          }
        }
      }
      for (const t of themes) {
        const before = previous.get(t.key);
        const after = recent.get(t.key);
        if (!before?.size || !after?.size) continue;
        const neg = negative.get(t.key) ?? [];
        const change = changeOf(neg, before, after);
        if (change.trend !== 'emerging') continue;
        const name = unit.field === 'product' ? (names.product.get(unit.id) ?? unit.id) : (names.brand.get(unit.id) ?? unit.id);
        const recentNegative = neg.filter((id) => after.has(id));
        out.push({
          key: `negative-shift:${unit.field}:${unit.id}:${t.key}`,
          condition: 'state',
          kind: 'negative-shift',
          title: `“${t.label}” turning negative for ${name}`,
          detail: `${pct(change.after)} of ${after.size} recent documents about it speak of it negatively, up from ${pct(change.before)} of ${before.size} (${periods.previous.from}–${periods.recent.from} vs ${periods.recent.from}–${periods.recent.to}; z = ${change.z}).`,
          severity: 'warning',
          [unit.field]: unit.id,
          ...(unit.field === 'product' ? { brand: names.brandOfProduct.get(unit.id) } : {}),
          docIds: recentNegative.sort().slice(0, 5),
          view: { page: 'themes', filters: { [unit.field]: unit.id, theme: t.key, sentiment: 'negative' }, reportAnchor: 'themes' },
          data: { before: change.before, after: change.after, z: change.z, recent: after.size, previous: before.size },
        });
      }
    }
  }
  return out;
}
