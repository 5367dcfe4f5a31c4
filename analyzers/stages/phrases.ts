/**
 * The phrases stage: lower-cased phrases of one to three words, without stopwords, that are worth
 * counting across documents ("battery life", "customer service", "not worth", "stopped working").
 * Runs of content words between stopwords give the candidates (longer runs give their bigrams);
 * opinion phrases are kept whole with their negation, so reports can rank what positive and
 * negative documents typically say.
 */
import { wordsMentionSensitive } from '../../privacy/sensitive.js';
import { EN_BOOSTERS, EN_NEGATORS } from '../sentiment/lexicons/english.js';
import type { AnalysisRecord, Stage, Token } from '../record.js';
import { normaliseFor } from '../sentiment/other-languages.js';
import { STOPWORDS } from './stopwords.js';

/** Most phrases one document contributes. */
const MAX_PHRASES = 30;

function isContent(t: Token, lang: string, stop: ReadonlySet<string>): boolean {
  if (t.kind !== 'word') return false;
  const w = normaliseFor(lang, t.norm);
  if (stop.has(w)) return false;
  // Intensifiers and negators shape opinions; alone they are no phrase ("super", "never").
  if (lang === 'en' && (EN_BOOSTERS.has(w) || EN_NEGATORS.has(w))) return false;
  // One-letter words and Chinese single characters say little on their own.
  return lang === 'zh' ? w.length >= 2 : w.length >= 2 && !/^\d/.test(w);
}

/** Finds a record's key phrases. */
export function findPhrases(record: AnalysisRecord): string[] {
  const lang = record.lang ?? 'und';
  const stop = STOPWORDS[lang];
  if (!stop) return [];
  const joiner = lang === 'zh' ? '' : ' ';
  const found = new Set<string>();
  const add = (p: string) => {
    if (found.size < MAX_PHRASES && p) found.add(p);
  };
  for (const s of record.sentences ?? []) {
    // A sentence that discloses health, religion, ethnicity or sexuality gives no key phrase: phrases
    // become themes and segments, and those categories never should.
    if (lang === 'en') {
      const norms: string[] = [];
      for (const t of s.tokens) norms.push(t.norm);
      if (wordsMentionSensitive(norms)) continue;
    }
    const inOpinion = new Uint8Array(s.tokens.length);
    // Opinion phrases keep their negation: "not worth" is the phrase people count, not "worth".
    for (const o of s.opinions ?? []) {
      for (let k = o.first; k <= o.last; k++) inOpinion[k] = 1;
      if (!/\p{L}/u.test(o.term) || o.term.includes('…')) continue;
      if (!o.negated) add(normaliseFor(lang, o.term));
      else if (lang === 'en') add(`not ${o.term}`);
    }
    let run: string[] = [];
    const flush = () => {
      if (run.length >= 1 && run.length <= 3) add(run.join(joiner));
      else if (run.length > 3) for (let k = 0; k + 1 < run.length; k++) add(`${run[k]}${joiner}${run[k + 1]}`);
      run = [];
    };
    s.tokens.forEach((t, k) => {
      if (!inOpinion[k] && isContent(t, lang, stop)) run.push(normaliseFor(lang, t.norm));
      else flush();
    });
    flush();
  }
  return [...found];
}

/** The phrases stage: writes `phrases` for supported languages. */
export function phrasesStage(): Stage {
  return {
    name: 'phrases',
    reads: ['lang', 'supported', 'sentences', 'sentiment'],
    writes: ['phrases'],
    run(record: AnalysisRecord): void {
      record.phrases = record.supported ? findPhrases(record) : [];
    },
  };
}
