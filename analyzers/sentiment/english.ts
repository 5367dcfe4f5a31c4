/**
 * The English sentence scorer: a lexicon scorer in VADER's family, rebuilt for reviews. Phrases are
 * matched before words; each opinion is then shaped by the words before it in its clause (boosters,
 * diminishers, negation with a bounded scope, irrealis frames such as "would have been great"), by
 * capitals, and by its clause's weight (after "but" more, before it and inside "although …" less).
 * Every number it uses is in `SentimentWeights` (sentiment-weights.ts) or the lexicon, so a later
 * phase can fit them on labelled data.
 */
import { baseEmoji, EMOJI_VALENCE } from './lexicons/emoji.js';
import {
  EN_AGAIN_VERBS,
  EN_BOOSTER_ONLY_BEFORE_OPINION,
  EN_BOOSTERS,
  EN_CONCESSIVE,
  EN_CONTRAST,
  EN_IRREALIS,
  EN_LIKE_SUBJECTS,
  EN_MODIFIER_PHRASES,
  EN_NEGATED_AUXILIARIES,
  EN_NEGATION_BREAKERS,
  EN_NEGATION_SKIP,
  EN_NEGATION_STOPS,
  EN_NEGATORS,
  EN_REMEDY_VERBS,
  EN_IRONIC_PRAISE,
  EN_IRONY_FILLERS,
  EN_RESERVATION,
  EN_THANKS,
  EN_TOO_COMPLAINTS,
  EN_WAIT_AMOUNTS,
  EN_WAIT_NOT_COMPLAINT,
  EN_WAIT_UNITS,
  EN_WAIT_WORDS,
} from './lexicons/english.js';
import { correctTypo, englishLexicon, lexiconEntry, type Entry } from './lexicons/english-lexicon.js';
import type { Opinion, Sentence, Token } from '../record.js';
import { clauseOfToken, tokenize } from '../stages/sentences.js';
import { verdict, type SentimentWeights } from './weights.js';

const CLAUSE_PUNCT = new Set([',', ';', ':', '(', ')', '—', '–', '-', '...', '…', '"']);
// Cues that "… again" is an intention to come back ("will order from them again"), not a report.
const AGAIN_CUES = new Set([
  'will',
  'would',
  "'ll",
  "i'll",
  "we'll",
  "i'd",
  "we'd",
  'definitely',
  'certainly',
  'surely',
  'never',
  'plan',
  'planning',
  'gonna',
  'going',
  "can't",
  'cannot',
  "won't",
  'wont',
  "wouldn't",
  'wouldnt',
  'not',
  'hope',
  'to',
]);
const EASY = new Set(['easy', 'easily']);
// The values of the scorer's own cues: "… again" (an intention to come back), "did not work" (a
// failure report), a stated wait ("waited two hours").
const AGAIN_ENTRY = lexiconEntry(1.8, -2.5);
const FAILURE_ENTRY = lexiconEntry(-0.7, -0.7);
const WAIT_ENTRY = lexiconEntry(-1.2);
// Words after a negated auxiliary that do not make it a failure report ("I don't know", "don't have to").
const NOT_ACTIONS = new Set([
  'the',
  'a',
  'an',
  'it',
  'this',
  'that',
  'i',
  'you',
  'he',
  'she',
  'we',
  'they',
  'to',
  'be',
  'have',
  'know',
  'think',
  'usually',
  'mind',
  'matter',
  'need',
  'want',
  'worry',
  'care',
  'normally',
  'typically',
  'often',
  'understand',
  'see',
  'expect',
  'remember',
  'believe',
  'hesitate',
  'regret',
  'say',
  'feel',
  'like',
  'buy',
  'wear',
  'mean',
  'get',
  'go',
  'own',
  'usually',
]);
const ACTION_ADVERBS = new Set(['even', 'really', 'always', 'ever', 'actually', 'quite', 'properly', 'fully', 'seem', 'seems', 'not']);
const AUX_BEFORE_NOT = new Set(['do', 'does', 'did', 'will', 'would', 'can', 'could']);
// "and"/"or"/"so" open a new clause when a new subject follows ("… and the service was rude").
const CLAUSE_JOINERS = new Set(['and', 'or', 'so', 'because', 'since', 'plus', 'which', 'then', 'also']);
const SUBJECT_STARTS = new Set([
  'the',
  'my',
  'it',
  "it's",
  'its',
  'they',
  "they're",
  'this',
  'that',
  'their',
  'our',
  'i',
  "i'm",
  "i've",
  'we',
  'you',
  'he',
  'she',
  'there',
  "there's",
  'these',
  'those',
  'his',
  'her',
  'your',
  'everything',
  'nothing',
]);

