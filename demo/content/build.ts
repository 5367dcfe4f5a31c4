/**
 * Builds the demo catalogue from the hand-written content with one seeded PRNG: reviewers, which
 * products they review and when, ratings, composed texts, and the feed. The same seed gives the same
 * shop byte for byte, which the crawl-vs-catalogue tests rely on.
 */
import type {
  Attitude,
  DemoBrand,
  DemoCatalog,
  DemoMention,
  DemoProduct,
  DemoReview,
  DemoReviewer,
  Disclosure,
  Lang,
} from '../catalog-types.js';
import { BRANDS, PRODUCTS } from './brands.js';
import { composeReview } from './compose.js';
import { FIXED_REVIEWS } from './fixed-reviews.js';
import { MENTION_AUTHORS, MENTION_TEXTS } from './mentions.js';
import { EXPLICIT_REVIEWERS, FIRST_NAMES, HANDLES, LAST_NAMES, LOCATIONS } from './people.js';
import { Rng } from './rng.js';

const SEED = 20250706;
const DAY = 86_400_000;
/** The reviews span about eighteen months. */
const START = Date.UTC(2024, 0, 8);
const END = Date.UTC(2025, 6, 6);
/** The last four months, when Nordbrew's support troubles show. */
const LATE = Date.UTC(2025, 2, 8);
const GENERATED_REVIEWERS = 134;
const ATTITUDES: Attitude[] = ['value', 'quality', 'support', 'gift', 'household', 'newcomer'];
const ATTITUDE_WEIGHTS = [24, 21, 15, 14, 17, 9];
const REVIEW_COUNT_WEIGHTS = [34, 30, 20, 11, 5];
// People write at breakfast, lunch and in the evening, rarely at night.
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.2, 0.3, 0.8, 2.5, 4, 4.5, 3, 2.5, 2.5, 3.5, 3, 2.5, 2.2, 2.4, 2.8, 3, 3.5, 4.5, 4.8, 3.5, 2];

const PRODUCT_WEIGHT: Record<string, number> = {
  'copperleaf-pour-kettle': 1.2,
  'copperleaf-precision-grinder': 1.0,
  'copperleaf-solo-espresso': 1.2,
  'copperleaf-cloud-frother': 0.9,
  'nordbrew-fjord-kettle': 1.0,
  'nordbrew-mill-pro': 0.9,
  'nordbrew-barista-one': 1.0,
  'nordbrew-foam-jug': 0.7,
  'vantio-duo-espresso': 1.5,
  'vantio-whisk-frother': 0.9,
  'vantio-crank-grinder': 0.8,
};

/** How likely each attitude is to review a product (brand and category preferences). */
function affinity(attitude: Attitude, p: DemoProduct): number {
  switch (attitude) {
    case 'value':
      return p.brandId === 'vantio' ? 1.6 : p.brandId === 'nordbrew' ? 1.2 : 0.7;
    case 'quality':
      return (p.brandId === 'copperleaf' ? 1.6 : 1) * (p.category === 'grinder' || p.category === 'espresso' ? 1.3 : 0.9);
    case 'support':
      return p.brandId === 'nordbrew' ? 1.8 : 1;
    case 'gift':
      return p.category === 'kettle' || p.category === 'frother' ? 1.8 : p.category === 'espresso' ? 0.6 : 0.9;
    case 'household':
      return p.category === 'kettle' || p.category === 'frother' ? 1.5 : p.category === 'grinder' ? 0.6 : 1;
    case 'newcomer':
      return (p.brandId === 'vantio' ? 1.6 : 1) * (p.category === 'espresso' ? 1.2 : 1);
  }
}

/** Mean rating an attitude gives a brand; the product and the date shift it. */
const MEAN: Record<Attitude, Record<string, number>> = {
  value: { copperleaf: 3.5, nordbrew: 3.9, vantio: 4.4 },
  quality: { copperleaf: 4.6, nordbrew: 3.6, vantio: 2.7 },
  support: { copperleaf: 3.4, nordbrew: 1.8, vantio: 2.4 },
  gift: { copperleaf: 4.6, nordbrew: 4.1, vantio: 4.0 },
  household: { copperleaf: 4.1, nordbrew: 3.8, vantio: 3.7 },
  newcomer: { copperleaf: 3.9, nordbrew: 3.9, vantio: 4.3 },
};
const PRODUCT_SHIFT: Record<string, number> = {
  'nordbrew-foam-jug': -0.3,
  'copperleaf-solo-espresso': 0.2,
  'vantio-whisk-frother': -0.2,
  'copperleaf-precision-grinder': 0.1,
};

