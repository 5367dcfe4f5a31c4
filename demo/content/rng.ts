/**
 * A small seeded PRNG (mulberry32) so the demo content is identical on every machine and run;
 * Math.random would make crawl-vs-catalogue tests flaky.
 */

/** A deterministic random source with the few draws the content builder needs. */
export class Rng {
  private state: number;
  private readonly decks = new Map<string, number[]>();

  /** Seeds the generator; equal seeds give equal sequences. */
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** true with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('Rng.pick: empty list');
    return list[Math.floor(this.next() * list.length)] as T;
  }

  /** An index drawn with probability proportional to its weight. */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** A roughly normal draw (mean 0, sd 1) from the sum of uniforms. */
  normal(): number {
    let s = 0;
    for (let i = 0; i < 6; i++) s += this.next();
    return (s - 3) * Math.SQRT2;
  }

  /** A shuffled copy. */
  shuffle<T>(list: readonly T[]): T[] {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  /**
   * Draws from a named deck over `list`: every entry is used once before any repeats, so hand-written
   * fragments spread evenly over the reviews instead of clustering.
   */
  deal<T>(key: string, list: readonly T[]): T {
    if (list.length === 0) throw new Error(`Rng.deal: empty list for ${key}`);
    let deck = this.decks.get(key);
    if (!deck || deck.length === 0) {
      deck = this.shuffle(list.map((_, i) => i));
      this.decks.set(key, deck);
    }
    return list[deck.pop() as number] as T;
  }
}
