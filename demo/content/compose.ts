/**
 * Composes one English review from the hand-written fragments: the product's details in the tone its
 * rating calls for, the reviewer's attitudes, and what they choose to say about themselves. Decks
 * (Rng.deal) spread the fragments so no two reviews read alike.
 */
import type { Attitude, DemoBrand, DemoProduct, Disclosure } from '../catalog-types.js';
import { ASPECT_LINES } from './aspect-lines.js';
import {
  AGE_LINES,
  ATTITUDE_LINES,
  CHANNEL_LINES,
  CLOSERS,
  COMPARE_LINES,
  CONTRAST_TO_NEG,
  CONTRAST_TO_POS,
  GIFT_OPENERS,
  RATING_TITLES,
  ROLE_LINES,
  SWITCH_LINES,
  TITLES,
  type ToneLines,
} from './attitude-lines.js';
import { CATEGORY_NOUN, VARIANTS } from './brands.js';
import type { Rng } from './rng.js';

type Tone = keyof ToneLines;

/** What the composer needs to know about one review. */
export interface ComposeInput {
  /** The product reviewed. */
  product: DemoProduct;
  /** Its brand. */
  brand: DemoBrand;
  /** All brands, for comparisons. */
  brands: DemoBrand[];
  /** Star rating, decided beforehand. */
  rating: number;
  /** Attitudes to express, strongest first. */
  attitudes: Attitude[];
  /** Role to disclose (a ROLE_LINES key). */
  role?: string;
  /** Age to disclose. */
  age?: number;
  /** Say where it was bought. */
  channel: boolean;
  /** An earlier product of the same kind the reviewer switched from. */
  switchedFrom?: DemoProduct;
  /** Compare with a competitor brand. */
  compare: boolean;
  /** Keep it to one or two sentences. */
  short: boolean;
}

/** A composed review. */
export interface Composed {
  /** Title. */
  title: string;
  /** Text. */
  body: string;
  /** Attributes disclosed. */
  disclosures: Disclosure[];
  /** Ids of other brands named. */
  brandsNamed: string[];
  /** The attitudes whose sentences made it into the text. */
  attitudes: Attitude[];
}

interface Part {
  text: string;
  tone: Tone | 'neutral';
  /** Lower is dropped first when a review grows past six sentences. */
  keep: number;
  /** The attitude the sentence expresses, if any. */
  attitude?: Attitude;
}

const PRONOUNS = {
  he: { S: 'He', s: 'he', o: 'him', pos: 'his', singular: true },
  she: { S: 'She', s: 'she', o: 'her', pos: 'her', singular: true },
  they: { S: 'They', s: 'they', o: 'them', pos: 'their', singular: false },
};

function toneOf(rating: number): Tone {
  return rating >= 4 ? 'pos' : rating === 3 ? 'mix' : 'neg';
}

// Two sentences about the same part ("the steam wand has real power" / "the steam wand is weak") contradict.
const TOPICS = [
  'steam wand',
  'panarello',
  'portafilter',
  'drip tray',
  'lid',
  'foam',
  'retention',
  'grind',
  'temperature',
  'pump',
  'whisk',
  'handle',
  'burr',
  'motor',
  'static',
  'cable',
  'beep',
  'batter',
  'adjust',
  'timer',
  'spout',
  'tank',
  'crema',
  'shots',
  'oat milk',
  'boil',
  'heat',
  'loud',
  'quiet',
  'noisy',
];

function topicsOf(line: string): string[] {
  const l = line.toLowerCase();
  return TOPICS.filter((t) => l.includes(t)).map((t) => (t === 'loud' || t === 'quiet' || t === 'noisy' ? 'noise' : t));
}

function contradicts(line: string, used: Set<string>): boolean {
  const mine = topicsOf(line);
  return [...used].some((u) => topicsOf(u).some((t) => mine.includes(t)));
}

/** Words that keep their capital after a contrast word ("But Nordbrew…"). */
function keepsCapital(sentence: string, names: string[]): boolean {
  const first = sentence.split(/[\s,:;]/)[0] ?? '';
  return first === 'I' || first.startsWith("I'") || names.some((n) => n.split(' ')[0] === first);
}

