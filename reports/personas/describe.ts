/**
 * Describing a segment: its label from dominant attitudes, what it loves and hates, its motives and
 * self-disclosed attributes with support, representative quotes and counter-evidence, an
 * illustrative card built only from stated facts, and marketing advice as rules over its data —
 * all worded in the report's language (reports/i18n); quotes stay in the language they were written in.
 */
import { analysisText } from '../../analyzers/pipeline.js';
import type { Analysis, RadarDocument } from '../../domain/types.js';
import { ageBand, IDENTIFYING_ATTRIBUTES, MIN_GROUP, OTHER } from '../../privacy/generalize.js';
import { mentionsSensitive } from '../../privacy/sensitive.js';
import { type Formatter, formatterFor } from '../i18n/format.js';
import { aspectName, attributeTypeName, attributeValueName, type Messages, messagesFor } from '../i18n/messages.js';
import type { AspectStanding, PersonaView, Quote, ShareCount } from '../model.js';
import { aspectStandings, fiveStar, round, sentimentCounts } from '../summaries.js';
import type { Feature, Member } from './features.js';
import type { SparseRow } from './nmf.js';

/** Net sentiment at or beyond which an aspect reads as loved or hated. */
const CLEAR_NET = 0.25;

/** The word for a feature in this persona, given its net sentiment on aspects. */
function traitWord(m: Messages, f: Feature, net: Map<string, number>, factual: ReadonlySet<string> = new Set()): string | undefined {
  if (f.kind === 'care' || f.kind === 'love' || f.kind === 'hate') {
    const plain: { care: string; love?: string; hate: string } = {
      care: m.label.focused(aspectName(m, f.key)),
      hate: m.label.critical(aspectName(m, f.key)),
    };
    // Talking about a thing without an opinion on it ("The manual arrived on Monday") is a topic,
    // not a motive: no "Convenience-seeking" made of factual mentions.
    if (f.kind === 'care' && factual.has(f.key)) return plain.care;
    const words = m.label.aspects[f.key] ?? plain;
    const n = net.get(f.key) ?? 0;
    if (f.kind === 'hate' || (f.kind === 'care' && n <= -CLEAR_NET)) return words.hate;
    if (n >= CLEAR_NET && words.love) return words.love;
    return words.care;
  }
  if (f.kind === 'attitude')
    return (
      m.label.attributes[f.key] ??
      (/^(motive|usage)=/.test(f.key) ? m.label.driven(attributeValueName(m, f.key.split('=')[1]!)) : undefined)
    );
  if (f.kind === 'intent') return m.label.intents[f.key];
  return undefined;
}

/** The group noun a feature names (life stage, role, usage), if any. */
function groupNoun(m: Messages, f: Feature): string | undefined {
  const [type, value] = f.key.split('=') as [string, string | undefined];
  if (!value || !(f.kind === 'context' || type === 'usage')) return undefined;
  return m.label.groups[value] ?? (type === 'role' ? m.label.roleGroup(attributeValueName(m, value)) : undefined);
}

/**
 * Shares of every attribute type's values among members in one pass, and how many members state
 * each type. Members' profile regions count as "location". Values that describe who someone is
 * are generalised (ages by decade) and those fewer than MIN_GROUP members share are pooled into
 * "other", so that no row of the table points at one person.
 */