interface Candidate {
  first: number;
  last: number;
  entry: Entry;
  term: string;
  /** Extra factor found at lookup (elongated "loooove"). */
  factor: number;
}

const modifierPhrases = (() => {
  const byFirst = new Map<string, { tokens: string[]; factor: number }[]>();
  for (const [p, factor] of Object.entries(EN_MODIFIER_PHRASES)) {
    const tokens = tokenize(p).map((t) => t.norm);
    const list = byFirst.get(tokens[0]!) ?? [];
    list.push({ tokens, factor });
    list.sort((a, b) => b.tokens.length - a.tokens.length);
    byFirst.set(tokens[0]!, list);
  }
  return byFirst;
})();

// Irrealis frames by their first word, so each token is checked against the few that could start there.
const irrealisFrames = (() => {
  const byFirst = new Map<string, string[][]>();
  for (const f of EN_IRREALIS) {
    const words = f.split(' ');
    byFirst.set(words[0]!, [...(byFirst.get(words[0]!) ?? []), words]);
  }
  return byFirst;
})();

function againVerb(norm: string): boolean {
  return (
    EN_AGAIN_VERBS.has(norm) ||
    (norm.endsWith('ing') && (EN_AGAIN_VERBS.has(norm.slice(0, -3)) || EN_AGAIN_VERBS.has(`${norm.slice(0, -3)}e`)))
  );
}

function matches(tokens: Token[], at: number, seq: readonly string[]): boolean {
  if (at + seq.length > tokens.length) return false;
  for (let k = 0; k < seq.length; k++) if (tokens[at + k]!.norm !== seq[k]) return false;
  return true;
}

type Found = { entry: Entry; factor: number };

/** Whether a word has one character three times in a row ("loooove"); a loop, as a regex costs more here. */
function hasTriple(word: string): boolean {
  for (let i = 2; i < word.length; i++) {
    const c = word.charCodeAt(i);
    // As /(.)\1\1/ reads it: any UTF-16 unit but a line terminator.
    if (c === word.charCodeAt(i - 1) && c === word.charCodeAt(i - 2) && c !== 10 && c !== 13 && c !== 0x2028 && c !== 0x2029) return true;
  }
  return false;
}

function lookup(words: Map<string, Entry>, norm: string): Found | undefined {
  const e = words.get(norm);
  if (e) return { entry: e, factor: 1 };
  // Elongations ("loooove", "sooo good") emphasise the word.
  if (hasTriple(norm)) {
    const two = words.get(norm.replace(/(.)\1{2,}/g, '$1$1'));
    if (two) return { entry: two, factor: 1.2 };
    const one = words.get(norm.replace(/(.)\1{2,}/g, '$1'));
    if (one) return { entry: one, factor: 1.2 };
  }
  if (norm.endsWith("'s")) {
    const base = words.get(norm.slice(0, -2));
    if (base) return { entry: base, factor: 1 };
  }
  const typo = /^[a-z]+$/.test(norm) ? correctTypo(norm) : undefined;
  if (typo) {
    const t = words.get(typo);
    if (t) return { entry: t, factor: 1 };
  }
  // Hyphenated compounds not listed ("super-soft", "poorly-fitting"): the parts decide.
  if (norm.includes('-')) {
    let v = 0;
    let factor = 1;
    const parts = norm.split('-');
    // "anti-glare", "non-stick", "no-fuss": the prefix cancels the part after it.
    if (['anti', 'non', 'no', 'zero'].includes(parts[0]!)) return undefined;
    for (const part of parts) {
      const b = EN_BOOSTERS.get(part);
      if (b !== undefined) factor *= b;
      else v += words.get(part)?.v ?? 0;
    }
    if (v !== 0) return { entry: lexiconEntry(v), factor };
  }
  return undefined;
}

