/**
 * Compiles the taxonomy the aspects stage matches against: the general categories, the chosen
 * built-in domains and the project's own categories (later ones win a term: a project term moves it
 * to the project's category), per language, as term keys indexed by their first key (Chinese: by
 * first character). Project terms may be written in any of the languages; each goes to the
 * language its script says.
 */
import { tokenize } from '../stages/sentences.js';
import { DOMAIN_IDS, DOMAINS, type Domain, type DomainId } from './domains.js';
import { GENERAL } from './general.js';
import { IMPLICIT } from './implicit.js';
import { russianTermStems, termLanguages, wordKey } from './keys.js';
import type { AspectLanguage, CategoryTerms } from './types.js';

/** One term: its keys (one per word; one per character run for Chinese) and its category. */
export interface TermEntry {
  /** Keys of its words in order (Chinese: the whole term). */
  keys: string[];
  /** Category id. */
  category: string;
  /** The term as listed (lower-cased). */
  term: string;
}

/** The taxonomy of one language. */
export interface LanguageTaxonomy {
  /** Terms by their first key (Chinese: first character), longest first. */
  byFirst: Map<string, TermEntry[]>;
  /** Chinese: the same lists by the first character's UTF-16 code. */
  byFirstCode?: Map<number, TermEntry[]>;
  /** Implicit aspects: opinion word (as the sentiment stage writes it) → category. */
  implicit: Map<string, string>;
  /** Keys of words that name the reviewed thing itself ("restaurant", "машина"). */
  objects: Set<string>;
}

/** A compiled taxonomy. */
export interface Taxonomy {
  /** The taxonomy of one language, compiled the first time it is asked for. */
  lang(lang: AspectLanguage): LanguageTaxonomy;
}

/** What the taxonomy is built from. */
export interface TaxonomyOptions {
  /** The project's categories: category → terms in any of en, ru, zh, fa. */
  aspects?: Record<string, readonly string[]>;
  /** Built-in domains to include (default: all). */
  domains?: readonly DomainId[];
}

function keysOf(lang: AspectLanguage, term: string): string[] {
  if (lang === 'zh') return [term.toLowerCase()];
  return tokenize(term.trim())
    .filter((t) => t.kind === 'word' || t.kind === 'number')
    .map((t) => wordKey(lang, t.norm));
}

/**
 * Builds the taxonomy: general categories, built-in domains, then the project's categories. Each
 * language is compiled when first needed: a process that scores English never stems the Russian terms.
 */
export function buildTaxonomy(options: TaxonomyOptions = {}): Taxonomy {
  const domains = (options.domains ?? DOMAIN_IDS).map((id) => DOMAINS[id] as Domain);
  const compiled = new Map<AspectLanguage, LanguageTaxonomy>();
  return {
    lang(lang: AspectLanguage): LanguageTaxonomy {
      let own = compiled.get(lang);
      if (!own) compiled.set(lang, (own = compileLanguage(lang, domains, options.aspects ?? {})));
      return own;
    },
  };
}

function compileLanguage(lang: AspectLanguage, domains: Domain[], aspects: Record<string, readonly string[]>): LanguageTaxonomy {
  const categoryOf = new Map<string, TermEntry>();
  const add = (category: string, term: string) => {
    const keys = keysOf(lang, term);
    if (!keys.length || keys.some((k) => !k)) return;
    const listed = term.trim().toLowerCase();
    categoryOf.set(keys.join(' '), { keys, category, term: listed });
    // A Russian word the stemmer cuts two ways is listed under both stems.
    if (lang === 'ru' && keys.length === 1)
      for (const stem of russianTermStems(listed))
        if (!categoryOf.has(stem)) categoryOf.set(stem, { keys: [stem], category, term: listed });
    if (lang === 'en' && keys.length === 1 && /^\p{L}+$/u.test(keys[0]!) && !keys[0]!.endsWith('s')) {
      // Plural of a single-word term ("lid" → "lids"), unless listed already.
      const plural = `${keys[0]}s`;
      if (!categoryOf.has(plural)) categoryOf.set(plural, { keys: [plural], category, term: plural });
    }
    // Persian compounds are written with a space, a ZWNJ or nothing between their parts.
    if (lang === 'fa' && keys.length > 1) {
      const joined = wordKey('fa', keys.join(''));
      categoryOf.set(joined, { keys: [joined], category, term: listed });
    }
  };
  const addAll = (categories: Record<string, CategoryTerms>) => {
    for (const [category, terms] of Object.entries(categories)) for (const t of terms[lang] ?? []) add(category, t);
  };
  addAll(GENERAL);
  for (const d of domains) addAll(d.categories);
  for (const [category, terms] of Object.entries(aspects)) for (const t of terms) if (termLanguages(t).includes(lang)) add(category, t);

  const byFirst = new Map<string, TermEntry[]>();
  for (const entry of categoryOf.values()) {
    const first = lang === 'zh' ? entry.keys[0]![0]! : entry.keys[0]!;
    const list = byFirst.get(first) ?? [];
    list.push(entry);
    byFirst.set(first, list);
  }
  const length = (e: TermEntry) => (lang === 'zh' ? e.keys[0]!.length : e.keys.length);
  for (const list of byFirst.values()) list.sort((a, b) => length(b) - length(a));
  const objects = new Set<string>();
  for (const d of domains)
    for (const o of d.objects[lang] ?? [])
      for (const k of keysOf(lang, o)) {
        if (!categoryOf.has(k)) objects.add(k);
        // "places", "restaurants": the plural names the thing too.
        if (lang === 'en' && !k.endsWith('s') && !categoryOf.has(`${k}s`)) objects.add(`${k}s`);
      }
  const own: LanguageTaxonomy = { byFirst, implicit: new Map(Object.entries(IMPLICIT[lang])), objects };
  if (lang === 'zh') {
    own.byFirstCode = new Map();
    for (const [first, list] of byFirst) {
      const code = first.charCodeAt(0);
      // Terms whose first character is outside the BMP share its first code unit: keep all, longest first.
      own.byFirstCode.set(
        code,
        [...(own.byFirstCode.get(code) ?? []), ...list].sort((a, b) => length(b) - length(a)),
      );
    }
  }
  return own;
}
