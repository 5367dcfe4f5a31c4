/**
 * Attitude vectors: each reviewer (or, where a source is anonymous, each document) becomes a
 * sparse, non-negative vector of what they think — which aspects they raise more than other
 * reviewers of the same product, how they feel about them, motives, price sensitivity, loyalty,
 * usage, experience, usage context (life stage, role) and intents. Overall tone and rating are left
 * out: segments split by them are merely "happy" and "unhappy" customers. Descriptors (age, gender,
 * channel, location) are never clustered on: they describe segments found from attitudes, so their
 * differences between personas are findings, not inputs. Nor is language: features are aspect
 * categories, attribute values and intents, the same whatever language a review is in, and features
 * one language's reviews cannot show (no aspects extracted for it yet, say) are left out while reviews
 * in that language are many, so that the segments are not simply the languages.
 */
import type { Attribute } from '../../domain/types.js';
import type { ReportRow } from '../model.js';
import type { SparseRow } from './nmf.js';

/** A reviewer (or anonymous document) and what they wrote. */
export interface Member {
  /** Pseudonymous author key, or `doc:<id>` for anonymous documents. */
  key: string;
  /** Their documents. */
  rows: ReportRow[];
  /** Brand they wrote about most. */
  brand?: string;
  /** Every brand they wrote about, most first (a persona counts them for each). */
  brands: string[];
  /** Region of their profile location, when their profile states one. */
  region?: string;
  /** The language most of their documents are in. */
  lang: string;
}

/** Attribute types that express attitudes (clustered on). */
export const ATTITUDE_ATTRIBUTES = new Set(['motive', 'price-sensitivity', 'loyalty', 'usage', 'experience']);
/** Attribute types that set the usage context — a family's mornings, a student room, a café (clustered on, weighted lower). */
export const CONTEXT_ATTRIBUTES = new Set(['life-stage', 'role']);
/** Attribute types that describe people (reported, never clustered on, so that their differences are findings). */
export const DESCRIPTOR_ATTRIBUTES = new Set(['age', 'gender', 'channel', 'location']);

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
    if (!a?.supported) {
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
      const ranked = [...brands.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([b]) => b);
      const region = list.find((r) => r.region)?.region;
      const langs = new Map<string, number>();
      for (const r of list) langs.set(r.analysis!.lang, (langs.get(r.analysis!.lang) ?? 0) + 1);
      const lang = [...langs.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
      const member: Member = { key, rows: list, brand: ranked[0], brands: ranked, lang };
      if (region) member.region = region;
      return member;
    });
  return { members, excluded };
}

/** The name of an attribute feature. */
export function attributeFeature(a: Pick<Attribute, 'type' | 'value'>): string {
  return `attr:${a.type}=${a.value}`;
}

/** What a feature measures. */
export type FeatureKind = 'care' | 'love' | 'hate' | 'attitude' | 'context' | 'intent';

/** One dimension of the attitude space. */
export interface Feature {
  /** Name: "care:price" (raises price more than others who reviewed the same product), "love:price", "hate:price", "attr:motive=gift", "intent:comparison". */
  name: string;
  /** What it measures. */
  kind: FeatureKind;
  /** The aspect category, attribute ("type=value") or intent it is about. */
  key: string;
  /** Weight in the clustered vector (kind weight × rarity). */
  weight: number;
  /** Members showing it. */
  support: number;
}

/** A feature left out because one language's reviews cannot show it. */
export interface UnobservableFeature {
  /** Feature name. */
  feature: string;
  /** Languages whose reviews cannot show features of its source (aspects, attributes or intents). */
  languages: string[];
}

/** The attitude space of a population. */
export interface FeatureSpace {
  /** Dimensions. */
  features: Feature[];
  /** Features left out so that language does not become a segment (see `languageNeutral`). */
  unobservable: UnobservableFeature[];
  /** A member's raw evidence per feature (unweighted, ≥ 0; 0 = not shown). */
  raw(member: Member): number[];
  /** The clustered vector of raw evidence: weighted, unit length, sparse; empty when the member shows no attitude. */
  vector(raw: number[]): SparseRow;
}

/** Tuning of the attitude space. */
export interface FeatureOptions {
  /** Members a feature needs to be a dimension. */
  minSupport: number;
  /** Most dimensions kept (by support). */
  maxFeatures?: number;
  /** How far an aspect's salience is measured against its product's rate (0 = not at all, 1 = fully). */
  productCentring?: number;
}

/**
 * Weights by kind. What people care about and why they buy define a segment; how they feel about
 * each aspect refines it (analyzer polarity is the noisiest signal, so it weighs less); intents
 * (comparing, suggesting, asking) add a little.
 */
const KIND_WEIGHTS: Record<FeatureKind, number> = { care: 1, love: 0.5, hate: 0.5, attitude: 1, context: 0.8, intent: 0.4 };
/** Intents that say how people engage; praise and complaint only restate the tone. */
const INTENTS = new Set(['comparison', 'suggestion', 'question']);
/** Reviews of a product needed before its own aspect rates are trusted over the overall rate. */
const PRODUCT_PRIOR = 5;