interface Person {
  reviewer: DemoReviewer;
  /** Key of a hand-defined reviewer. */
  key?: string;
  role?: string;
  age?: number;
  /** Composed reviews to write. */
  count: number;
  /** Products already taken by the person's fixed reviews. */
  taken: Set<string>;
}

interface Draft {
  person: Person;
  product: DemoProduct;
  time: number;
  review?: Omit<DemoReview, 'id'>;
}

function pickRole(rng: Rng, primary: Attitude): string | undefined {
  const table: Partial<Record<Attitude, [string, number][]>> = {
    household: [
      ['mum', 0.35],
      ['dad', 0.25],
    ],
    newcomer: [['student', 0.55]],
    quality: [
      ['cafe-owner', 0.12],
      ['retired-teacher', 0.1],
      ['remote-worker', 0.1],
    ],
    gift: [['retired-teacher', 0.12]],
    value: [
      ['student', 0.12],
      ['remote-worker', 0.08],
    ],
    support: [
      ['night-shift', 0.06],
      ['remote-worker', 0.08],
    ],
  };
  let r = rng.next();
  for (const [role, p] of table[primary] ?? []) {
    if (r < p) return role;
    r -= p;
  }
  return undefined;
}

function pickAge(rng: Rng, role: string | undefined, primary: Attitude): number | undefined {
  if (!rng.chance(0.3)) return undefined;
  if (role === 'student' || primary === 'newcomer') return rng.int(19, 26);
  if (role === 'retired-teacher') return rng.int(61, 74);
  if (role === 'mum' || role === 'dad') return rng.int(29, 48);
  return rng.int(27, 71);
}

