/**
 * A document that names several of the project's brands, seen for each of them. A comparison is not
 * praise of everyone it names: "the Copperleaf pours better than the Vantio" speaks well of one and
 * ill of the other, and "I switched from Vantio" is no vote for Vantio. So, for each brand, the
 * document's sentiment and aspects come from the sentences about that brand only, and a sentence
 * where the brand is the one compared against (after "than", "over", "unlike", "instead of",
 * "switched from", "superior to", "prefer … to", "not as … as"…) counts turned.
 *
 * Which brand a sentence is about: the brands it names, not counting those it compares against; a
 * sentence that names none (or only brands compared against: "It's quieter than my old Vantio") is
 * about the brand the sentence before was about — for a review, the page's brand to begin with. A
 * document that names fewer than two brands, or whose analysis has no sentences, is left as it is.
 */
import type { AspectMention, Analysis, Polarity, SentenceAnalysis, Sentiment } from '../domain/types.js';
import { analysisText } from '../analyzers/pipeline.js';
import { namesPattern } from '../domain/names.js';
import type { ReportRow } from './model.js';

/** A brand with every name that refers to it (its name, aliases, and its products' names and aliases). */
export interface BrandNames {
  id: string;
  names: string[];
}

// Words right before a brand's name that make it the one compared against: "better than", "switched
// from", "beats", "superior to", "prefer … to", and an unequal "as … as" ("not as quiet as",
// "nowhere near as good as"; a plain "as good as" is shared).
const COMPARED_AGAINST = new RegExp(
  String.raw`(?:\bthan|\bover|\bunlike|\binstead\s+of|\brather\s+than|\bcompared\s+(?:to|with)|\b(?:switch(?:ed|ing)?|mov(?:ed|ing)|upgrad(?:ed|ing)|came|coming|changed|went)\s+(?:over\s+)?from` +
    String.raw`|\b(?:beats|outperforms|outlasts|outclasses|outdoes|trumps|crushes|destroys)|\bblows\s+away|\b(?:superior|inferior|preferable)\s+to|\b(?:miles\s+|way\s+|well\s+)?ahead\s+of|\bcircles\s+(?:a)?round` +
    String.raw`|\bprefer(?:s|red|ring)?\b[^.!?;]{1,60}?\bto|(?:\bnot|n't|\bnowhere\s+near|\bnothing\s+like)\s+(?:[\w']+\s+){0,3}?as\s+(?:[\w']+\s+){1,3}as)` +
    String.raw`\s+(?:(?:the|my|our|a|an|old|previous|former|their|his|her)\s+){0,3}$`,
  'i',
);

/** Builds the per-brand view of rows: `view(row, brandId)` is the row as that brand's figures should count it. */
export function brandViews(brands: readonly BrandNames[]): (row: ReportRow, brand: string) => ReportRow {
  const patterns = brands
    .map((b) => ({
      id: b.id,
      re: namesPattern(
        b.names.filter((n) => n.trim().length > 1),
        'giu',
      ),
    }))
    .filter((p): p is { id: string; re: RegExp } => !!p.re);
  // Per row: the brand view of each brand, worked out once (a report asks per brand and per product).
  const cache = new WeakMap<ReportRow, Map<string, ReportRow>>();

  /** Per sentence: the brands it is about and those it compares against. */
  function sentenceBrands(row: ReportRow): { about: Set<string>; against: Set<string> }[] | undefined {
    const a = row.analysis;
    if (!a?.sentences.length) return undefined;
    const text = analysisText(row.doc);
    const out: { about: Set<string>; against: Set<string> }[] = [];
    const named = new Set<string>();
    let carried: string | undefined = row.doc.kind === 'review' ? row.doc.brand : undefined;
    for (const s of a.sentences) {
      const sentence = text.slice(s.start, s.end);
      const about = new Set<string>();
      const against = new Set<string>();
      for (const p of patterns) {
        p.re.lastIndex = 0;
        const m = p.re.exec(sentence);
        if (!m) continue;
        named.add(p.id);
        if (COMPARED_AGAINST.test(sentence.slice(Math.max(0, m.index - 60), m.index))) against.add(p.id);
        else about.add(p.id);
      }
      for (const b of about) against.delete(b);
      if (!about.size && carried && !against.has(carried)) about.add(carried);
      carried = about.size === 1 ? [...about][0] : about.size ? undefined : carried;
      out.push({ about, against });
    }
    return named.size >= 2 ? out : undefined;
  }

  function build(row: ReportRow, brand: string, per: { about: Set<string>; against: Set<string> }[]): ReportRow {
    const a = row.analysis!;
    const sign = per.map((p) => (p.about.has(brand) ? 1 : p.against.has(brand) ? -1 : 0));
    if (sign.every((x) => x === 0)) return row;
    const sentences = a.sentences.map((s, i) => ({ s, turn: sign[i]! })).filter((x) => x.turn !== 0);
    const turned = (label: Polarity, turn: number): Polarity =>
      turn > 0 || label === 'neutral' ? label : label === 'positive' ? 'negative' : 'positive';
    const votes = sentences.reduce(
      (v, { s, turn }) => v + (s.sentiment.label === 'positive' ? turn : s.sentiment.label === 'negative' ? -turn : 0),
      0,
    );
    const score = sentences.reduce((v, { s, turn }) => v + s.sentiment.score * turn, 0) / sentences.length;
    const sentiment: Sentiment = {
      label: votes > 0 ? 'positive' : votes < 0 ? 'negative' : 'neutral',
      score: Math.round(score * 1000) / 1000,
      confidence: Math.min(...sentences.map(({ s }) => s.sentiment.confidence)),
    };
    const inSentence = (m: AspectMention): number =>
      m.start === undefined ? -1 : a.sentences.findIndex((s) => m.start! >= s.start && m.start! < s.end);
    const aspects: AspectMention[] = [];
    for (const m of a.aspects) {
      const i = inSentence(m);
      const turn = i < 0 ? 1 : sign[i]!;
      if (turn === 0) continue;
      aspects.push(turn > 0 ? m : { ...m, polarity: turned(m.polarity, turn), score: -m.score });
    }
    const analysis: Analysis = {
      ...a,
      sentiment,
      aspects,
      sentences: a.sentences.map((s: SentenceAnalysis, i) =>
        sign[i] === -1 ? { ...s, sentiment: { ...s.sentiment, label: turned(s.sentiment.label, -1), score: -s.sentiment.score } } : s,
      ),
    };
    return { ...row, analysis };
  }

  return (row, brand) => {
    let views = cache.get(row);
    if (!views) cache.set(row, (views = new Map()));
    const hit = views.get(brand);
    if (hit) return hit;
    const ids = new Set([row.doc.brand, ...(row.doc.brands ?? [])].filter((b) => !!b));
    const per = ids.size >= 2 ? sentenceBrands(row) : undefined;
    const view = per ? build(row, brand, per) : row;
    views.set(brand, view);
    return view;
  };
}