interface ReviewEvidence {
  care: Map<string, number>;
  love: Set<string>;
  hate: Set<string>;
}

/** Builds the attitude space of a population of members. */
export function buildFeatureSpace(members: Member[], options: FeatureOptions): FeatureSpace {
  const centring = options.productCentring ?? 0.5;
  // How often each product's reviews raise each aspect: raising "milk" in a frother review says more
  // about the product than about the person, so salience is measured against it.
  const productDocs = new Map<string, number>();
  const productRaised = new Map<string, Map<string, number>>();
  const allRaised = new Map<string, number>();
  let docs = 0;
  for (const m of members) {
    for (const r of m.rows) {
      const p = productKey(r);
      docs++;
      productDocs.set(p, (productDocs.get(p) ?? 0) + 1);
      const raised = productRaised.get(p) ?? new Map<string, number>();
      productRaised.set(p, raised);
      for (const c of new Set(r.analysis!.aspects.map((a) => a.category).filter((c): c is string => !!c))) {
        raised.set(c, (raised.get(c) ?? 0) + 1);
        allRaised.set(c, (allRaised.get(c) ?? 0) + 1);
      }
    }
  }
  const rateOf = (product: string, category: string): number => {
    const overall = (allRaised.get(category) ?? 0) / Math.max(1, docs);
    const n = productDocs.get(product) ?? 0;
    return ((productRaised.get(product)?.get(category) ?? 0) + PRODUCT_PRIOR * overall) / (n + PRODUCT_PRIOR);
  };
  const evidenceOf = (r: ReportRow): ReviewEvidence => {
    const p = productKey(r);
    const net = new Map<string, number>();
    for (const a of r.analysis!.aspects) {
      if (!a.category) continue;
      // Loving or hating an aspect takes an opinion word about it; a verdict the aspect only took
      // from its sentence is too indirect to set a reviewer apart.
      const sign = !a.opinions?.length ? 0 : a.polarity === 'positive' ? 1 : a.polarity === 'negative' ? -1 : 0;
      net.set(a.category, (net.get(a.category) ?? 0) + sign);
    }
    const care = new Map<string, number>();
    const love = new Set<string>();
    const hate = new Set<string>();
    for (const [c, v] of net) {
      care.set(c, Math.max(0.05, 1 - centring * rateOf(p, c)));
      if (v > 0) love.add(c);
      if (v < 0) hate.add(c);
    }
    return { care, love, hate };
  };

  // Candidate dimensions and the members showing each, in all and per language.
  const support = new Map<string, { kind: FeatureKind; key: string; n: number; byLang: Map<string, number> }>();
  const count = (name: string, kind: FeatureKind, key: string, lang: string) => {
    let s = support.get(name);
    if (s) s.n++;
    else support.set(name, (s = { kind, key, n: 1, byLang: new Map() }));
    s.byLang.set(lang, (s.byLang.get(lang) ?? 0) + 1);
  };
  // Members showing any feature of each source (aspects, attributes, intents), for languageNeutral.
  const showing = new Map<string, Set<string>>();
  for (const m of members) {
    const names = new Map<string, [FeatureKind, string]>();
    for (const r of m.rows) {
      const e = evidenceOf(r);
      for (const c of e.care.keys()) names.set(`care:${c}`, ['care', c]);
      for (const c of e.love) names.set(`love:${c}`, ['love', c]);
      for (const c of e.hate) names.set(`hate:${c}`, ['hate', c]);
      for (const a of r.analysis!.attributes) {
        const kind = ATTITUDE_ATTRIBUTES.has(a.type) ? 'attitude' : CONTEXT_ATTRIBUTES.has(a.type) ? 'context' : undefined;
        if (kind) names.set(attributeFeature(a), [kind, `${a.type}=${a.value}`]);
      }
      for (const i of r.analysis!.intents) if (INTENTS.has(i.type)) names.set(`intent:${i.type}`, ['intent', i.type]);
    }
    for (const [name, [kind, key]] of names) {
      count(name, kind, key, m.lang);
      const source = sourceOf(kind);
      showing.set(source, (showing.get(source) ?? new Set()).add(m.key));
    }
  }
  const n = Math.max(1, members.length);
  const minSupport = Math.max(1, options.minSupport);
  const unobservable = languageNeutral(members, support, showing);
  const left = new Set(unobservable.map((u) => u.feature));
  const kept = [...support.entries()]
    .filter(([name, s]) => s.n >= minSupport && s.n < n && !left.has(name))
    .sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.maxFeatures ?? 120)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  // Rarer features segment more: what nearly everyone says separates no one. Scaled so the rarest
  // kept feature weighs 1 and one shown by half the population about a third.
  const maxIdf = Math.log(n / minSupport) || 1;
  const features: Feature[] = kept.map(([name, s]) => ({
    name,
    kind: s.kind,
    key: s.key,
    support: s.n,
    weight: KIND_WEIGHTS[s.kind] * (0.25 + 0.75 * Math.min(1, Math.log(n / s.n) / maxIdf)),
  }));
  const index = new Map(features.map((f, i) => [f.name, i]));

  return {
    features,
    unobservable,
    raw(member: Member): number[] {
      const v = new Array<number>(features.length).fill(0);
      const reviews = member.rows.length;
      const add = (name: string, value: number) => {
        const i = index.get(name);
        if (i !== undefined) v[i]! += value / reviews;
      };
      const set = (name: string) => {
        const i = index.get(name);
        if (i !== undefined) v[i] = 1;
      };
      for (const r of member.rows) {
        const e = evidenceOf(r);
        // What they raise and how they feel: per review, averaged (one review of three about
        // delivery is a third of a delivery-minded reviewer).
        for (const [c, s] of e.care) {
          add(`care:${c}`, s);
          if (e.love.has(c)) add(`love:${c}`, s);
          if (e.hate.has(c)) add(`hate:${c}`, s);
        }
        for (const t of new Set(r.analysis!.intents.map((i) => i.type))) if (INTENTS.has(t)) add(`intent:${t}`, 1);
        // What they say about themselves holds across their reviews.
        for (const a of r.analysis!.attributes) set(attributeFeature(a));
      }
      return v;
    },
    vector(raw: number[]): SparseRow {
      const idx: number[] = [];
      const val: number[] = [];
      let norm = 0;
      for (let i = 0; i < raw.length; i++) {
        const x = raw[i]! * features[i]!.weight;
        if (x > 0) {
          idx.push(i);
          val.push(x);
          norm += x * x;
        }
      }
      norm = Math.sqrt(norm);
      // Unit length: a segment is about what people say, not how much they write.
      for (let t = 0; t < val.length; t++) val[t]! /= norm;
      return { idx, val };
    },
  };
}