function isAllCaps(text: string): boolean {
  return text.length >= 2 && /\p{Lu}/u.test(text) && text === text.toUpperCase();
}

/** True when most of the text's letters are capitals (then capitals are no emphasis). */
export function mostlyCapitals(text: string): boolean {
  const lower = text.toLowerCase();
  const upperText = text.toUpperCase();
  let upper = 0;
  let cased = 0;
  for (let i = 0; i < text.length; i++) {
    // Only letters that have case count; comparing with both case forms avoids a regex per character.
    if (lower[i] === upperText[i]) continue;
    cased++;
    if (text[i] !== lower[i]) upper++;
  }
  return cased > 0 && upper / cased > 0.6;
}

/** Marks where clauses start in a sentence's tokens (index 0 always starts one). */
export function englishClauses(tokens: Token[]): number[] {
  const starts = [0];
  const add = (i: number) => {
    if (i < tokens.length && i > starts[starts.length - 1]!) starts.push(i);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'punct' && CLAUSE_PUNCT.has(t.norm)) add(i + 1);
    else if (t.kind === 'word') {
      const prev = tokens[i - 1];
      const next = tokens[i + 1];
      if (EN_CONTRAST.has(t.norm) || (EN_CONCESSIVE.has(t.norm) && (!prev || prev.kind === 'punct'))) {
        // "not yet" and a closing "though" are no contrast.
        if (t.norm === 'yet' && prev && prev.kind === 'word' && prev.norm !== 'and') continue;
        if (t.norm === 'though' && (!next || next.kind === 'punct')) continue;
        add(i);
      } else if (CLAUSE_JOINERS.has(t.norm) && next && SUBJECT_STARTS.has(next.norm)) add(i);
    }
  }
  return starts;
}

/** One sentence as the scorer reads it: its clauses, the modifiers at each token, and the opinion candidates. */
interface Scan {
  toks: Token[];
  clauses: number[];
  /** Clause index of each token. */
  clauseOf: Int32Array;
  /** Booster factor at each token (1 = none). */
  boost: Float64Array;
  /** 1 where a negator stands. */
  negator: Uint8Array;
  /** 1 where a remedy verb ("fixes") stands. */
  remedy: Uint8Array;
  cands: Candidate[];
}

/** Finds the opinions of one English sentence and scores it, writing clauses, opinions, raw and sentiment. */
export function scoreEnglishSentence(sentence: Sentence, w: SentimentWeights, capsText: boolean): void {
  // In steps, each its own function: one large function here optimised worse than the sum of these.
  const scan = scanSentence(sentence.tokens, w);
  failureReports(scan);
  statedWaits(scan);
  mergeEase(scan);
  const { toks, clauses, clauseOf, cands } = scan;
  const clauseWeight = clauseWeights(toks, clauses, w);
  const opinions: Opinion[] = [];
  let raw = 0;
  let evidence = 0;
  const marks = IRONY.get(sentence);
  for (const cand of cands) {
    const clause = clauseOf[cand.first]!;
    const irony = marks?.get(cand.first);
    // Irony (markIrony): politeness counts for nothing; praise meant the other way counts as the complaint it is.
    if (irony === 'mute') continue;
    const { v: found, negated } = candidateValue(scan, cand, w);
    let v = irony === 'flip' && found > 0 ? -found : found;
    if (!capsText && isAllCaps(toks[cand.first]!.text) && toks[cand.first]!.kind === 'word') v *= w.caps;
    const local = v;
    v *= clauseWeight[clause]!;
    if (v === 0) continue;
    raw += v;
    evidence += Math.abs(v);
    opinions.push({ first: cand.first, last: cand.last, term: cand.term, value: v, local, negated, clause });
  }

  if (raw !== 0) {
    let bangs = 0;
    for (const t of toks) if (t.kind === 'punct' && t.norm.startsWith('!')) bangs += t.norm.length;
    raw += Math.sign(raw) * Math.min(bangs, 4) * w.exclamation;
    if (sentence.text.trimEnd().endsWith('?')) raw *= w.question;
  }
  sentence.clauses = clauses;
  sentence.opinions = opinions;
  sentence.raw = raw;
  sentence.sentiment = verdict(raw, evidence, w);
}

