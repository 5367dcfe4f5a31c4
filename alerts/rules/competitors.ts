/**
 * Competitor moves, for each competitor in scope against each of the user's own brands:
 *
 * - its average rating moves above yours (both resting on at least `minSupport` ratings);
 * - its net sentiment on an aspect moves above yours (both on at least `minSupport` mentions);
 * - a persona forms only among its customers (the report's exclusive personas);
 * - a new mention or review compares you with it (a comparison intent naming one side, the
 *   document naming the other).
 *
 * Who is ahead is a crossing: what holds when the rule is first evaluated is the baseline, and an
 * alert goes out when a competitor moves ahead later. Comparisons are events (one per document).
 */
import type { AlertRuleConfig } from '../../config/alerts-schema.js';
import type { Candidate, RuleInput } from './rule-input.js';
import { projectNames, resolveScope } from './scope.js';

type CompetitorsRule = Extract<AlertRuleConfig, { type: 'competitors' }>;

/** The rule's findings. */
export function competitorFindings(rule: CompetitorsRule, input: RuleInput): Candidate[] {
  const { report } = input;
  const names = projectNames(input.config);
  const scope = resolveScope(rule, input.config, 'competitors');
  const competitors = [...scope.brands].filter((b) => !names.own.has(b));
  const own = [...names.own];
  const brandName = (id: string) => names.brand.get(id) ?? id;
  const summary = new Map(report.brands.map((b) => [b.id, b]));
  const out: Candidate[] = [];

  for (const c of competitors) {
    for (const o of own) {
      const cs = summary.get(c);
      const os = summary.get(o);
      if (rule.rating && cs?.avgRating !== undefined && os?.avgRating !== undefined) {
        if (cs.ratingCount >= rule.minSupport && os.ratingCount >= rule.minSupport && cs.avgRating > os.avgRating) {
          out.push({
            key: `rating-ahead:${c}:${o}`,
            condition: 'crossing',
            kind: 'competitor-rating-ahead',
            title: `${brandName(c)} now rated above ${brandName(o)}`,
            detail: `${brandName(c)} averages ${cs.avgRating.toFixed(2)}★ over ${cs.ratingCount} ratings; ${brandName(o)} ${os.avgRating.toFixed(2)}★ over ${os.ratingCount}.`,
            severity: 'warning',
            brand: c,
            docIds: [],
            view: { page: 'competitors', filters: { brand: c, versus: o }, reportAnchor: 'brands' },
            data: { competitor: cs.avgRating, own: os.avgRating, competitorRatings: cs.ratingCount, ownRatings: os.ratingCount },
          });
        }
      }
      if (rule.aspects) {
        const cRow = report.matrix.rows.find((r) => r.brand === c);
        const oRow = report.matrix.rows.find((r) => r.brand === o);
        report.matrix.aspects.forEach((aspect, i) => {
          const cc = cRow?.cells[i];
          const oc = oRow?.cells[i];
          if (!cc || !oc || cc.mentions < rule.minSupport || oc.mentions < rule.minSupport || !(cc.net > oc.net)) return;
          out.push({
            key: `aspect-ahead:${c}:${o}:${aspect}`,
            condition: 'crossing',
            kind: 'competitor-aspect-ahead',
            title: `${brandName(c)} now ahead of ${brandName(o)} on ${aspect}`,
            detail: `Net sentiment on ${aspect}: ${brandName(c)} ${cc.net.toFixed(2)} over ${cc.mentions} mentions, ${brandName(o)} ${oc.net.toFixed(2)} over ${oc.mentions}.`,
            severity: 'warning',
            brand: c,
            docIds: [],
            view: { page: 'competitors', filters: { brand: c, versus: o, aspect }, reportAnchor: 'matrix' },
            data: { competitor: cc.net, own: oc.net, competitorMentions: cc.mentions, ownMentions: oc.mentions },
          });
        });
      }
    }
    if (rule.personas) {
      for (const x of report.exclusivePersonas.filter((e) => e.brand === c)) {
        const persona = report.personas.find((p) => p.label === x.persona);
        out.push({
          key: `only-persona:${c}:${x.persona}`,
          condition: 'state',
          kind: 'competitor-only-persona',
          title: `A persona only ${brandName(c)} has: ${x.persona}`,
          detail: persona
            ? `${persona.size} reviewers (${Math.round(persona.share * 100)}% of everyone) form it, nearly all among ${brandName(c)}’s customers. ${persona.summary}`
            : `Its members are nearly all ${brandName(c)}’s customers.`,
          severity: 'info',
          brand: c,
          docIds: (persona?.quotes ?? []).map((q) => q.docId).slice(0, 3),
          view: {
            page: 'personas',
            filters: { persona: persona?.id ?? x.persona, brand: c },
            reportAnchor: persona ? `persona-${persona.id}` : 'personas',
          },
          data: { size: persona?.size ?? 0, share: persona?.share ?? 0 },
        });
      }
    }
  }

  if (rule.comparisons && own.length && competitors.length) {
    const comp = new Set(competitors);
    const mine = new Set(own);
    for (const { doc, analysis } of input.rows) {
      if (doc.firstSeenAt < input.since || !analysis) continue;
      if (scope.sources && !scope.sources.has(doc.sourceId)) continue;
      const named = new Set([doc.brand, ...(doc.brands ?? [])].filter((b): b is string => !!b));
      for (const intent of analysis.intents) {
        if (intent.type !== 'comparison') continue;
        const targets = new Set([...named, ...(intent.target ? [intent.target] : [])]);
        const them = [...targets].find((b) => comp.has(b));
        const us = [...targets].find((b) => mine.has(b));
        if (!them || !us) continue;
        out.push({
          key: `comparison:${doc._id}`,
          kind: 'comparison-mention',
          title: `${doc.kind === 'review' ? 'A review' : 'A mention'} compares ${brandName(us)} with ${brandName(them)}`,
          detail: `Its sentiment reads ${analysis.sentiment.label}${doc.publishedAt ? `; published ${doc.publishedAt.slice(0, 10)}` : ''}.`,
          severity: analysis.sentiment.label === 'negative' ? 'warning' : 'info',
          brand: them,
          product: doc.product,
          sourceId: doc.sourceId,
          docIds: [doc._id],
          view: {
            page: 'reviews',
            filters: { brand: them, intent: 'comparison', since: input.since.slice(0, 10) },
            reportAnchor: 'brands',
          },
          data: { sentiment: analysis.sentiment.score },
        });
        break;
      }
    }
  }
  return out;
}
