/**
 * Linking mentions to the brands and products they name, by configured names and aliases.
 * Matches whole words, case-insensitively, in any script (so "Брюлаб" or "咖啡" aliases work).
 */
import type { RadarConfig } from '../config/schema.js';
import { namesPattern } from '../domain/names.js';

/** The brands and products a text names. */
export interface BrandLinks {
  /** Brand ids named (directly, or through one of their products). */
  brands: string[];
  /** Product ids named. */
  products: string[];
}

interface Matcher {
  brand: string;
  product?: string;
  pattern: RegExp;
}

// A name list with nothing usable matches nothing.
const NOTHING = /(?!)/;

function wordPattern(names: string[]): RegExp {
  return namesPattern(names) ?? NOTHING;
}

/** Builds a linker for the configured brands and products. */
export function createBrandLinker(config: Pick<RadarConfig, 'brands'>): (text: string) => BrandLinks {
  const matchers: Matcher[] = [];
  for (const brand of config.brands) {
    matchers.push({ brand: brand.id, pattern: wordPattern([brand.name, ...brand.aliases]) });
    for (const product of brand.products) {
      matchers.push({ brand: brand.id, product: product.id, pattern: wordPattern([product.name, ...product.aliases]) });
    }
  }
  return (text: string) => {
    const brands: string[] = [];
    const products: string[] = [];
    for (const m of matchers) {
      if (!m.pattern.test(text)) continue;
      if (!brands.includes(m.brand)) brands.push(m.brand);
      if (m.product && !products.includes(m.product)) products.push(m.product);
    }
    return { brands, products };
  };
}