/** The clauses, modifiers and opinion candidates (lexicon words and phrases, "too …", "… again") of a sentence. */
function scanSentence(toks: Token[], w: SentimentWeights): Scan {
  const { words, phrases } = englishLexicon();
  const n = toks.length;
  const clauses = englishClauses(toks);
  const clauseOf = new Int32Array(n);
  for (let i = 0, c = 0; i < n; i++) {
    while (c + 1 < clauses.length && clauses[c + 1]! <= i) c++;
    clauseOf[i] = c;
  }
  const boost = new Float64Array(n).fill(1);
  const negator = new Uint8Array(n);
  const remedy = new Uint8Array(n);
  const cands: Candidate[] = [];

  let i = 0;
  while (i < n) {
    const t = toks[i]!;
    if (t.kind === 'punct' || t.kind === 'url' || t.kind === 'handle') {
      i++;
      continue;
    }
    if (t.kind === 'emoji') {
      const v = EMOJI_VALENCE[baseEmoji(t.text)];
      if (v !== undefined) cands.push({ first: i, last: i, entry: lexiconEntry(v), term: t.text, factor: 1 });
      i++;
      continue;
    }
    if (t.kind === 'emoticon') {
      const e = words.get(t.text) ?? words.get(t.norm);
      if (e) cands.push({ first: i, last: i, entry: e, term: t.text, factor: 1 });
      i++;
      continue;
    }
    const mods = modifierPhrases.get(t.norm);
    const mod = mods?.find((m) => matches(toks, i, m.tokens));
    if (mod) {
      boost[i + mod.tokens.length - 1] = mod.factor;
      i += mod.tokens.length;
      continue;
    }
    const plist = phrases.get(t.norm);
    const phrase = plist?.find((p) => matches(toks, i, p.tokens));
    if (phrase) {
      if (phrase.entry.v !== 0 || phrase.entry.neg !== undefined)
        cands.push({ first: i, last: i + phrase.tokens.length - 1, entry: phrase.entry, term: phrase.text, factor: 1 });
      i += phrase.tokens.length;
      continue;
    }
    const norm = t.norm;
    const next = toks[i + 1];
    if (EN_NEGATORS.has(norm)) {
      if (!(next && EN_NEGATION_BREAKERS.has(next.norm))) negator[i] = 1;
      i++;
      continue;
    }
    if (EN_REMEDY_VERBS.has(norm)) remedy[i] = 1;
    if (norm === 'again') {
      // "will order from them again", "never going back there again": an intention about coming back.
      for (let j = i - 1; j >= Math.max(0, i - 5) && clauseOf[j] === clauseOf[i]; j--) {
        if (!againVerb(toks[j]!.norm)) continue;
        const cued = [j - 1, j - 2, j - 3].some((k) => k >= 0 && AGAIN_CUES.has(toks[k]!.norm));
        if (cued && !cands.some((c) => c.last >= j))
          cands.push({ first: j, last: i, entry: AGAIN_ENTRY, term: `${toks[j]!.norm} … again`, factor: 1 });
        break;
      }
      i++;
      continue;
    }
    if (norm === 'too' && next && next.kind === 'word' && clauseOf[i + 1] === clauseOf[i]) {
      const after = lookup(words, next.norm);
      if (EN_TOO_COMPLAINTS.has(next.norm) && !(after && after.entry.v < 0)) {
        // "too small": a complaint even though "small" is neutral; "too good to be true" stays a phrase.
        cands.push({ first: i, last: i + 1, entry: lexiconEntry(w.tooComplaint), term: `too ${next.norm}`, factor: 1 });
        i += 2;
        continue;
      }
    }
    const booster = EN_BOOSTERS.get(norm);
    if (booster !== undefined) {
      // "pretty short", "super tight": a dimension word or an adverb after it makes it an intensifier too.
      const nextHasOpinion =
        !!next &&
        (next.kind === 'word' || next.kind === 'emoji') &&
        (lookup(words, next.norm) !== undefined || EN_BOOSTERS.has(next.norm) || EN_TOO_COMPLAINTS.has(next.norm) || /ly$/.test(next.norm));
      if (!EN_BOOSTER_ONLY_BEFORE_OPINION.has(norm) || nextHasOpinion) {
        boost[i] = booster;
        i++;
        continue;
      }
    }
    if (norm === 'like' || norm === 'love') {
      const prev = toks[i - 1];
      // "like" is an opinion only as a verb; "love" stays one even in "would love".
      if (norm === 'like' && !(prev && EN_LIKE_SUBJECTS.has(prev.norm))) {
        i++;
        continue;
      }
    }
    const hit = t.kind === 'word' || t.kind === 'number' ? lookup(words, norm) : undefined;
    if (hit && (hit.entry.v !== 0 || hit.entry.neg !== undefined))
      cands.push({ first: i, last: i, entry: hit.entry, term: norm, factor: hit.factor });
    i++;
  }
  return { toks, clauses, clauseOf, boost, negator, remedy, cands };
}