export function attributeTable(members: Member[]): { shares: Map<string, ShareCount[]>; membersWith: Map<string, number> } {
  const counts = new Map<string, Map<string, Set<number>>>();
  const membersWith = new Map<string, number>();
  const add = (type: string, value: string, i: number) => {
    const byValue = counts.get(type) ?? new Map<string, Set<number>>();
    const who = byValue.get(value) ?? new Set<number>();
    who.add(i);
    byValue.set(value, who);
    counts.set(type, byValue);
  };
  members.forEach((m, i) => {
    const types = new Set<string>();
    for (const r of m.rows) {
      for (const a of r.analysis!.attributes) {
        types.add(a.type);
        add(a.type, a.type === 'age' ? ageBand(a.value) : a.value, i);
      }
    }
    if (m.region) {
      types.add('location');
      add('location', m.region, i);
    }
    for (const t of types) membersWith.set(t, (membersWith.get(t) ?? 0) + 1);
  });
  const n = Math.max(1, members.length);
  const shares = new Map<string, ShareCount[]>();
  for (const [type, byValue] of counts) {
    let entries = [...byValue.entries()];
    if (IDENTIFYING_ATTRIBUTES.has(type)) {
      const rare = entries.filter(([, who]) => who.size < MIN_GROUP);
      if (rare.length) {
        const pooled = new Set(rare.flatMap(([, who]) => [...who]));
        entries = entries.filter(([, who]) => who.size >= MIN_GROUP);
        // "other" needs a group of its own, or it would point at the one or two people behind it.
        if (pooled.size >= MIN_GROUP) entries.push([OTHER, pooled]);
      }
    }
    if (!entries.length) continue;
    shares.set(
      type,
      entries
        .map(([value, who]) => ({ value, support: who.size, share: round(who.size / n) }))
        .sort((a, b) => Number(a.value === OTHER) - Number(b.value === OTHER) || b.support - a.support || a.value.localeCompare(b.value)),
    );
  }
  return { shares, membersWith };
}

/** A quote: the sentence that shows the trait, or the start of the text. */
function quoteOf(
  doc: RadarDocument,
  analysis: Analysis,
  shows: string,
  span: { start?: number; end?: number } | undefined,
  names: boolean,
): Quote {
  const text = analysisText(doc);
  let snippet = '';
  if (span?.start !== undefined) {
    const sentence = analysis.sentences.find((s) => s.start <= span.start! && s.end >= (span.end ?? span.start!));
    if (sentence) snippet = text.slice(sentence.start, sentence.end).trim();
  }
  if (!snippet) snippet = doc.body;
  if (snippet.length > 300) snippet = `${snippet.slice(0, 297).replace(/\s+\S*$/, '')}…`;
  const q: Quote = { docId: doc._id, text: snippet, url: doc.url, shows };
  // The quote stays in the language it was written in; renderers mark it so.
  if (analysis.lang && analysis.lang !== 'und') q.lang = analysis.lang;
  if (doc.publishedAt) q.publishedAt = doc.publishedAt;
  if (doc.brand) q.brand = doc.brand;
  if (doc.product) q.product = doc.product;
  const stars = fiveStar(doc.rating);
  if (stars !== undefined) q.rating = round(stars, 1);
  if (names && doc.authorName) q.author = doc.authorName;
  return q;
}

/** Inputs to describe one segment. */
export interface DescribeInput {
  /** Persona id. */
  id: string;
  /** Its members. */
  members: Member[];
  /** Each member's attitude vector (same order as members). */
  vectors: SparseRow[];
  /** How well each member fits the segment's profile (cosine). */
  fit: number[];
  /** Every member considered, in a persona or not (the base of shares and shares by brand). */
  everyone: Member[];
  /** Members considered in all (the baseline of trait shares). */
  population: number;
  /** Members of the population showing each feature. */
  overall: number[];
  /** Feature space. */
  features: Feature[];
  /** The segment's attitude profile: weight of each feature in its part. */
  profile: number[];
  /** Its stability under resampling. */
  stability: number;
  /** Show author names in quotes. */
  showNames: boolean;
  /** The report's language (labels, summary, marketing rules, card); English by default. */
  language?: string;
}

/** A defining trait of a segment, with the numbers behind it. */
interface Trait {
  feature: Feature;
  /** Weight in the segment's profile. */
  weight: number;
  /** Members showing it. */
  support: number;
  /** Share of members showing it. */
  share: number;
  /** Share of the population showing it. */
  overall: number;
}

