/**
 * Attitude vectors: each reviewer (or, where a source is anonymous, each document) becomes a
 * vector of what they think — aspect-level sentiment, motives, price sensitivity, loyalty, usage,
 * experience, intents, tone and rating. Self-disclosed descriptors (life stage, role, age, channel,
 * location) are deliberately not clustered on: they describe segments found from attitudes.
 */
import type { Attribute } from '../../domain/types.js';
import type { ReportRow } from '../model.js';
import { fiveStar } from '../summaries.js';

/** A reviewer (or anonymous document) and what they wrote. */
export interface Member {
  /** Pseudonymous author key, or `doc:<id>` for anonymous documents. */
  key: string;
  /** Their documents. */
  rows: ReportRow[];
  /** Brand they wrote about most. */
  brand?: string;
}

/** Attribute types that express attitudes (clustered on). */
export const ATTITUDE_ATTRIBUTES = new Set(['motive', 'price-sensitivity', 'loyalty', 'usage', 'experience']);
/** Attribute types that describe people (reported, not clustered on). */
export const DESCRIPTOR_ATTRIBUTES = new Set(['life-stage', 'role', 'age', 'channel', 'location']);

/** Why documents were kept out of persona building. */
export interface Exclusions {
  /** Incentivised reviews. */
  incentivised: number;
  /** Duplicated texts. */
  duplicate: number;
  /** Unsupported language or not analysed. */
  unsupportedLanguage: number;
}

/** Groups usable rows into members; incentivised, duplicated and unscorable documents are kept out. */
export function groupMembers(rows: ReportRow[]): { members: Member[]; excluded: Exclusions } {
  const excluded: Exclusions = { incentivised: 0, duplicate: 0, unsupportedLanguage: 0 };
  const byKey = new Map<string, ReportRow[]>();
  for (const row of rows) {
    const a = row.analysis;
    if (!a || !a.supported) {
      excluded.unsupportedLanguage++;
      continue;
    }
    if (a.signals.incentivised) {
      excluded.incentivised++;
      continue;
    }
    if (a.signals.duplicate || row.doc.dupOf) {
      excluded.duplicate++;
      continue;
    }
    const key = row.doc.authorKey ?? `doc:${row.doc._id}`;
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  const members = [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, list]) => {
      const brands = new Map<string, number>();
      for (const r of list) if (r.doc.brand) brands.set(r.doc.brand, (brands.get(r.doc.brand) ?? 0) + 1);
      const brand = [...brands.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
      return { key, rows: list, brand };
    });
  return { members, excluded };
}

/** The name of an attribute feature. */
export function attributeFeature(a: Pick<Attribute, 'type' | 'value'>): string {
  return `attr:${a.type}=${a.value}`;
}

/** One dimension of the attitude space. */
export interface Feature {
  /** Name, e.g. "care:price" (how much more often than other reviewers of the same product they raise it), "aspect:price" (how they feel about it), "attr:motive=gift", "intent:complaint", "tone", "rating". */
  name: string;
  /** Weight in distances. */
  weight: number;
}

/** The attitude space of a population. */
export interface FeatureSpace {
  /** Dimensions. */
  features: Feature[];
  /** Raw (unweighted) values of a member. */
  raw(member: Member): number[];
}

/**
 * Weights: what a segment is made of. What people care about (which aspects they raise) and why
 * they buy come first; how they feel about each aspect next; overall tone and rating last, so that
 * segments are not merely "happy" and "unhappy" customers.
 */
const WEIGHTS = { care: 0.9, aspect: 0.6, attr: 1, intent: 0.3, tone: 0.4, rating: 0.3 } as const;

