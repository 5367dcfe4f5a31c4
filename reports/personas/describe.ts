/**
 * Describing a segment: its label from dominant attitudes, what it loves and hates, its motives and
 * self-disclosed attributes with support, representative quotes and counter-evidence, an
 * illustrative card built only from stated facts, and marketing advice as rules over its data.
 */
import { analysisText } from '../../analyzers/pipeline.js';
import type { Analysis, RadarDocument } from '../../domain/types.js';
import type { AspectStanding, PersonaView, Quote, ShareCount } from '../model.js';
import { aspectStandings, fiveStar, round, sentimentCounts } from '../summaries.js';
import type { Feature, Member } from './features.js';

/** Nouns for self-disclosed groups, used when a group dominates a segment. */
const GROUP_NOUNS: Record<string, string> = {
  parent: 'parents',
  'pet-owner': 'pet owners',
  student: 'students',
  retiree: 'retirees',
  professional: 'professionals',
  'small-business': 'small-business owners',
  gift: 'gift buyers',
  couple: 'couples',
  newlywed: 'newlyweds',
};

/** Adjectives for attitude features, by direction. */
const TRAIT_WORDS: Record<string, { high?: string; low?: string }> = {
  'aspect:price': { high: 'Value-happy', low: 'Value-seeking' },
  'aspect:value': { high: 'Value-happy', low: 'Value-seeking' },
  'aspect:quality': { high: 'Quality-focused', low: 'Quality-critical' },
  'aspect:durability': { high: 'Durability-minded', low: 'Breakdown-weary' },
  'aspect:performance': { high: 'Performance-driven', low: 'Performance-critical' },
  'aspect:taste': { high: 'Taste-driven', low: 'Taste-critical' },
  'aspect:design': { high: 'Design-loving', low: 'Design-critical' },
  'aspect:ease-of-use': { high: 'Convenience-loving', low: 'Usability-frustrated' },
  'aspect:cleaning': { high: 'Low-maintenance', low: 'Cleaning-weary' },
  'aspect:noise': { high: 'Quiet-seeking', low: 'Noise-sensitive' },
  'aspect:size': { high: 'Space-conscious', low: 'Size-critical' },
  'aspect:delivery': { high: 'Delivery-pleased', low: 'Delivery-frustrated' },
  'aspect:customer-service': { high: 'Service-loyal', low: 'Support-frustrated' },
  'aspect:support': { high: 'Service-loyal', low: 'Support-frustrated' },
  'aspect:returns': { low: 'Returns-frustrated' },
  'aspect:warranty': { low: 'Warranty-frustrated' },
  'aspect:packaging': { high: 'Unboxing-loving', low: 'Packaging-critical' },
  'intent:complaint': { high: 'Complaining' },
  'intent:praise': { high: 'Enthusiastic' },
  'intent:comparison': { high: 'Comparison-shopping' },
  'intent:question': { high: 'Question-asking' },
  'intent:suggestion': { high: 'Idea-giving' },
  tone: { high: 'Delighted', low: 'Disappointed' },
  rating: { high: 'Delighted', low: 'Disappointed' },
};

