/**
 * The words a rule pattern cannot match without: read from the pattern itself, so that a sentence
 * holding none of them skips the rule without running it, and the rules stay the one place where a
 * cue is written. The reading is conservative: where it cannot tell (a class, an optional part, a
 * construct it does not know), it asks for nothing, and the rule always runs. Patterns are parsed by
 * @eslint-community/regexpp (ESLint's parser); only the walk over its tree is ours.
 *
 * The multi-literal search (`LiteralSet`) is our own automaton: of the npm packages measured on the
 * 877 literals of the rules over 4,660 normalised Russian review sentences (December 2026),
 * @monyone/aho-corasick/fast (correct on UTF-16, one maintainer) scanned 1.4× slower (median 61 ms
 * against 43 ms for 13,980 scans, 7 rounds) and has no way to add a literal to a built automaton;
 * ahocorasick (last published 2024, no types) 3-5× slower; modern-ahocorasick matches whole grapheme
 * clusters, so it misses "م" in "مُ" or "и" in "и\u0306" where the rule's pattern matches, and was
 * 15-25× slower.
 */

import { createRequire } from 'node:module';
import type { AST, RegExpParser } from '@eslint-community/regexpp';

/** At most this many spellings are spelled out for a part of a pattern ("мо(?:й|я|е)" is three). */
const MAX_SPELLINGS = 64;

/** Thrown where the walk meets a node it does not read (a back-reference, a modifier): the pattern then asks for nothing. */
class Unknown extends Error {}

/**
 * Reads rule patterns; loaded when the first rule compiles, since loading it took 10-20 ms of every
 * process's start-up, also of those that read no language with rules.
 */
let parser: RegExpParser | undefined;

/** A part of a pattern: an element, an alternative, or a whole pattern. */
type Part = AST.Element | AST.Alternative | AST.Pattern;

/** The alternatives of a pattern or a group (one that changes flags is not read), or undefined. */
function alternativesOf(part: Part): AST.Alternative[] | undefined {
  if (part.type === 'Group' && part.modifiers) throw new Unknown('modifiers');
  return part.type === 'Pattern' || part.type === 'Group' || part.type === 'CapturingGroup' ? part.alternatives : undefined;
}

/** Whether the part is a lookaround (it consumes nothing, but what it sees is in the text). */
const isLook = (p: Part): p is AST.LookaroundAssertion => p.type === 'Assertion' && (p.kind === 'lookahead' || p.kind === 'lookbehind');

/** Every string a part can consume, when there are few (a lookaround consumes nothing). */
function spellings(part: Part): string[] | null {
  const alts = alternativesOf(part);
  if (alts) {
    if (alts.length === 1) return spellings(alts[0]!);
    const out = new Set<string>();
    for (const b of alts) {
      const s = spellings(b);
      if (!s) return null;
      for (const x of s) out.add(x);
      if (out.size > MAX_SPELLINGS) return null;
    }
    return [...out];
  }
  switch (part.type) {
    case 'Character':
      return [String.fromCodePoint(part.value)];
    case 'Assertion':
      return [''];
    case 'CharacterClass':
    case 'CharacterSet':
    case 'ExpressionCharacterClass':
      return null;
    case 'Alternative': {
      let out = [''];
      for (const item of part.elements) {
        const next = spellings(item);
        if (!next || out.length * next.length > MAX_SPELLINGS) return null;
        out = out.flatMap((a) => next.map((b) => a + b));
      }
      return out;
    }
    case 'Quantifier': {
      if (part.max > 3) return null;
      const body = spellings(part.element);
      if (!body) return null;
      let out = part.min === 0 ? [''] : [];
      let power = [''];
      for (let n = 1; n <= part.max; n++) {
        power = power.flatMap((a) => body.map((b) => a + b));
        if (power.length > MAX_SPELLINGS) return null;
        if (n >= part.min) out = [...out, ...power];
      }
      const unique = [...new Set(out)];
      return unique.length > MAX_SPELLINGS ? null : unique;
    }
    default:
      throw new Unknown(part.type);
  }
}

/** The better of two needs: the one whose shortest word is longer, then the one with fewer words. */
function better(a: string[] | null, b: string[] | null): string[] | null {
  if (!a) return b;
  if (!b) return a;
  const shortest = (x: string[]) => Math.min(...x.map((s) => s.length));
  const d = shortest(a) - shortest(b);
  return d > 0 || (d === 0 && a.length <= b.length) ? a : b;
}