/** Builds the attitude space: aspects and attitude attributes with enough support, intents, tone, rating. */
export function buildFeatureSpace(members: Member[], minSupport: number, maxAspects = 10): FeatureSpace {
  const aspectSupport = new Map<string, number>();
  const attrSupport = new Map<string, number>();
  const intents = new Set<string>();
  for (const m of members) {
    const aspects = new Set<string>();
    const attrs = new Set<string>();
    for (const r of m.rows) {
      for (const a of r.analysis!.aspects) if (a.category) aspects.add(a.category);
      for (const at of r.analysis!.attributes) if (ATTITUDE_ATTRIBUTES.has(at.type)) attrs.add(attributeFeature(at));
      for (const i of r.analysis!.intents) intents.add(i.type);
    }
    for (const a of aspects) aspectSupport.set(a, (aspectSupport.get(a) ?? 0) + 1);
    for (const a of attrs) attrSupport.set(a, (attrSupport.get(a) ?? 0) + 1);
  }
  const byVolume = (m: Map<string, number>) =>
    [...m.entries()].filter(([, n]) => n >= minSupport).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
  const aspects = byVolume(aspectSupport).slice(0, maxAspects);
  const attrs = byVolume(attrSupport).slice(0, 16);
  const intentList = [...intents].sort();
  const features: Feature[] = [
    ...aspects.map((a) => ({ name: `care:${a}`, weight: WEIGHTS.care })),
    ...aspects.map((a) => ({ name: `aspect:${a}`, weight: WEIGHTS.aspect })),
    ...attrs.map((a) => ({ name: a, weight: WEIGHTS.attr })),
    ...intentList.map((i) => ({ name: `intent:${i}`, weight: WEIGHTS.intent })),
    { name: 'tone', weight: WEIGHTS.tone },
    { name: 'rating', weight: WEIGHTS.rating },
  ];
  const careIndex = new Map(aspects.map((a, i) => [a, i]));
  // How often each product's reviews raise each aspect: salience is measured against it, because
  // raising "milk" in a frother review says more about the product than about the person.
  const productRate = new Map<string, number[]>();
  const productDocs = new Map<string, number>();
  for (const m of members) {
    for (const r of m.rows) {
      const key = r.doc.product ?? r.doc.brand ?? '';
      const rate = productRate.get(key) ?? new Array<number>(aspects.length).fill(0);
      const seen = new Set<number>();
      for (const asp of r.analysis!.aspects) {
        const i = asp.category !== undefined ? careIndex.get(asp.category) : undefined;
        if (i !== undefined) seen.add(i);
      }
      for (const i of seen) rate[i]!++;
      productRate.set(key, rate);
      productDocs.set(key, (productDocs.get(key) ?? 0) + 1);
    }
  }
  for (const [key, rate] of productRate) for (let i = 0; i < rate.length; i++) rate[i]! /= productDocs.get(key)!;
  const aspectIndex = new Map(aspects.map((a, i) => [a, aspects.length + i]));
  const attrIndex = new Map(attrs.map((a, i) => [a, 2 * aspects.length + i]));
  const intentIndex = new Map(intentList.map((t, i) => [t, 2 * aspects.length + attrs.length + i]));
  const toneIndex = features.length - 2;
  const ratingIndex = features.length - 1;

  return {
    features,
    raw(member: Member): number[] {
      const v = new Array<number>(features.length).fill(0);
      const aspectSum = new Array<number>(aspects.length).fill(0);
      const aspectN = new Array<number>(aspects.length).fill(0);
      const care = new Array<number>(aspects.length).fill(0);
      let tone = 0;
      let ratingSum = 0;
      let ratingN = 0;
      for (const r of member.rows) {
        const a = r.analysis!;
        const raised = new Set<number>();
        for (const asp of a.aspects) {
          const i = asp.category !== undefined ? careIndex.get(asp.category) : undefined;
          if (i === undefined) continue;
          raised.add(i);
          aspectSum[i]! += Math.max(-1, Math.min(1, asp.score));
          aspectN[i]!++;
        }
        const baseline = productRate.get(r.doc.product ?? r.doc.brand ?? '')!;
        for (let i = 0; i < aspects.length; i++) care[i]! += (raised.has(i) ? 1 : 0) - baseline[i]!;
        for (const at of a.attributes) {
          const i = attrIndex.get(attributeFeature(at));
          if (i !== undefined) v[i] = 1;
        }
        for (const t of new Set(a.intents.map((x) => x.type))) {
          const i = intentIndex.get(t);
          if (i !== undefined) v[i]! += 1 / member.rows.length;
        }
        tone += a.sentiment.score;
        const stars = fiveStar(r.doc.rating);
        if (stars !== undefined) {
          ratingSum += (stars - 3) / 2;
          ratingN++;
        }
      }
      for (let i = 0; i < aspects.length; i++) {
        v[i] = care[i]! / member.rows.length;
        if (aspectN[i]) v[aspects.length + i] = aspectSum[i]! / aspectN[i]!;
      }
      v[toneIndex] = tone / member.rows.length;
      v[ratingIndex] = ratingN ? ratingSum / ratingN : 0;
      return v;
    },
  };
}