/** Clause weights: "but" shifts weight to what follows it; a concessive clause counts less. */
function clauseWeights(toks: Token[], clauses: number[], w: SentimentWeights): Float64Array {
  const clauseWeight = new Float64Array(clauses.length).fill(1);
  for (let c = 0; c < clauses.length; c++) {
    const opener = toks[clauses[c]!]!.norm;
    if (EN_CONTRAST.has(opener) && !(opener === 'yet' && c === 0)) {
      for (let k = 0; k < c; k++) clauseWeight[k]! *= w.contrastBefore;
      for (let k = c; k < clauses.length; k++) clauseWeight[k]! *= w.contrastAfter;
    } else if (EN_CONCESSIVE.has(opener)) clauseWeight[c]! *= w.concessive;
  }
  return clauseWeight;
}

/**
 * A negated auxiliary before a neutral verb reports a failure in a review ("won't connect", "didn't
 * fit", "does not maintain a connection") — weakly, and only where the clause has no opinion word.
 */
function failureReports({ toks, clauseOf, negator, cands }: Scan): void {
  const n = toks.length;
  for (let j = 0; j < n; j++) {
    const aux = EN_NEGATED_AUXILIARIES.has(toks[j]!.norm) || (toks[j]!.norm === 'not' && j > 0 && AUX_BEFORE_NOT.has(toks[j - 1]!.norm));
    if (!aux || !negator[j]) continue;
    let k = j + 1;
    while (k < n && ACTION_ADVERBS.has(toks[k]!.norm)) k++;
    const verb = toks[k];
    if (verb?.kind !== 'word' || NOT_ACTIONS.has(verb.norm) || clauseOf[k] !== clauseOf[j]) continue;
    if (cands.some((c) => clauseOf[c.first] === clauseOf[j])) continue;
    cands.push({ first: j, last: k, entry: FAILURE_ENTRY, term: `${toks[j]!.norm} ${verb.norm}`, factor: 1 });
  }
}