/** Strings of which every match of the part contains at least one, or null when that cannot be told. */
function needs(part: Part): string[] | null {
  const alts = alternativesOf(part);
  if (alts) return needsOfAny(alts);
  switch (part.type) {
    case 'Character':
      return [String.fromCodePoint(part.value)];
    case 'Assertion':
      // What a positive lookaround sees is in the text too.
      return isLook(part) && !part.negate ? needsOfAny(part.alternatives) : null;
    case 'CharacterClass':
    case 'CharacterSet':
    case 'ExpressionCharacterClass':
      return null;
    case 'Quantifier':
      return part.min === 0 ? null : (spellings(part.element) ?? needs(part.element));
    case 'Alternative': {
      // A run of parts with few spellings is spelled out whole ("мо" + "й|я|е" is "мой|моя|мое");
      // every other part may need something of its own; the most selective of these wins.
      let best: string[] | null = null;
      let run: string[] = [''];
      const endRun = () => {
        if (run.length && !run.includes('')) best = better(best, run);
        run = [''];
      };
      for (const item of part.elements) {
        // A lookaround consumes nothing but its text may stand anywhere: it neither joins nor ends a run
        // unless it needs something itself.
        if (isLook(item)) {
          best = better(best, needs(item));
          continue;
        }
        const s = spellings(item);
        if (s && run.length * s.length <= MAX_SPELLINGS) {
          run = run.flatMap((a) => s.map((b) => a + b));
          continue;
        }
        endRun();
        if (s) run = s;
        else best = better(best, needs(item));
      }
      endRun();
      return best;
    }
    default:
      throw new Unknown(part.type);
  }
}

/** Strings of which every match of one of the alternatives contains at least one. */
function needsOfAny(alts: AST.Alternative[]): string[] | null {
  const out: string[] = [];
  for (const b of alts) {
    const n = needs(b);
    if (!n) return null;
    out.push(...n);
  }
  return out;
}

/**
 * The strings at least one of which every match of the pattern contains, shortest first and none
 * holding another, or null when the pattern may match without any (or cannot be read).
 */
export function requiredLiterals(source: string): string[] | null {
  let need: string[] | null;
  try {
    if (!parser) {
      const regexpp = createRequire(import.meta.url)('@eslint-community/regexpp') as typeof import('@eslint-community/regexpp');
      parser = new regexpp.RegExpParser({ ecmaVersion: 2025 });
    }
    // The rules are compiled with the `u` flag.
    need = needs(parser.parsePattern(source, 0, source.length, { unicode: true }));
  } catch (e) {
    // A pattern regexpp rejects, or a node the walk does not read, asks for nothing.
    if (e instanceof Unknown || e instanceof SyntaxError) return null;
    throw e;
  }
  if (!need || need.some((s) => s === '')) return null;
  const sorted = [...new Set(need)].sort((a, b) => a.length - b.length);
  // A string that holds another needs no check of its own: the shorter one is in the text too.
  return sorted.filter((s, k) => !sorted.slice(0, k).some((t) => s.includes(t)));
}

/** A trie node while literals are added: the next node per UTF-16 code unit, and the literals that end here. */
interface TrieNode {
  next: Map<number, TrieNode>;
  ends: number[];
}

/** The trie as flat tables, so that a scan indexes typed arrays instead of looking up maps. */
interface Frozen {
  /** Symbol of each UTF-16 code unit (0: in no literal). */
  symbols: Uint16Array;
  /** Alphabet size, symbol 0 included. */
  width: number;
  /** Next state per state and symbol. */
  next: Int32Array;
  /** Where each state's ended literals start in `ends` (a state's run ends where the next one starts). */
  endsFrom: Int32Array;
  /** The ids of literals ended, grouped per state. */
  ends: Int32Array;
}

/** Scans with no literal added before the automaton is built. */
const SCANS_BEFORE_FREEZE = 16;

/** Texts whose scan is kept (a sentence is read by the attribute rules, then by the intent cues). */
const KEPT_SCANS = 512;

/**
 * Which of many literals a text holds, found in one pass over the text (an Aho–Corasick automaton)
 * instead of one search per rule; the answers for recent texts are kept, since every rule
 * of a sentence asks about the same text. Exact UTF-16 substrings, as a pattern's literal matches.
 */
export class LiteralSet {
  #root: TrieNode = { next: new Map(), ends: [] };
  #ids = new Map<string, number>();
  #frozen: Frozen | undefined;
  #scansSinceAdd = 0;
  #stamps = new Uint32Array(0);
  #stamp = 0;
  #text: string | undefined;
  #scans = new Map<string, Int32Array>();