/** Composes title and text for one review. */
export function composeReview(rng: Rng, input: ComposeInput): Composed {
  const { product, brand, rating } = input;
  const tone = toneOf(rating);
  const groups = [product.category, ...(VARIANTS[product.id] ?? [])];
  const competitors = input.brands.filter((b) => b.id !== brand.id);
  const named = new Set<string>();
  const disclosures: Disclosure[] = [];
  const gift = input.attitudes.includes('gift') ? rng.deal('gift-opener', GIFT_OPENERS) : undefined;
  const who = PRONOUNS[gift?.who ?? 'they'];
  const competitor = rng.pick(competitors);

  const fill = (text: string): string =>
    text
      .replace(/\{p\}/g, product.short)
      .replace(/\{b\}/g, brand.name)
      .replace(/\{c\}/g, CATEGORY_NOUN[product.category])
      .replace(/\{price\}/g, `€${product.price}`)
      .replace(/\{x\}/g, () => {
        named.add(competitor.id);
        return competitor.name;
      })
      .replace(/\{prev\}/g, () => {
        const prev = input.switchedFrom!;
        if (prev.brandId !== brand.id) named.add(prev.brandId);
        return prev.name;
      })
      .replace(/\{S\}/g, who.S)
      .replace(/\{s\}/g, who.s)
      .replace(/\{o\}/g, who.o)
      .replace(/\{pos\}/g, who.pos)
      .replace(/\[([^|\]]+)\|([^\]]+)\]/g, (_, one: string, many: string) => (who.singular ? one : many));

  const used = new Set<string>();
  const aspect = (t: 'pos' | 'neg' | 'minor'): string => {
    // A gift buyer speaks about the product, not "my pour-overs".
    const lines = (g: string) => (ASPECT_LINES[g]?.[t] ?? []).filter((l) => !gift || !l.startsWith('!'));
    const pool = groups.filter((g) => lines(g).length > 0);
    const weights = pool.map((g) => lines(g).length);
    // A deck can come round again mid-review; never say the same thing twice in one text.
    for (let tries = 0; ; tries++) {
      const g = pool[rng.weighted(weights)]!;
      const line = rng.deal(`aspect:${g}:${t}:${gift ? 'gift' : 'own'}`, lines(g)).replace(/^!/, '');
      if ((!used.has(line) && !contradicts(line, used)) || tries > 12) {
        used.add(line);
        return line;
      }
    }
  };
  const attitudeLine = (attitude: Attitude, t: Tone): string => {
    const fits = ATTITUDE_LINES[attitude][t].filter(
      (l) => !l.startsWith('@') || l.slice(1, l.indexOf(' ')).split(',').includes(product.category),
    );
    return rng.deal(`attitude:${attitude}:${t}:${product.category}`, fits).replace(/^@\S+ /, '');
  };

  const head: Part[] = [];
  const body: Part[] = [];
  const tail: Part[] = [];

  if (gift) {
    head.push({ text: gift.text, tone: 'neutral', keep: 9, attitude: 'gift' });
    disclosures.push({ type: 'motive', value: 'gift' });
  }
  if (input.role) {
    const role = ROLE_LINES[input.role]!;
    (rng.chance(0.6) ? head : tail).push({ text: rng.deal(`role:${input.role}`, role.lines), tone: 'neutral', keep: 8 });
    disclosures.push({ type: role.type, value: role.value });
  }
  if (input.switchedFrom) {
    head.push({ text: rng.deal(`switch:${tone}`, SWITCH_LINES[tone]), tone, keep: 8 });
    disclosures.push({ type: 'loyalty', value: 'switched' });
  }

  // The product itself: praise, complaints or both, as the rating calls for.
  const primary = input.attitudes[0];
  const serviceStory = primary === 'support' && rating <= 2 && rng.chance(0.4);
  if (rating === 5) {
    body.push({ text: aspect('pos'), tone: 'pos', keep: 7 });
    if (rng.chance(0.55)) body.push({ text: aspect('pos'), tone: 'pos', keep: 4 });
  } else if (rating === 4) {
    body.push({ text: aspect('pos'), tone: 'pos', keep: 7 });
    if (rng.chance(0.35)) body.push({ text: aspect('pos'), tone: 'pos', keep: 3 });
    if (rng.chance(0.5)) body.push({ text: aspect('minor'), tone: 'neg', keep: 5 });
  } else if (rating === 3) {
    const pair: Part[] = [
      { text: aspect('pos'), tone: 'pos', keep: 7 },
      { text: aspect('neg'), tone: 'neg', keep: 7 },
    ];
    body.push(...(rng.chance(0.65) ? pair : pair.reverse()));
  } else if (serviceStory) {
    // "Love the product, hate the service": the complaint that follows is about support.
    body.push({ text: aspect('pos'), tone: 'pos', keep: 7 });
  } else {
    if (rating === 2 && rng.chance(0.3)) body.push({ text: aspect('pos'), tone: 'pos', keep: 4 });
    body.push({ text: aspect('neg'), tone: 'neg', keep: 7 });
    if (rng.chance(0.45)) body.push({ text: aspect('neg'), tone: 'neg', keep: 3 });
  }

  input.attitudes.forEach((attitude, i) => {
    // Support trouble added late in a review's life is never praise.
    const t: Tone = attitude === 'support' && i > 0 && tone === 'pos' ? 'mix' : tone;
    body.push({ text: attitudeLine(attitude, t), tone: t, keep: i === 0 ? 8 : attitude === 'support' ? 7 : 5, attitude });
  });

  if (input.age !== undefined) {
    const line = rng.deal('age', AGE_LINES).replace('{age}', String(input.age));
    (rng.chance(0.5) ? head : tail).push({ text: line, tone: 'neutral', keep: 6 });
    disclosures.push({ type: 'age', value: String(input.age) });
  }
  if (input.channel) {
    const c = rng.deal('channel', CHANNEL_LINES);
    tail.push({ text: c.text, tone: 'neutral', keep: 5 });
    disclosures.push({ type: 'channel', value: c.value });
  }
  if (input.compare && !input.switchedFrom) tail.push({ text: rng.deal(`compare:${tone}`, COMPARE_LINES[tone]), tone, keep: 4 });
  if (rng.chance(0.45)) tail.push({ text: rng.deal(`closer:${rating}`, CLOSERS[rating - 1]!), tone: 'neutral', keep: 2 });

  let parts = [...head, ...body, ...tail];
  if (input.short) {
    const core = body.filter((p) => p.keep >= 7).slice(0, rng.chance(0.35) ? 1 : 2);
    parts = core.length > 0 ? core : body.slice(0, 1);
    disclosures.length = 0;
    if (gift && parts.length < 2) {
      parts.unshift(head[0]!);
      disclosures.push({ type: 'motive', value: 'gift' });
    }
  }
  while (parts.length > 6) {
    const weakest = parts.reduce((lo, p) => (p.keep < lo.keep ? p : lo));
    parts = parts.filter((p) => p !== weakest);
  }
  // Disclosures and names only count if their sentence survived.
  const texts = parts.map((p) => fill(p.text));
  const kept = texts.join(' ');
  const names = [...input.brands.map((b) => b.name), product.short, ...(input.switchedFrom ? [input.switchedFrom.name] : [])];

  const sentences = texts.map((text, i) => {
    const prev = parts[i - 1];
    const cur = parts[i]!;
    // Mixed lines and lines with their own "but" carry the contrast already.
    const flips =
      prev &&
      ((prev.tone === 'pos' && cur.tone === 'neg') || (prev.tone === 'neg' && cur.tone === 'pos')) &&
      !/\bbut\b|\bthough\b/i.test(text);
    if (!flips || !rng.chance(0.55)) return text;
    const word = rng.pick(cur.tone === 'neg' ? CONTRAST_TO_NEG : CONTRAST_TO_POS);
    const rest = keepsCapital(text, names) ? text : text.charAt(0).toLowerCase() + text.slice(1);
    return `${word} ${rest}`;
  });

  // An attitude title on a text that lost its attitude sentence would be a label the text doesn't bear out.
  const primaryKept = parts.some((p) => p.attitude === primary);
  const title = fill(
    primaryKept && rng.chance(0.6)
      ? rng.deal(`title:${primary}:${tone}`, TITLES[primary ?? 'value'][tone])
      : rng.deal(`title:${rating}`, RATING_TITLES[rating - 1]!),
  );

  return {
    title,
    body: sentences.join(' '),
    disclosures: disclosures.filter((d) => survives(d, parts, input)),
    brandsNamed: [...named].filter((id) => {
      const b = input.brands.find((x) => x.id === id)!;
      return kept.includes(b.name);
    }),
    attitudes: input.attitudes.filter((a) => parts.some((p) => p.attitude === a)),
  };
}

/** Whether the sentence that disclosed an attribute is still in the review. */
function survives(d: Disclosure, parts: Part[], input: ComposeInput): boolean {
  const has = (lines: readonly string[]) => parts.some((p) => lines.includes(p.text));
  switch (d.type) {
    case 'motive':
      return has(GIFT_OPENERS.map((g) => g.text));
    case 'age':
      return has(AGE_LINES.map((l) => l.replace('{age}', String(input.age))));
    case 'channel':
      return has(CHANNEL_LINES.map((c) => c.text));
    case 'loyalty':
      return has([...SWITCH_LINES.pos, ...SWITCH_LINES.mix, ...SWITCH_LINES.neg]);
    default:
      return input.role !== undefined && has(ROLE_LINES[input.role]!.lines);
  }
}