/** "breaks easily", "falls off easy": the ease belongs to the problem, not to praise. Leaves the candidates in order. */
function mergeEase({ cands, clauseOf }: Scan): void {
  cands.sort((a, b) => a.first - b.first);
  for (let k = cands.length - 1; k > 0; k--) {
    const cand = cands[k]!;
    const prev = cands[k - 1]!;
    if (EASY.has(cand.term) && prev.entry.v < 0 && cand.first - prev.last <= 3 && clauseOf[cand.first] === clauseOf[prev.last]) {
      prev.factor *= 1.2;
      cands.splice(k, 1);
    }
  }
}

/** A candidate's value after the words before it in its clause: boosters, negation (bounded), a remedy, irrealis. */
function candidateValue(
  { toks, clauses, clauseOf, boost, negator, remedy }: Scan,
  cand: Candidate,
  w: SentimentWeights,
): { v: number; negated: boolean } {
  const clause = clauseOf[cand.first]!;
  let v = cand.entry.v * cand.factor;
  let negated = false;
  let seen = 0;
  let boosted = 0;
  for (let j = cand.first - 1; j >= 0 && clauseOf[j] === clause; j--) {
    const tj = toks[j]!;
    if (tj.kind === 'punct' && tj.norm !== '/') break;
    // "none of which worked" keeps its negator; other relative or new clauses end its reach.
    if (EN_NEGATION_STOPS.has(tj.norm) && toks[j - 1]?.norm !== 'of') break;
    if (remedy[j] && v < 0) {
      negated = true;
      break;
    }
    if (boost[j] !== 1 && boosted < 2 && seen < 2) {
      v *= boosted === 0 ? boost[j]! : 1 + (boost[j]! - 1) * 0.7;
      boosted++;
    }
    if (negator[j]) {
      negated = true;
      break;
    }
    if (!EN_NEGATION_SKIP.has(tj.norm) && boost[j] === 1) seen++;
    if (seen >= w.negationWindow) break;
  }
  if (negated) v = cand.entry.neg !== undefined ? cand.entry.neg * cand.factor : v * (v > 0 ? w.negatePositive : w.negateNegative);
  else if (v > 0 && inIrrealis(toks, cand.first, clauses[clause]!)) v *= w.irrealis;
  return { v, negated };
}

/**
 * A stated wait ("45 minutes on hold", "waited 3 hours", "two days late") is a complaint, unless its
 * clause praises something or the wait was the reviewer's choice ("waited a month before reviewing").
 */
function statedWaits({ toks, clauseOf, cands }: Scan): void {
  for (let j = 1; j < toks.length; j++) {
    if (!EN_WAIT_UNITS.has(toks[j]!.norm)) continue;
    let q = j - 1;
    if (toks[q]!.norm === 'of' && q > 0) q--; // "a couple of hours"
    const amount = toks[q]!;
    if (amount.kind !== 'number' && !EN_WAIT_AMOUNTS.has(amount.norm)) continue;
    const clause = clauseOf[j]!;
    let wait: string | undefined;
    let blocked = false;
    for (let k = 0; k < toks.length; k++) {
      if (clauseOf[k] !== clause) continue;
      const norm = toks[k]!.norm;
      if (EN_WAIT_NOT_COMPLAINT.has(norm)) blocked = true;
      else if (!wait && EN_WAIT_WORDS.has(norm)) wait = norm;
    }
    if (!wait || blocked) continue;
    if (cands.some((c) => clauseOf[c.first] === clause && c.entry.v > 0)) continue;
    if (cands.some((c) => c.first <= j && c.last >= q)) continue;
    cands.push({
      first: q,
      last: j,
      entry: WAIT_ENTRY,
      term: `${wait} … ${toks
        .slice(q, j + 1)
        .map((t) => t.norm)
        .join(' ')}`,
      factor: 1,
    });
  }
}

