/**
 * A rule's scope resolved against the configuration: which brands, products and sources it
 * watches, and the names to show for them.
 */
import type { RadarConfig } from '../../config/schema.js';
import { listSources } from '../../config/load.js';
import type { AlertRuleConfig } from '../../config/alerts-schema.js';
import type { RadarDocument } from '../../domain/types.js';

/** The brands a rule watches when its scope names none. */
export type DefaultBrands = 'own' | 'competitors' | 'all';

/** A resolved scope. */
export interface Scope {
  /** Brand ids watched. */
  brands: Set<string>;
  /** Product ids watched, when the scope narrows to products. */
  products?: Set<string>;
  /** Source ids watched, when the scope narrows to sources. */
  sources?: Set<string>;
  /** Whether a document is in scope (by its brand, product and source). */
  hasDocument(doc: RadarDocument): boolean;
  /** Whether a configured source is in scope. */
  hasSource(source: { id: string; brand?: string; product?: string }): boolean;
}

/** Display names of the project's brands and products, and which brands are the user's own. */
export interface ProjectNames {
  /** Brand id → name. */
  brand: Map<string, string>;
  /** Product id → name. */
  product: Map<string, string>;
  /** Product id → brand id. */
  brandOfProduct: Map<string, string>;
  /** The user's own brand ids. */
  own: Set<string>;
}

/** Names of the project's brands and products. */
export function projectNames(config: RadarConfig): ProjectNames {
  const names: ProjectNames = { brand: new Map(), product: new Map(), brandOfProduct: new Map(), own: new Set() };
  for (const b of config.brands) {
    names.brand.set(b.id, b.name);
    if (b.own) names.own.add(b.id);
    for (const p of b.products) {
      names.product.set(p.id, p.name);
      names.brandOfProduct.set(p.id, b.id);
    }
  }
  return names;
}

/** Resolves a rule's scope; `fallback` says which brands it watches when the scope names none. */
export function resolveScope(rule: AlertRuleConfig, config: RadarConfig, fallback: DefaultBrands): Scope {
  const names = projectNames(config);
  const all = config.brands.map((b) => b.id);
  const brands = new Set(
    rule.scope.brands ??
      (fallback === 'own' ? all.filter((b) => names.own.has(b)) : fallback === 'competitors' ? all.filter((b) => !names.own.has(b)) : all),
  );
  const products = rule.scope.products ? new Set(rule.scope.products) : undefined;
  const sources = rule.scope.sources ? new Set(rule.scope.sources) : undefined;
  return {
    brands,
    products,
    sources,
    hasDocument: (doc) =>
      !!doc.brand &&
      brands.has(doc.brand) &&
      (!products || (!!doc.product && products.has(doc.product))) &&
      (!sources || sources.has(doc.sourceId)),
    hasSource: (s) =>
      (!sources || sources.has(s.id)) &&
      (!products || (!!s.product && products.has(s.product))) &&
      (!s.brand || brands.has(s.brand) || !!rule.scope.sources),
  };
}

/** Every configured source with its brand and product, flattened. */
export function sourcesOf(
  config: RadarConfig,
): { id: string; kind: 'reviews' | 'mentions'; brand?: string; product?: string; url: string }[] {
  return listSources(config).map((s) => ({
    id: s.source.id,
    kind: s.source.kind,
    brand: s.brand,
    product: s.product,
    url: s.source.urls[0] ?? '',
  }));
}