/** Members a language needs (at least, and as a share of everyone) before its blind spots shape the space. */
const LANGUAGE_GROUP = { min: 20, share: 0.1 };
/** Expected members showing a source of features in a language before its absence there means anything. */
const EXPECTED_MIN = 5;
/** Below this fraction of the expected share, a language's members cannot show a source of features. */
const BLIND = 0.02;

/** Where a feature comes from: what an analyzer must be able to read in a language for it to exist. */
function sourceOf(kind: FeatureKind): 'aspects' | 'attributes' | 'intents' {
  return kind === 'care' || kind === 'love' || kind === 'hate' ? 'aspects' : kind === 'intent' ? 'intents' : 'attributes';
}

/**
 * Features a sizeable language's reviews cannot show: when its members show no feature of a source
 * (aspects, attributes or intents) — or under a fiftieth of the share everyone else shows, with at
 * least five expected — the analyzers cannot read that source in the language yet (no aspect
 * extraction for it, say), and clustering on those features would put each language in segments of
 * its own. Features whose rate merely differs between languages stay: that is a finding.
 */
export function languageNeutral(
  members: Member[],
  support: ReadonlyMap<string, { kind: FeatureKind; n: number; byLang: ReadonlyMap<string, number> }>,
  showing: ReadonlyMap<string, ReadonlySet<string>>,
): UnobservableFeature[] {
  const sizes = new Map<string, number>();
  for (const m of members) sizes.set(m.lang, (sizes.get(m.lang) ?? 0) + 1);
  const floor = Math.max(LANGUAGE_GROUP.min, LANGUAGE_GROUP.share * members.length);
  const groups = [...sizes.entries()].filter(([, size]) => size >= floor);
  if (groups.length < 2) return [];
  const blindTo = new Map<string, string[]>();
  for (const source of ['aspects', 'attributes', 'intents']) {
    const who = showing.get(source) ?? new Set<string>();
    let total = 0;
    const byLang = new Map<string, number>();
    for (const m of members) {
      if (!who.has(m.key)) continue;
      total++;
      byLang.set(m.lang, (byLang.get(m.lang) ?? 0) + 1);
    }
    for (const [lang, size] of groups) {
      const inLang = byLang.get(lang) ?? 0;
      // Everyone else's share: what this language's members would show if the analyzers could read it.
      const expected = ((total - inLang) / (members.length - size)) * size;
      if (expected >= EXPECTED_MIN && inLang < BLIND * expected) blindTo.set(source, [...(blindTo.get(source) ?? []), lang]);
    }
  }
  const out: UnobservableFeature[] = [];
  for (const [feature, s] of support) {
    const languages = blindTo.get(sourceOf(s.kind));
    if (languages) out.push({ feature, languages: [...languages].sort() });
  }
  return out.sort((a, b) => (a.feature < b.feature ? -1 : 1));
}

/** The product a row is about (its brand, or nothing, when no product is known). */
export function productKey(r: ReportRow): string {
  return r.doc.product ?? r.doc.brand ?? '';
}