/** The word tokens of a clause: [from, to). */
function clauseBounds(s: Sentence, clause: number): [number, number] {
  const starts = s.clauses ?? [0];
  return [starts[clause] ?? 0, starts[clause + 1] ?? s.tokens.length];
}

/**
 * Per sentence, the tokens meant the other way (irony: "Great, another delay") or that are mere
 * politeness beside a complaint ("… can you check? Thanks"), by token index. Kept beside the
 * sentence rather than on its tokens, so every token keeps one shape for the hot loops.
 */
const IRONY = new WeakMap<Sentence, Map<number, 'flip' | 'mute'>>();

/** The irony marks of a sentence (see markIrony), if it has any. */
export function ironyMarks(s: Sentence): ReadonlyMap<number, 'flip' | 'mute'> | undefined {
  return IRONY.get(s);
}

// What may come between a thanking word and "for": "thank you so much for", "thanks a lot for".
const THANKS_FILLERS = new Set(['you', 'u', 'ya', 'so', 'very', 'much', 'a', 'lot', 'again', 'guys', 'all']);
const LOVE = new Set(['love', 'loving', 'loved', 'adore']);
const LOVE_OBJECT = new Set(['how', 'when', 'that']);

/**
 * Marks praise meant the other way, after every sentence of a text was scored once; true when a
 * token was marked (its sentence must then be scored again). Three shapes, written from our own
 * test sentences:
 * - thanks for a complaint: "thanks for the 3 hour delay" (what follows "for" is only complaint);
 * - love how/when/that a complaint: "love how my bag went missing";
 * - an exclamation of praise ("Great.", "Oh, perfect!", "Nice job") in a text whose every other
 *   opinion is a complaint, with no sign of a sincere reservation ("only", "but", "although", …):
 *   "Great, another cancelled flight". A bare "Thanks!" there is politeness and counts for nothing.
 */
export function markIrony(sentences: Sentence[]): boolean {
  // Only a text with a complaint and with praise of the shapes below can hold irony.
  let trigger = false;
  let neg = false;
  for (const s of sentences) {
    for (const o of s.opinions ?? []) {
      if (o.local < 0) neg = true;
      else if (!trigger) {
        const head = s.tokens[o.first]!.norm;
        trigger = EN_IRONIC_PRAISE.has(head) || EN_THANKS.has(head) || LOVE.has(head);
      }
    }
  }
  if (!trigger || !neg) return false;
  const flipped = new Set<Opinion>();
  const mark = (s: Sentence, o: Opinion, how: 'flip' | 'mute') => {
    let marks = IRONY.get(s);
    if (!marks) IRONY.set(s, (marks = new Map()));
    for (let k = o.first; k <= o.last; k++) marks.set(k, how);
    flipped.add(o);
  };
  // What the praise is about, when it names it: "thanks … for X", "love how X".
  for (const s of sentences) {
    const toks = s.tokens;
    for (const o of s.opinions ?? []) {
      if (o.local <= 0) continue;
      const head = toks[o.first]!.norm;
      let j = o.last + 1;
      let from = -1;
      if (EN_THANKS.has(head)) {
        while (j < toks.length && THANKS_FILLERS.has(toks[j]!.norm)) j++;
        if (toks[j]?.norm === 'for') from = j + 1;
      } else if (LOVE.has(head)) {
        if (toks[j]?.norm === 'it') j++;
        if (toks[j] && LOVE_OBJECT.has(toks[j]!.norm)) from = j + 1;
        else if (toks[j]?.norm === 'the' && toks[j + 1]?.norm === 'way') from = j + 2;
      }
      if (from < 0) continue;
      // To the end of the clause "for"/"how" opens, or a contrast.
      let to = clauseBounds(s, clauseOfToken(s, from - 1))[1];
      for (let k = from; k < to; k++) {
        if (EN_CONTRAST.has(toks[k]!.norm) || EN_CONCESSIVE.has(toks[k]!.norm)) {
          to = k;
          break;
        }
      }
      const about = (s.opinions ?? []).filter((p) => p.first >= from && p.first < to);
      if (about.some((p) => p.local < 0) && !about.some((p) => p.local > 0)) mark(s, o, 'flip');
    }
  }
  // Exclamations of praise beside nothing but complaint.
  if (sentences.some((s) => s.tokens.some((t) => EN_RESERVATION.has(t.norm)))) return flipped.size > 0;
  const exclamations: [Sentence, Opinion][] = [];
  let complaint = false;
  for (const s of sentences) {
    for (const o of s.opinions ?? []) {
      if (flipped.has(o) || o.local < 0) {
        complaint = true;
        continue;
      }
      const head = s.tokens[o.first]!.norm;
      if (!(EN_IRONIC_PRAISE.has(head) || EN_THANKS.has(head)) || !standsAlone(s, o)) return flipped.size > 0;
      exclamations.push([s, o]);
    }
  }
  if (complaint) for (const [s, o] of exclamations) mark(s, o, EN_THANKS.has(s.tokens[o.first]!.norm) ? 'mute' : 'flip');
  return flipped.size > 0;
}