  /** The ids of these literals (each added once). */
  add(literals: readonly string[]): number[] {
    return literals.map((lit) => {
      let id = this.#ids.get(lit);
      if (id !== undefined) return id;
      id = this.#ids.size;
      this.#ids.set(lit, id);
      let node = this.#root;
      for (let i = 0; i < lit.length; i++) {
        const c = lit.charCodeAt(i);
        let next = node.next.get(c);
        if (!next) {
          next = { next: new Map(), ends: [] };
          node.next.set(c, next);
        }
        node = next;
      }
      node.ends.push(id);
      // Scans kept from before do not know the new literal.
      this.#frozen = undefined;
      this.#scansSinceAdd = 0;
      this.#scans.clear();
      this.#text = undefined;
      return id;
    });
  }

  /** Whether the text holds any of these literals (ids from `add`). */
  holdsAny(text: string, ids: readonly number[]): boolean {
    if (text !== this.#text) this.#load(text);
    const stamps = this.#stamps;
    const stamp = this.#stamp;
    for (const id of ids) if (stamps[id] === stamp) return true;
    return false;
  }

  /** Marks the literals the text holds with a new stamp. */
  #load(text: string): void {
    let found = this.#scans.get(text);
    if (!found) {
      found = this.#scan(text);
      if (this.#scans.size >= KEPT_SCANS) this.#scans.clear();
      this.#scans.set(text, found);
    }
    if (this.#stamps.length < this.#ids.size) this.#stamps = new Uint32Array(this.#ids.size * 2);
    const stamp = ++this.#stamp;
    for (const id of found) this.#stamps[id] = stamp;
    this.#text = text;
  }

  /** The ids of the literals in the text (an id may repeat). */
  #scan(text: string): Int32Array {
    // Patterns are read when first used, so the first sentences add literals between scans: the
    // automaton is built once they stop coming, and until then the trie is walked from each position.
    if (!this.#frozen && this.#scansSinceAdd++ < SCANS_BEFORE_FREEZE) return this.#walk(text);
    const f = (this.#frozen ??= this.#freeze());
    const { symbols, width, next, endsFrom, ends } = f;
    const found: number[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = next[state * width + symbols[text.charCodeAt(i)]!]!;
      for (let k = endsFrom[state]!; k < endsFrom[state + 1]!; k++) found.push(ends[k]!);
    }
    return Int32Array.from(found);
  }

  /** The ids of the literals in the text, the trie walked from each position. */
  #walk(text: string): Int32Array {
    const found: number[] = [];
    for (let i = 0; i < text.length; i++) {
      let node = this.#root.next.get(text.charCodeAt(i));
      for (let j = i + 1; node; j++) {
        found.push(...node.ends);
        if (j >= text.length) break;
        node = node.next.get(text.charCodeAt(j));
      }
    }
    return Int32Array.from(found);
  }

  /**
   * The trie as an Aho–Corasick automaton: from each state, every code unit leads to the state of the
   * longest literal prefix the text now ends with, and a state ends the literals of its suffixes too.
   */
  #freeze(): Frozen {
    const symbols = new Uint16Array(65536);
    let width = 1;
    const order: TrieNode[] = [this.#root];
    for (let k = 0; k < order.length; k++)
      for (const [c, child] of order[k]!.next) {
        if (symbols[c] === 0) symbols[c] = width++;
        order.push(child);
      }
    const number = new Map(order.map((node, k) => [node, k]));
    const next = new Int32Array(order.length * width);
    const fail = new Int32Array(order.length);
    const ended: number[][] = order.map((node) => [...node.ends]);
    // Breadth first, so that a state's fallback is complete before the state is.
    for (let k = 0; k < order.length; k++) {
      const node = order[k]!;
      if (k !== 0) {
        for (let sym = 0; sym < width; sym++) next[k * width + sym] = next[fail[k]! * width + sym]!;
        ended[k]!.push(...ended[fail[k]!]!);
      }
      for (const [c, child] of node.next) {
        const to = number.get(child)!;
        fail[to] = k === 0 ? 0 : next[fail[k]! * width + symbols[c]!]!;
        next[k * width + symbols[c]!] = to;
      }
    }
    const endsFrom = new Int32Array(order.length + 1);
    const ends: number[] = [];
    ended.forEach((ids, k) => {
      endsFrom[k] = ends.length;
      ends.push(...ids);
    });
    endsFrom[order.length] = ends.length;
    return { symbols, width, next, endsFrom, ends: Int32Array.from(ends) };
  }
}