/** Describes one segment as a persona. */
export function describePersona(input: DescribeInput): PersonaView {
  const { members, features } = input;
  const m = messagesFor(input.language);
  const fmt = formatterFor(m.locale);
  const rows = members.flatMap((m) => m.rows);
  const size = Math.max(1, members.length);

  // Traits: what the segment's profile is made of, each with how many members show it against
  // how common it is overall. A trait must be shown by a fifth of the members and be more common
  // than overall: a profile weight alone is not evidence.
  const supportOf = new Array<number>(features.length).fill(0);
  for (const v of input.vectors) for (const j of v.idx) supportOf[j]!++;
  const traits: Trait[] = features
    .map((feature, j) => {
      const support = supportOf[j]!;
      return {
        feature,
        weight: input.profile[j] ?? 0,
        support,
        share: support / size,
        overall: input.overall[j]! / Math.max(1, input.population),
      };
    })
    .filter((t) => t.weight > 0.05 && t.support >= 2 && t.share >= 0.2 && t.share > t.overall * 1.2)
    .sort((a, b) => b.weight - a.weight || b.share - a.share || a.feature.name.localeCompare(b.feature.name));

  // Loves and hates need support: a handful of members, and a taxonomy category unless many say it.
  const minSupport = Math.max(3, Math.ceil(members.length * 0.05));
  const categories = new Set(rows.flatMap((r) => r.analysis!.aspects.map((a) => a.category).filter((c): c is string => !!c)));
  const allStandings = aspectStandings(rows, 1000);
  const net = new Map(allStandings.filter((a) => a.mentions >= 2).map((a) => [a.aspect, a.net]));
  // Aspects the segment mentions mostly without an opinion (fewer than one mention in four).
  const factual = new Set(allStandings.filter((a) => a.positive + a.negative < 0.25 * a.mentions).map((a) => a.aspect));
  const standing = allStandings.slice(0, 50).filter((a) => a.mentions >= (categories.has(a.aspect) ? minSupport : 2 * minSupport));
  const loves = standing
    .filter((a) => a.net > 0.2)
    .sort((a, b) => b.net * b.mentions - a.net * a.mentions)
    .slice(0, 4);
  const hates = standing
    .filter((a) => a.net < -0.2)
    .sort((a, b) => a.net * a.mentions - b.net * b.mentions)
    .slice(0, 4);
  const { shares, membersWith } = attributeTable(members);
  const motives = shares.get('motive') ?? [];
  const usage = shares.get('usage') ?? [];
  const loyalty = shares.get('loyalty') ?? [];
  const channels = shares.get('channel') ?? [];
  const priceSupport = membersWith.get('price-sensitivity') ?? 0;
  const priceSensitivity: ShareCount = {
    value: shares.get('price-sensitivity')?.[0]?.value ?? 'price-sensitive',
    support: priceSupport,
    share: round(priceSupport / size),
  };
  const attributes: Record<string, ShareCount[]> = {};
  for (const t of [...shares.keys()].sort()) attributes[t] = shares.get(t)!.slice(0, 8);

  const { label, words } = labelFor(m, traits, net, factual);

  const ratings = rows.map((r) => fiveStar(r.doc.rating)).filter((v): v is number => v !== undefined);
  const sentiment = sentimentCounts(rows);
  const membersByBrand: Record<string, number> = {};
  const allByBrand: Record<string, number> = {};
  // A reviewer of several brands counts among each brand's reviewers.
  for (const m of members) for (const b of m.brands) membersByBrand[b] = (membersByBrand[b] ?? 0) + 1;
  for (const m of input.everyone) for (const b of m.brands) allByBrand[b] = (allByBrand[b] ?? 0) + 1;
  const shareByBrand: Record<string, number> = {};
  for (const [b, n] of Object.entries(allByBrand)) shareByBrand[b] = round((membersByBrand[b] ?? 0) / n);

  const { quotes, counter } = pickQuotes(m, input, traits.slice(0, 5), net);
  const view: PersonaView = {
    id: input.id,
    label,
    summary: '',
    size: members.length,
    share: round(members.length / Math.max(1, input.everyone.length)),
    shareByBrand,
    membersByBrand,
    traits: traits
      .slice(0, 6)
      .map((t) => ({ trait: t.feature.name, value: round(t.share), overall: round(t.overall), support: t.support })),
    stability: round(input.stability),
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
  labelWords.set(view, words);
  view.marketing = marketingRules(view, m, fmt);
  view.card = cardFor(m, fmt, view, members);
  view.summary = summaryOf(m, fmt, view, traits[0]);
  return view;
}

/** Trait words of each described persona beyond its label, for telling two same-named personas apart. */
const labelWords = new WeakMap<PersonaView, string[]>();

/** The label: the strongest trait's word, and a group noun when a group dominates the segment. */
function labelFor(
  m: Messages,
  traits: Trait[],
  net: Map<string, number>,
  factual: ReadonlySet<string>,
): { label: string; words: string[] } {
  const top = traits[0]?.weight ?? 0;
  // A trait names the segment only when it carries real weight in its profile.
  const strong = traits.filter((t) => t.weight >= 0.35 * top);
  const words: string[] = [];
  for (const t of traits) {
    const w = traitWord(m, t.feature, net, factual);
    if (w && !words.includes(w)) words.push(w);
  }
  let noun: string | undefined;
  let nounTrait: Trait | undefined;
  for (const t of strong) {
    const n = groupNoun(m, t.feature);
    if (n && t.share >= 0.25 && t.share >= 1.5 * t.overall) {
      noun = n;
      nounTrait = t;
      break;
    }
  }
  let adjective: string | undefined;
  for (const t of strong) {
    if (t === nounTrait) continue;
    const w = traitWord(m, t.feature, net, factual);
    if (w) {
      adjective = w;
      break;
    }
  }
  if (!adjective && !noun) return { label: m.label.mixed, words };
  const label = adjective ? m.label.compose(adjective, noun ?? m.label.customers) : m.label.alone(noun!);
  return { label, words: words.filter((w) => w !== adjective) };
}

/** Gives personas that share a label the next trait word that tells them apart (or a number). */
export function disambiguate(personas: PersonaView[]): void {
  const byLabel = new Map<string, PersonaView[]>();
  for (const p of personas) byLabel.set(p.label, [...(byLabel.get(p.label) ?? []), p]);
  for (const [label, list] of byLabel) {
    if (list.length < 2) continue;
    const used = new Set<string>();
    list.forEach((p, i) => {
      const extra = (labelWords.get(p) ?? []).find((w) => !used.has(w) && !label.includes(w));
      if (extra) {
        used.add(extra);
        p.label = `${label} (${extra.toLowerCase()})`;
      } else if (i > 0) {
        p.label = `${label} (${i + 1})`;
      }
    });
  }
}

/** Where a review shows a trait: the aspect mention, attribute or intent behind it. */
function showing(
  m: Messages,
  a: Analysis,
  f: Feature,
  net: Map<string, number>,
): { span: { start?: number; end?: number }; shows: string } | undefined {
  if (f.kind === 'care' || f.kind === 'love' || f.kind === 'hate') {
    const mentions = a.aspects.filter((x) => x.category === f.key);
    const n = net.get(f.key) ?? 0;
    // A quote shows the segment's side of the aspect: what it loves, or what it hates.
    const want =
      f.kind === 'love'
        ? 'positive'
        : f.kind === 'hate'
          ? 'negative'
          : n <= -CLEAR_NET
            ? 'negative'
            : n >= CLEAR_NET
              ? 'positive'
              : undefined;
    const hit = want ? mentions.find((x) => x.polarity === want) : (mentions.find((x) => x.polarity !== 'neutral') ?? mentions[0]);
    if (!hit) return undefined;
    const verb = hit.polarity === 'positive' ? m.shows.likes : hit.polarity === 'negative' ? m.shows.dislikes : m.shows.raises;
    return { span: { start: hit.start, end: hit.end }, shows: verb(aspectName(m, f.key)) };
  }
  if (f.kind === 'intent') {
    const hit = a.intents.find((i) => i.type === f.key);
    return hit
      ? { span: { start: hit.start, end: hit.end }, shows: m.shows.intent(m.lang === 'en' ? f.key : attributeValueName(m, f.key)) }
      : undefined;
  }
  const hit = a.attributes.find((x) => `${x.type}=${x.value}` === f.key);
  return hit
    ? {
        span: { start: hit.start, end: hit.end },
        shows:
          m.lang === 'en'
            ? m.shows.attribute(hit.type, hit.value)
            : m.shows.attribute(attributeTypeName(m, hit.type), attributeValueName(m, hit.value)),
      }
    : undefined;
}

/** Representative quotes (the sentence that shows a defining trait, from the most typical members) and counter-evidence. */
function pickQuotes(msg: Messages, input: DescribeInput, traits: Trait[], net: Map<string, number>): { quotes: Quote[]; counter: Quote[] } {
  type Cand = { score: number; member: string; trait: string; quote: Quote };
  const cands: Cand[] = [];
  const counterCands: Cand[] = [];
  const top = traits.find((t) => ['care', 'love', 'hate'].includes(t.feature.kind));
  const topNet = top ? (net.get(top.feature.key) ?? 0) : 0;
  // Counter-evidence: a member who says the opposite about the segment's defining aspect.
  const addCounter = (m: Member, r: Member['rows'][number]) => {
    if (!top || Math.abs(topNet) < CLEAR_NET) return;
    const a = r.analysis!;
    const against = a.aspects.find((x) => x.category === top.feature.key && x.polarity === (topNet > 0 ? 'negative' : 'positive'));
    if (!against) return;
    const what = (topNet > 0 ? msg.shows.dislikes : msg.shows.likes)(aspectName(msg, top.feature.key));
    const quote = quoteOf(r.doc, a, what, { start: against.start, end: against.end }, input.showNames);
    // A persona is never illustrated by someone's health, religion, ethnicity or sexuality.
    if (!mentionsSensitive(quote.text))
      counterCands.push({ score: Math.abs(against.score), member: m.key, trait: top.feature.name, quote });
  };
  // Quotes come from the members who fit the segment best (a bounded number, however large it is).
  const typical = new Set(
    input.members
      .map((m, mi) => ({ key: m.key, fit: input.fit[mi] ?? 0 }))
      .sort((x, y) => y.fit - x.fit || (x.key < y.key ? -1 : 1))
      .slice(0, 300)
      .map((x) => x.key),
  );
  input.members.forEach((m, mi) => {
    for (const r of m.rows) {
      const a = r.analysis!;
      if (!typical.has(m.key)) {
        if (counterCands.length < 50) addCounter(m, r);
        continue;
      }
      let best: { score: number; trait: string; span: { start?: number; end?: number }; shows: string } | undefined;
      for (const t of traits) {
        const hit = showing(msg, a, t.feature, net);
        if (hit && (!best || t.weight > best.score)) best = { score: t.weight, trait: t.feature.name, ...hit };
      }
      const quote = best && quoteOf(r.doc, a, best.shows, best.span, input.showNames);
      if (best && quote && !mentionsSensitive(quote.text)) {
        const len = quote.text.length;
        // The most typical members, in a sentence that reads on its own (a bare title such as
        // "Bargain" shows the trait but says little).
        const readable = len >= 40 && len <= 250 ? 0.5 : len < 25 ? -1 : 0;
        const score = 2 * best.score + (input.fit[mi] ?? 0) + readable + 0.2 * Math.abs(a.sentiment.score);
        cands.push({ score, member: m.key, trait: best.trait, quote });
      }
      addCounter(m, r);
    }
  });
  const order = (a: Cand, b: Cand) => b.score - a.score || a.quote.docId.localeCompare(b.quote.docId);
  cands.sort(order);
  counterCands.sort(order);
  const quotes: Quote[] = [];
  const usedMembers = new Set<string>();
  const usedTraits = new Set<string>();
  const usedTexts = new Set<string>();
  const textKey = (q: Quote) =>
    q.text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  // First one quote per trait (the segment in its several sides), then the best of the rest; one
  // per member, and never the same words twice.
  for (const pass of [0, 1]) {
    for (const c of cands) {
      if (quotes.length >= 5) break;
      if (usedMembers.has(c.member) || usedTexts.has(textKey(c.quote)) || (pass === 0 && usedTraits.has(c.trait))) continue;
      usedMembers.add(c.member);
      usedTraits.add(c.trait);
      usedTexts.add(textKey(c.quote));
      quotes.push(c.quote);
    }
  }
  // A segment with too few trait-showing texts still gets three quotes: its members' clearest texts.
  if (quotes.length < 3) {
    const rest = input.members
      .flatMap((m) => m.rows.map((r) => ({ m, r })))
      .filter(({ m }) => !usedMembers.has(m.key))
      .sort(
        (x, y) =>
          Math.abs(y.r.analysis!.sentiment.score) - Math.abs(x.r.analysis!.sentiment.score) || x.r.doc._id.localeCompare(y.r.doc._id),
      );
    for (const { m, r } of rest) {
      if (quotes.length >= 3) break;
      if (usedMembers.has(m.key)) continue;
      usedMembers.add(m.key);
      quotes.push(
        quoteOf(
          r.doc,
          r.analysis!,
          r.analysis!.sentiment.label === 'negative' ? msg.shows.overallComplaint : msg.shows.overallView,
          undefined,
          input.showNames,
        ),
      );
    }
  }
  const counter: Quote[] = [];
  for (const c of counterCands) {
    if (counter.length >= 2) break;
    if (usedTexts.has(textKey(c.quote))) continue;
    usedTexts.add(textKey(c.quote));
    counter.push(c.quote);
  }
  return { quotes, counter };
}

/** Marketing advice as rules over the persona's own figures; each says which figure it rests on. */
export function marketingRules(
  p: PersonaView,
  m: Messages = messagesFor('en'),
  fmt: Formatter = formatterFor(m.locale),
): { advice: string; because: string }[] {
  const out: { advice: string; because: string }[] = [];
  // An aspect-based rule needs enough mentions behind it: a few texts are an anecdote.
  const enough = Math.max(5, Math.ceil(p.size * 0.15));
  const hate = (names: string[]) => p.hates.find((h) => names.includes(h.aspect) && h.mentions >= enough);
  const love = (names: string[]) => p.loves.find((h) => names.includes(h.aspect) && h.mentions >= enough);
  const share = (list: ShareCount[] | undefined, re: RegExp, min: number) =>
    (list ?? []).find((s) => re.test(s.value) && s.share >= min && s.support >= 3);
  const stated = (s: ShareCount, what: string) => m.marketing.stated(fmt.pct(s.share), fmt.num(s.support), what);
  const aspect = (key: string) => aspectName(m, key);
  const net = (h: AspectStanding) => m.marketing.net(aspect(h.aspect), fmt.signed(h.net), fmt.num(h.mentions));
  const priceHate = hate(['price', 'value']);
  if ((p.priceSensitivity.share >= 0.25 && p.priceSensitivity.support >= 3) || priceHate) {
    out.push({ advice: m.marketing.value, because: priceHate ? net(priceHate) : stated(p.priceSensitivity, m.marketing.statePrice) });
  }
  const deal = share(p.motives, /^deal$/, 0.15);
  if (deal) out.push({ advice: m.marketing.deal, because: stated(deal, m.marketing.boughtOnSale) });
  const support = hate(['customer-service', 'support', 'warranty', 'returns', 'delivery', 'service', 'staff']);
  if (support) out.push({ advice: m.marketing.fixService(aspect(support.aspect)), because: net(support) });
  const gift = share([...p.motives, ...p.usage], /gift/, 0.2);
  if (gift) out.push({ advice: m.marketing.gift, because: stated(gift, m.marketing.boughtAsGift) });
  const parents = share(p.attributes['life-stage'], /^parent$/, 0.25);
  if (parents) out.push({ advice: m.marketing.parents, because: stated(parents, m.marketing.areParents) });
  const newcomer = share(p.attributes.experience, /first|beginner|new/, 0.15) ?? share(p.attributes['life-stage'], /^student$/, 0.25);
  if (newcomer)
    out.push({
      advice: m.marketing.newcomers,
      because: stated(newcomer, newcomer.value === 'student' ? m.marketing.areStudents : m.marketing.areNew),
    });
  const quality = love(['quality', 'durability', 'taste', 'performance', 'design', 'comfort']);
  if (quality) out.push({ advice: m.marketing.craft(aspect(quality.aspect)), because: net(quality) });
  const fitPain = hate(['fit', 'size']);
  const returner = share(p.loyalty, /^returning$/, 0.15);
  if (fitPain || returner)
    out.push({ advice: m.marketing.returns, because: fitPain ? net(fitPain) : stated(returner!, m.marketing.sendingBack) });
  const switched = share(p.loyalty, /switch/, 0.15);
  if (switched) out.push({ advice: m.marketing.switchers, because: stated(switched, m.marketing.switched) });
  const loyal = share(p.loyalty, /will-buy-again|repeat|recommends/, 0.25);
  if (loyal)
    out.push({
      advice: m.marketing.loyalty,
      because: stated(
        loyal,
        loyal.value === 'recommends'
          ? m.marketing.recommend
          : loyal.value === 'repeat-buyer'
            ? m.marketing.buyRepeatedly
            : m.marketing.willBuyAgain,
      ),
    });
  const premium = share(p.attributes['price-sensitivity'], /premium/, 0.15);
  if (premium) out.push({ advice: m.marketing.upsell, because: stated(premium, m.marketing.payMore) });
  const channel = p.channels[0];
  if (channel && channel.share >= 0.2 && channel.support >= 3) {
    const where = attributeValueName(m, channel.value);
    out.push({ advice: m.marketing.channel(where), because: stated(channel, m.marketing.buyVia(where)) });
  }
  for (const h of p.hates.slice(0, 2)) {
    if (h.mentions < enough || h === support || h === fitPain || ['price', 'value'].includes(h.aspect)) continue;
    out.push({ advice: m.marketing.productFix(aspect(h.aspect)), because: net(h) });
  }
  return out;
}

function cardFor(m: Messages, fmt: Formatter, p: PersonaView, members: Member[]): PersonaView['card'] {
  const ages: number[] = [];
  for (const member of members) {
    for (const r of member.rows) {
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
  // An age range only when at least MIN_GROUP members state their age: never guessed. Its ends
  // are widened to five-year steps so that they are not one member's exact age.
  if (ages.length >= MIN_GROUP) {
    const lo = ages[Math.floor(ages.length * 0.25)]!;
    const hi = ages[Math.min(ages.length - 1, Math.floor(ages.length * 0.75))]!;
    card.ageRange = `${fmt.num(Math.floor(lo / 5) * 5)}–${fmt.num(Math.floor(hi / 5) * 5 + 4)}`;
  }
  const value = (s: ShareCount) => attributeValueName(m, s.value);
  card.roles = [...(p.attributes['life-stage'] ?? []), ...(p.attributes.role ?? [])]
    .filter((s) => s.support >= 2 && s.value !== OTHER)
    .slice(0, 3)
    .map(value);
  card.goals = [...p.motives, ...p.usage]
    .filter((s) => s.support >= 2)
    .slice(0, 3)
    .map(value);
  card.pains = p.hates.slice(0, 3).map((h) => aspectName(m, h.aspect));
  card.values = p.loves.slice(0, 3).map((h) => aspectName(m, h.aspect));
  card.buying = p.loyalty
    .filter((s) => s.support >= 2)
    .slice(0, 3)
    .map(value);
  card.channels = p.channels
    .filter((s) => s.support >= 2)
    .slice(0, 3)
    .map(value);
  return card;
}

function summaryOf(m: Messages, fmt: Formatter, p: PersonaView, top: Trait | undefined): string {
  const parts: string[] = [m.summary.inPersona(fmt.pct(p.share), fmt.num(p.size))];
  if (top) parts.push(m.summary.trait(fmt.pct(top.share), describeTrait(m, top.feature), fmt.num(top.support), fmt.pct(top.overall)));
  if (p.loves[0]) parts.push(m.summary.love(p.loves.slice(0, 2).map((l) => aspectName(m, l.aspect))));
  if (p.hates[0]) parts.push(m.summary.dislike(p.hates.slice(0, 2).map((l) => aspectName(m, l.aspect))));
  if (p.avgRating) parts.push(m.summary.rate(fmt.fixed(p.avgRating.value, 1)));
  return m.summary.join(parts);
}

/** A trait in words, for summaries. */
function describeTrait(m: Messages, f: Feature): string {
  const [type, value] = f.key.split('=') as [string, string | undefined];
  const what =
    m.lang === 'en'
      ? f.key.replace(/-/g, ' ').replace('=', ': ')
      : value === undefined
        ? f.kind === 'intent'
          ? attributeValueName(m, type)
          : aspectName(m, type)
        : m.shows.attribute(attributeTypeName(m, type), attributeValueName(m, value));
  switch (f.kind) {
    case 'care':
      return m.summary.care(what);
    case 'love':
      return m.summary.praise(what);
    case 'hate':
      return m.summary.complain(what);
    case 'intent':
      return m.summary.write(what);
    default:
      return m.summary.state(what);
  }
}