// Words that make a text a request to its reader ("please", "can you …").
const REQUEST_WORDS = new Set(['please', 'pls', 'plz']);
const REQUEST_OPENERS = new Set(['can', 'could', 'would', 'will']);

/**
 * A bare "thanks" in a text that asks something of its reader ("Can you check my booking? Thanks")
 * is politeness, not praise: marked to count for nothing. Thanks *for* something stays praise.
 * True when a token was marked (its sentence must then be scored again).
 */
export function markPoliteness(sentences: Sentence[]): boolean {
  let thanks = false;
  let asks = false;
  for (const s of sentences) {
    const toks = s.tokens;
    for (let k = 0; k < toks.length; k++) {
      const norm = toks[k]!.norm;
      if (EN_THANKS.has(norm)) thanks = true;
      else if (
        REQUEST_WORDS.has(norm) ||
        (toks[k]!.kind === 'punct' && norm.includes('?')) ||
        (REQUEST_OPENERS.has(norm) && toks[k + 1]?.norm === 'you')
      )
        asks = true;
    }
  }
  if (!thanks || !asks) return false;
  let marked = false;
  for (const s of sentences) {
    const toks = s.tokens;
    for (const o of s.opinions ?? []) {
      if (o.local <= 0 || !EN_THANKS.has(toks[o.first]!.norm)) continue;
      let j = o.last + 1;
      while (j < toks.length && THANKS_FILLERS.has(toks[j]!.norm)) j++;
      if (toks[j]?.norm === 'for') continue;
      let marks = IRONY.get(s);
      if (!marks) IRONY.set(s, (marks = new Map()));
      for (let k = o.first; k <= o.last; k++) marks.set(k, 'mute');
      marked = true;
    }
  }
  return marked;
}

/** Whether an opinion is its clause's only content: "Great.", "Oh, just perfect!", "Nice job" — not "great crew". */
function standsAlone(s: Sentence, o: Opinion): boolean {
  const [from, to] = clauseBounds(s, o.clause);
  for (let k = from; k < to; k++) {
    if (k >= o.first && k <= o.last) continue;
    const t = s.tokens[k]!;
    if (t.kind !== 'word' && t.kind !== 'number') continue;
    if (!EN_IRONY_FILLERS.has(t.norm)) return false;
  }
  return true;
}

function inIrrealis(toks: Token[], at: number, clauseStart: number): boolean {
  const from = Math.max(clauseStart, at - 5);
  for (let j = from; j < at; j++) {
    const frames = irrealisFrames.get(toks[j]!.norm);
    if (frames?.some((frame) => matches(toks, j, frame))) return true;
  }
  return false;
}