function traitWord(feature: string, high: boolean): string | undefined {
  const known = TRAIT_WORDS[feature];
  if (known) return high ? known.high : known.low;
  const attr = /^attr:([^=]+)=(.+)$/.exec(feature);
  if (attr) {
    const [, type, value] = attr;
    if (!high) return undefined;
    if (type === 'price-sensitivity') return 'Price-conscious';
    if (type === 'loyalty') return /switch/.test(value!) ? 'Switching' : /again|loyal|repeat|recommend/.test(value!) ? 'Loyal' : /return/.test(value!) ? 'Returning' : undefined;
    if (type === 'experience') return /first|beginner|new/.test(value!) ? 'First-time' : /expert|pro|enthusiast|experienced/.test(value!) ? 'Expert' : undefined;
    if (type === 'motive' || type === 'usage') return `${capitalize(value!.replace(/-/g, ' '))}-driven`;
  }
  const aspect = /^aspect:(.+)$/.exec(feature);
  if (aspect) return `${capitalize(aspect[1]!.replace(/-/g, ' '))}-${high ? 'loving' : 'critical'}`;
  return undefined;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Shares of attribute values among members (each member counted once per value). */
export function attributeShares(members: Member[], type: string): ShareCount[] {
  const support = new Map<string, number>();
  for (const m of members) {
    const values = new Set<string>();
    for (const r of m.rows) for (const a of r.analysis!.attributes) if (a.type === type) values.add(a.value);
    for (const v of values) support.set(v, (support.get(v) ?? 0) + 1);
  }
  return [...support.entries()]
    .map(([value, n]) => ({ value, support: n, share: round(n / Math.max(1, members.length)) }))
    .sort((a, b) => b.support - a.support || a.value.localeCompare(b.value));
}

/** A quote: the sentence that shows the trait, or the start of the text. */
function quoteOf(doc: RadarDocument, analysis: Analysis, shows: string, span: { start?: number; end?: number } | undefined, names: boolean): Quote {
  const text = analysisText(doc);
  let snippet = '';
  if (span?.start !== undefined) {
    const sentence = analysis.sentences.find((s) => s.start <= span.start! && s.end >= (span.end ?? span.start!));
    if (sentence) snippet = text.slice(sentence.start, sentence.end).trim();
  }
  if (!snippet) snippet = doc.body;
  if (snippet.length > 300) snippet = `${snippet.slice(0, 297).replace(/\s+\S*$/, '')}…`;
  const q: Quote = { docId: doc._id, text: snippet, url: doc.url, shows };
  if (doc.publishedAt) q.publishedAt = doc.publishedAt;
  if (doc.brand) q.brand = doc.brand;
  if (doc.product) q.product = doc.product;
  const stars = fiveStar(doc.rating);
  if (stars !== undefined) q.rating = round(stars, 1);
  if (names && doc.authorName) q.author = doc.authorName;
  return q;
}

/** Inputs to describe one cluster. */
export interface DescribeInput {
  /** Persona id. */
  id: string;
  /** Its members. */
  members: Member[];
  /** Everyone clustered (for lifts and shares by brand). */
  everyone: Member[];
  /** Feature space. */
  features: Feature[];
  /** Cluster mean of raw features. */
  mean: number[];
  /** Overall mean of raw features. */
  overallMean: number[];
  /** Overall standard deviation of raw features. */
  overallStd: number[];
  /** Show author names in quotes. */
  showNames: boolean;
}

/** Describes one cluster as a persona. */
export function describePersona(input: DescribeInput): PersonaView {
  const { members, everyone, features, mean, overallMean, overallStd } = input;
  const rows = members.flatMap((m) => m.rows);

  // Traits: features where the segment stands apart from everyone, in standard deviations.
  const traits = features
    .map((f, i) => ({ f, i, z: (mean[i]! - overallMean[i]!) / (overallStd[i]! || 1), value: mean[i]!, overall: overallMean[i]! }))
    .filter((t) => Math.abs(t.z) >= 0.35 && Math.abs(t.value - t.overall) >= 0.08)
    .sort((a, b) => Math.abs(b.z) * b.f.weight - Math.abs(a.z) * a.f.weight || a.f.name.localeCompare(b.f.name));

  // Loves and hates need support: a handful of members, and a taxonomy category unless many say it.
  const minSupport = Math.max(3, Math.ceil(members.length * 0.05));
  const categories = new Set(rows.flatMap((r) => r.analysis!.aspects.map((a) => a.category).filter((c): c is string => !!c)));
  const standing = aspectStandings(rows, 50).filter((a) => a.mentions >= (categories.has(a.aspect) ? minSupport : 2 * minSupport));
  const loves = standing.filter((a) => a.net > 0.2).sort((a, b) => b.net * b.mentions - a.net * a.mentions).slice(0, 4);
  const hates = standing.filter((a) => a.net < -0.2).sort((a, b) => a.net * a.mentions - b.net * b.mentions).slice(0, 4);
  const motives = attributeShares(members, 'motive');
  const usage = attributeShares(members, 'usage');
  const loyalty = attributeShares(members, 'loyalty');
  const channels = attributeShares(members, 'channel');
  const priceShares = attributeShares(members, 'price-sensitivity');
  const priceSupport = members.filter((m) => m.rows.some((r) => r.analysis!.attributes.some((a) => a.type === 'price-sensitivity'))).length;
  const priceSensitivity: ShareCount = { value: priceShares[0]?.value ?? 'price-sensitive', support: priceSupport, share: round(priceSupport / Math.max(1, members.length)) };
  const types = new Set(rows.flatMap((r) => r.analysis!.attributes.map((a) => a.type)));
  const attributes: Record<string, ShareCount[]> = {};
  for (const t of [...types].sort()) attributes[t] = attributeShares(members, t).slice(0, 8);

  const label = labelFor(traits.map((t) => ({ name: t.f.name, high: t.z > 0 })), members, everyone);

  const ratings = rows.map((r) => fiveStar(r.doc.rating)).filter((v): v is number => v !== undefined);
  const sentiment = sentimentCounts(rows);
  const membersByBrand: Record<string, number> = {};
  const allByBrand: Record<string, number> = {};
  for (const m of members) if (m.brand) membersByBrand[m.brand] = (membersByBrand[m.brand] ?? 0) + 1;
  for (const m of everyone) if (m.brand) allByBrand[m.brand] = (allByBrand[m.brand] ?? 0) + 1;
  const shareByBrand: Record<string, number> = {};
  for (const [b, n] of Object.entries(allByBrand)) shareByBrand[b] = round((membersByBrand[b] ?? 0) / n);

  const { quotes, counter } = pickQuotes(input, loves, hates, traits.map((t) => t.f.name));
  const view: PersonaView = {
    id: input.id,
    label,
    summary: '',
    size: members.length,
    share: round(members.length / Math.max(1, everyone.length)),
    shareByBrand,
    membersByBrand,
    traits: traits.slice(0, 6).map((t) => ({ trait: t.f.name, value: round(t.value), overall: round(t.overall) })),
    loves,
    hates,
    motives: motives.slice(0, 5),
    priceSensitivity,
    loyalty: loyalty.slice(0, 5),
    usage: usage.slice(0, 5),
    channels: channels.slice(0, 5),
    attributes,
    avgRating: ratings.length ? { value: round(ratings.reduce((a, b) => a + b, 0) / ratings.length), support: ratings.length } : undefined,
    sentiment,
    quotes,
    counterEvidence: counter,
    marketing: [],
    card: { roles: [], goals: [], pains: [], values: [], buying: [], channels: [] },
    evidence: rows.map((r) => r.doc._id).sort(),
    members: members.map((m) => m.key),
  };
  view.marketing = marketingRules(view);
  view.card = cardFor(view, members);
  view.summary = summaryOf(view);
  return view;
}

function labelFor(traits: { name: string; high: boolean }[], members: Member[], everyone: Member[]): string {
  const words: string[] = [];
  for (const t of traits) {
    const w = traitWord(t.name, t.high);
    if (w && !words.includes(w)) words.push(w);
    if (words.length === 1) break;
  }
  // A self-disclosed group names the segment when it is common in it and over-represented.
  let noun = 'customers';
  let bestLift = 1.5;
  for (const type of ['life-stage', 'role', 'motive', 'usage']) {
    for (const s of attributeShares(members, type)) {
      const overall = attributeShares(everyone, type).find((o) => o.value === s.value)?.share ?? 0;
      const lift = overall ? s.share / overall : 0;
      const nounFor = GROUP_NOUNS[s.value] ?? (type === 'role' ? `${s.value.replace(/-/g, ' ')}s` : undefined);
      if (nounFor && s.share >= 0.25 && lift > bestLift) {
        bestLift = lift;
        noun = nounFor;
      }
    }
  }
  const adjective = words[0] ?? 'Mixed-view';
  if (noun === 'gift buyers' && /^Gift/.test(adjective)) return 'Gift buyers';
  return `${adjective} ${noun}`;
}

function spanOfAspect(a: Analysis, aspect: string): { start?: number; end?: number } | undefined {
  const m = a.aspects.find((x) => (x.category ?? x.term.toLowerCase()) === aspect);
  return m ? { start: m.start, end: m.end } : undefined;
}

function pickQuotes(input: DescribeInput, loves: AspectStanding[], hates: AspectStanding[], traitNames: string[]): { quotes: Quote[]; counter: Quote[] } {
  const attrTraits = traitNames.filter((t) => t.startsWith('attr:'));
  type Cand = { score: number; member: string; quote: Quote };
  const cands: Cand[] = [];
  const counterCands: Cand[] = [];
  const topLove = loves[0]?.aspect;
  const topHate = hates[0]?.aspect;
  for (const m of input.members) {
    for (const r of m.rows) {
      const a = r.analysis!;
      // Each quote shows one reason, with the sentence that carries that reason.
      const reasons: { score: number; shows: string; span?: { start?: number; end?: number } }[] = [];
      for (const love of loves) {
        const hit = a.aspects.find((x) => (x.category ?? x.term.toLowerCase()) === love.aspect && x.polarity === 'positive');
        if (hit) reasons.push({ score: 2 + Math.abs(hit.score), shows: `loves ${love.aspect}`, span: { start: hit.start, end: hit.end } });
      }
      for (const hate of hates) {
        const hit = a.aspects.find((x) => (x.category ?? x.term.toLowerCase()) === hate.aspect && x.polarity === 'negative');
        if (hit) reasons.push({ score: 2 + Math.abs(hit.score), shows: `hates ${hate.aspect}`, span: { start: hit.start, end: hit.end } });
      }
      const attr = a.attributes.find((x) => attrTraits.includes(`attr:${x.type}=${x.value}`));
      if (attr) reasons.push({ score: 2.5, shows: `${attr.type}: ${attr.value}`, span: { start: attr.start, end: attr.end } });
      reasons.sort((x, y) => y.score - x.score);
      const best = reasons[0];
      const len = r.doc.body.length;
      // Mid-length texts quote best: long enough to say something, short enough to read.
      const score = Math.abs(a.sentiment.score) + (best?.score ?? 0) + (reasons.length > 1 ? 0.5 : 0) + (len >= 60 && len <= 500 ? 0.5 : 0);
      const shows = best?.shows ?? (a.sentiment.label === 'negative' ? 'overall complaint' : 'overall view');
      const span = best?.span;
      cands.push({ score, member: m.key, quote: quoteOf(r.doc, a, shows, span, input.showNames) });
      // Counter-evidence: someone in the segment who says the opposite about its defining aspect.
      const against =
        (topLove && a.aspects.find((x) => (x.category ?? x.term.toLowerCase()) === topLove && x.polarity === 'negative')) ||
        (topHate && a.aspects.find((x) => (x.category ?? x.term.toLowerCase()) === topHate && x.polarity === 'positive'));
      if (against) {
        const what = against.polarity === 'negative' ? `dislikes ${topLove}` : `likes ${topHate}`;
        counterCands.push({ score: Math.abs(against.score), member: m.key, quote: quoteOf(r.doc, a, what, spanOfAspect(a, against.category ?? against.term.toLowerCase()), input.showNames) });
      }
    }
  }
  const order = (a: Cand, b: Cand) => b.score - a.score || a.quote.docId.localeCompare(b.quote.docId);
  cands.sort(order);
  counterCands.sort(order);
  const quotes: Quote[] = [];
  const used = new Set<string>();
  for (const c of cands) {
    if (used.has(c.member)) continue;
    used.add(c.member);
    quotes.push(c.quote);
    if (quotes.length >= 5) break;
  }
  return { quotes, counter: counterCands.slice(0, 2).map((c) => c.quote) };
}

function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Marketing advice as rules over the persona's own figures; each says which figure it rests on. */
export function marketingRules(p: PersonaView): { advice: string; because: string }[] {
  const out: { advice: string; because: string }[] = [];
  const hate = (names: string[]) => p.hates.find((h) => names.includes(h.aspect));
  const love = (names: string[]) => p.loves.find((h) => names.includes(h.aspect));
  const motive = (re: RegExp) => [...p.motives, ...p.usage].find((m) => re.test(m.value));
  if (p.priceSensitivity.share >= 0.25 || hate(['price', 'value'])) {
    const h = hate(['price', 'value']);
    out.push({
      advice: 'Lead with value: price guarantees, bundles and cost-per-use comparisons; time promotions for this group.',
      because: h ? `${h.aspect} net sentiment ${h.net} over ${h.mentions} mentions` : `${pct(p.priceSensitivity.share)} (${p.priceSensitivity.support}) state price sensitivity`,
    });
  }
  const support = hate(['customer-service', 'support', 'warranty', 'returns', 'delivery']);
  if (support) {
    out.push({
      advice: `Fix ${support.aspect.replace(/-/g, ' ')} first: faster replies, clear warranty and return steps; show response times where they buy.`,
      because: `${support.aspect} net sentiment ${support.net} over ${support.mentions} mentions`,
    });
  }
  const gift = motive(/gift/);
  if (gift && gift.share >= 0.2) {
    out.push({ advice: 'Market it as a gift: gift wrap, gift guides and campaigns before holidays and birthdays.', because: `${pct(gift.share)} (${gift.support}) bought it as a gift` });
  }
  const quality = love(['quality', 'durability', 'taste', 'performance', 'design']);
  if (quality) {
    out.push({ advice: `Show the craft behind ${quality.aspect}: close-ups, materials, expert reviews and side-by-side tests.`, because: `${quality.aspect} net sentiment +${quality.net} over ${quality.mentions} mentions` });
  }
  const switched = p.loyalty.find((l) => /switch/.test(l.value));
  if (switched && switched.share >= 0.15) {
    out.push({ advice: 'Target switchers: comparison pages and trade-in offers aimed at competitors\' unhappy customers.', because: `${pct(switched.share)} (${switched.support}) say they switched brands` });
  }
  const channel = p.channels[0];
  if (channel && channel.share >= 0.2) {
    out.push({ advice: `Meet them where they buy (${channel.value.replace(/-/g, ' ')}): invest in that channel's listings, ratings and staff.`, because: `${pct(channel.share)} (${channel.support}) mention buying ${channel.value.replace(/-/g, ' ')}` });
  }
  for (const h of p.hates.slice(0, 2)) {
    if (support && h.aspect === support.aspect) continue;
    if (['price', 'value'].includes(h.aspect)) continue;
    out.push({ advice: `Product fix: address ${h.aspect.replace(/-/g, ' ')} complaints and tell this group when it is fixed.`, because: `${h.aspect} net sentiment ${h.net} over ${h.mentions} mentions` });
  }
  return out;
}

function cardFor(p: PersonaView, members: Member[]): PersonaView['card'] {
  const ages: number[] = [];
  for (const m of members) {
    for (const r of m.rows) {
      const a = r.analysis!.attributes.find((x) => x.type === 'age');
      const n = a ? Number.parseInt(a.value, 10) : Number.NaN;
      if (Number.isFinite(n)) {
        ages.push(n);
        break;
      }
    }
  }
  ages.sort((a, b) => a - b);
  const card: PersonaView['card'] = { roles: [], goals: [], pains: [], values: [], buying: [], channels: [] };
  // An age range only when at least three members state their age: never guessed.
  if (ages.length >= 3) {
    const lo = ages[Math.floor(ages.length * 0.25)]!;
    const hi = ages[Math.min(ages.length - 1, Math.floor(ages.length * 0.75))]!;
    card.ageRange = lo === hi ? `${lo}` : `${lo}–${hi}`;
  }
  card.roles = [...(p.attributes['life-stage'] ?? []), ...(p.attributes.role ?? [])].filter((s) => s.support >= 2).slice(0, 3).map((s) => s.value.replace(/-/g, ' '));
  card.goals = [...p.motives, ...p.usage].filter((s) => s.support >= 2).slice(0, 3).map((s) => s.value.replace(/-/g, ' '));
  card.pains = p.hates.slice(0, 3).map((h) => h.aspect.replace(/-/g, ' '));
  card.values = p.loves.slice(0, 3).map((h) => h.aspect.replace(/-/g, ' '));
  card.buying = p.loyalty.filter((s) => s.support >= 2).slice(0, 3).map((s) => s.value.replace(/-/g, ' '));
  card.channels = p.channels.filter((s) => s.support >= 2).slice(0, 3).map((s) => s.value.replace(/-/g, ' '));
  return card;
}

function summaryOf(p: PersonaView): string {
  const parts: string[] = [`${pct(p.share)} of reviewers (${p.size})`];
  if (p.loves[0]) parts.push(`love ${p.loves.slice(0, 2).map((l) => l.aspect.replace(/-/g, ' ')).join(' and ')}`);
  if (p.hates[0]) parts.push(`dislike ${p.hates.slice(0, 2).map((l) => l.aspect.replace(/-/g, ' ')).join(' and ')}`);
  if (p.avgRating) parts.push(`rate ${p.avgRating.value.toFixed(1)}★ on average`);
  return `${parts.join(', ')}.`;
}
