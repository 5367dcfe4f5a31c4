/**
 * Automatic discovery of frequent aspects, per language: over a corpus, the explicit aspect terms
 * outside the taxonomy that opinions attach to (the aspects stage finds those per sentence) are
 * counted by document; those that recur become taxonomy terms, so every later mention counts —
 * "the bagels" in a sentence with no opinion as well (Hu & Liu's frequent-feature idea). No label
 * is read.
 */
import { createPipeline, type PipelineOptions } from './pipeline.js';

/** An aspect found across a corpus. */
export interface DiscoveredAspect {
  /** Language of the texts it was found in. */
  lang: string;
  /** The term, lower-cased. */
  term: string;
  /** Documents it was found in with an opinion attached. */
  documents: number;
}

/** Options of a discovery run. */
export interface DiscoveryOptions extends PipelineOptions {
  /** Fewest documents a term needs (default 3). */
  minDocuments?: number;
}

/** English plural to singular for counting ("bagels" and "bagel" are one term). */
function singular(term: string, lang: string): string {
  if (lang !== 'en') return term;
  return term.replace(/(?<=[^s])s$/, '');
}

/** Finds the aspect terms that recur across the texts, most frequent first. */
export function discoverAspects(texts: readonly { text: string; lang?: string }[], options: DiscoveryOptions = {}): DiscoveredAspect[] {
  const { minDocuments = 3, ...pipelineOptions } = options;
  const pipeline = createPipeline(pipelineOptions);
  const counts = new Map<string, { lang: string; forms: Map<string, number>; documents: number }>();
  for (const { text, lang } of texts) {
    const analysis = pipeline.analyze(text, lang ? { lang } : undefined);
    const seen = new Set<string>();
    const starts = new Set(analysis.sentences.map((s) => s.start));
    for (const a of analysis.aspects) {
      if (a.category || a.implicit || !a.opinions?.length) continue;
      // Names (brands, places, people) are not aspects of what is reviewed: "HP", "Mac", "Heartland";
      // a capital that opens a sentence says nothing.
      if (/^\p{Lu}/u.test(a.term) && !starts.has(a.start ?? -1)) continue;
      const form = a.term.toLowerCase();
      const key = `${analysis.lang}\u0000${singular(form, analysis.lang)}`;
      let entry = counts.get(key);
      if (!entry) counts.set(key, (entry = { lang: analysis.lang, forms: new Map(), documents: 0 }));
      entry.forms.set(form, (entry.forms.get(form) ?? 0) + 1);
      if (!seen.has(key)) {
        seen.add(key);
        entry.documents++;
      }
    }
  }
  const out: DiscoveredAspect[] = [];
  for (const entry of counts.values()) {
    if (entry.documents < minDocuments) continue;
    for (const form of entry.forms.keys()) out.push({ lang: entry.lang, term: form, documents: entry.documents });
  }
  return out.sort((a, b) => b.documents - a.documents || a.term.localeCompare(b.term));
}

/** Discovered aspects as taxonomy categories (one per term, named by it) to pass as `aspects`. */
export function discoveredTaxonomy(found: readonly DiscoveredAspect[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of found) (out[`discovered:${f.term}`] ??= []).push(f.term);
  return out;
}