function displayName(rng: Rng, used: Set<string>): string {
  for (;;) {
    const style = rng.next();
    const first = rng.pick(FIRST_NAMES);
    const name =
      style < 0.55 ? `${first} ${rng.pick(LAST_NAMES).charAt(0)}.` : style < 0.8 ? `${first} ${rng.pick(LAST_NAMES)}` : rng.pick(HANDLES);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function randomTime(rng: Rng, from: number, to: number): number {
  const day = Math.floor(from / DAY) + rng.int(0, Math.floor((to - from) / DAY) - 1);
  return day * DAY + rng.weighted(HOUR_WEIGHTS) * 3_600_000 + rng.int(0, 59) * 60_000 + rng.int(0, 59) * 1000;
}

function isoDate(t: number): string {
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function people(rng: Rng): Person[] {
  const used = new Set<string>(EXPLICIT_REVIEWERS.map((r) => r.name));
  const out: Person[] = EXPLICIT_REVIEWERS.map((r) => ({
    key: r.key,
    reviewer: { id: r.key, name: r.name, location: r.location, memberSince: '', lang: r.lang, attitudes: r.attitudes },
    ...(r.role ? { role: r.role } : {}),
    ...(r.age ? { age: r.age } : {}),
    count: r.extra,
    taken: new Set(FIXED_REVIEWS.filter((f) => f.reviewer === r.key).map((f) => f.product)),
  }));
  for (let i = 0; i < GENERATED_REVIEWERS; i++) {
    const primary = ATTITUDES[rng.weighted(ATTITUDE_WEIGHTS)]!;
    const attitudes: Attitude[] = [primary];
    if (rng.chance(0.45)) {
      const others = ATTITUDES.filter((a) => a !== primary);
      attitudes.push(others[rng.weighted(others.map((a) => ATTITUDE_WEIGHTS[ATTITUDES.indexOf(a)]!))]!);
    }
    const role = pickRole(rng, primary);
    const age = pickAge(rng, role, primary);
    out.push({
      reviewer: { id: '', name: displayName(rng, used), location: rng.pick(LOCATIONS), memberSince: '', lang: 'en', attitudes },
      ...(role ? { role } : {}),
      ...(age !== undefined ? { age } : {}),
      count: rng.weighted(REVIEW_COUNT_WEIGHTS) + 1,
      taken: new Set(),
    });
  }
  // Numbered ids, in a shuffled order so hand-written reviewers don't sit at the front.
  rng.shuffle(out).forEach((p, i) => (p.reviewer.id = `rv${1001 + i}`));
  return out;
}

function pickProducts(rng: Rng, person: Person): DemoProduct[] {
  const chosen: DemoProduct[] = [];
  const primary = person.reviewer.attitudes[0]!;
  for (let k = 0; k < person.count; k++) {
    const candidates = PRODUCTS.filter((p) => !person.taken.has(p.id) && !chosen.includes(p));
    if (candidates.length === 0) break;
    // Reviewers with several reviews mostly spread them over brands and kinds of gear.
    const weights = candidates.map(
      (p) =>
        PRODUCT_WEIGHT[p.id]! *
        affinity(primary, p) *
        (chosen.some((c) => c.brandId === p.brandId) ? 0.45 : 1) *
        (chosen.some((c) => c.category === p.category) ? 0.5 : 1),
    );
    chosen.push(candidates[rng.weighted(weights)]!);
  }
  return chosen;
}

function ratingFor(rng: Rng, attitudes: Attitude[], product: DemoProduct, time: number): number {
  const [primary, secondary] = attitudes;
  let mean = MEAN[primary!][product.brandId]!;
  if (secondary) mean = 0.75 * mean + 0.25 * MEAN[secondary][product.brandId]!;
  mean += PRODUCT_SHIFT[product.id] ?? 0;
  // Nordbrew's support was tolerable before the last months.
  if (primary === 'support' && product.brandId === 'nordbrew' && time < LATE) mean += 0.7;
  return Math.max(1, Math.min(5, Math.round(mean + rng.normal() * 0.8)));
}

function writeDrafts(rng: Rng, person: Person, drafts: Draft[], brands: DemoBrand[]): void {
  drafts.sort((a, b) => a.time - b.time);
  const history: { product: DemoProduct; rating: number }[] = [];
  drafts.forEach((d, i) => {
    const r = person.reviewer;
    const attitudes: Attitude[] = [r.attitudes[0]!];
    if (r.attitudes[1] && rng.chance(0.5)) attitudes.push(r.attitudes[1]);
    let rating = ratingFor(rng, attitudes, d.product, d.time);
    // The trend a report should catch: Nordbrew's support complaints grow in the last months.
    if (d.product.brandId === 'nordbrew' && d.time >= LATE && !attitudes.includes('support') && rng.chance(0.45)) {
      attitudes.push('support');
      rating = Math.max(1, rating - rng.int(1, 2));
    }
    const prev = history.find((h) => h.product.category === d.product.category && h.product.brandId !== d.product.brandId && h.rating <= 3);
    const composed = composeReview(rng, {
      product: d.product,
      brand: brands.find((b) => b.id === d.product.brandId)!,
      brands,
      rating,
      attitudes,
      ...(person.role && rng.chance(i === 0 ? 0.85 : 0.25) ? { role: person.role } : {}),
      ...(person.age !== undefined && rng.chance(i === 0 ? 0.8 : 0.2) ? { age: person.age } : {}),
      channel: rng.chance(0.12),
      ...(prev && rng.chance(0.85) ? { switchedFrom: prev.product } : {}),
      compare: rng.chance(0.12),
      short: rng.chance(0.1),
    });
    history.push({ product: d.product, rating });
    d.review = {
      productId: d.product.id,
      brandId: d.product.brandId,
      reviewerId: r.id,
      rating,
      title: composed.title,
      body: composed.body,
      datePublished: isoDate(d.time),
      lang: 'en',
      // Only attitudes whose sentences made it into the text count as ground truth.
      attitudes: composed.attitudes,
      disclosures: composed.disclosures,
      brandsNamed: composed.brandsNamed,
      incentivized: false,
      containsPII: false,
    };
  });
}

function brandsNamedIn(text: string, own: string): string[] {
  return BRANDS.filter((b) => b.id !== own && [b.name, ...b.aliases].some((n) => text.includes(n))).map((b) => b.id);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Brands and products a post names, as a case-insensitive whole-word alias match would find them. */
function linkMention(text: string): { brands: string[]; products: string[] } {
  const says = (name: string) => new RegExp(`(?<![\\p{L}\\d])${escapeRe(name)}(?![\\p{L}\\d])`, 'iu').test(text);
  const products = PRODUCTS.filter((p) => [p.name, ...p.aliases].some(says)).map((p) => p.id);
  const brands = BRANDS.filter(
    (b) => [b.name, ...b.aliases].some(says) || PRODUCTS.some((p) => p.brandId === b.id && products.includes(p.id)),
  ).map((b) => b.id);
  return { brands, products };
}

function mentions(rng: Rng): DemoMention[] {
  const drafts = MENTION_TEXTS.map((m) => ({
    m,
    time: m.late ? randomTime(rng, LATE, END) : randomTime(rng, START, END),
    author: rng.pick(MENTION_AUTHORS),
  }));
  drafts.sort((a, b) => a.time - b.time);
  return drafts.map((d, i) => ({
    id: `m${String(i + 1).padStart(3, '0')}`,
    author: d.author,
    text: d.m.text,
    publishedAt: isoDate(d.time),
    lang: d.m.lang ?? 'en',
    ...linkMention(d.m.text),
  }));
}

/** Builds the whole catalogue; deterministic. */
export function buildCatalog(): DemoCatalog {
  const rng = new Rng(SEED);
  const brands = BRANDS.map((b) => ({ ...b, aliases: [...b.aliases] }));
  const products = PRODUCTS.map((p) => ({ ...p, aliases: [...p.aliases] }));
  const everyone = people(rng);
  const byKey = new Map(everyone.filter((p) => p.key).map((p) => [p.key!, p]));
  const reviews: Omit<DemoReview, 'id'>[] = [];

  for (const f of FIXED_REVIEWS) {
    const person = byKey.get(f.reviewer);
    if (!person) throw new Error(`fixed review names unknown reviewer ${f.reviewer}`);
    const time =
      f.when === 'late'
        ? randomTime(rng, LATE, END)
        : f.when === 'early'
          ? randomTime(rng, START, (START + END) / 2)
          : randomTime(rng, START, END);
    const disclosures: Disclosure[] = f.disclosures ?? [];
    reviews.push({
      productId: f.product,
      brandId: PRODUCTS.find((p) => p.id === f.product)!.brandId,
      reviewerId: person.reviewer.id,
      rating: f.rating,
      title: f.title,
      body: f.body,
      datePublished: isoDate(time),
      lang: f.lang as Lang,
      attitudes: f.attitudes,
      disclosures,
      brandsNamed: brandsNamedIn(f.body, PRODUCTS.find((p) => p.id === f.product)!.brandId),
      incentivized: f.incentivized ?? false,
      containsPII: f.pii ?? false,
    });
  }

  for (const person of everyone) {
    const primary = person.reviewer.attitudes[0]!;
    const drafts: Draft[] = pickProducts(rng, person).map((product) => {
      // Support-minded Nordbrew owners mostly write in the last months: that is the trend.
      const late = primary === 'support' && product.brandId === 'nordbrew' && rng.chance(0.75);
      return { person, product, time: late ? randomTime(rng, LATE, END) : randomTime(rng, START, END) };
    });
    writeDrafts(rng, person, drafts, brands);
    for (const d of drafts) reviews.push(d.review!);
  }

  reviews.sort((a, b) => a.datePublished.localeCompare(b.datePublished) || a.reviewerId.localeCompare(b.reviewerId));
  const withIds: DemoReview[] = reviews.map((r, i) => ({ id: `r${10001 + i}`, ...r }));

  const reviewers: DemoReviewer[] = everyone
    .map((p) => {
      const first = withIds.find((r) => r.reviewerId === p.reviewer.id);
      const firstTime = first ? Date.parse(first.datePublished) : END;
      const since = Math.max(Date.UTC(2015, 0, 1), firstTime - rng.int(20, 3000) * DAY);
      return { ...p.reviewer, memberSince: isoDate(since).slice(0, 10) };
    })
    .filter((r) => withIds.some((x) => x.reviewerId === r.id))
    .sort((a, b) => a.id.localeCompare(b.id));

  return { brands, products, reviewers, reviews: withIds, mentions: mentions(rng), reviewsPerPage: 10 };
}
